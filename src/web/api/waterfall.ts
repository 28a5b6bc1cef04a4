import { useQuery } from '@tanstack/react-query';
import { api, qs } from './client';

export type Velocity = { n: number; medianDays: number | null; p90Days: number | null };
export type StageFigures = { stage: string; entered: number; passed: number; skipped: number; conversion: number | null; velocity: Velocity };
export type FunnelFigures = { episodes: number; people: number; stages: StageFigures[] };
export type WaterfallGroup = { key: string; label: string; firstPass: FunnelFigures; reentries: FunnelFigures };
export type Waterfall = { period: { from: string; to: string }; by: string; total: { firstPass: FunnelFigures; reentries: FunnelFigures }; groups: WaterfallGroup[] };
export type WaterfallParams = { by: string; from?: string | undefined; to?: string | undefined };
export type DrillParams = WaterfallParams & { key?: string | undefined; stage: string; measure: 'entered' | 'passed' | 'skipped' | 'converted'; pass: 'first' | 'reentry' };
export type WaterfallPerson = { personId: string; email: string; name: string | null; lifecycleStage: string; episodeStart: string; enteredAt: string | null };

export function useWaterfall(p: WaterfallParams) {
  return useQuery({ queryKey: ['reports', 'waterfall', p], queryFn: () => api<Waterfall>(`/api/v1/reports/waterfall${qs(p)}`) });
}

export function useWaterfallPeople(p: DrillParams | null) {
  return useQuery({
    queryKey: ['reports', 'waterfall', 'people', p], enabled: p !== null,
    queryFn: () => api<{ total: number; data: WaterfallPerson[] }>(`/api/v1/reports/waterfall/people${qs({ ...p!, limit: 200 })}`),
  });
}
