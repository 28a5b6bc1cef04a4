import { z } from '../shared/zod.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { invalid } from '../shared/errors.js';
import { rocAuc, topDecileLift } from './backtest-metrics.js';
import { getScoringModel, liveScoringModel } from './list-scoring-models.js';
import { loadHistory, type Person } from './load-history.js';
import { scorePerson } from './score-person.js';
import { ScoringDefinition } from './scoring-model.schema.js';

export const BacktestInput = z.strictObject({
  cutoff: z.iso.date().optional().describe('Score everyone as of this day (default: 90 days ago); what happened after is the outcome'),
  horizonDays: z.number().int().min(7).max(730).default(90).describe('How long after the cutoff a conversion counts'),
  months: z.number().int().min(1).max(24).default(6).describe('Months before the cutoff to count the MQLs the model would have made'),
});
export type BacktestInput = z.infer<typeof BacktestInput>;

const Metrics = z.object({
  modelId: z.uuid(), version: z.number().int(), name: z.string(),
  auc: z.number().nullable().describe('ROC AUC: how well the score at the cutoff ranks the people who converted after it'),
  topDecileLift: z.number().nullable(),
  mqlsAtCutoff: z.number().int().describe('People at or over the threshold (or who had raised a hand) at the cutoff'),
  convertersCaught: z.number().int().describe('Converters who were MQLs by this model at the cutoff'),
  customersCaught: z.number().int(),
  mqlsPerMonth: z.array(z.object({ month: z.string(), mqls: z.number().int() })).describe('New MQLs the model would have produced each month'),
});
export const BacktestResult = z.object({
  cutoff: z.string(), horizonDays: z.number().int(),
  population: z.number().int().describe('People known at the cutoff and not yet handed to sales'),
  converters: z.number().int().describe('Of them, who reached SQL or later within the horizon'),
  customers: z.number().int().describe('Of them, who became customers within the horizon'),
  model: Metrics, live: Metrics.nullable(),
}).openapi('BacktestResult');
export type BacktestResult = z.infer<typeof BacktestResult>;

const DAY = 86_400_000;


/**
 * Runs a model over history, without peeking: everyone known at the cutoff and not yet handed to
 * sales is scored with the touches they had then; the outcome is whether they reached SQL within
 * the horizon. Reported beside the live model on the same people.
 */
export async function backtestModel(ctx: Ctx, modelId: string, input: BacktestInput): Promise<BacktestResult> {
  authorize(ctx, 'scoring:read');
  const model = await getScoringModel(ctx, modelId);
  const live = await liveScoringModel(ctx);
  const now = ctx.clock.now();
  const cutoff = input.cutoff ? new Date(`${input.cutoff}T00:00:00Z`) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 90 * DAY);
  if (cutoff.getTime() > now.getTime()) throw invalid('cutoff', 'the cutoff must be in the past');
  const end = new Date(cutoff.getTime() + input.horizonDays * DAY);

  const people = await loadHistory(ctx, cutoff, end);
  const months = Array.from({ length: input.months }, (_, k) => new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() - input.months + k, 1)));

  const measure = (m: typeof model) => {
    const def = ScoringDefinition.parse(m.definition);
    const scoreAt = (p: Person, at: Date) => scorePerson(def, p.subject.facts, p.subject.touches.filter((t) => t.occurredAt <= at), at);
    const atCutoff = people.map((p) => scoreAt(p, cutoff));
    const labels = people.map((p) => p.converted);
    const isMql = atCutoff.map((s) => s.mqlReason !== null);
    // New MQLs per month: people an MQL at the month's end who were not at the previous month's end.
    let before: boolean[] = people.map((p) => p.subject.touches.some((t) => t.occurredAt < months[0]!) && scoreAt(p, months[0]!).mqlReason !== null);
    const mqlsPerMonth = months.map((start, k) => {
      const monthEnd = k + 1 < months.length ? months[k + 1]! : cutoff;
      const nowMql = people.map((p) => p.subject.touches.some((t) => t.occurredAt < monthEnd) && scoreAt(p, monthEnd).mqlReason !== null);
      const fresh = nowMql.filter((v, i) => v && !before[i]).length;
      before = nowMql;
      return { month: start.toISOString().slice(0, 7), mqls: fresh };
    });
    return {
      modelId: m.id, version: m.version, name: m.name,
      auc: rocAuc(atCutoff.map((s) => s.total), labels),
      topDecileLift: topDecileLift(atCutoff.map((s) => s.total), labels),
      mqlsAtCutoff: isMql.filter(Boolean).length,
      convertersCaught: people.filter((p, i) => p.converted && isMql[i]).length,
      customersCaught: people.filter((p, i) => p.customer && isMql[i]).length,
      mqlsPerMonth,
    };
  };
  return {
    cutoff: cutoff.toISOString(), horizonDays: input.horizonDays, population: people.length,
    converters: people.filter((p) => p.converted).length, customers: people.filter((p) => p.customer).length,
    model: measure(model), live: live ? measure(live) : null,
  };
}
