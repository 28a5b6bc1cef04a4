import { inArray } from 'drizzle-orm';
import { accounts, campaigns, people } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import type { Issue } from '../shared/errors.js';
import { deriveExternalId } from './derive-external-id.js';
import { defaultChannel, defaultSide } from './touch-defaults.js';
import { fastParseTouch, type ParsedTouch } from './fast-touch-input.js';
import { TouchpointInput, type NormalisedTouch } from './touchpoint.schema.js';

export type TouchValidation = {
  valid: NormalisedTouch[];
  /** Index in the input of each valid touch, in order. */
  validIndexes: number[];
  issues: { index: number; issues: Issue[] }[];
};

const EARLIEST = Date.parse('1990-01-01T00:00:00Z');

/**
 * Validates a batch item by item (schema, time sanity, references), applies defaults and
 * derives missing idempotency keys. Never throws for bad items: callers decide whether one bad
 * item fails the batch (API) or only its row (CSV import).
 */
export async function validateTouchpoints(
  ctx: Ctx,
  items: unknown[],
  options: { pathPrefix?: string; maxFutureSkewMinutes?: number } = {},
): Promise<TouchValidation> {
  const prefix = options.pathPrefix ?? 'touchpoints';
  const latest = ctx.clock.now().getTime() + (options.maxFutureSkewMinutes ?? 10) * 60_000;
  const issues = new Map<number, Issue[]>();
  const add = (i: number, field: string, message: string, code = 'invalid') => {
    const list = issues.get(i) ?? [];
    list.push({ path: [prefix, i, field].filter((p) => p !== '').join('.'), message, code });
    issues.set(i, list);
  };

  const parsed: Parsed = new Array(items.length);
  const times = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let data = fastParseTouch(item);
    if (!data) {
      const r = TouchpointInput.safeParse(item);
      if (!r.success) {
        for (const issue of r.error.issues) add(i, issue.path.join('.'), issue.message, issue.code);
        parsed[i] = null;
        continue;
      }
      data = r.data;
    }
    const t = Date.parse(data.occurredAt);
    times[i] = t;
    if (t > latest) add(i, 'occurredAt', 'is in the future; send the time the touch happened', 'future_timestamp');
    else if (t < EARLIEST) add(i, 'occurredAt', 'is before 1990; check the date format', 'implausible_timestamp');
    parsed[i] = data;
  }

  const campaignIdsByExternal = await lookupCampaigns(ctx, parsed);
  const known = await lookupExisting(ctx, parsed);

  const valid: NormalisedTouch[] = [];
  const validIndexes: number[] = [];
  for (let i = 0; i < parsed.length; i++) {
    const t = parsed[i];
    if (!t) continue;
    let campaignId = t.campaignId ?? null;
    if (t.campaignExternalId) {
      campaignId = campaignIdsByExternal.get(t.campaignExternalId) ?? null;
      if (!campaignId) add(i, 'campaignExternalId', `no campaign with externalId "${t.campaignExternalId}"`, 'unknown_reference');
    }
    if (t.campaignId && !known.campaigns.has(t.campaignId)) add(i, 'campaignId', 'no such campaign', 'unknown_reference');
    if (t.personId && !known.people.has(t.personId)) add(i, 'personId', 'no such person', 'unknown_reference');
    if (t.accountId && !known.accounts.has(t.accountId)) add(i, 'accountId', 'no such account', 'unknown_reference');
    if (issues.has(i)) continue;
    const channel = t.channel ?? defaultChannel(t.kind);
    const side = t.side ?? defaultSide(t.kind);
    // Already in the canonical form (24 characters, UTC, milliseconds) it is kept as it is.
    const occurredAt = t.occurredAt.length === 24 && t.occurredAt.endsWith('Z') ? t.occurredAt : new Date(times[i]!).toISOString();
    const asset = t.asset ?? null;
    valid.push({
      externalId: t.externalId ?? deriveExternalId({
        kind: t.kind, channel, side, who: t.email ?? t.personId ?? t.accountId ?? '', occurredAt, campaignId, asset,
      }),
      occurredAt, kind: t.kind, channel, side,
      email: t.email ?? null, personId: t.personId ?? null, accountId: t.accountId ?? null,
      person: t.person ?? null, campaignId, asset, properties: t.properties ?? {},
    });
    validIndexes.push(i);
  }
  return {
    valid,
    validIndexes,
    issues: [...issues.entries()].sort(([a], [b]) => a - b).map(([index, list]) => ({ index, issues: list })),
  };
}

type Parsed = (ParsedTouch | null)[];

async function lookupCampaigns(ctx: Ctx, parsed: Parsed): Promise<Map<string, string>> {
  const set = new Set<string>();
  for (const t of parsed) if (t?.campaignExternalId) set.add(t.campaignExternalId);
  const ext = [...set];
  if (ext.length === 0) return new Map();
  const rows = await ctx.db.select({ id: campaigns.id, externalId: campaigns.externalId }).from(campaigns)
    .where(inArray(campaigns.externalId, ext));
  return new Map(rows.map((r) => [r.externalId!, r.id]));
}

async function lookupExisting(ctx: Ctx, parsed: Parsed) {
  const person = new Set<string>(), account = new Set<string>(), campaign = new Set<string>();
  for (const t of parsed) {
    if (!t) continue;
    if (t.personId) person.add(t.personId);
    if (t.accountId) account.add(t.accountId);
    if (t.campaignId) campaign.add(t.campaignId);
  }
  const personIds = [...person], accountIds = [...account], campaignIds = [...campaign];
  const [p, a, c] = await Promise.all([
    personIds.length ? ctx.db.select({ id: people.id }).from(people).where(inArray(people.id, personIds)) : [],
    accountIds.length ? ctx.db.select({ id: accounts.id }).from(accounts).where(inArray(accounts.id, accountIds)) : [],
    campaignIds.length ? ctx.db.select({ id: campaigns.id }).from(campaigns).where(inArray(campaigns.id, campaignIds)) : [],
  ]);
  return {
    people: new Set(p.map((r) => r.id)),
    accounts: new Set(a.map((r) => r.id)),
    campaigns: new Set(c.map((r) => r.id)),
  };
}
