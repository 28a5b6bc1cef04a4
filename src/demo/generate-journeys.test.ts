import { describe, expect, it } from 'vitest';
import { campaignCalendar } from './campaign-calendar.js';
import { generateAccounts } from './generate-accounts.js';
import { generateCampaigns } from './generate-campaigns.js';
import { generateJourneys, type JourneyBatch } from './generate-journeys.js';
import { generateTeam } from './generate-team.js';
import { createRng } from './random.js';

const NOW = Date.parse('2026-06-15T00:00:00Z');
const DAY = 86_400_000;

/** A mid-sized company in memory only: large enough for the funnel rates to show through the noise. */
function company(seed: number, people = 30_000): JourneyBatch {
  const rng = createRng(seed);
  const { users } = generateTeam(rng);
  const accounts = generateAccounts(rng, 1_500, users, NOW);
  const campaigns = generateCampaigns(rng, 40, users.filter((u) => u.role === 'marketing'), NOW);
  const weight = accounts.reduce((s, a) => s + Math.sqrt(a.employeeCount), 0);
  return generateJourneys({
    rng, now: NOW, start: NOW - 365 * DAY, users, calendar: campaignCalendar(campaigns), engagement: 1, usedEmails: new Set(), seq: { person: 0 },
  }, accounts, people, 0.05, weight);
}

describe('demo journeys', () => {
  const batch = company(11);
  const reached = (stage: string, reentry = false) => batch.journeys.reduce((n, j) => n + j.steps.filter((s) => s.stage === stage && (reentry || !s.reentry)).length, 0);

  it('follow the waterfall rates of DOMAIN.md', () => {
    const leads = reached('lead');
    const mql = reached('mql', true);
    const sal = reached('sal');
    const sql = reached('sql');
    const opp = reached('opportunity');
    expect(reached('mql') / leads).toBeGreaterThan(0.22);
    expect(reached('mql') / leads).toBeLessThan(0.28);
    expect(sal / mql).toBeGreaterThan(0.45);
    expect(sal / mql).toBeLessThan(0.56);
    expect(sql / sal).toBeGreaterThan(0.53);
    expect(sql / sal).toBeLessThan(0.66);
    expect(opp / sql).toBeGreaterThan(0.62);
    expect(opp / sql).toBeLessThan(0.76);
    const closed = batch.opportunities.filter((o) => o.isWon !== null);
    const won = closed.filter((o) => o.isWon).length;
    expect(won / closed.length).toBeGreaterThan(0.2);
    expect(won / closed.length).toBeLessThan(0.3);
  });

  it('make hand-raisers qualify more often than content downloaders', () => {
    const rate = (trigger: string) => {
      const mqls = batch.journeys.filter((j) => j.steps.some((s) => s.stage === 'mql' && !s.reentry && s.trigger === trigger));
      return mqls.filter((j) => j.steps.some((s) => s.stage === 'sql')).length / mqls.length;
    };
    expect(rate('demo_request')).toBeGreaterThan(0.35);
    expect(rate('content_download')).toBeLessThan(0.25);
  });

  it('give people who convert more touches in the month before than others have in a month', () => {
    const perPerson = new Map<string, number[]>();
    for (const t of batch.touches) perPerson.set(t.personId, [...(perPerson.get(t.personId) ?? []), t.at]);
    const before: number[] = [];
    let idleTouches = 0;
    let idleMonths = 0;
    for (const j of batch.journeys) {
      const times = perPerson.get(j.person.id) ?? [];
      const mql = j.steps.find((s) => s.stage === 'mql');
      if (mql) before.push(times.filter((t) => t <= mql.at && t > mql.at - 30 * DAY).length);
      else if (j.steps.length === 1) { idleTouches += times.length; idleMonths += (NOW - j.t0) / (30 * DAY); }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(before)).toBeGreaterThan(3 * (idleTouches / idleMonths));
  });

  it('is the same from the same seed and different from another', () => {
    const again = company(11, 2_000);
    const twin = company(11, 2_000);
    const other = company(12, 2_000);
    const sig = (b: JourneyBatch) => b.touches.slice(0, 500).map((t) => `${t.personId}${t.at}${t.kind}`).join();
    expect(sig(again)).toBe(sig(twin));
    expect(sig(again)).not.toBe(sig(other));
  });
});
