import type { DemoAccount, DemoCampaign, DemoUser } from './build-company.js';
import type { Rng } from './random.js';
import { ASSETS, FIRST_NAMES, FREE_MAIL, LAST_NAMES, LOST_REASONS, TITLES } from './vocab.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type Rows = {
  people: Record<string, unknown>[];
  transitions: Record<string, unknown>[];
  touches: Record<string, unknown>[];
  opportunities: Record<string, unknown>[];
  contacts: Record<string, unknown>[];
};

export type JourneyContext = {
  rng: Rng; now: number; campaigns: DemoCampaign[]; users: DemoUser[];
  touchSeq: { n: number }; personSeq: { n: number }; usedEmails: Set<string>;
  /** Multiplies background engagement (the large benchmark company has denser timelines). */
  engagement: number;
};

const MARKETING_FIRST: readonly (readonly [string, string, number])[] = [
  ['page_view', 'web', 30], ['content_download', 'content', 18], ['webinar_registered', 'webinar', 12],
  ['badge_scan', 'event', 12], ['ad_click', 'paid_search', 10], ['social_engagement', 'social', 6], ['email_click', 'email', 12],
];
const ENGAGEMENT: readonly (readonly [string, string, number])[] = [
  ['page_view', 'web', 35], ['email_open', 'email', 25], ['email_click', 'email', 10], ['content_download', 'content', 10],
  ['webinar_registered', 'webinar', 5], ['webinar_attended', 'webinar', 4], ['ad_click', 'paid_search', 5],
  ['social_engagement', 'social', 4], ['event_attended', 'event', 2],
];

/** People of a set of accounts (plus some free-mail people), each with a journey through the funnel. */
export function buildJourneys(jc: JourneyContext, accounts: DemoAccount[], peopleCount: number, freeMailShare: number): Rows {
  const rows: Rows = { people: [], transitions: [], touches: [], opportunities: [], contacts: [] };
  const weights = accounts.map((a) => Math.sqrt(a.employeeCount));
  const total = weights.reduce((s, w) => s + w, 0);
  const perAccount = accounts.map((_, i) => Math.max(1, Math.round((weights[i]! / total) * peopleCount * (1 - freeMailShare))));
  accounts.forEach((account, i) => {
    const colleagues: { id: string; role: string }[] = [];
    for (let k = 0; k < perAccount[i]!; k++) buildPerson(jc, rows, account, colleagues);
  });
  const free = Math.round(peopleCount * freeMailShare);
  for (let k = 0; k < free; k++) buildPerson(jc, rows, null, []);
  return rows;
}

function buildPerson(jc: JourneyContext, rows: Rows, account: DemoAccount | null, colleagues: { id: string; role: string }[]): void {
  const { rng, now } = jc;
  const id = rng.uuid();
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const [title, seniority, buyingRole] = rng.weighted(TITLES.map((t) => [t, t[3]] as const));
  const local = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
  let email = `${local}@${account ? account.domains[0] : rng.pick(FREE_MAIL)}`;
  while (jc.usedEmails.has(email)) email = email.replace('@', `${rng.int(1, 99)}@`);
  jc.usedEmails.add(email);
  const source = rng.weighted([['marketing', 70], ['sales', 15], ['partner', 8], ['inside_sales', 7]] as const);
  const t0 = now - rng.int(1, 364) * DAY - rng.int(0, 23) * HOUR;
  const sdrs = jc.users.filter((u) => u.role === 'sdr' && (!account || u.territory === account.region));
  const aes = jc.users.filter((u) => u.role === 'sales_rep' && (!account || u.territory === account.region));
  const sdr = rng.pick(sdrs.length ? sdrs : jc.users.filter((u) => u.role === 'sdr'));
  const ae = account?.ownerId ? jc.users.find((u) => u.id === account.ownerId)! : rng.pick(aes.length ? aes : jc.users.filter((u) => u.role === 'sales_rep'));

  const touch = (at: number, kind: string, channel: string, side = 'marketing', extra: Record<string, unknown> = {}) => {
    if (at > now) return;
    const campaign = campaignFor(jc, channel, at);
    rows.touches.push({
      external_id: `demo-${++jc.touchSeq.n}`, occurred_at: new Date(at).toISOString(), person_id: id, account_id: account?.id ?? null,
      channel, kind, campaign_id: campaign, side, recorded_by: 'demo',
      asset: kind === 'content_download' ? rng.pick(ASSETS) : kind === 'page_view' ? rng.pick(['/pricing', '/product', '/blog', '/customers', '/integrations']) : null,
      properties: extra,
    });
  };

  // First touch, by who generated the person.
  if (source === 'marketing') { const [k, ch] = rng.weighted(MARKETING_FIRST.map((m) => [m, m[2]] as const)); touch(t0, k, ch); }
  else if (source === 'partner') touch(t0, 'partner_registration', 'partner', 'partner');
  else touch(t0, rng.pick(['call', 'sales_email', 'linkedin_message']), 'direct_sales', 'sales', { by: source === 'sales' ? ae.id : sdr.id });

  const path: { stage: string; at: number; actor: string | null; reason: string; reentry?: boolean }[] = [{ stage: 'lead', at: t0, actor: null, reason: 'first touch captured' }];
  const fit = (seniority === 'c_level' || seniority === 'vp' || seniority === 'director' ? 1.3 : seniority === 'student' ? 0.1 : 0.9) * (account ? 1 : 0.4);
  let t = t0;
  const step = (stage: string, gapMin: number, gapMax: number, actor: string | null, reason: string, reentry = false) => {
    const at = t + rng.int(gapMin * 24, gapMax * 24) * HOUR;
    if (at > now) return false;
    t = at;
    path.push({ stage, at, actor, reason, reentry });
    return true;
  };

  // Background engagement over the year; converters engage more before they qualify.
  const willMql = rng.chance(Math.min(0.9, 0.25 * fit));
  const engaged = Math.round((willMql ? rng.int(5, 14) : rng.int(0, 7)) * jc.engagement);
  const horizon = willMql ? 45 : 200;
  for (let e = 0; e < engaged; e++) {
    const [k, ch] = rng.weighted(ENGAGEMENT.map((m) => [m, m[2]] as const));
    touch(t0 + rng.int(1, horizon * 24) * HOUR, k, ch);
  }

  let owner: string | null = account?.ownerId ?? null;
  let opp: { createdAt: number; closedAt: number | null; won: boolean } | null = null;
  if (willMql && step('mql', 5, 45, null, 'score crossed the threshold')) {
    const handRaiser = rng.chance(0.35);
    if (handRaiser) { touch(t, rng.pick(['demo_request', 'contact_sales']), 'web', 'marketing', { formKey: 'demo-request' }); path[path.length - 1]!.reason = 'hand-raise'; }
    owner = owner ?? sdr.id;
    if (rng.chance(0.5)) {
      if (step('sal', 0, 2, sdr.id, 'accepted')) {
        for (let s = rng.int(1, 4); s > 0; s--) touch(t + rng.int(1, 72) * HOUR, rng.pick(['call', 'sales_email', 'meeting']), 'direct_sales', 'sales', { by: sdr.id });
        if (rng.chance(handRaiser ? 0.75 : 0.52)) {
          if (step('sql', 2, 20, sdr.id, 'ready, willing and able')) {
            owner = ae.id;
            if (account && rng.chance(0.7) && step('opportunity', 1, 14, ae.id, 'opportunity created')) {
              const created = t;
              for (let s = rng.int(2, 6); s > 0; s--) touch(created + rng.int(1, 60 * 24) * HOUR, rng.pick(['meeting', 'call', 'sales_email']), 'direct_sales', 'sales', { by: ae.id });
              const closeAt = created + rng.int(20, 120) * DAY;
              const won = rng.chance(0.25);
              opp = { createdAt: created, closedAt: closeAt <= now ? closeAt : null, won };
              if (opp.closedAt && won) {
                t = opp.closedAt;
                path.push({ stage: 'customer', at: t, actor: ae.id, reason: 'deal won' });
                if (rng.chance(0.1)) step('evangelist', 30, 90, ae.id, 'agreed to be a reference');
              }
            } else if (t < now) step('recycled', 1, 10, ae.id, 'no opportunity yet; back to nurture');
          }
        } else step('recycled', 1, 10, sdr.id, rng.pick(['bad timing', 'no budget', 'no need']));
      }
    } else if (rng.chance(0.75)) {
      // Rejected at hand-off (the rest are never worked: they stay MQL, as in badly run teams).
      if (rng.chance(0.75)) step('recycled', 0, 3, sdr.id, rng.pick(['not in profile', 'bad timing', 'no budget', 'duplicate']));
      else step('disqualified', 0, 3, sdr.id, rng.pick(['competitor', 'bad contact data', 'not in profile']));
    }
    // Boomerangs: some recycled people come back.
    if (path[path.length - 1]!.stage === 'recycled' && rng.chance(0.15)) {
      touch(t + 20 * DAY, 'content_download', 'content');
      if (step('mql', 30, 120, null, 'came back: score crossed the threshold', true) && rng.chance(0.5)) step('sal', 0, 2, sdr.id, 'accepted');
    }
  }

  let prev: string | null = null;
  for (const p of path) {
    rows.transitions.push({
      person_id: id, from_stage: prev, to_stage: p.stage, occurred_at: new Date(p.at).toISOString(),
      actor_type: p.actor ? 'user' : 'system', actor_id: p.actor, reason: p.reason, is_reentry: p.reentry ?? false,
    });
    prev = p.stage;
  }
  rows.people.push({
    id, external_id: `demo-p-${++jc.personSeq.n}`, email, first_name: first, last_name: last, title, seniority, buying_role: buyingRole,
    phone: rng.chance(0.6) ? `+${rng.int(1, 99)} ${rng.int(100, 999)} ${rng.int(1000000, 9999999)}` : null,
    company_name: account?.name ?? null, country: account?.country ?? null, region: account?.region ?? null,
    consent_status: rng.weighted([['opted_in', 60], ['unknown', 30], ['opted_out', 10]] as const),
    consent_at: new Date(t0).toISOString(), consent_source: 'web form', original_source: source,
    original_channel: source === 'marketing' ? null : source === 'partner' ? 'partner' : 'direct_sales',
    lifecycle_stage: prev, owner_id: owner, account_id: account?.id ?? null,
    site_id: account ? rng.pick(account.sites).id : null,
    custom: { lead_source_detail: source === 'marketing' ? 'inbound' : source },
    created_at: new Date(t0).toISOString(), updated_at: new Date(t).toISOString(),
  });

  if (opp && account) {
    const oppId = rng.uuid();
    const amount = Math.round(rng.logNormal(30_000, 0.6) * (account.tier === 'tier_1' ? 3 : account.tier === 'tier_2' ? 1.5 : 1) / 100) * 100;
    const closed = opp.closedAt !== null;
    rows.opportunities.push({
      id: oppId, external_id: `demo-o-${jc.personSeq.n}`, account_id: account.id, name: `${account.name}: ${rng.pick(['platform', 'expansion', 'pilot', 'renewal plus'])}`,
      amount, currency: 'USD',
      stage: closed ? (opp.won ? 'closed_won' : 'closed_lost') : rng.pick(['discovery', 'qualification', 'solution', 'proposal', 'negotiation']),
      owner_id: owner, created_at: new Date(opp.createdAt).toISOString(),
      close_date: new Date(opp.closedAt ?? opp.createdAt + rng.int(60, 150) * DAY).toISOString().slice(0, 10),
      closed_at: closed ? new Date(opp.closedAt!).toISOString() : null, is_won: closed ? opp.won : null,
      lost_reason: closed && !opp.won ? rng.pick(LOST_REASONS) : null, custom: {}, updated_at: new Date(opp.closedAt ?? opp.createdAt).toISOString(),
    });
    rows.contacts.push({ opportunity_id: oppId, person_id: id, role: buyingRole === 'user' ? 'champion' : buyingRole });
    const others = colleagues.filter((c) => c.id !== id).slice(-3);
    for (const c of others.slice(0, rng.int(0, others.length))) rows.contacts.push({ opportunity_id: oppId, person_id: c.id, role: c.role });
  }
  colleagues.push({ id, role: buyingRole });
}

function campaignFor(jc: JourneyContext, channel: string, at: number): string | null {
  if (channel === 'web' || channel === 'direct_sales') return null;
  const day = new Date(at).toISOString().slice(0, 10);
  let best: DemoCampaign | null = null;
  for (const c of jc.campaigns) if (c.channel === channel && c.startsOn <= day && (!best || c.startsOn > best.startsOn)) best = c;
  return best?.id ?? null;
}
