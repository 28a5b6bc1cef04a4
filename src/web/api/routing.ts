import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoutingRuleKind } from '../../db/schema/vocabulary';
import { api, send } from './client';

export { ROUTING_RULE_KINDS } from '../../db/schema/vocabulary';
export type { RoutingRuleKind };

/** What a rule tests (docs/openapi.json, RoutingConditions): every condition given must hold. */
export type RoutingConditions = {
  countries?: string[]; regions?: string[]; industries?: string[]; tiers?: ('tier_1' | 'tier_2' | 'tier_3')[];
  minEmployees?: number; maxEmployees?: number; accountIds?: string[]; minConfidence?: number;
};
export type RoutingRule = {
  id: string; position: number; name: string; kind: RoutingRuleKind; conditions: RoutingConditions;
  targetUserId: string | null; targetTeamId: string | null; targetName: string | null; active: boolean; createdAt: string; updatedAt: string;
};
export type RoutingRuleInput = {
  name: string; kind: RoutingRuleKind; conditions: RoutingConditions; targetUserId: string | null; targetTeamId: string | null;
  active: boolean; position?: number;
};

export type TraceStep = { ruleId: string; rule: string; kind: string; outcome: 'matched' | 'skipped' | 'no_match'; reason: string };
export type RoutingTestInput = { personId?: string; email?: string; companyName?: string; country?: string; region?: string };
export type RoutingTestResult = {
  ruleId: string | null; ruleKind: string; ownerId: string; ownerName: string; teamId: string | null; why: string; lastResort: boolean;
  trace: TraceStep[]; notes: string[]; skipped: { userId: string; name: string; reason: string }[];
  match: { accountId: string; accountName: string | null; via: string; confidence: number; detail: string } | null;
  deadlines: { acceptDueAt: string; firstTouchDueAt: string; remindAt: string; reassignAt: string };
};

export type Absence = { id: string; startsOn: string; endsOn: string; note: string | null };
export type RoutingMember = {
  userId: string; name: string; role: string; active: boolean; teamId: string | null; teamName: string | null;
  weight: number; capacity: number | null; calendarId: string | null; open: number; absences: Absence[];
};

export type TimeRange = { start: string; end: string };
/** Working hours per weekday, '0' = Sunday … '6' = Saturday. */
export type WeekHours = Partial<Record<'0' | '1' | '2' | '3' | '4' | '5' | '6', TimeRange[]>>;
export type WorkCalendar = { id: string; name: string; timezone: string; hours: WeekHours; holidays: string[] };
export type WorkCalendarInput = Omit<WorkCalendar, 'id'>;

export type SlaPolicy = {
  id: string; name: string; teamId: string | null; teamName: string | null; acceptHours: number; firstTouchHours: number;
  reminderBeforeHours: number; reassignAfterHours: number; calendarId: string | null;
};
export type SlaPolicyInput = Omit<SlaPolicy, 'id' | 'teamName'>;

const BASE = '/api/v1/routing';

export const useRoutingRules = () => useQuery({ queryKey: ['routing', 'rules'], queryFn: () => api<RoutingRule[]>(`${BASE}/rules`) });
export const useRoutingMembers = () => useQuery({ queryKey: ['routing', 'members'], queryFn: () => api<RoutingMember[]>(`${BASE}/members`) });
export const useWorkCalendars = () => useQuery({ queryKey: ['routing', 'calendars'], queryFn: () => api<WorkCalendar[]>(`${BASE}/calendars`) });
export const useSlaPolicies = () => useQuery({ queryKey: ['routing', 'sla-policies'], queryFn: () => api<SlaPolicy[]>(`${BASE}/sla-policies`) });

/** Any routing write; everything routing shows is refreshed after (a rule's target name, a member's calendar…). */
function useRoutingWrite<T, V>(fn: (v: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['routing'] }) });
}

export const useCreateRoutingRule = () => useRoutingWrite((body: RoutingRuleInput) => send<RoutingRule>('POST', `${BASE}/rules`, body));
/** Replaces a rule (the API takes the whole rule), or moves it with `position`. */
export const useSaveRoutingRule = () => useRoutingWrite(({ id, ...body }: RoutingRuleInput & { id: string }) => send<RoutingRule>('PUT', `${BASE}/rules/${id}`, body));
export const useDeleteRoutingRule = () => useRoutingWrite((id: string) => send<void>('DELETE', `${BASE}/rules/${id}`));

/** "Where would this person go, and why?": nothing is written, so it is a mutation only in name. */
export const useTestRouting = () => useMutation({ mutationFn: (body: RoutingTestInput) => send<RoutingTestResult>('POST', `${BASE}/test`, body) });

export const useUpdateRoutingMember = () => useRoutingWrite(({ userId, ...body }: { userId: string; weight?: number; capacity?: number | null; calendarId?: string | null }) =>
  send<RoutingMember>('PATCH', `${BASE}/members/${userId}`, body));
export const useAddAbsence = () => useRoutingWrite(({ userId, ...body }: { userId: string; startsOn: string; endsOn: string; note?: string }) =>
  send<{ id: string }>('POST', `${BASE}/members/${userId}/absences`, body));
export const useRemoveAbsence = () => useRoutingWrite(({ userId, absenceId }: { userId: string; absenceId: string }) =>
  send<void>('DELETE', `${BASE}/members/${userId}/absences/${absenceId}`));

export const useSaveCalendar = () => useRoutingWrite(({ id, ...body }: WorkCalendarInput & { id?: string }) =>
  id ? send<WorkCalendar>('PUT', `${BASE}/calendars/${id}`, body) : send<WorkCalendar>('POST', `${BASE}/calendars`, body));
export const useSaveSlaPolicy = () => useRoutingWrite((body: SlaPolicyInput) => send<SlaPolicy>('PUT', `${BASE}/sla-policies`, body));

/** A rule as the API takes it back (PUT replaces the whole rule). */
export const ruleInput = (r: RoutingRule): RoutingRuleInput => ({
  name: r.name, kind: r.kind, conditions: r.conditions, targetUserId: r.targetUserId, targetTeamId: r.targetTeamId, active: r.active,
});
