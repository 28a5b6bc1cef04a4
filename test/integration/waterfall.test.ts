import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam } from '../../src/domain/identity/create-team.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * The waterfall against a generated history whose answers the test computes on its own, naively
 * (no code shared with src/domain/reporting): people who skip stages, people who come back
 * (re-entries), a month with nobody, transitions inserted out of time order. Now is 2026-06-15.
 */
const STAGES = ['subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'evangelist'];
const DAY = 86_400_000;
const SOURCES = ['marketing', 'sales', 'partner', 'inside_sales'];
type T = { stage: string; at: number; re: boolean };
type P = { id?: string; email: string; source: string; team: 'north' | 'south'; employees: number | null; transitions: T[] };

/** A deterministic generator (LCG): the same history on every run and both engines. */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function generate(): P[] {
  const r = rng(7);
  const months = [0, 1, 3, 4]; // January, February, April, May 2026: nobody starts in March
  const people: P[] = [];
  for (let i = 0; i < 90; i++) {
    const month = months[i % months.length]!;
    let at = Date.UTC(2026, month, 1 + Math.floor(r() * 27), Math.floor(r() * 24));
    const path = ['lead'];
    if (r() < 0.15) path.unshift('subscriber');
    for (const next of ['mql', 'sal', 'sql', 'opportunity', 'customer']) {
      if (r() < 0.35) break;
      if (r() < 0.2) continue; // skip a stage
      path.push(next);
    }
    if (i % 9 === 0) path.splice(0, path.length, 'mql', 'sal'); // starts at MQL: was never a lead
    const transitions: T[] = [];
    for (const stage of path) {
      transitions.push({ stage, at, re: false });
      at += Math.floor(1 + r() * 20) * DAY / 2;
    }
    if (i % 7 === 0) { // recycled, then back as an MQL (a re-entry), sometimes accepted again
      transitions.push({ stage: 'recycled', at, re: false });
      at += 20 * DAY;
      if (at < Date.UTC(2026, 5, 15)) {
        transitions.push({ stage: 'mql', at, re: true });
        if (i % 2 === 0) transitions.push({ stage: 'sal', at: at + 3 * DAY, re: false });
      }
    }
    if (i % 11 === 0) transitions.push({ stage: 'disqualified', at: at + DAY, re: false });
    people.push({
      email: `w${i}@waterfall.test`, source: SOURCES[i % 4]!, team: i % 3 === 0 ? 'south' : 'north',
      employees: i % 5 === 0 ? null : [20, 300, 5000][i % 3]!, transitions,
    });
  }
  return people;
}

/** The test's own reading of the rules in DOMAIN.md. */
function expected(people: P[], keyOf: (p: P, start: number) => string, range = { from: Date.UTC(2025, 6, 1), to: Date.UTC(2026, 5, 16) }) {
  type Ep = { person: string; reentry: boolean; start: number; at: Map<string, number>; key: string };
  const eps: Ep[] = [];
  for (const p of people) {
    const sorted = [...p.transitions].sort((a, b) => a.at - b.at);
    let cur: Ep | null = null;
    sorted.forEach((t, i) => {
      if (i === 0 || t.re) {
        cur = { person: p.email, reentry: i > 0, start: t.at, at: new Map(), key: '' };
        if (cur.start >= range.from && cur.start < range.to) eps.push(cur);
      }
      if (STAGES.includes(t.stage) && !cur!.at.has(t.stage)) cur!.at.set(t.stage, t.at);
    });
  }
  for (const e of eps) e.key = keyOf(people.find((p) => p.email === e.person)!, e.start);
  const pct = (xs: number[], q: number) => {
    if (!xs.length) return null;
    const s = [...xs].sort((a, b) => a - b), pos = (s.length - 1) * q, lo = Math.floor(pos);
    return s[lo]! + (s[Math.ceil(pos)]! - s[lo]!) * (pos - lo);
  };
  const figures = (list: Ep[]) => {
    const ranks = list.map((e) => [...e.at.keys()].map((s) => STAGES.indexOf(s)));
    const passed = (i: number) => ranks.filter((rs) => rs.length && Math.min(...rs) <= i && Math.max(...rs) >= i).length;
    return {
      episodes: list.length,
      stages: STAGES.map((stage, i) => {
        const next = STAGES[i + 1];
        const days = next ? list.filter((e) => e.at.has(stage) && e.at.has(next) && e.at.get(next)! >= e.at.get(stage)!).map((e) => (e.at.get(next)! - e.at.get(stage)!) / DAY) : [];
        return {
          stage, entered: list.filter((e) => e.at.has(stage)).length, passed: passed(i),
          conversion: next && passed(i) ? passed(i + 1) / passed(i) : null,
          velocity: { n: days.length, medianDays: pct(days, 0.5), p90Days: pct(days, 0.9) },
        };
      }),
    };
  };
  const keys = [...new Set(eps.map((e) => e.key))].sort();
  return {
    total: { firstPass: figures(eps.filter((e) => !e.reentry)), reentries: figures(eps.filter((e) => e.reentry)) },
    groups: keys.map((key) => ({ key, firstPass: figures(eps.filter((e) => e.key === key && !e.reentry)), reentries: figures(eps.filter((e) => e.key === key && e.reentry)) })),
    eps,
  };
}

function compare(actual: any, want: ReturnType<typeof expected>['total']['firstPass']) {
  expect(actual.episodes).toBe(want.episodes);
  for (const [i, w] of want.stages.entries()) {
    const a = actual.stages[i];
    expect(a.stage).toBe(w.stage);
    expect({ stage: a.stage, entered: a.entered, passed: a.passed }).toEqual({ stage: w.stage, entered: w.entered, passed: w.passed });
    if (w.conversion === null) expect(a.conversion, w.stage).toBeNull();
    else expect(a.conversion, w.stage).toBeCloseTo(w.conversion, 9);
    expect(a.velocity.n, w.stage).toBe(w.velocity.n);
    for (const k of ['medianDays', 'p90Days'] as const) {
      if (w.velocity[k] === null) expect(a.velocity[k]).toBeNull();
      else expect(a.velocity[k], `${w.stage} ${k}`).toBeCloseTo(w.velocity[k]!, 6);
    }
  }
}

let env: TestEnv;
const people = generate();
let teams: { north: string; south: string };
let northRep: Awaited<ReturnType<TestEnv['actAs']>>;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T12:00:00Z' });
  const north = await createTeam(env.ctx, { name: 'North', kind: 'sales' });
  const south = await createTeam(env.ctx, { name: 'South', kind: 'sales' });
  teams = { north: north.id, south: south.id };
  northRep = await env.actAs('sales_rep', { name: 'North Rep', teamId: north.id });
  const southRep = await env.actAs('sales_rep', { name: 'South Rep', teamId: south.id });
  const q = env.handle.pool;
  const accounts = new Map<number, string>();
  for (const n of [20, 300, 5000]) {
    accounts.set(n, (await q.query<{ id: string }>(`insert into accounts (name, employee_count) values ($1, $2) returning id`, [`Co ${n}`, n])).rows[0]!.id);
  }
  for (const p of people) {
    const owner = p.team === 'north' ? northRep.user.id : southRep.user.id;
    p.id = (await q.query<{ id: string }>(`insert into people (email, original_source, lifecycle_stage, owner_id, account_id) values ($1, $2, 'lead', $3, $4) returning id`,
      [p.email, p.source, owner, p.employees === null ? null : accounts.get(p.employees)])).rows[0]!.id;
  }
  // Transitions arrive in two statements, the later half of each history first (an import of old
  // history after newer events): the episodes must not depend on the order rows were written.
  const rows = people.flatMap((p) => p.transitions.map((t, i) => ({ p, t, late: i >= p.transitions.length / 2 })));
  for (const part of [rows.filter((r) => r.late), rows.filter((r) => !r.late)]) {
    await q.query(`insert into stage_transitions (person_id, to_stage, occurred_at, actor_type, is_reentry)
      select (x->>'p')::uuid, x->>'s', (x->>'at')::timestamptz, 'system', (x->>'re')::boolean from jsonb_array_elements($1::jsonb) x`,
    [JSON.stringify(part.map((r) => ({ p: r.p.id, s: r.t.stage, at: new Date(r.t.at).toISOString(), re: r.t.re })))]);
  }
});
afterAll(async () => { await env?.close(); });

const segment = (p: P) => (p.employees === null ? '' : p.employees < 100 ? 'smb' : p.employees < 1000 ? 'mid_market' : 'enterprise');

describe('the waterfall', () => {
  it('matches the independent count in total and per cohort month, with re-entries apart and no March', async () => {
    const res = await env.request('GET', '/api/v1/reports/waterfall?by=cohort');
    expect(res.status, res.text).toBe(200);
    const want = expected(people, (_p, start) => new Date(start).toISOString().slice(0, 7));
    compare(res.body.total.firstPass, want.total.firstPass);
    compare(res.body.total.reentries, want.total.reentries);
    expect(want.total.reentries.episodes).toBeGreaterThan(3);
    expect(res.body.groups.map((g: any) => g.key)).toEqual(want.groups.map((g) => g.key));
    const march = res.body.groups.find((g: any) => g.key === '2026-03');
    expect(march.firstPass.episodes).toBe(0); // only boomerangs came back in March
    expect(march.firstPass.stages.every((s: any) => s.conversion === null && s.velocity.medianDays === null)).toBe(true);
    for (const [i, g] of want.groups.entries()) {
      compare(res.body.groups[i].firstPass, g.firstPass);
      compare(res.body.groups[i].reentries, g.reentries);
    }
  });

  it.each([
    ['source', (p: P) => p.source],
    ['segment', segment],
    ['team', (p: P) => (p.team === 'north' ? teams.north : teams.south)],
  ] as const)('matches the independent count by %s', async (by, keyOf) => {
    const res = await env.request('GET', `/api/v1/reports/waterfall?by=${by}`);
    expect(res.status, res.text).toBe(200);
    const want = expected(people, keyOf);
    expect(res.body.groups.map((g: any) => g.key)).toEqual(want.groups.map((g) => g.key));
    for (const [i, g] of want.groups.entries()) compare(res.body.groups[i].firstPass, g.firstPass);
    if (by === 'team') expect(res.body.groups.map((g: any) => g.label).sort()).toEqual(['North', 'South']);
  });

  it('counts an empty period as zeros, never dividing by zero', async () => {
    const res = await env.request('GET', '/api/v1/reports/waterfall?from=2025-08-01&to=2025-09-01');
    expect(res.status, res.text).toBe(200);
    expect(res.body.groups).toEqual([]);
    expect(res.body.total.firstPass.episodes).toBe(0);
    for (const s of res.body.total.firstPass.stages) expect(s).toMatchObject({ entered: 0, passed: 0, conversion: null });
  });

  it('drills down to exactly the people behind a figure', async () => {
    const want = expected(people, (p) => p.source);
    const key = 'marketing';
    const mine = want.eps.filter((e) => !e.reentry && e.key === key);
    const skippedMql = mine.filter((e) => !e.at.has('mql') && [...e.at.keys()].some((s) => STAGES.indexOf(s) > 2) && [...e.at.keys()].some((s) => STAGES.indexOf(s) < 2));
    const res = await env.request('GET', `/api/v1/reports/waterfall/people?by=source&key=${key}&stage=mql&measure=skipped`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.total).toBe(skippedMql.length);
    expect(res.body.data.map((d: any) => d.email).sort()).toEqual(skippedMql.map((e) => e.person).sort());
    for (const d of res.body.data) expect(d.enteredAt).toBeNull();
    const wf = await env.request('GET', '/api/v1/reports/waterfall?by=source');
    const reentered = await env.request('GET', '/api/v1/reports/waterfall/people?stage=mql&pass=reentry&measure=entered');
    expect(reentered.body.total).toBe(wf.body.total.reentries.stages[2].entered);
  });

  it("shows a rep only their own people's funnel", async () => {
    const res = await northRep.request('GET', '/api/v1/reports/waterfall?by=none');
    expect(res.status, res.text).toBe(200);
    compare(res.body.total.firstPass, expected(people.filter((p) => p.team === 'north'), () => '').total.firstPass);
    const product = await env.actAs('product');
    expect((await product.request('GET', '/api/v1/reports/waterfall')).status).toBe(403);
  });
});
