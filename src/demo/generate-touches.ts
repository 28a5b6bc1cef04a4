import type { Rng } from './random.js';
import type { CampaignCalendar } from './campaign-calendar.js';
import type { Journey } from './generate-funnel.js';
import type { DemoPerson } from './generate-people.js';
import { ASSETS, PAGES } from './names.js';

export type DemoTouch = {
  at: number; personId: string; accountId: string | null; channel: string; kind: string; campaignId: string | null;
  asset: string | null; side: string; properties: Record<string, unknown>;
};
export type TouchContext = { rng: Rng; calendar: CampaignCalendar; now: number; start: number; engagement: number };

const DAY = 86_400_000;
const HOUR = 3_600_000;

const FIRST_MARKETING = [
  ['page_view', 14], ['organic', 12], ['content_download', 18], ['webinar_registered', 12], ['badge_scan', 10],
  ['ad_click', 12], ['social_engagement', 6], ['email_click', 4],
] as const;
const BACKGROUND = [
  ['page_view', 34], ['email_open', 26], ['email_click', 9], ['content_download', 8], ['webinar_registered', 4],
  ['webinar_attended', 3], ['ad_click', 6], ['social_engagement', 5], ['organic', 4], ['event_attended', 1],
] as const;
/** What people do in the weeks before they raise their hand or cross the threshold. */
const INTENT = [
  ['pricing', 22], ['page_view', 18], ['content_download', 18], ['email_click', 14], ['webinar_attended', 10], ['ad_click', 8], ['email_open', 10],
] as const;

/** The person's first touch: how the record came to exist, by who generated it. */
export function firstTouch(tc: TouchContext, person: DemoPerson, users: { sdrId: string; aeId: string }): DemoTouch {
  const { rng, now, start } = tc;
  const desired = start + rng.int(6, 364 * 24) * HOUR + rng.int(0, 59) * 60_000;
  if (person.source === 'sales' || person.source === 'inside_sales') {
    const by = person.source === 'sales' ? users.aeId : users.sdrId;
    return sales(tc, person, desired, rng.pick(['call', 'sales_email', 'linkedin_message']), by);
  }
  const t = marketing(tc, person, desired, person.source === 'partner' ? 'partner_registration' : rng.weighted(FIRST_MARKETING), start, now - DAY);
  return t.at > start && t.at < now ? t : page(person, desired, rng);
}

/** Every touch of a journey after the first, consistent with its stages; denser before conversion. */
export function journeyTouches(tc: TouchContext, journey: Journey): DemoTouch[] {
  const { rng, now, engagement } = tc;
  const { person, t0 } = journey;
  const out: DemoTouch[] = [];
  const add = (t: DemoTouch | null) => { if (t && t.at > t0 && t.at < now) out.push(t); };
  const emailOk = person.consent !== 'opted_out';
  const mix = (kinds: readonly (readonly [string, number])[]) => {
    const k = rng.weighted(kinds);
    return !emailOk && k.startsWith('email') ? 'page_view' : k;
  };

  // Background engagement over the whole year, heavy-tailed: most people do little, a few a lot.
  const background = Math.floor(rng.logNormal(5.2, 0.95) * engagement);
  for (let i = 0; i < background; i++) add(marketing(tc, person, t0 + rng.next() * (now - t0), mix(BACKGROUND), t0, now));

  for (const s of journey.steps) {
    if (s.stage === 'mql') {
      const burst = Math.round(rng.int(5, 12) * engagement);
      const from = Math.max(t0, s.at - 30 * DAY);
      for (let i = 0; i < burst; i++) add(marketing(tc, person, from + (s.at - from) * Math.sqrt(rng.next()), mix(INTENT), from, s.at - HOUR));
      add(trigger(tc, person, s.at, s.trigger ?? 'content_download'));
    } else if (s.stage === 'sal') {
      for (let n = rng.int(1, 4); n > 0; n--) add(sales(tc, person, s.at + rng.int(1, 96) * HOUR, rng.pick(['call', 'call', 'sales_email', 'linkedin_message']), s.actorId));
    } else if (s.stage === 'sql') {
      add(sales(tc, person, s.at - rng.int(2, 24) * HOUR, 'meeting', s.actorId));
    } else if (s.stage === 'opportunity') {
      const deal = journey.deals.find((d) => d.createdAt === s.at);
      const end = Math.min(deal?.closedAt ?? now, now);
      for (let n = rng.int(2, 8); n > 0; n--) add(sales(tc, person, s.at + rng.next() * (end - s.at), rng.pick(['meeting', 'call', 'sales_email', 'sales_email']), s.actorId));
    } else if (s.stage === 'recycled' && emailOk) {
      for (let n = rng.int(1, 4); n > 0; n--) add(marketing(tc, person, s.at + rng.int(3, 90) * DAY, rng.pick(['email_open', 'email_open', 'email_click']), s.at, now));
    } else if (s.stage === 'customer') {
      for (let n = rng.int(1, 5); n > 0; n--) add(marketing(tc, person, s.at + rng.int(1, 60) * DAY, 'docs', s.at, now));
    }
  }
  // A named account's owner calls on people before marketing qualifies them (the "already on our radar" evidence).
  const owner = person.account?.ownerId;
  if (owner && rng.chance(0.12)) add(sales(tc, person, t0 + rng.next() * (now - t0), rng.pick(['call', 'sales_email', 'meeting']), owner));
  return out;
}

function trigger(tc: TouchContext, person: DemoPerson, at: number, kind: string): DemoTouch {
  if (kind === 'demo_request' || kind === 'contact_sales') {
    return touch(person, at, 'web', kind, null, kind === 'demo_request' ? '/demo' : '/contact', 'marketing', { form: kind === 'demo_request' ? 'demo-request' : 'contact-sales' });
  }
  if (kind === 'webinar_attended' || kind === 'event_attended') {
    const c = tc.calendar.nearest(kind === 'webinar_attended' ? ['webinar'] : ['field_event', 'trade_show'], at, at - 2 * DAY, at);
    return touch(person, at, c?.channel ?? (kind === 'webinar_attended' ? 'webinar' : 'event'), kind, c?.id ?? null, null, 'marketing', {});
  }
  return marketing(tc, person, at, kind, at, at);
}

function sales(_tc: TouchContext, person: DemoPerson, at: number, kind: string, by: string | null): DemoTouch {
  return touch(person, at, 'direct_sales', kind, null, null, 'sales', by ? { by } : {});
}

/** A marketing touch near `desired`; dated kinds move to the nearest webinar or event in [lo, hi]. */
function marketing(tc: TouchContext, person: DemoPerson, desired: number, kind: string, lo: number, hi: number): DemoTouch {
  const { rng, calendar } = tc;
  const minute = rng.int(0, 59) * 60_000;
  switch (kind) {
    case 'webinar_registered': case 'webinar_attended': {
      const c = calendar.nearest(['webinar'], desired, lo + 14 * DAY, hi - DAY);
      if (!c) return page(person, desired, rng);
      const at = kind === 'webinar_registered' ? c.start - rng.int(1, 14) * DAY + rng.int(8, 20) * HOUR : c.start + rng.int(14, 17) * HOUR;
      return touch(person, at + minute, 'webinar', kind, c.id, null, 'marketing', {});
    }
    case 'badge_scan': case 'event_attended': {
      const c = calendar.nearest(kind === 'badge_scan' ? ['trade_show'] : ['field_event', 'trade_show'], desired, lo, hi - DAY);
      if (!c) return page(person, desired, rng);
      return touch(person, c.start + rng.int(0, Math.round((c.end - c.start) / DAY)) * DAY + rng.int(9, 18) * HOUR + minute, 'event', kind, c.id, null, 'marketing', {});
    }
    case 'ad_click': {
      const channel = rng.chance(0.6) ? 'paid_search' : 'social';
      const c = calendar.running(channel, desired);
      return c ? touch(person, desired, channel, 'ad_click', c.id, null, 'marketing', {}) : touch(person, desired, 'organic_search', 'page_view', null, rng.pick(PAGES), 'marketing', {});
    }
    case 'organic': return touch(person, desired, 'organic_search', 'page_view', null, rng.pick(PAGES), 'marketing', {});
    case 'pricing': return touch(person, desired, 'web', 'page_view', null, '/pricing', 'marketing', {});
    case 'docs': return touch(person, desired, 'web', 'page_view', null, '/docs', 'marketing', {});
    case 'page_view': return page(person, desired, rng);
    case 'partner_registration': return touch(person, desired, 'partner', kind, calendar.running('partner', desired)?.id ?? null, null, 'partner', {});
    default: {
      const channel = kind.startsWith('email') ? 'email' : kind === 'content_download' ? 'content' : kind === 'social_engagement' ? 'social' : 'web';
      const c = channel === 'web' ? null : calendar.running(channel, desired);
      return touch(person, desired, channel, kind, c?.id ?? null, kind === 'content_download' ? rng.pick(ASSETS) : null, 'marketing', {});
    }
  }
}

const page = (person: DemoPerson, at: number, rng: Rng) => touch(person, at, 'web', 'page_view', null, rng.pick(PAGES), 'marketing', {});

function touch(person: DemoPerson, at: number, channel: string, kind: string, campaignId: string | null, asset: string | null, side: string, properties: Record<string, unknown>): DemoTouch {
  return { at: Math.round(at), personId: person.id, accountId: person.account?.id ?? null, channel, kind, campaignId, asset, side, properties };
}
