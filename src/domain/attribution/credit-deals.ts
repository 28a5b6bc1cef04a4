import { ATTRIBUTION_MODELS, type AttributionModel } from '../../db/schema/attribution.js';
import type { Source } from '../../db/schema/vocabulary.js';
import type { AttributionConfig } from './attribution-settings.js';
import { custom } from './custom.js';
import { dataDriven } from './data-driven.js';
import { firstTouch } from './first-touch.js';
import { fullPath } from './full-path.js';
import type { Journey, JourneyTouch, ModelResult } from './journey.js';
import { lastTouch } from './last-touch.js';
import { leadCreation } from './lead-creation.js';
import { linear } from './linear.js';
import { SIDE_CODES, type CreditInputs, type DealInput, type TouchColumns } from './load-credit-inputs.js';
import { milestones, type Milestones } from './milestones.js';
import { timeDecay } from './time-decay.js';
import { uShaped } from './u-shaped.js';
import { wShaped } from './w-shaped.js';

const DAY = 86_400_000;
export const MODEL_COUNT = ATTRIBUTION_MODELS.length;
/** Weights per touch: the models for pipeline, then the models for revenue. */
export const SLOTS = MODEL_COUNT * 2;

/** Channel shares fitted over all journeys; null when not (yet) fitted. */
export type ChannelShares = { markov: ArrayLike<number> | null; shapley: ArrayLike<number> | null };

export type DealCredit = {
  deal: DealInput;
  /** Indices into the touch columns, in time order: the deal's window. */
  touches: Int32Array;
  /** How many of them came before (or at) the deal's creation. */
  pipelineTouches: number;
  /** `touches.length * SLOTS` weights, touch by touch. */
  weights: Float32Array;
  milestoneTouchIds: { ft: number | null; lc: number | null; oc: number | null; cw: number | null };
  source: Source | null;
  influenced: boolean;
  flags: string[];
};

/**
 * Credits every deal under every model, for pipeline (touches up to the deal's creation, in the
 * lookback window) and, for won deals, revenue (touches up to the close). Touches after the
 * close are left out and counted in a flag; a deal without touches is flagged, never credited
 * silently to nobody.
 */
export function creditDeals(inputs: CreditInputs, config: AttributionConfig, shares: ChannelShares): DealCredit[] {
  return inputs.deals.map((deal) => creditDeal(deal, inputs, config, shares));
}

export function creditDeal(deal: DealInput, inputs: CreditInputs, config: AttributionConfig, shares: ChannelShares): DealCredit {
  const t = inputs.touches;
  const from = deal.createdAt - config.lookbackDays * DAY;
  const to = deal.closedAt ?? Infinity;
  const picked: number[] = [];
  let afterClose = 0;
  for (const key of deal.keys) {
    for (const i of t.byKey.get(key) ?? []) {
      const at = t.at[i]!;
      if (at < from) continue;
      if (at > to) { afterClose++; continue; }
      picked.push(i);
    }
  }
  if (deal.keys.length > 1) picked.sort((a, b) => t.at[a]! - t.at[b]! || t.id[a]! - t.id[b]!);
  const touches = Int32Array.from(picked);
  const n = touches.length;
  let pipelineTouches = 0;
  while (pipelineTouches < n && t.at[touches[pipelineTouches]!]! <= deal.createdAt) pipelineTouches++;
  const flags: string[] = [];
  if (n === 0) flags.push('no_touches');
  else if (pipelineTouches === 0) flags.push('no_touches_before_creation');
  if (afterClose > 0) flags.push(`touches_after_close:${afterClose}`);

  const weights = new Float32Array(n * SLOTS);
  const journeyTouches: JourneyTouch[] = picked.map((i) => ({ at: t.at[i]!, side: SIDE_CODES[t.side[i]!]!, channel: t.channel[i]! }));
  const pipeline: Journey = { touches: journeyTouches.slice(0, pipelineTouches), leadCreatedAt: deal.leadCreatedAt, opportunityCreatedAt: deal.createdAt, closedAt: null };
  const pm = milestones(pipeline);
  fill(weights, 0, pipeline, pm, config, shares, flags, 'pipeline');
  let rm: Milestones | null = null;
  if (deal.isWon && deal.closedAt !== null) {
    const revenue: Journey = { touches: journeyTouches, leadCreatedAt: deal.leadCreatedAt, opportunityCreatedAt: deal.createdAt, closedAt: deal.closedAt };
    rm = milestones(revenue);
    fill(weights, MODEL_COUNT, revenue, rm, config, shares, flags, 'revenue');
  }
  if (pm.lcFromFirstTouch && pipelineTouches > 0) flags.push('lc_from_first_touch');
  if (pm.ocNotMarketing) flags.push('oc_not_marketing');

  const idOf = (k: number | null) => (k === null ? null : t.id[touches[k]!]!);
  let influenced = false;
  for (let k = 0; k < n; k++) if (t.side[touches[k]!] === 0) { influenced = true; break; }
  return {
    deal, touches, pipelineTouches, weights,
    milestoneTouchIds: { ft: idOf(pm.ft), lc: idOf(pm.lc), oc: idOf(pm.oc), cw: rm ? idOf(rm.cw) : null },
    source: pipelineTouches > 0 ? sourceOf(t, touches[0]!, inputs) : null,
    influenced, flags,
  };
}

/** Who generated the deal, from who made its first touch: marketing, partner, inside sales (an SDR) or sales. */
function sourceOf(t: TouchColumns, i: number, inputs: CreditInputs): Source {
  const side = SIDE_CODES[t.side[i]!];
  if (side === 'marketing') return 'marketing';
  if (side === 'partner') return 'partner';
  const user = t.user[i]! >= 0 ? inputs.dims.users[t.user[i]!] : undefined;
  return user?.role === 'sdr' ? 'inside_sales' : 'sales';
}

function fill(weights: Float32Array, offset: number, j: Journey, m: Milestones, config: AttributionConfig, shares: ChannelShares, flags: string[], stage: string): void {
  const n = j.touches.length;
  if (n === 0) return;
  for (let k = 0; k < MODEL_COUNT; k++) {
    const model = ATTRIBUTION_MODELS[k]!;
    const r = run(model, j, m, config, shares);
    if (!r) continue;
    if (r.fallback) flags.push(`fallback_linear:${model}:${stage}`);
    for (let i = 0; i < n; i++) weights[i * SLOTS + offset + k] = r.weights[i]!;
  }
}

function run(model: AttributionModel, j: Journey, m: Milestones, config: AttributionConfig, shares: ChannelShares): ModelResult | null {
  const n = j.touches.length;
  switch (model) {
    case 'first_touch': return firstTouch(n, m);
    case 'lead_creation': return leadCreation(n, m);
    case 'last_touch': return lastTouch(n);
    case 'linear': return linear(n);
    case 'u_shaped': return uShaped(n, m);
    case 'w_shaped': return wShaped(n, m);
    case 'full_path': return fullPath(n, m);
    case 'time_decay': return timeDecay(j, config.halfLifeDays);
    case 'custom': return custom(n, m, config.customWeights);
    case 'markov': return shares.markov ? dataDriven(j.touches, shares.markov) : null;
    case 'shapley': return shares.shapley ? dataDriven(j.touches, shares.shapley) : null;
  }
}

/** Fills the data-driven models' weights once the channel shares are fitted (they need every deal's journey first). */
export function applyDataDriven(credits: DealCredit[], inputs: CreditInputs, shares: ChannelShares): void {
  const t = inputs.touches;
  const markov = ATTRIBUTION_MODELS.indexOf('markov');
  const shapley = ATTRIBUTION_MODELS.indexOf('shapley');
  for (const c of credits) {
    const all: JourneyTouch[] = Array.from(c.touches, (i) => ({ at: t.at[i]!, side: SIDE_CODES[t.side[i]!]!, channel: t.channel[i]! }));
    const won = c.deal.isWon && c.deal.closedAt !== null;
    for (const [k, s] of [[markov, shares.markov], [shapley, shares.shapley]] as const) {
      if (!s) continue;
      const stages: [number, JourneyTouch[]][] = [[0, all.slice(0, c.pipelineTouches)]];
      if (won) stages.push([MODEL_COUNT, all]);
      for (const [offset, touches] of stages) {
        if (touches.length === 0) continue;
        const r = dataDriven(touches, s);
        if (r.fallback) c.flags.push(`fallback_linear:${ATTRIBUTION_MODELS[k]}:${offset ? 'revenue' : 'pipeline'}`);
        for (let i = 0; i < touches.length; i++) c.weights[i * SLOTS + offset + k] = r.weights[i]!;
      }
    }
  }
}

/** The channel path of each deal's pipeline journey: the converting journeys of the Markov chain. */
export function convertingPaths(credits: DealCredit[], t: TouchColumns): Uint8Array[] {
  return credits.filter((c) => c.pipelineTouches > 0).map((c) => Uint8Array.from(c.touches.subarray(0, c.pipelineTouches), (i) => t.channel[i]!));
}
