import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export type Explanation = {
  ruleId: string; label: string; source: 'fit' | 'engagement' | 'signal'; points: number; rawPoints: number; decayed: number;
  count: number; firstAt: string | null; lastAt: string | null; hits: { at: string; rawPoints: number; points: number; capped: boolean }[];
};
export type PersonScore = {
  personId: string; modelId: string; modelVersion: number; fit: number; engagement: number; total: number; grade: string;
  mqlReason: 'hand_raise' | 'score' | null; explanation: Explanation[]; scoredAt: string;
};

export function usePersonScore(personId: string) {
  return useQuery({ queryKey: ['person-score', personId], queryFn: () => api<PersonScore | null>(`/api/v1/people/${personId}/score`) });
}
