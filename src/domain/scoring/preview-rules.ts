import type { Database } from '../../db/client.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { z } from '../shared/zod.js';
import { loadPopulation, touchesOf, touchNeeds, type Population, type TouchNeeds } from './load-population.js';
import { scorePerson } from './score-person.js';
import { ScoringDefinition } from './scoring-model.schema.js';

export const PreviewInput = z.strictObject({
  definition: ScoringDefinition.describe('The model as edited (saved or not)'),
});
export type PreviewInput = z.infer<typeof PreviewInput>;

const RulePreview = z.object({
  ruleId: z.string(), label: z.string(), source: z.enum(['fit', 'engagement', 'signal']),
  people: z.number().int().describe('How many people the rule fires for today'),
  points: z.number().describe('The points it gives them together, after decay and caps'),
});
export const PreviewResult = z.object({
  population: z.number().int().describe('Everyone scored'),
  mqlsByScore: z.number().int().describe('People at or over the MQL threshold'),
  handRaisers: z.number().int().describe('People who raised a hand (MQL whatever the score)'),
  rules: z.array(RulePreview).describe('Every rule of the definition in its order, signals last; 0 people when it fires for nobody'),
}).openapi('RulePreview');
export type PreviewResult = z.infer<typeof PreviewResult>;

/** The population, kept a minute per database, so previews while a rule is edited only rescore. */
const TTL_MS = 60_000;
const cache = new WeakMap<Database, { pop: Promise<Population>; needs: TouchNeeds; at: number }>();
function population(db: Database, needs: TouchNeeds): Promise<Population> {
  const hit = cache.get(db);
  const now = Date.now(); // freshness of a cache, not a rule of the domain: wall time
  const covers = hit && (!needs.campaign || hit.needs.campaign) && (!needs.asset || hit.needs.asset) && (!needs.page || hit.needs.page);
  if (hit && covers && now - hit.at < TTL_MS) return hit.pop;
  const pop = loadPopulation(db, needs);
  cache.set(db, { pop, needs, at: now });
  pop.catch(() => cache.delete(db));
  return pop;
}

/**
 * How many people each rule of a (possibly unsaved) definition fires for today, and the points it
 * gives them: everyone scored in process with the same rules as the live score (score-person.ts)
 * over the population read in bulk, so the editor can show the reach of each rule as it is edited.
 */
export async function previewRules(ctx: Ctx, input: PreviewInput): Promise<PreviewResult> {
  authorize(ctx, 'scoring:write');
  const def = input.definition;
  const pop = await population(ctx.db, touchNeeds([def]));
  const now = ctx.clock.now();
  const tally = new Map<string, { people: number; points: number }>();
  let mqlsByScore = 0;
  let handRaisers = 0;
  for (let i = 0; i < pop.ids.length; i++) {
    const s = scorePerson(def, pop.facts[i]!, touchesOf(pop, i), now);
    if (s.total >= def.mqlThreshold) mqlsByScore += 1;
    if (s.handRaiseAt) handRaisers += 1;
    for (const e of s.explanation) {
      const t = tally.get(e.ruleId) ?? { people: 0, points: 0 };
      t.people += 1;
      t.points += e.points;
      tally.set(e.ruleId, t);
    }
  }
  const row = (ruleId: string, label: string, source: 'fit' | 'engagement' | 'signal') => {
    const t = tally.get(ruleId);
    return { ruleId, label, source, people: t?.people ?? 0, points: Math.round((t?.points ?? 0) * 10) / 10 };
  };
  const signals = [
    ...(def.signals.badgeScanOnly ? [row('badge-scan-only', `Badge scan with nothing in the ${def.signals.badgeScanOnly.withinDays} days after`, 'signal')] : []),
    ...(def.signals.unsubscribed ? [row('unsubscribed', 'Unsubscribed or opted out', 'signal')] : []),
  ];
  return {
    population: pop.ids.length, mqlsByScore, handRaisers,
    rules: [...def.fit.map((r) => row(r.id, r.label, 'fit')), ...def.engagement.map((r) => row(r.id, r.label, 'engagement')), ...signals],
  };
}
