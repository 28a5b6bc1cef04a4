import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createForm } from '../src/domain/capture/create-form.js';
import { sweepSla } from '../src/domain/handoff/sweep-sla.js';
import { fixedClock } from '../src/domain/shared/clock.js';
import { systemCtx } from '../src/domain/shared/context.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/logger.js';
import type { Target } from './server-process.js';
import { fmt, percentile } from './stats.js';

const HOUR = 3_600_000;
const OPEN = 100_000;

/**
 * The hand-off on the demo database (the server stopped), in process:
 * 1. a hand-raise form post answered by the app (capture, score, MQL, routing, the hand-off with
 *    its deadline stored before the answer), checked to have its assignment, timed end to end;
 * 2. the SLA sweep with 100,000 open hand-offs: a tick with a thousand steps due, a tick with none,
 *    and the catch-up after a server was down with every one of them due (reminders, escalations
 *    with their breaches, events, inbox and e-mail rows, first-touch breaches).
 */
export async function benchHandoff(target: Target, r: Record<string, string>, label: string): Promise<void> {
  const handle = await openDatabase('databaseUrl' in target ? { url: target.databaseUrl } : 'dataDir' in target ? { dataDir: target.dataDir } : { memory: true });
  try {
    const { rows: [demo] } = await handle.pool.query<{ now: string }>(`select value->>'now' as now from settings where key = 'demo'`);
    const clock = fixedClock(new Date(new Date(demo?.now ?? Date.now()).getTime() + 2 * HOUR));
    const log = createLogger('silent');
    const ctx = systemCtx(handle, clock, log);
    const app = createApp({ handle, config: loadConfig({ NODE_ENV: 'production' }, { webDistDir: '/nonexistent', formRateLimitPerMinute: 1_000_000 }), log, clock });
    await createForm(ctx, { key: 'bench-handoff', name: 'Bench hand-off', kind: 'demo_request' } as never);
    const latencies: number[] = [];
    for (let i = -20; i < 300; i++) {
      const email = `handoff${i}@bench-raiser${i % 40}.example`;
      const t0 = performance.now();
      const res = await app.request('/f/bench-handoff', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${(i + 20) % 250}.1` },
        body: JSON.stringify({ email, firstName: 'Hand', company: `Raiser ${i % 40}` }),
      });
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (res.status !== 201) throw new Error(`form failed: ${res.status}`);
      const { rows } = await handle.pool.query(`select h.accept_due_at from handoffs h join people p on p.id = h.person_id where p.email = $1 and h.status = 'open'`, [email]);
      if (rows.length !== 1) throw new Error(`no hand-off stored for ${email} when the form answered`);
      if (i >= 0) latencies.push(ms);
    }
    r[`hand-raise form → stored assignment, p50 ms (${label} demo, in process)`] = fmt(percentile(latencies, 50), 2);
    r[`hand-raise form → stored assignment, p99 ms (${label} demo, in process)`] = fmt(percentile(latencies, 99), 2);

    // 100,000 open hand-offs of bench people: one in a hundred has a step due at this tick (reminders,
    // escalations with breaches, first-touch breaches), the rest later. The sweep reads only what is due.
    const now = clock.now();
    await handle.pool.query(`insert into people (email, lifecycle_stage, created_at, updated_at)
      select 'sla' || g || '@sla-bench.example', 'mql', $1, $1 from generate_series(1, ${OPEN}) g`, [now]);
    const { rows: [owner] } = await handle.pool.query<{ id: string }>(`select id from users where role = 'sdr' and active order by email limit 1`);
    await handle.pool.query(`insert into handoffs (person_id, owner_id, status, rule_kind, why, mql_at, assigned_at, accept_due_at, first_touch_due_at, remind_at, reassign_at, next_step_at, created_at)
      select p.id, $1, 'open', 'round_robin', 'bench', t - interval '30 hours', t - interval '30 hours',
        t + case when n % 3 = 0 then interval '-1 hour' else interval '5 hours' end, t + case when n % 3 = 1 then interval '-1 hour' else interval '1 hour' end,
        t - interval '1 minute', t + interval '30 hours', t - interval '1 minute', t - interval '30 hours'
      from (select id, row_number() over () as n, case when row_number() over () % 100 = 0 then $2::timestamptz else $2::timestamptz + interval '2 hours' end as t
            from people where email like '%@sla-bench.example') p`, [owner!.id, now]);
    await handle.pool.query('analyze handoffs');
    const t0 = performance.now();
    const tick = await sweepSla(ctx);
    r[`SLA sweep, ${fmt(OPEN, 0)} open hand-offs, ${fmt(tick.handoffs, 0)} due (ms)`] = fmt(performance.now() - t0, 0);
    const idle = performance.now();
    await sweepSla(ctx);
    r[`SLA sweep, ${fmt(OPEN, 0)} open hand-offs, none due (ms)`] = fmt(performance.now() - idle, 1);
    // Back after two hours down: every one of them has a step due, and each fires (late) once.
    clock.set(new Date(now.getTime() + 2 * HOUR + 60_000));
    const c0 = performance.now();
    const all = await sweepSla(ctx);
    const seconds = (performance.now() - c0) / 1000;
    r[`SLA catch-up, ${fmt(all.handoffs, 0)} hand-offs due at once (s; ${fmt(all.handoffs / seconds, 0)}/s)`] = fmt(seconds, 1);
  } finally {
    await handle.close();
  }
}
