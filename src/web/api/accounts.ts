import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from './client';
import type { Account, AccountDetail, AccountsFilters, AccountsSort, Page, Sort } from './types';

export const accountsExportUrl = (filters: AccountsFilters, sort?: Sort<AccountsSort>) => `/api/v1/accounts/export.csv${qs({ ...filters, ...sort })}`;

export function useAccounts(filters: AccountsFilters, sort: Sort<AccountsSort>, cursor?: string) {
  return useQuery({
    queryKey: ['accounts', filters, sort, cursor],
    queryFn: () => api<Page<Account>>(`/api/v1/accounts${qs({ ...filters, ...sort, cursor, limit: 50 })}`),
    placeholderData: keepPreviousData,
  });
}

export function useAccount(id: string | undefined) {
  return useQuery({ queryKey: ['account', id], enabled: !!id, queryFn: () => api<AccountDetail>(`/api/v1/accounts/${encodeURIComponent(id!)}`) });
}
