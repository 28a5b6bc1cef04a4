import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../shared/context.js';
import { SYSTEM_PRINCIPAL } from '../shared/context.js';
import { reassignHandoff } from './reassign-handoff.js';
import { LATE_AFTER_MS } from './sla-clock.js';

export type SweepRun = { handoffs: number; reminders: number; escalations: number; firstTouchBreaches: number; reassignments: number; late: number };

const CHUNK = 20_000;

/**
 * Fires every SLA step that is due, exactly once (a step is a row with a primary key per hand-off
 * and step, inserted with ON CONFLICT DO NOTHING): reminders to the owner, escalation to the
 * manager at the accept deadline (a breach), first-touch breaches, and re-routing after the second
 * deadline. A server that was down over a deadline fires the missed steps when it comes back,
 * flagged `late`. Set-based over the due hand-offs (only rows with next_step_at ≤ now are read).
 */
export async function sweepSla(ctx: Ctx): Promise<SweepRun> {
  const now = ctx.clock.now();
  const lateAfter = `${LATE_AFTER_MS / 1000} seconds`;
  const total: SweepRun = { handoffs: 0, reminders: 0, escalations: 0, firstTouchBreaches: 0, reassignments: 0, late: 0 };
  for (;;) {
    const { chunk, reassign } = await ctx.db.transaction(async (tx) => sweepChunk(tx, now, lateAfter, total));
    // Re-routing needs the routing rules (in process), one lead at a time, each in its own transaction.
    for (const id of reassign) {
      await reassignHandoff({ ...ctx, principal: SYSTEM_PRINCIPAL }, id, 'not accepted by the second SLA deadline').catch((e) => ctx.log.error({ err: e, handoffId: id }, 'SLA reassignment failed'));
      total.reassignments++;
    }
    if (chunk < CHUNK) return total;
  }
}

async function count(db: Database, q: ReturnType<typeof sql>): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(q);
  return Number(rows[0]?.n ?? 0);
}

async function sweepChunk(tx: Database, now: Date, lateAfter: string, total: SweepRun): Promise<{ chunk: number; reassign: string[] }> {
  const at = sql`${now}::timestamptz`;
  await tx.execute(sql`create temp table if not exists sla_due (id uuid primary key) on commit delete rows`);
  const chunk = await count(tx, sql`with d as (
      insert into sla_due select id from handoffs where next_step_at <= ${at} order by next_step_at limit ${CHUNK} for update skip locked
      on conflict do nothing returning 1) select count(*) as n from d`);
  total.handoffs += chunk;
  if (chunk === 0) return { chunk, reassign: [] };

  // A sales touch since the assignment is the first touch: no breach for it.
  await tx.execute(sql`update handoffs h set first_touch_at = f.at from (
      select h2.id, min(t.occurred_at) as at from sla_due d join handoffs h2 on h2.id = d.id
      join touchpoints t on t.person_id = h2.person_id and t.side = 'sales' and t.occurred_at >= h2.assigned_at
      where h2.first_touch_at is null group by h2.id) f where h.id = f.id`);

  // A lead that moved on without an answer in the queue (qualified straight to SQL, a deal opened,
  // recycled by hand) settles its hand-off: forward counts as accepted, back to nurture as cancelled.
  await tx.execute(sql`update handoffs h set
      status = case when p.lifecycle_stage in ('recycled', 'disqualified') then 'cancelled' else 'accepted' end,
      accepted_at = case when p.lifecycle_stage in ('recycled', 'disqualified') then null
        else coalesce((select min(t.occurred_at) from stage_transitions t where t.person_id = h.person_id and t.occurred_at >= h.assigned_at and t.to_stage in ('sal', 'sql', 'opportunity', 'customer', 'evangelist')), ${at}) end,
      closed_at = ${at}
    from sla_due d, people p where h.id = d.id and p.id = h.person_id and h.status = 'open' and p.lifecycle_stage <> 'mql'`);

  const manager = sql`coalesce(u.manager_id, tm.manager_id)`;
  // Reminders to the owner.
  total.reminders += await count(tx, sql`with fired as (
      insert into handoff_steps (handoff_id, step, due_at, fired_at, late)
      select h.id, 'reminder', h.remind_at, ${at}, ${at} - h.remind_at > ${lateAfter}::interval
      from sla_due d join handoffs h on h.id = d.id where h.status = 'open' and h.remind_at <= ${at}
      on conflict do nothing returning handoff_id),
    ev as (insert into events (type, subject_type, subject_id, occurred_at, data)
      select 'handoff.reminder', 'handoff', h.id, ${at}, jsonb_build_object('handoffId', h.id, 'personId', h.person_id, 'ownerId', h.owner_id, 'acceptDueAt', h.accept_due_at)
      from fired f join handoffs h on h.id = f.handoff_id returning id, subject_id),
    n as (insert into notifications (user_id, type, title, body, link, event_id, created_at)
      select h.owner_id, 'handoff.reminder', 'Reminder: accept or reject ' || p.email, 'The deadline is ' || to_char(h.accept_due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.', '/queue?handoff=' || h.id, ev.id, ${at}
      from ev join handoffs h on h.id = ev.subject_id join people p on p.id = h.person_id join users u on u.id = h.owner_id and u.active returning 1)
    select count(*) as n from fired`);

  // The accept deadline: a breach, and the manager is told (in the inbox and by e-mail).
  total.escalations += await count(tx, sql`with fired as (
      insert into handoff_steps (handoff_id, step, due_at, fired_at, late)
      select h.id, 'escalation', h.accept_due_at, ${at}, ${at} - h.accept_due_at > ${lateAfter}::interval
      from sla_due d join handoffs h on h.id = d.id where h.status = 'open' and h.accept_due_at <= ${at}
      on conflict do nothing returning handoff_id),
    br as (insert into sla_breaches (handoff_id, kind, owner_id, team_id, due_at, recorded_at)
      select h.id, 'accept', h.owner_id, h.team_id, h.accept_due_at, ${at} from fired f join handoffs h on h.id = f.handoff_id
      on conflict (handoff_id, kind) do nothing returning handoff_id),
    ev as (insert into events (type, subject_type, subject_id, occurred_at, data)
      select e.type, 'handoff', h.id, ${at}, jsonb_build_object('handoffId', h.id, 'personId', h.person_id, 'ownerId', h.owner_id, 'kind', 'accept', 'dueAt', h.accept_due_at, 'managerId', ${manager})
      from fired f join handoffs h on h.id = f.handoff_id join users u on u.id = h.owner_id left join teams tm on tm.id = u.team_id
      cross join (values ('handoff.breached'), ('handoff.escalated')) e(type) returning id, subject_id, type),
    n as (insert into notifications (user_id, type, title, body, link, event_id, created_at)
      select r.user_id, 'handoff.escalated', r.title, 'Assigned to ' || u.name || '; the deadline was ' || to_char(h.accept_due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.', '/queue?handoff=' || h.id, ev.id, ${at}
      from ev join handoffs h on h.id = ev.subject_id join people p on p.id = h.person_id join users u on u.id = h.owner_id left join teams tm on tm.id = u.team_id
      cross join lateral (values (h.owner_id, 'SLA missed: ' || p.email || ' was not accepted in time'), (${manager}, 'Escalation: ' || u.name || ' missed the deadline for ' || p.email)) r(user_id, title)
      join users ru on ru.id = r.user_id and ru.active
      where ev.type = 'handoff.escalated' returning user_id, title, body, link, event_id),
    m as (insert into email_outbox (to_address, subject, body_text, event_id, next_attempt_at, created_at)
      select ru.email, n.title, n.body || E'\nOpen in Truce: ' || n.link, n.event_id, ${at}, ${at} from n join users ru on ru.id = n.user_id returning 1)
    select count(*) as n from fired`);

  // First touch: no sales touch by the deadline.
  total.firstTouchBreaches += await count(tx, sql`with fired as (
      insert into handoff_steps (handoff_id, step, due_at, fired_at, late)
      select h.id, 'first_touch_breach', h.first_touch_due_at, ${at}, ${at} - h.first_touch_due_at > ${lateAfter}::interval
      from sla_due d join handoffs h on h.id = d.id where h.status in ('open', 'accepted') and h.first_touch_at is null and h.first_touch_due_at <= ${at}
      on conflict do nothing returning handoff_id),
    br as (insert into sla_breaches (handoff_id, kind, owner_id, team_id, due_at, recorded_at)
      select h.id, 'first_touch', h.owner_id, h.team_id, h.first_touch_due_at, ${at} from fired f join handoffs h on h.id = f.handoff_id
      on conflict (handoff_id, kind) do nothing returning handoff_id),
    ev as (insert into events (type, subject_type, subject_id, occurred_at, data)
      select 'handoff.breached', 'handoff', h.id, ${at}, jsonb_build_object('handoffId', h.id, 'personId', h.person_id, 'ownerId', h.owner_id, 'kind', 'first_touch', 'dueAt', h.first_touch_due_at)
      from fired f join handoffs h on h.id = f.handoff_id returning id, subject_id),
    n as (insert into notifications (user_id, type, title, body, link, event_id, created_at)
      select h.owner_id, 'handoff.breached', 'First touch missed: ' || p.email, 'No call, meeting or e-mail logged by ' || to_char(h.first_touch_due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC.', '/people/' || h.person_id, ev.id, ${at}
      from ev join handoffs h on h.id = ev.subject_id join people p on p.id = h.person_id join users u on u.id = h.owner_id and u.active returning 1)
    select count(*) as n from fired`);

  // The second deadline: re-route (after this transaction commits).
  const { rows: reassign } = await tx.execute<{ handoff_id: string }>(sql`
    insert into handoff_steps (handoff_id, step, due_at, fired_at, late)
    select h.id, 'reassignment', h.reassign_at, ${at}, ${at} - h.reassign_at > ${lateAfter}::interval
    from sla_due d join handoffs h on h.id = d.id where h.status = 'open' and h.reassign_at <= ${at}
    on conflict do nothing returning handoff_id`);

  total.late += await count(tx, sql`select count(*) as n from handoff_steps s join sla_due d on d.id = s.handoff_id where s.fired_at = ${at} and s.late`);

  // The next step each hand-off waits for: everything up to now has fired.
  await tx.execute(sql`update handoffs h set next_step_at = case
      when h.status = 'open' then least(
        case when h.remind_at > ${at} then h.remind_at end, case when h.accept_due_at > ${at} then h.accept_due_at end,
        case when h.reassign_at > ${at} then h.reassign_at end, case when h.first_touch_at is null and h.first_touch_due_at > ${at} then h.first_touch_due_at end)
      when h.status = 'accepted' then case when h.first_touch_at is null and h.first_touch_due_at > ${at} then h.first_touch_due_at end
    end
    from sla_due d where h.id = d.id`);
  return { chunk, reassign: reassign.map((r) => r.handoff_id) };
}
