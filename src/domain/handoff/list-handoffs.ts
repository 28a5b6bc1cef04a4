import { sql, type SQL } from 'drizzle-orm';
import { HANDOFF_STATUSES, REJECT_REASONS } from '../../db/schema/vocabulary.js';
import { authorize } from '../identity/access/authorize.js';
import { isScoped } from '../identity/access/permissions.js';
import type { Ctx, Principal } from '../shared/context.js';
import { keysetPage, type Page, type PageParams, type SortSpec } from '../shared/list.js';
import { z } from '../shared/zod.js';
import { businessMinutesBetween, officeHours, type Calendar } from './business-hours.js';
import type { Handoff } from './handoff.schema.js';
import { explainAt, type StoredRule } from '../scoring/score-person.js';

export const HandoffFilter = z.object({
  status: z.enum([...HANDOFF_STATUSES, 'all']).default('open').describe('open (the queue) by default; all for the history'),
  owner: z.string().optional().describe('`me`, or a user id'),
  teamId: z.uuid().optional(),
  personId: z.uuid().optional(),
  breached: z.enum(['true', 'false']).optional().describe('Only hand-offs with (true) or without (false) an SLA breach'),
  reason: z.enum(REJECT_REASONS).optional(),
});
export type HandoffFilter = z.infer<typeof HandoffFilter>;

export const HANDOFF_SORTS = ['acceptDueAt', 'assignedAt', 'score'] as const;
const SORTS: Record<(typeof HANDOFF_SORTS)[number], SortSpec> = {
  acceptDueAt: { expr: sql`h.accept_due_at`, cast: 'timestamptz' },
  assignedAt: { expr: sql`h.assigned_at`, cast: 'timestamptz' },
  score: { expr: sql`coalesce(s.total, 0)`, cast: 'numeric' },
};

/** Sellers see the hand-offs of those whose records count as theirs (own, team, reports). */
export function handoffScope(p: Principal): SQL | undefined {
  if (!isScoped(p.role)) return undefined;
  const ids = p.teamUserIds.length ? p.teamUserIds : [p.userId ?? '00000000-0000-0000-0000-000000000000'];
  return sql`h.owner_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`;
}

type Row = Record<string, unknown> & { id: string; _sort: unknown };

/** The queue: each lead with why it is hot (grade, score, top rules), its deadline and breaches. */
export async function listHandoffs(ctx: Ctx, f: HandoffFilter, page: PageParams): Promise<Page<Handoff>> {
  authorize(ctx, 'handoffs:read');
  const owner = f.owner === 'me' ? ctx.principal.userId : f.owner;
  const where: (SQL | undefined)[] = [
    handoffScope(ctx.principal),
    f.status !== 'all' ? sql`h.status = ${f.status}` : undefined,
    owner ? sql`h.owner_id = ${owner}::uuid` : undefined,
    f.teamId ? sql`h.team_id = ${f.teamId}::uuid` : undefined,
    f.personId ? sql`h.person_id = ${f.personId}::uuid` : undefined,
    f.reason ? sql`h.reject_reason = ${f.reason}` : undefined,
    f.breached === 'true' ? sql`exists (select 1 from sla_breaches b where b.handoff_id = h.id)` : f.breached === 'false' ? sql`not exists (select 1 from sla_breaches b where b.handoff_id = h.id)` : undefined,
  ];
  const result = await keysetPage<Row>({
    params: page, sorts: SORTS, idExpr: sql`h.id`, idCast: 'uuid', where,
    run: async (w, order, limit) => (await ctx.db.execute<Row>(sql`${handoffSelect(SORTS[page.sort as keyof typeof SORTS]!.expr)} ${w ? sql`where ${w}` : sql``} order by ${order} limit ${limit}`)).rows,
  });
  return { data: await toHandoffs(ctx, result.data), nextCursor: result.nextCursor };
}

export function handoffSelect(sortExpr: SQL = sql`h.assigned_at`): SQL {
  return sql`select h.*, h.recycle_until::text as recycle_text, ${sortExpr} as _sort, p.email as person_email, nullif(trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')), '') as person_name,
      p.company_name, a.name as account_name, u.name as owner_name, u.timezone as owner_timezone, r.name as rule_name, m.version as model_version,
      s.grade, s.total, s.mql_reason, s.scored_at, x.explanation, c.timezone as cal_timezone, c.hours as cal_hours, c.holidays as cal_holidays,
      coalesce((select jsonb_agg(jsonb_build_object('kind', b.kind, 'dueAt', b.due_at, 'lateMinutes', b.late_minutes, 'resolvedAt', b.resolved_at)) from sla_breaches b where b.handoff_id = h.id), '[]'::jsonb) as breaches
    from handoffs h join people p on p.id = h.person_id join users u on u.id = h.owner_id
    left join accounts a on a.id = h.account_id left join routing_rules r on r.id = h.rule_id left join scoring_models m on m.id = h.model_id
    left join person_scores s on s.person_id = h.person_id left join person_score_explanations x on x.person_id = h.person_id left join work_calendars c on c.id = h.calendar_id`;
}

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** Rows of `handoffSelect` as the API shows them, with business-hour figures on the owner's calendar. */
export async function toHandoffs(ctx: Ctx, rows: Row[]): Promise<Handoff[]> {
  const now = ctx.clock.now();
  return rows.map((r) => {
    const cal: Calendar = r.cal_timezone ? { timezone: r.cal_timezone as string, hours: r.cal_hours as Calendar['hours'], holidays: r.cal_holidays as string[] } : officeHours((r.owner_timezone as string) ?? 'UTC');
    const explanation = r.scored_at ? explainAt((r.explanation as StoredRule[] | null) ?? [], new Date(r.scored_at as string)) : [];
    const acceptDueAt = date(r.accept_due_at)!;
    const firstTouchAt = date(r.first_touch_at);
    const acceptedAt = date(r.accepted_at);
    const breaches = (r.breaches as Array<{ kind: string; dueAt: string; lateMinutes: number; resolvedAt: string | null }>).map((b) => ({
      kind: b.kind, dueAt: new Date(b.dueAt),
      lateMinutes: b.resolvedAt ? b.lateMinutes : Math.max(0, businessMinutesBetween(new Date(b.dueAt), (b.kind === 'first_touch' ? firstTouchAt : acceptedAt) ?? now, cal)),
    }));
    return {
      id: r.id, personId: r.person_id as string, personEmail: r.person_email as string, personName: (r.person_name as string | null) ?? null, company: (r.company_name as string | null) ?? null,
      accountId: (r.account_id as string | null) ?? null, accountName: (r.account_name as string | null) ?? null,
      ownerId: r.owner_id as string, ownerName: r.owner_name as string, teamId: (r.team_id as string | null) ?? null,
      status: r.status as Handoff['status'], ruleKind: r.rule_kind as Handoff['ruleKind'], ruleName: (r.rule_name as string | null) ?? null, why: r.why as string,
      routing: r.routing as Record<string, unknown>,
      mqlAt: date(r.mql_at)!, assignedAt: date(r.assigned_at)!, acceptDueAt, firstTouchDueAt: date(r.first_touch_due_at)!, remindAt: date(r.remind_at)!, reassignAt: date(r.reassign_at)!,
      acceptedAt, firstTouchAt, rejectedAt: date(r.rejected_at),
      rejectReason: (r.reject_reason as Handoff['rejectReason']) ?? null, rejectNote: (r.reject_note as string | null) ?? null, rejectOutcome: (r.reject_outcome as Handoff['rejectOutcome']) ?? null,
      recycleUntil: (r.recycle_text as string | null) ?? null,
      evidence: (r.evidence as Record<string, unknown> | null) ?? null, previousId: (r.previous_id as string | null) ?? null,
      modelVersion: (r.model_version as number | null) ?? null, grade: (r.grade as string | null) ?? null, score: r.total === null || r.total === undefined ? null : Number(r.total), mqlReason: (r.mql_reason as string | null) ?? null,
      topReasons: explanation.filter((e) => e.points > 0).slice(0, 3).map((e) => ({ rule: e.label, points: e.points })),
      breaches,
      minutesLeft: r.status === 'open' ? businessMinutesBetween(now, acceptDueAt, cal) : null,
      timeToAcceptMinutes: acceptedAt ? businessMinutesBetween(date(r.assigned_at)!, acceptedAt, cal) : null,
    };
  });
}
