import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from './client';

export type ScoringModel = {
  id: string; name: string; version: number; status: 'draft' | 'published' | 'retired'; definition: ScoringDefinition;
  notes: string | null; basedOnId: string | null; createdAt: string; publishedAt: string | null; retiredAt: string | null;
};
export type Rule = { id: string; label: string; points: number; when: unknown; cap?: { maxPoints: number; periodDays: number }; halfLifeDays?: number };
export type ScoringDefinition = {
  halfLifeDays: number; fit: Rule[]; engagement: Rule[]; signals: Record<string, { points: number; withinDays?: number } | undefined>;
  grades: { fit: number[]; engagement: number[] }; mqlThreshold: number;
};
export type BacktestMetrics = {
  modelId: string; version: number; name: string; auc: number | null; topDecileLift: number | null; mqlsAtCutoff: number;
  convertersCaught: number; customersCaught: number; mqlsPerMonth: { month: string; mqls: number }[];
};
export type Backtest = { cutoff: string; horizonDays: number; population: number; converters: number; customers: number; model: BacktestMetrics; live: BacktestMetrics | null };
export type WeightSuggestion = {
  population: number; converters: number; trained: number; heldOut: number; heldOutAuc: number | null; currentAuc: number | null;
  rules: { ruleId: string; label: string; coefficient: number; points: number; currentPoints: number; share: number }[];
  excluded: { ruleId: string; reason: string }[]; definition: ScoringDefinition;
};

export function useScoringModels() {
  return useQuery({ queryKey: ['scoring-models'], queryFn: () => api<{ data: ScoringModel[] }>('/api/v1/scoring/models') });
}

function useModelWrite<T>(fn: (body: Record<string, unknown>) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['scoring-models'] }) });
}

export const useCreateModel = () => useModelWrite((b) => send<ScoringModel>('POST', '/api/v1/scoring/models', b));
export const useUpdateModel = () => useModelWrite((b) => send<ScoringModel>('PATCH', `/api/v1/scoring/models/${String(b.id)}`, { name: b.name, definition: b.definition }));
export const usePublishModel = () => useModelWrite((b) => send<ScoringModel>('POST', `/api/v1/scoring/models/${String(b.id)}/publish`));
export const useBacktest = () => useMutation({ mutationFn: (b: { id: string; cutoff?: string }) => send<Backtest>('POST', `/api/v1/scoring/models/${b.id}/backtest`, b.cutoff ? { cutoff: b.cutoff } : {}) });
export const useSuggestWeights = () => useMutation({ mutationFn: (b: { id: string }) => send<WeightSuggestion>('POST', `/api/v1/scoring/models/${b.id}/suggest-weights`, {}) });
