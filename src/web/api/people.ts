import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from './client';
import type { Page, PeopleFilters, PeopleSort, Person, PersonDetail, Sort } from './types';

export const peopleUrl = (filters: PeopleFilters, sort: Sort<PeopleSort>, cursor?: string, limit = 50) =>
  `/api/v1/people${qs({ ...filters, ...sort, cursor, limit })}`;

/** The CSV export of the same list: same filters and order, every page. */
export const peopleExportUrl = (filters: PeopleFilters, sort?: Sort<PeopleSort>) => `/api/v1/people/export.csv${qs({ ...filters, ...sort })}`;

export function usePeople(filters: PeopleFilters, sort: Sort<PeopleSort>, cursor?: string, limit = 50) {
  return useQuery({
    queryKey: ['people', filters, sort, cursor, limit],
    queryFn: () => api<Page<Person>>(peopleUrl(filters, sort, cursor, limit)),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({ queryKey: ['person', id], enabled: !!id, queryFn: () => api<PersonDetail>(`/api/v1/people/${encodeURIComponent(id!)}`) });
}
