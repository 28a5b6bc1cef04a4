import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send } from './client';
import type { Figure } from './cards';

type Money = { currency: string; amount: number; count: number };
export type RevenueGoal = { id: string; startsOn: string; endsOn: string; amount: number; currency: string; note: string | null; salesCommittedAt: string | null; marketingCommittedAt: string | null };
export type GoalBoard = {
  goal: RevenueGoal | null;
  progress: { won: Figure; share: Figure; remaining: Figure; coveringPipeline: Figure; coverage: Figure };
  thisQuarter: { quarter: string; won: Money[]; weighted: Money[]; commit: Money[]; bestCase: Money[]; accuracy: { quarter: string; currency: string; forecast: number; won: number; accuracy: Figure }[]; accuracyWhy: string | null };
  nextFour: {
    pipelineByQuarter: { quarter: string; rows: Money[] }[]; pipelineWithoutCloseDate: Money[]; nurtureByGrade: { grade: string; people: number }[];
    whitespace: { accounts: number; customers: number; sites: number; top: { id: string; name: string; customer: boolean; people: number; touches90d: number }[]; note: string };
  };
};
export type Alignment = {
  statements: string[];
  quarters: { quarter: string; sales: { respondents: number; total: number | null; band: string | null }; marketing: { respondents: number; total: number | null; band: string | null }; gap: number | null }[];
  latest: { quarter: string; byStatement: { statement: number; sales: number | null; marketing: number | null }[] } | null;
  mine: { quarter: string; ratings: number[]; total: number; side: string } | null;
  signals: Record<'forecastAccuracy' | 'mqlAcceptanceRate' | 'slaCompliance' | 'disputeRate' | 'marketingInfluencedShare' | 'feedbackItems', Figure> & { windowDays: number };
};

export function useGoalBoard() {
  return useQuery({ queryKey: ['reports', 'goal'], queryFn: () => api<GoalBoard>('/api/v1/reports/goal') });
}
export function useSetGoal() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (b: { startsOn: string; endsOn: string; amount: number; currency: string }) => send<RevenueGoal>('PUT', '/api/v1/goals', b), onSuccess: () => client.invalidateQueries({ queryKey: ['reports', 'goal'] }) });
}
export function useCommitGoal() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string) => send<RevenueGoal>('POST', `/api/v1/goals/${id}/commit`, {}), onSuccess: () => client.invalidateQueries({ queryKey: ['reports', 'goal'] }) });
}
export function useAlignment() {
  return useQuery({ queryKey: ['reports', 'alignment'], queryFn: () => api<Alignment>('/api/v1/reports/alignment') });
}
export function useAnswerSurvey() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (ratings: number[]) => send('PUT', '/api/v1/alignment/responses/me', { ratings }), onSuccess: () => client.invalidateQueries({ queryKey: ['reports', 'alignment'] }) });
}
