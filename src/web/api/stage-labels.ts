import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_STAGE_LABELS } from '../../domain/lifecycle/stage-label-defaults';
import { api, send } from './client';

export type StageLabels = Record<keyof typeof DEFAULT_STAGE_LABELS, string>;
export type StageLabelsResult = { labels: StageLabels; defaults: StageLabels; updatedAt: string | null };

export function useStageLabels() {
  return useQuery({ queryKey: ['stage-labels'], queryFn: () => api<StageLabelsResult>('/api/v1/lifecycle/stage-labels'), staleTime: 5 * 60_000 });
}

/** The label of a lifecycle stage: the company's own (settings), the default while they load or for an unknown code. */
export function useStageLabel(): (stage: string) => string {
  const labels = useStageLabels().data?.labels;
  return (stage) => (labels as Record<string, string> | undefined)?.[stage] ?? (DEFAULT_STAGE_LABELS as Record<string, string>)[stage] ?? stage.replace(/_/g, ' ');
}

export function useUpdateStageLabels() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (labels: Partial<StageLabels>) => send<StageLabelsResult>('PUT', '/api/v1/lifecycle/stage-labels', { labels }),
    onSuccess: (data) => { client.setQueryData(['stage-labels'], data); },
  });
}
