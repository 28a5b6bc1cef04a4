import { useInfiniteQuery } from '@tanstack/react-query';
import { api, qs } from './client';
import type { Page, TouchFilters, Touchpoint } from './types';

/** A timeline (a person's or an account's), newest first, one page of touches at a time. */
export function useTimeline(base: string, filters: TouchFilters, limit = 25) {
  return useInfiniteQuery({
    queryKey: ['timeline', base, filters, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Touchpoint>>(`${base}${qs({ ...filters, sort: 'occurredAt', order: 'desc', cursor: pageParam, limit })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
