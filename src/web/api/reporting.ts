import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export type MoneyRow = { currency: string; count: number; amount: number };
export type Scoreboard = {
  period: { from: string; to: string; label: string };
  openPipeline: (MoneyRow & { stage: string })[];
  created: MoneyRow[];
  won: MoneyRow[];
  lost: MoneyRow[];
  winRate: number | null;
  funnel: { stage: string; entered: number }[] | null;
  touches: { side: string; count: number }[] | null;
};
export type TeamMemberRow = {
  userId: string; name: string; role: string; openDeals: number; openAmount: number; wonAmount: number; leadsWaiting: number; accepted: number;
};

export function useScoreboard() {
  return useQuery({ queryKey: ['reports', 'scoreboard'], queryFn: () => api<Scoreboard>('/api/v1/reports/scoreboard') });
}

export function useTeamOverview() {
  return useQuery({ queryKey: ['reports', 'team'], queryFn: () => api<{ data: TeamMemberRow[] }>('/api/v1/reports/team') });
}
