import { describe, expect, it } from 'vitest';
import { MODEL_COUNT, SLOTS, type DealCredit } from './credit-deals.js';
import type { Dimensions, TouchColumns } from './load-credit-inputs.js';
import { monthOf, RollupCells, type TouchDims } from './rollup-cells.js';
import { packCredits, unpackCredits } from './write-credits.js';

const dims: Dimensions = {
  campaigns: [{ id: 'c0000000-0000-0000-0000-000000000000', ownerId: 'u2' }],
  assets: ['ebook'],
  users: [{ id: 'u1', teamId: 'sales-team', role: 'sdr' }, { id: 'u2', teamId: 'mkt-team', role: 'marketing' }],
};
const touches: TouchDims[] = [
  { channel: 0, side: 0, campaign: 0, asset: -1, user: -1 }, // web, campaign owned by marketing
  { channel: 8, side: 1, campaign: -1, asset: -1, user: 0 }, // direct sales by the SDR
  { channel: 7, side: 0, campaign: -1, asset: 0, user: -1 }, // content, ebook
];
const weights = (pipeline: number[], revenue: number[] = [0, 0, 0]) => {
  const w = new Float32Array(touches.length * SLOTS);
  for (let i = 0; i < touches.length; i++) for (let m = 0; m < MODEL_COUNT; m++) { w[i * SLOTS + m] = pipeline[i]!; w[i * SLOTS + MODEL_COUNT + m] = revenue[i]!; }
  return w;
};
const deal = { amount: 1000, pipelineAmount: 800, currency: 'USD', createdAt: Date.UTC(2026, 2, 31, 23), wonAt: Date.UTC(2026, 3, 2) };

describe('rollup cells', () => {
  it('puts pipeline (the amount at creation) in the creation month and revenue (the won amount) in the win month, per dimension value and team', () => {
    const cells = new RollupCells(dims);
    cells.add(1, deal, touches, weights([0.5, 0.25, 0.25], [0.2, 0.2, 0.6]));
    const rows = cells.rows().filter((r) => r.model === 'linear');
    const pick = (stage: string, dimension: string) => Object.fromEntries(rows.filter((r) => r.stage === stage && r.dimension === dimension).map((r) => [r.key, [r.month, r.credit]]));
    expect(pick('pipeline', 'channel')).toEqual({ web: ['2026-03-01', 400], direct_sales: ['2026-03-01', 200], content: ['2026-03-01', 200] });
    expect(pick('revenue', 'channel')).toEqual({ web: ['2026-04-01', expect.closeTo(200, 3)], direct_sales: ['2026-04-01', expect.closeTo(200, 3)], content: ['2026-04-01', expect.closeTo(600, 3)] });
    expect(pick('pipeline', 'team')).toEqual({ 'mkt-team': ['2026-03-01', 400], 'sales-team': ['2026-03-01', 200], '': ['2026-03-01', 200] });
    expect(pick('pipeline', 'asset')).toEqual({ ebook: ['2026-03-01', 200], '': ['2026-03-01', 600] });
  });

  it('moves to exactly nothing when a deal is added and taken out again', () => {
    const cells = new RollupCells(dims);
    cells.add(1, deal, touches, weights([0.5, 0.25, 0.25]));
    cells.add(-1, deal, touches, weights([0.5, 0.25, 0.25]));
    expect(cells.rows().every((r) => Math.abs(r.credit) < 1e-9 && Math.abs(r.deals) < 1e-9)).toBe(true);
  });

  it('names months in UTC', () => expect(monthOf(Date.UTC(2026, 11, 31, 23, 59))).toBe('2026-12-01'));
});

describe('packed credit', () => {
  const columns = { id: Float64Array.from([101, 102, 9_007_199_254_740_000]) } as unknown as TouchColumns;
  const credit = (won: boolean) => ({
    deal: { isWon: won, closedAt: won ? 1 : null }, touches: Int32Array.from([0, 1, 2]), weights: weights([0.5, 0.25, 0.25], won ? [0.1, 0.2, 0.7] : [0, 0, 0]),
  }) as unknown as DealCredit;

  it('round-trips touch ids and every weight of a won deal', () => {
    const c = credit(true);
    const out = unpackCredits(packCredits(c, columns), 3, true);
    expect(out.touchIds).toEqual([101, 102, 9_007_199_254_740_000]);
    expect(Array.from(out.weights)).toEqual(Array.from(c.weights));
  });

  it('stores no revenue weights for a deal not won, and reads them back as zero', () => {
    const c = credit(false);
    const buf = packCredits(c, columns);
    expect(buf.length).toBe(3 * 8 + 3 * MODEL_COUNT * 4);
    expect(Array.from(unpackCredits(buf, 3, false).weights)).toEqual(Array.from(c.weights));
  });
});
