import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from './client';
import type { CampaignDetail, Page } from './types';

export type CampaignMember = {
  id: string; email: string; firstName: string | null; lastName: string | null; companyName: string | null; lifecycleStage: string;
  accountId: string | null; touches: number; firstTouchAt: string; lastTouchAt: string;
};

export function useCampaign(id: string | undefined) {
  return useQuery({ queryKey: ['campaign', id], enabled: !!id, queryFn: () => api<CampaignDetail>(`/api/v1/campaigns/${encodeURIComponent(id!)}`) });
}

export function useCampaignMembers(id: string, cursor?: string) {
  return useQuery({
    queryKey: ['campaign-members', id, cursor],
    queryFn: () => api<Page<CampaignMember>>(`/api/v1/campaigns/${encodeURIComponent(id)}/members${qs({ cursor, limit: 50 })}`),
    placeholderData: keepPreviousData,
  });
}
