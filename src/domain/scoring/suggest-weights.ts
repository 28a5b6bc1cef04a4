import { z } from '../shared/zod.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { invalid } from '../shared/errors.js';
import { rocAuc } from './backtest-metrics.js';
import { getScoringModel } from './list-scoring-models.js';
import { loadHistory } from './load-history.js';
import { fitLogisticRegression, predict } from './logistic-regression.js';
import { scorePerson } from './score-person.js';
import { ScoringDefinition, type ScoringDefinitionInput } from './scoring-model.schema.js';

export const SuggestInput = z.strictObject({
  cutoff: z.iso.date().optional().describe('Learn from people as they were on this day (default: 180 days ago)'),
  horizonDays: z.number().int().min(7).max(730).default(120),
  lambda: z.number().min(0).max(1000).default(1).describe('L2 penalty: higher keeps weights closer to zero'),
});
export type SuggestInput = z.infer<typeof SuggestInput>;

export const Suggestion = z.object({
  population: z.number().int(), converters: z.number().int(), trained: z.number().int(), heldOut: z.number().int(),
  heldOutAuc: z.number().nullable().describe('ROC AUC of the fitted regression on the 30 % it never saw'),
  currentAuc: z.number().nullable().describe('ROC AUC of the model as it is, on the same held-out people'),
  rules: z.array(z.object({ ruleId: z.string(), label: z.string(), coefficient: z.number(), points: z.number().int(), currentPoints: z.number().int(), share: z.number() })),
  excluded: z.array(z.object({ ruleId: z.string(), reason: z.string() })),
  definition: z.unknown().describe('The model with the suggested points: adopt it as a new draft'),
}).openapi('WeightSuggestion');
export type Suggestion = z.infer<typeof Suggestion>;

const DAY = 86_400_000;
/** Person fields sales may set after the first contact: learning from them would learn the outcome. */
const SALES_SET = /^person\.(seniority|title|custom\.|country)/;

/** A stable 70/30 split by id, so the same people are held out on every run. */
const heldOut = (id: string) => parseInt(id.replace(/-/g, '').slice(-6), 16) % 10 < 3;

/**
 * Fits a regularised logistic regression on the company's own history — each rule of the model
 * as a feature (did it fire before the cutoff?), the outcome whether the person reached SQL
 * within the horizon — and proposes points in proportion to the fitted weights.
 */
export async function suggestWeights(ctx: Ctx, modelId: string, input: SuggestInput): Promise<Suggestion> {
  authorize(ctx, 'scoring:write');
  const model = await getScoringModel(ctx, modelId);
  const def = ScoringDefinition.parse(model.definition);
  const now = ctx.clock.now();
  const cutoff = input.cutoff ? new Date(`${input.cutoff}T00:00:00Z`) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 180 * DAY);
  if (cutoff.getTime() > now.getTime()) throw invalid('cutoff', 'the cutoff must be in the past');
  const people = await loadHistory(ctx, cutoff, new Date(cutoff.getTime() + input.horizonDays * DAY));

  const excluded = def.fit.filter((r) => r.when.some((c) => SALES_SET.test(c.field)))
    .map((r) => ({ ruleId: r.id, reason: 'reads a field sales may set after contact' }));
  const rules = [...def.fit.filter((r) => !excluded.some((e) => e.ruleId === r.id)).map((r) => ({ id: r.id, label: r.label, points: r.points, kind: 'fit' as const })),
    ...def.engagement.map((r) => ({ id: r.id, label: r.label, points: r.points, kind: 'engagement' as const }))];
  if (rules.length === 0) throw invalid('definition', 'the model has no rule to weigh (fit rules on sales-set fields are left out)');

  const rows = people.map((p) => {
    const s = scorePerson(def, p.subject.facts, p.subject.touches.filter((t) => t.occurredAt <= cutoff), cutoff);
    const fired = new Set(s.explanation.map((e) => e.ruleId));
    return { id: p.subject.personId, x: rules.map((r) => (fired.has(r.id) ? 1 : 0)), y: p.converted, total: s.total };
  });
  const train = rows.filter((r) => !heldOut(r.id));
  const test = rows.filter((r) => heldOut(r.id));
  if (train.length < 20 || !train.some((r) => r.y) || train.every((r) => r.y)) {
    throw invalid('cutoff', 'too little history at this cutoff to learn from (need converters and non-converters)');
  }
  const fitted = fitLogisticRegression(train.map((r) => r.x), train.map((r) => r.y), { lambda: input.lambda });
  const maxAbs = Math.max(...rules.map((r) => Math.abs(r.points)), 1);
  const maxCoef = Math.max(...fitted.weights.map(Math.abs), 1e-9);
  const suggested = rules.map((r, j) => ({
    ruleId: r.id, label: r.label, coefficient: fitted.weights[j]!, currentPoints: r.points,
    points: Math.round((fitted.weights[j]! / maxCoef) * maxAbs),
    share: rows.filter((row) => row.x[j] === 1).length / Math.max(rows.length, 1),
  }));
  const pointsOf = new Map(suggested.map((s) => [s.ruleId, s.points]));
  const definition: ScoringDefinitionInput = {
    ...def,
    fit: def.fit.map((r) => ({ ...r, points: pointsOf.get(r.id) ?? r.points })),
    engagement: def.engagement.map((r) => ({ ...r, points: pointsOf.get(r.id) ?? r.points })),
  };
  return {
    population: rows.length, converters: rows.filter((r) => r.y).length, trained: train.length, heldOut: test.length,
    heldOutAuc: rocAuc(test.map((r) => predict(fitted, r.x)), test.map((r) => r.y)),
    currentAuc: rocAuc(test.map((r) => r.total), test.map((r) => r.y)),
    rules: suggested, excluded, definition,
  };
}
