import { useQuery } from '@tanstack/react-query';
import { api, qs, send } from './client';

export const REJECT_REASONS = [
  ['not_in_profile', 'Not in our profile'], ['no_budget', 'No budget'], ['no_authority', 'No authority'], ['no_need', 'No need'],
  ['bad_timing', 'Bad timing'], ['existing_customer', 'Existing customer'], ['competitor', 'Competitor'], ['duplicate', 'Duplicate'],
  ['bad_contact_data', 'Bad contact data'], ['already_working_it', 'Already working it'],
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number][0];
export const reasonLabel = (r: string | null) => REJECT_REASONS.find(([k]) => k === r)?.[1] ?? r ?? '—';

export type TraceStep = { ruleId: string; rule: string; kind: string; outcome: 'matched' | 'skipped' | 'no_match'; reason: string };
export type Handoff = {
  id: string; personId: string; personEmail: string; personName: string | null; company: string | null;
  accountId: string | null; accountName: string | null; ownerId: string; ownerName: string; teamId: string | null;
  status: 'open' | 'accepted' | 'rejected' | 'reassigned' | 'cancelled'; ruleKind: string; ruleName: string | null; why: string;
  routing: { trace?: TraceStep[]; match?: { confidence: number; detail: string } | null; skipped?: { name: string; reason: string }[]; notes?: string[] };
  mqlAt: string; assignedAt: string; acceptDueAt: string; firstTouchDueAt: string; remindAt: string; reassignAt: string;
  acceptedAt: string | null; firstTouchAt: string | null; rejectedAt: string | null;
  rejectReason: RejectReason | null; rejectNote: string | null; rejectOutcome: 'recycled' | 'disqualified' | null; recycleUntil: string | null;
  evidence: Record<string, unknown> | null; previousId: string | null; modelVersion: number | null;
  grade: string | null; score: number | null; mqlReason: string | null; topReasons: { rule: string; points: number }[];
  breaches: { kind: 'accept' | 'first_touch'; dueAt: string; lateMinutes: number }[];
  minutesLeft: number | null; timeToAcceptMinutes: number | null;
};
export type PriorWork = {
  opportunities: { id: string; name: string; stage: string; amount: number | null; createdAt: string; ownerName: string | null }[];
  salesTouches: { id: string; kind: string; occurredAt: string; personId: string | null; who: string | null }[];
};
export type HandoffDetail = Handoff & { history: Handoff[]; priorWork: PriorWork };
export type HandoffFilter = { status?: string; owner?: string; breached?: string; sort?: string; order?: string; personId?: string };

export function useHandoffs(f: HandoffFilter) {
  return useQuery({
    queryKey: ['handoffs', f],
    queryFn: () => api<{ data: Handoff[]; nextCursor: string | null }>(`/api/v1/handoffs${qs({ limit: 200, ...f })}`),
    refetchInterval: 30_000,
  });
}

export function useHandoff(id: string | null) {
  return useQuery({ queryKey: ['handoff', id], queryFn: () => api<HandoffDetail>(`/api/v1/handoffs/${id}`), enabled: !!id });
}

export type RejectInput = { reason: RejectReason; note: string; outcome: 'recycled' | 'disqualified'; recycleUntil?: string; evidence?: { opportunityId?: string; touchpointId?: string } };
export const acceptHandoff = (id: string) => send<{ timeToAcceptMinutes: number }>('POST', `/api/v1/handoffs/${id}/accept`);
export const rejectHandoff = (id: string, input: RejectInput) => send<unknown>('POST', `/api/v1/handoffs/${id}/reject`, input);
export const reassignHandoff = (id: string, note?: string) => send<unknown>('POST', `/api/v1/handoffs/${id}/reassign`, note ? { note } : {});
export type BulkResult = { decided: number; refused: number; results: { id: string; ok: boolean; code?: string; message?: string }[] };
export const decideHandoffs = (ids: string[], action: 'accept' | 'reject', reject?: RejectInput) => send<BulkResult>('POST', '/api/v1/handoffs/decide', { ids, action, ...(reject ? { reject } : {}) });

export type RejectionRow = { key: string | null; label: string; handedOff: number; accepted: number; rejected: number; acceptanceRate: number | null; reasons: Record<string, number> };
export function useRejections(by: string) {
  return useQuery({ queryKey: ['rejections', by], queryFn: () => api<RejectionRow[]>(`/api/v1/handoffs/rejections${qs({ by })}`) });
}

/** Business minutes as "3 h 20 min". */
export function businessTime(minutes: number): string {
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  return h ? `${h} h${m % 60 ? ` ${m % 60} min` : ''}` : `${m} min`;
}
