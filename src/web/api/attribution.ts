import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs, send } from './client';

export const MODELS = ['first_touch', 'lead_creation', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'full_path', 'time_decay', 'custom', 'markov', 'shapley'] as const;
export const MODEL_LABEL: Record<string, string> = {
  first_touch: 'First touch', lead_creation: 'Lead creation', last_touch: 'Last touch', linear: 'Linear', u_shaped: 'U-shaped', w_shaped: 'W-shaped',
  full_path: 'Full path', time_decay: 'Time decay', custom: 'Custom', markov: 'Data-driven (Markov)', shapley: 'Data-driven (Shapley)',
};
export const DIMENSIONS = ['channel', 'campaign', 'asset', 'team', 'side', 'month'] as const;

export type ReportQuery = { dimension: string; model: string; compare?: string; stage: string; from?: string; to?: string };
type Figure = { credit: number; deals: number };
export type ReportRow = { key: string; label: string; currency: string; model: Figure; compare: Figure | null };
export type Report = {
  dimension: string; model: string; compare: string | null; stage: string; rows: ReportRow[];
  totals: { currency: string; amount: number; deals: number }[]; unattributed: { currency: string; amount: number; deals: number }[];
  flags: Record<string, number>; computedAt: string | null; dataDrivenFitted: boolean;
};
export type CreditedTouch = {
  touchId: number; occurredAt: string; channel: string; kind: string; side: string; campaignId: string | null; asset: string | null; personId: string | null;
  opportunityId: string; opportunityName: string; currency: string; weight: number; credit: number; milestones: string[];
};
export type Run = { id: string; status: 'running' | 'completed' | 'failed'; step: string; done: number; total: number; timings: Record<string, number>; error: string | null; startedAt: string; finishedAt: string | null };
export type CampaignRoi = {
  campaignId: string; name: string; channel: string; currency: string; actualCost: number | null;
  models: Record<string, { revenue: number; pipeline: number; roi: number | null }>; otherCurrencies: { currency: string; revenue: number }[];
};
export type SourcedRow = { quarter: string; source: string; influenced: boolean; currency: string; pipeline: number; pipelineDeals: number; revenue: number; wonDeals: number };
export type Dispute = {
  id: string; opportunityId: string; opportunityName: string | null; openedByName: string | null; openedByTeamName: string | null;
  claimedSource: string; currentSource: string | null; reason: string; evidence: { touchIds: number[]; notes: string | null };
  status: string; ruledByName: string | null; ruledSource: string | null; ruling: string | null; ruledAt: string | null; createdAt: string;
};
export type EvidenceEvent = { at: string; kind: string; side: string; label: string; touchId: number | null; refId: string | null };
export type Evidence = {
  opportunityId: string; createdAt: string; computedSource: string | null; source: string | null; influenced: boolean | null;
  firstMarketingTouchAt: string | null; firstSalesTouchAt: string | null; verdict: string; flags: string[]; timeline: EvidenceEvent[]; disputes: Dispute[];
};

export const reportUrl = (q: ReportQuery, csv = false) => `/api/v1/attribution/report${csv ? '/export.csv' : ''}${qs(q)}`;

export function useAttributionReport(q: ReportQuery) {
  return useQuery({ queryKey: ['attribution', 'report', q], queryFn: () => api<Report>(reportUrl(q)) });
}

export type DrillQuery = { dimension: string; key: string; model: string; stage: string; from?: string; to?: string };
export const drillUrl = (q: DrillQuery, csv = false) => `/api/v1/attribution/touches${csv ? '/export.csv' : ''}${qs({ ...q, limit: 200 })}`;
export function useAttributionDrill(q: DrillQuery | null) {
  return useQuery({
    queryKey: ['attribution', 'drill', q], enabled: q !== null,
    queryFn: () => api<{ touches: CreditedTouch[]; total: number; credit: { currency: string; credit: number }[] }>(drillUrl(q!)),
  });
}

export function useLatestRun(poll: boolean) {
  return useQuery({ queryKey: ['attribution', 'run'], queryFn: () => api<Run>('/api/v1/attribution/runs/latest').catch(() => null), refetchInterval: poll ? 1_000 : false });
}

export function useRecompute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => send<{ runId: string }>('POST', '/api/v1/attribution/recompute'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attribution'] }),
  });
}

export const roiUrl = (q: { from?: string; to?: string }, csv = false) => `/api/v1/attribution/campaign-roi${csv ? '/export.csv' : ''}${qs(q)}`;
export function useCampaignRoi(q: { from?: string; to?: string }) {
  return useQuery({ queryKey: ['attribution', 'roi', q], queryFn: () => api<{ data: CampaignRoi[] }>(roiUrl(q)) });
}

export const sourcedUrl = (q: { from?: string; to?: string }, csv = false) => `/api/v1/attribution/sourced${csv ? '/export.csv' : ''}${qs(q)}`;
export function useSourced(q: { from?: string; to?: string }) {
  return useQuery({ queryKey: ['attribution', 'sourced', q], queryFn: () => api<{ data: SourcedRow[] }>(sourcedUrl(q)) });
}

export function useDisputes(status?: string) {
  return useQuery({ queryKey: ['attribution', 'disputes', status], queryFn: () => api<{ data: Dispute[] }>(`/api/v1/attribution/disputes${qs({ status })}`) });
}
export function useDisputesByTeam() {
  return useQuery({
    queryKey: ['attribution', 'disputes-by-team'],
    queryFn: () => api<{ data: { teamId: string | null; teamName: string | null; open: number; upheld: number; rejected: number; withdrawn: number }[] }>('/api/v1/attribution/disputes/by-team'),
  });
}

export function useEvidence(opportunityId: string) {
  return useQuery({ queryKey: ['attribution', 'evidence', opportunityId], queryFn: () => api<Evidence>(`/api/v1/opportunities/${opportunityId}/evidence`) });
}

export function useOpenDispute(opportunityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { claimedSource: string; reason: string; touchIds: number[]; notes: string | null }) => send<Dispute>('POST', `/api/v1/opportunities/${opportunityId}/disputes`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attribution'] }),
  });
}

export function useRuleDispute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'upheld' | 'rejected'; reason: string }) => send<Dispute>('POST', `/api/v1/attribution/disputes/${id}/ruling`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attribution'] }),
  });
}

export type CustomWeights = { ft: number; lc: number; oc: number; cw: number; between: number };
export type AttributionSettings = { lookbackDays: number; touchScope: 'contact_roles' | 'account'; halfLifeDays: number; customWeights: CustomWeights; updatedAt: string };

export function useAttributionSettings() {
  return useQuery({ queryKey: ['attribution', 'settings'], queryFn: () => api<AttributionSettings>('/api/v1/attribution/settings') });
}

export function useUpdateAttributionSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Omit<AttributionSettings, 'updatedAt'>>) => send<AttributionSettings & { runId: string }>('PATCH', '/api/v1/attribution/settings', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attribution'] }),
  });
}
