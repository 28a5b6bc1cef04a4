import type { Rng } from './random.js';
import type { CampaignCalendar } from './campaign-calendar.js';
import type { DemoPerson } from './generate-people.js';
import { DISQUALIFY_REASONS, LOST_REASONS, REJECT_REASONS } from './names.js';

export type StageStep = {
  stage: string; at: number; actorId: string | null; reason: string; reentry: boolean;
  /** For an MQL: what tipped it (a hand-raise form, or the touch that crossed the threshold). */
  trigger?: string;
};
export type DemoDeal = { createdAt: number; closedAt: number | null; won: boolean; lostReason: string | null; ownerId: string };
export type Journey = { person: DemoPerson; t0: number; firstChannel: string; steps: StageStep[]; deals: DemoDeal[]; sdrId: string; aeId: string; ownerId: string | null };

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** MQL→SAL acceptance and SAL→SQL qualification by what made the MQL (DOMAIN.md: demo request ~45% MQL→SQL, events ~25%, content ~15%, paid ~12%). */
const QUALIFY: Record<string, readonly [number, number]> = {
  demo_request: [0.72, 0.64], contact_sales: [0.7, 0.64], event_attended: [0.47, 0.6], badge_scan: [0.47, 0.6],
  webinar_attended: [0.45, 0.58], content_download: [0.36, 0.5], ad_click: [0.3, 0.45], email_click: [0.42, 0.58], page_view: [0.42, 0.58],
};
const DATED: Record<string, readonly string[]> = { webinar_attended: ['webinar'], event_attended: ['field_event', 'trade_show'] };
const MQL_TRIGGERS = [['content_download', 30], ['webinar_attended', 20], ['event_attended', 12], ['ad_click', 12], ['email_click', 14], ['page_view', 12]] as const;

/**
 * The person's way through the waterfall: lead → MQL (about 25%) → SAL (half) → SQL (60%) →
 * opportunity (70%) → customer (25% of closed deals), with rejections to recycled or
 * disqualified, never-worked MQLs, and boomerangs who come back after being recycled.
 */
export function generateFunnel(
  rng: Rng, person: DemoPerson, first: { at: number; channel: string }, staff: { sdrId: string; aeId: string }, calendar: CampaignCalendar, now: number,
): Journey {
  const t0 = first.at;
  const { sdrId, aeId } = staff;
  // Named accounts go straight to their account executive; the rest to the SDR queue.
  const named = person.account?.tier === 'tier_1' && person.account.ownerId !== null;
  const worker = named ? aeId : sdrId;
  const creator = person.source === 'sales' ? aeId : person.source === 'inside_sales' ? sdrId : null;
  const steps: StageStep[] = [{ stage: 'lead', at: t0, actorId: creator, reason: creator ? 'prospected by sales' : 'first touch captured', reentry: false }];
  const deals: DemoDeal[] = [];
  let t = t0;
  let owner: string | null = person.account?.ownerId ?? null;
  const step = (stage: string, minDays: number, maxDays: number, actorId: string | null, reason: string, reentry = false) => {
    const at = t + Math.round(rng.int(Math.round(minDays * 24), Math.round(maxDays * 24)) * HOUR + rng.int(0, 59) * 60_000);
    if (at >= now) return null;
    t = at;
    const s: StageStep = { stage, at, actorId, reason, reentry };
    steps.push(s);
    return s;
  };

  const pass = (reentry: boolean): void => {
    const handRaise = rng.chance(reentry ? 0.25 : 0.35);
    let trigger = handRaise ? rng.pick(['demo_request', 'demo_request', 'contact_sales']) : rng.weighted(MQL_TRIGGERS);
    let at = t + rng.int(reentry ? 30 * 24 : 4 * 24, reentry ? 120 * 24 : 45 * 24) * HOUR + rng.int(0, 59) * 60_000;
    // Attending a webinar or an event happens on the event's day.
    const dated = DATED[trigger];
    if (dated) {
      const event = calendar.nearest(dated, at, t + HOUR, now - DAY);
      if (event) at = event.start + rng.int(9, 17) * HOUR;
      else trigger = 'content_download';
    }
    if (at >= now) return;
    t = at;
    const reason = handRaise ? 'hand-raise' : reentry ? 'came back: score crossed the threshold' : 'score crossed the threshold';
    steps.push({ stage: 'mql', at, actorId: null, reason, reentry, trigger });
    owner = owner ?? worker;
    const [accept, qualify] = QUALIFY[trigger] ?? [0.5, 0.6];
    if (!rng.chance(accept)) {
      // About one MQL in ten is never worked (the SLA breaches the scoreboard shows); the rest are rejected.
      if (rng.chance(0.7)) step('recycled', 0.1, 3, worker, rng.pick(REJECT_REASONS));
      else if (rng.chance(0.4)) step('disqualified', 0.1, 3, worker, rng.pick(DISQUALIFY_REASONS));
      return;
    }
    if (!step('sal', 0.05, 2.5, worker, 'accepted')) return;
    if (!rng.chance(qualify)) {
      if (rng.chance(0.8)) step('recycled', 3, 30, worker, rng.pick(['bad timing', 'no budget', 'no need', 'no authority']));
      else step('disqualified', 3, 30, worker, rng.pick(DISQUALIFY_REASONS));
      return;
    }
    if (!step('sql', 2, 20, worker, 'ready, willing and able')) return;
    owner = aeId;
    if (!person.account || !rng.chance(0.72)) { step('recycled', 7, 45, aeId, 'no opportunity yet; back to nurture'); return; }
    if (!step('opportunity', 1, 14, aeId, 'opportunity created')) return;
    const created = t;
    const closeAt = created + Math.round(Math.min(200, Math.max(14, rng.logNormal(60, 0.45))) * DAY) + rng.int(8, 18) * HOUR;
    const closed = closeAt < now;
    const won = rng.chance(0.25);
    deals.push({ createdAt: created, closedAt: closed ? closeAt : null, won: closed && won, lostReason: closed && !won ? rng.pick(LOST_REASONS) : null, ownerId: aeId });
    if (!closed) return;
    t = closeAt;
    if (won) {
      steps.push({ stage: 'customer', at: closeAt, actorId: aeId, reason: 'deal won', reentry: false });
      if (rng.chance(0.1)) step('evangelist', 30, 90, aeId, 'agreed to be a reference');
    } else step('recycled', 0, 2, aeId, `deal lost: ${deals[deals.length - 1]!.lostReason}`);
  };

  if (rng.chance(Math.min(0.95, 0.27 * person.fit))) {
    pass(false);
    // Boomerangs: some recycled people come back and count again.
    if (steps[steps.length - 1]!.stage === 'recycled' && rng.chance(0.2)) pass(true);
  }
  return { person, t0, firstChannel: first.channel, steps, deals, sdrId, aeId, ownerId: owner };
}
