import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * The funnel trigger (migration 0009) rebuilds the episodes of the people an INSERT into
 * stage_transitions touched. Whatever way transitions arrive (a capture's first transitions,
 * several for one person in one statement, out of order, earlier than the history, re-entries),
 * the stored episodes must be exactly what a rebuild from everyone's whole history gives.
 */
let env: TestEnv;
beforeAll(async () => { env = await createTestEnv(); });
afterAll(async () => { await env?.close(); });

const q = async <R,>(text: string, values: unknown[] = []) => (await env.handle.pool.query(text, values)).rows as R[];
type Episode = { email: string; episode: number; started_at: Date; lead_at: Date | null; first_rank: number | null; last_rank: number | null };
const episodes = () => q<Episode>(`select p.email, f.episode, f.started_at, f.subscriber_at, f.lead_at, f.mql_at, f.sal_at, f.sql_at,
  f.opportunity_at, f.customer_at, f.evangelist_at, f.first_rank, f.last_rank
  from funnel_episodes f join people p on p.id = f.person_id order by p.email, f.episode`);
const idOf = async (email: string) => (await q<{ id: string }>(`select id from people where email = $1`, [email]))[0]!.id;

/** Transitions inserted with one statement (so the trigger sees them together). */
async function transitions(rows: { email: string; to: string; at: string; reentry?: boolean }[]): Promise<void> {
  const ids = await Promise.all(rows.map((r) => idOf(r.email)));
  await env.handle.pool.query(`insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type, reason, is_reentry)
    select * from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::boolean[])`,
  [ids, rows.map(() => null), rows.map((r) => r.to), rows.map((r) => r.at), rows.map(() => 'system'), rows.map(() => 'test'), rows.map((r) => r.reentry ?? false)]);
}

describe('funnel episodes follow the lifecycle history', () => {
  it('are what a rebuild from the whole history gives, for first transitions and every other arrival', async () => {
    // New people by capture: each a first `lead` transition, the whole batch in one statement.
    const batch = await env.request('POST', '/api/v1/touchpoints', { touchpoints: Array.from({ length: 60 }, (_, i) => ({
      externalId: `fe-${i}`, occurredAt: new Date(Date.UTC(2026, 3, 1, 9) + i * 3_600_000).toISOString(), kind: 'page_view', email: `fe${i}@funnel${i % 4}.example`,
    })) });
    expect(batch.body).toMatchObject({ created: 60, peopleCreated: 60 });
    const afterCapture = await episodes();
    expect(afterCapture).toHaveLength(60);
    expect(afterCapture[0]).toMatchObject({ episode: 0, first_rank: 1, last_rank: 1, mql_at: null });
    expect(afterCapture[0]!.lead_at).toEqual(afterCapture[0]!.started_at);

    // People made directly (no transition yet), then given their first transitions in odd ways.
    await env.handle.pool.query(`insert into people (email, lifecycle_stage, created_at, updated_at)
      select 'direct' || g || '@funnel.example', 'lead', now(), now() from generate_series(1, 4) g`);
    await transitions([
      // several first transitions of one person in one statement, out of order
      { email: 'direct1@funnel.example', to: 'mql', at: '2026-04-03T10:00:00Z' },
      { email: 'direct1@funnel.example', to: 'subscriber', at: '2026-04-01T10:00:00Z' },
      { email: 'direct1@funnel.example', to: 'lead', at: '2026-04-02T10:00:00Z' },
      // a single first transition to an off-path stage (no rank)
      { email: 'direct2@funnel.example', to: 'recycled', at: '2026-04-02T10:00:00Z' },
      // a single first transition beside a known person's next one
      { email: 'direct3@funnel.example', to: 'subscriber', at: '2026-04-02T11:00:00Z' },
      { email: 'fe0@funnel0.example', to: 'mql', at: '2026-04-05T10:00:00Z' },
    ]);
    // Known people, one transition each: later, earlier than their history, and a re-entry.
    await transitions([
      { email: 'fe1@funnel1.example', to: 'sal', at: '2026-04-06T10:00:00Z' },
      { email: 'fe2@funnel2.example', to: 'subscriber', at: '2026-03-01T10:00:00Z' },
      { email: 'direct2@funnel.example', to: 'mql', at: '2026-04-09T10:00:00Z', reentry: true },
    ]);
    await transitions([{ email: 'direct4@funnel.example', to: 'customer', at: '2026-04-10T10:00:00Z' }]);

    const stored = await episodes();
    await env.handle.pool.query(`select truce_rebuild_funnel_episodes(array(select distinct person_id from stage_transitions))`);
    expect(stored).toEqual(await episodes());
    // And the history shows through: a re-entry is a second pass, an earlier transition moves the start.
    const byEmail = (email: string) => stored.filter((e) => e.email === email);
    expect(byEmail('direct2@funnel.example')).toHaveLength(2);
    expect(byEmail('fe2@funnel2.example')[0]).toMatchObject({ first_rank: 0, last_rank: 1 });
    expect(byEmail('direct1@funnel.example')[0]).toMatchObject({ first_rank: 0, last_rank: 2 });
    expect(byEmail('direct4@funnel.example')[0]).toMatchObject({ first_rank: 6, last_rank: 6 });
  });
});
