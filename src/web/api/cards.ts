import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs, send } from './client';

export type Figure = { value: number | null; why: string | null };
export type MoneyRow = { currency: string; count: number; amount: number };
export type Money = { currency: string; amount: number };
export type CardPeriod = { from: string; to: string; label: string };
export type CardPerson = { id: string; name: string; role: string; teamId: string | null; active: boolean };
export type LeadFigures = {
  received: number; accepted: number; rejected: number; acceptanceRate: Figure; rejectionReasons: Record<string, number>;
  hoursToAccept: Figure; hoursToFirstTouch: Figure; slaBreaches: { accept: number; firstTouch: number }; openNow: number;
};
export type Quota = { id: string; userId: string; startsOn: string; endsOn: string; amount: number; currency: string };
export type RepCard = {
  kind: 'rep'; period: CardPeriod; person: CardPerson; quota: Quota | null; wonInQuotaPeriod: Figure; attainment: Figure; coverage: Figure;
  pipelineCreated: MoneyRow[]; openPipeline: MoneyRow[]; won: MoneyRow[]; lost: MoneyRow[]; winRate: Figure; averageDealSize: Money[];
  cycleDays: Figure; leads: LeadFigures; activitiesLogged: number; feedbackItems: Figure; notes: string[];
};
export type SdrCard = { kind: 'sdr'; period: CardPeriod; person: CardPerson; leads: LeadFigures; qualificationRate: Figure; sqlsPassed: number; notes: string[] };
export type MarketingCard = {
  kind: 'marketing'; period: CardPeriod; owner: CardPerson | null; mqls: number; sals: number; sqls: number; sqlsInPeriod: number;
  mqlToSal: Figure; mqlToSql: Figure; rejectionReasons: Record<string, number>;
  pipelineSourced: Money[]; pipelineInfluenced: Money[]; revenueSourced: Money[]; revenueInfluenced: Money[]; opportunitiesSourced: number;
  cost: Money[]; costPerMql: Figure; costPerSql: Figure; costPerOpportunity: Figure;
  campaigns: { id: string; name: string; currency: string; cost: number | null; revenue: number; roi: Figure }[];
  notes: string[];
};
export type CardKind = 'rep' | 'sdr' | 'marketing';

export function useCard<T>(kind: CardKind, userId: string | null, period: string) {
  const path = kind === 'marketing' ? `/api/v1/reports/cards/marketing${qs({ period, ownerId: userId })}` : `/api/v1/reports/cards/${kind}/${userId ?? 'me'}${qs({ period })}`;
  return useQuery({ queryKey: ['reports', 'card', kind, userId, period], queryFn: () => api<T>(path) });
}

export function useQuotas() {
  return useQuery({ queryKey: ['quotas'], queryFn: () => api<{ data: (Quota & { userName: string })[] }>('/api/v1/quotas') });
}

export function useSetQuota() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<Quota, 'id'>) => send<Quota>('PUT', '/api/v1/quotas', body),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['quotas'] }); void client.invalidateQueries({ queryKey: ['reports', 'card'] }); },
  });
}

export function useImportQuotas() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => api<{ saved: number; errors: { row: number; field: string; message: string }[] }>('/api/v1/quotas/import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv }),
    onSuccess: () => { void client.invalidateQueries({ queryKey: ['quotas'] }); },
  });
}
