import type { Rng } from './random.js';
import type { DemoUser } from './generate-team.js';
import { CAMPAIGN_TOPICS } from './names.js';

export type DemoCampaign = {
  id: string; name: string; type: string; channel: string; startsOn: string; endsOn: string; start: number; end: number;
  budget: number; actualCost: number; ownerId: string;
};

const DAY = 86_400_000;

/** type, channel, name, median budget, share of the programme, length in days, owner's focus. */
const MIX: readonly (readonly [string, string, string, number, number, readonly [number, number], string])[] = [
  ['webinar', 'webinar', 'Webinar', 8_000, 9, [1, 1], 'content'],
  ['content', 'content', 'E-book', 6_000, 6, [60, 120], 'content'],
  ['email', 'email', 'Nurture', 2_500, 6, [60, 150], 'marketing_ops'],
  ['paid_search', 'paid_search', 'Search', 25_000, 5, [30, 90], 'demand_gen'],
  ['paid_social', 'social', 'LinkedIn', 18_000, 5, [30, 60], 'demand_gen'],
  ['trade_show', 'event', 'Trade show', 60_000, 3, [2, 3], 'field_marketing'],
  ['field_event', 'event', 'Executive dinner', 15_000, 4, [1, 1], 'field_marketing'],
  ['partner', 'partner', 'Partner programme', 10_000, 2, [60, 120], 'demand_gen'],
];

/**
 * A year of marketing programmes: every type present, each type's campaigns spread over the
 * twelve months, owned by the marketer whose job it is, with budgets and actual costs.
 */
export function generateCampaigns(rng: Rng, count: number, marketers: readonly DemoUser[], now: number): DemoCampaign[] {
  const totalShare = MIX.reduce((s, m) => s + m[4], 0);
  const campaigns: DemoCampaign[] = [];
  for (const [type, channel, label, budget, share, [minDays, maxDays], focus] of MIX) {
    const n = Math.max(1, Math.round((count * share) / totalShare));
    const owners = marketers.filter((m) => m.focus === focus);
    for (let k = 0; k < n; k++) {
      // Evenly over the year, jittered; long programmes start early enough to run.
      const slot = (k + 0.2 + rng.next() * 0.6) / n;
      const start = Math.round((now - 360 * DAY + slot * 350 * DAY) / DAY) * DAY;
      const end = start + (rng.int(minDays, maxDays) - 1) * DAY;
      const b = Math.round(rng.logNormal(budget, 0.3) / 100) * 100;
      const elapsed = Math.min(1, (now - start) / Math.max(DAY, end - start + DAY));
      const month = new Date(start).toISOString().slice(0, 7);
      campaigns.push({
        id: rng.uuid(), name: `${label}: ${rng.pick(CAMPAIGN_TOPICS)} (${month})`, type, channel,
        startsOn: isoDay(start), endsOn: isoDay(end), start, end,
        budget: b, actualCost: Math.round(b * elapsed * (0.8 + rng.next() * 0.35)),
        ownerId: rng.pick(owners.length ? owners : marketers).id,
      });
    }
  }
  return campaigns.sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
}

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
