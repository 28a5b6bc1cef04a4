import { ATTRIBUTION_MODELS, CREDIT_DIMENSIONS, type CreditDimension } from '../../db/schema/attribution.js';
import { CHANNELS } from '../../db/schema/vocabulary.js';
import { MODEL_COUNT, SLOTS } from './credit-deals.js';
import { SIDE_CODES, type Dimensions } from './load-credit-inputs.js';

/** One touch as the rollups see it: its dimension values. */
export type TouchDims = { channel: number; side: number; campaign: number; asset: number; user: number };

export type RollupRow = {
  model: string; stage: 'pipeline' | 'revenue'; dimension: CreditDimension; key: string; month: string; currency: string; credit: number; deals: number;
};

/** What the rollups need of a deal: pipeline credit is worth its amount at creation, revenue its won amount. */
export type RollupDeal = { amount: number; pipelineAmount: number; currency: string; createdAt: number; wonAt: number | null };

/** `YYYY-MM-01` of an epoch-ms instant (UTC). */
export function monthOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

const DIM_SHIFT = 2 ** 20;
const MONTHS = 32_768;
const CURRENCIES = 64;

/**
 * Sums credit per (dimension value, month, currency) cell, each cell holding every model for
 * pipeline and revenue (credit in money, and deals as summed weights). Deals are added one by
 * one with a sign, so the same code builds the rollups from scratch and moves them by a delta.
 * Keys are numbers (dimension, value index, month, currency): string keys per touch cost more
 * than the crediting itself on the large demo.
 */
export class RollupCells {
  private readonly cells = new Map<number, Float64Array>();
  private readonly teams: string[] = [''];
  private readonly userTeam: number[];
  private readonly campaignTeam: number[];
  private readonly currencies: string[] = [];

  constructor(private readonly dims: Dimensions) {
    const teamIndex = new Map<string, number>([['', 0]]);
    const team = (id: string | null | undefined) => {
      if (!id) return 0;
      let i = teamIndex.get(id);
      if (i === undefined) { i = this.teams.length; this.teams.push(id); teamIndex.set(id, i); }
      return i;
    };
    const teamOfUser = new Map(dims.users.map((u) => [u.id, u.teamId]));
    this.userTeam = dims.users.map((u) => team(u.teamId));
    this.campaignTeam = dims.campaigns.map((c) => team(c.ownerId ? teamOfUser.get(c.ownerId) : null));
  }

  /** The team of the user who made the touch, else of the campaign's owner; 0 (none) otherwise. */
  private teamOf(t: TouchDims): number {
    const viaUser = t.user >= 0 ? this.userTeam[t.user]! : 0;
    if (viaUser) return viaUser;
    return t.campaign >= 0 ? this.campaignTeam[t.campaign]! : 0;
  }

  private dimKeys(t: TouchDims): number[] {
    return [
      0 * DIM_SHIFT + t.channel,
      1 * DIM_SHIFT + t.campaign + 1,
      2 * DIM_SHIFT + t.asset + 1,
      3 * DIM_SHIFT + this.teamOf(t),
      4 * DIM_SHIFT + t.side,
    ];
  }

  private keyName(dimKey: number): [CreditDimension, string] {
    const dimension = CREDIT_DIMENSIONS[Math.floor(dimKey / DIM_SHIFT)]!;
    const v = dimKey % DIM_SHIFT;
    switch (dimension) {
      case 'channel': return [dimension, CHANNELS[v] ?? 'other'];
      case 'campaign': return [dimension, v ? this.dims.campaigns[v - 1]!.id : ''];
      case 'asset': return [dimension, v ? this.dims.assets[v - 1]! : ''];
      case 'team': return [dimension, this.teams[v]!];
      case 'side': return [dimension, SIDE_CODES[v] ?? 'marketing'];
    }
  }

  /** The key a touch has in one dimension, as stored in the rollups. */
  keyFor(dimension: CreditDimension, t: TouchDims): string {
    return this.keyName(this.dimKeys(t)[CREDIT_DIMENSIONS.indexOf(dimension)]!)[1];
  }

  private currency(c: string): number {
    let i = this.currencies.indexOf(c);
    if (i < 0) { i = this.currencies.length; this.currencies.push(c); }
    return i;
  }

  /**
   * Adds one deal: `weights` holds SLOTS per touch (pipeline models, then revenue models);
   * pipeline (the amount at creation) lands in the month the deal was created, revenue (the won
   * amount) in the month it was won.
   */
  add(sign: 1 | -1, deal: RollupDeal, touches: TouchDims[], weights: Float32Array): void {
    const local = new Map<number, Float64Array>();
    for (let i = 0; i < touches.length; i++) {
      for (const k of this.dimKeys(touches[i]!)) {
        let acc = local.get(k);
        if (!acc) { acc = new Float64Array(SLOTS); local.set(k, acc); }
        for (let s = 0; s < SLOTS; s++) acc[s] = acc[s]! + weights[i * SLOTS + s]!;
      }
    }
    const cur = this.currency(deal.currency);
    const pipelineMonth = monthIndex(deal.createdAt);
    const revenueMonth = deal.wonAt === null ? null : monthIndex(deal.wonAt);
    for (const [k, acc] of local) {
      this.bump((k * MONTHS + pipelineMonth) * CURRENCIES + cur, acc, 0, sign, deal.pipelineAmount);
      if (revenueMonth !== null) this.bump((k * MONTHS + revenueMonth) * CURRENCIES + cur, acc, MODEL_COUNT, sign, deal.amount);
    }
  }

  private bump(cellKey: number, acc: Float64Array, offset: number, sign: number, amount: number): void {
    let cell = this.cells.get(cellKey);
    if (!cell) { cell = new Float64Array(SLOTS * 2); this.cells.set(cellKey, cell); }
    for (let m = offset; m < offset + MODEL_COUNT; m++) {
      const w = acc[m]!;
      if (w === 0) continue;
      cell[m] = cell[m]! + sign * w * amount;
      cell[SLOTS + m] = cell[SLOTS + m]! + sign * w;
    }
  }

  rows(): RollupRow[] {
    const out: RollupRow[] = [];
    for (const [cellKey, cell] of this.cells) {
      const cur = cellKey % CURRENCIES;
      const month = Math.floor(cellKey / CURRENCIES) % MONTHS;
      const [dimension, key] = this.keyName(Math.floor(cellKey / CURRENCIES / MONTHS));
      const monthText = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
      for (let m = 0; m < SLOTS; m++) {
        if (cell[m] === 0 && cell[SLOTS + m] === 0) continue;
        out.push({
          model: ATTRIBUTION_MODELS[m % MODEL_COUNT]!, stage: m < MODEL_COUNT ? 'pipeline' : 'revenue', dimension, key, month: monthText,
          currency: this.currencies[cur]!, credit: cell[m]!, deals: cell[SLOTS + m]!,
        });
      }
    }
    return out;
  }
}

function monthIndex(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}
