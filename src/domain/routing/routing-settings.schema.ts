import { z } from '../shared/zod.js';

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'a time as HH:MM');
const range = z.strictObject({ start: hhmm, end: hhmm }).refine((r) => r.start < r.end, { path: ['end'], message: 'must be after start' });

export function isTimeZone(tz: string): boolean {
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
}

export const CalendarInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  timezone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Berlin'),
  hours: z.partialRecord(z.enum(['0', '1', '2', '3', '4', '5', '6']), z.array(range).max(6)).describe('Working hours per weekday, 0 = Sunday'),
  holidays: z.array(z.iso.date()).max(400).default([]),
});
export type CalendarInput = z.infer<typeof CalendarInput>;
export const CalendarSchema = z.object({ id: z.uuid(), name: z.string(), timezone: z.string(), hours: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))), holidays: z.array(z.string()) }).openapi('WorkCalendar');
export type WorkCalendar = z.infer<typeof CalendarSchema>;

const hours = z.number().positive().max(24 * 30);
export const SlaPolicyInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  teamId: z.uuid().nullable().default(null).describe('The queue (team) it binds; null: the default for every team without its own'),
  acceptHours: hours.default(24), firstTouchHours: hours.default(4),
  reminderBeforeHours: z.number().min(0).max(24 * 30).default(4), reassignAfterHours: hours.default(8),
  calendarId: z.uuid().nullable().default(null).describe('Used for owners without a calendar of their own'),
});
export type SlaPolicyInput = z.infer<typeof SlaPolicyInput>;
export const SlaPolicySchema = z.object({
  id: z.uuid(), name: z.string(), teamId: z.uuid().nullable(), teamName: z.string().nullable(), acceptHours: z.number(), firstTouchHours: z.number(),
  reminderBeforeHours: z.number(), reassignAfterHours: z.number(), calendarId: z.uuid().nullable(),
}).openapi('SlaPolicy');
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

export const RoutingMemberInput = z.strictObject({
  weight: z.number().int().min(0).max(100).optional().describe('Share in round-robin (0: gets none)'),
  capacity: z.number().int().min(0).max(10_000).nullable().optional().describe('Open hand-offs at which round-robin skips them; null: no limit'),
  calendarId: z.uuid().nullable().optional(),
});
export const AbsenceInput = z.strictObject({ startsOn: z.iso.date(), endsOn: z.iso.date(), note: z.string().trim().max(500).optional() })
  .refine((a) => a.endsOn >= a.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' });
export const RoutingMemberSchema = z.object({
  userId: z.uuid(), name: z.string(), role: z.string(), active: z.boolean(), teamId: z.uuid().nullable(), teamName: z.string().nullable(),
  weight: z.number().int(), capacity: z.number().int().nullable(), calendarId: z.uuid().nullable(), open: z.number().int(),
  absences: z.array(z.object({ id: z.uuid(), startsOn: z.string(), endsOn: z.string(), note: z.string().nullable() })),
}).openapi('RoutingMember');
export type RoutingMember = z.infer<typeof RoutingMemberSchema>;
