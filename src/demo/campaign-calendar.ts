import type { DemoCampaign } from './generate-campaigns.js';

const DAY = 86_400_000;

/** Which campaign a touch belongs to: the one running on its channel, or the dated event nearest to it. */
export type CampaignCalendar = {
  /** A campaign of the channel running at `at` (content and nurtures keep drawing for a while after they end). */
  running(channel: string, at: number): DemoCampaign | null;
  /** A dated campaign (webinar, trade show, field event) of the given types starting in [lo, hi], nearest to `desired`. */
  nearest(types: readonly string[], desired: number, lo: number, hi: number): DemoCampaign | null;
};

export function campaignCalendar(campaigns: readonly DemoCampaign[]): CampaignCalendar {
  const byChannel = new Map<string, DemoCampaign[]>();
  for (const c of campaigns) byChannel.set(c.channel, [...(byChannel.get(c.channel) ?? []), c]);
  return {
    running(channel, at) {
      let best: DemoCampaign | null = null;
      for (const c of byChannel.get(channel) ?? []) {
        const tail = c.channel === 'content' || c.channel === 'email' ? 30 * DAY : DAY;
        if (c.start <= at && at < c.end + tail && (!best || c.start > best.start)) best = c;
      }
      return best;
    },
    nearest(types, desired, lo, hi) {
      let best: DemoCampaign | null = null;
      for (const c of campaigns) {
        if (!types.includes(c.type) || c.start < lo || c.start > hi) continue;
        if (!best || Math.abs(c.start - desired) < Math.abs(best.start - desired)) best = c;
      }
      return best;
    },
  };
}
