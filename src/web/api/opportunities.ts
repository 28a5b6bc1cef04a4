import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from './client';
import type { Opportunity, OpportunityDetail, Page } from './types';

export function useAccountOpportunities(accountId: string, cursor?: string) {
  return useQuery({
    queryKey: ['opportunities', { accountId }, cursor],
    queryFn: () => api<Page<Opportunity>>(`/api/v1/opportunities${qs({ accountId, cursor, limit: 50, sort: 'createdAt', order: 'desc' })}`),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunity(id: string | undefined) {
  return useQuery({ queryKey: ['opportunity', id], enabled: !!id, queryFn: () => api<OpportunityDetail>(`/api/v1/opportunities/${encodeURIComponent(id!)}`) });
}
