import type { OpportunityStage } from '../../db/schema/vocabulary.js';

/**
 * How likely an open deal in each stage is to close: the weights of the weighted forecast.
 * Commit = what is won plus the deals in negotiation; best case = won plus every open deal
 * expected to close in the quarter.
 */
export const STAGE_PROBABILITY: Record<OpportunityStage, number> = {
  discovery: 0.1, qualification: 0.2, solution: 0.4, proposal: 0.6, negotiation: 0.8, closed_won: 1, closed_lost: 0,
};
export const COMMIT_STAGES: readonly OpportunityStage[] = ['negotiation'];

/** Forecast accuracy: 1 − |forecast − actual| ÷ actual, floored at 0; null when nothing was won (no base to judge by). */
export function forecastAccuracy(forecast: number, actual: number): number | null {
  if (actual <= 0) return null;
  return Math.max(0, 1 - Math.abs(forecast - actual) / actual);
}

/** The calendar quarter label (`2026-Q4`) of a date, and the label `n` quarters later. */
export function quarterLabel(at: Date, plus = 0): string {
  const q = at.getUTCFullYear() * 4 + Math.floor(at.getUTCMonth() / 3) + plus;
  return `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
}

export function quarterRange(label: string): { from: Date; to: Date } {
  const [y, q] = label.split('-Q').map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, (q - 1) * 3, 1)), to: new Date(Date.UTC(y, q * 3, 1)) };
}
