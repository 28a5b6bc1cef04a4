import { useMutation } from '@tanstack/react-query';
import { send } from './client';

export type RulePreview = {
  population: number; mqlsByScore: number; handRaisers: number;
  rules: { ruleId: string; label: string; source: 'fit' | 'engagement' | 'signal'; people: number; points: number }[];
};

/** How many people each rule of the definition being edited fires for (POST /api/v1/scoring/preview). */
export const usePreviewRules = () => useMutation({ mutationFn: (definition: unknown) => send<RulePreview>('POST', '/api/v1/scoring/preview', { definition }) });
