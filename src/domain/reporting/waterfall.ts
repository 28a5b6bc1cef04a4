import type { LifecycleStage } from '../../db/schema/vocabulary.js';
import { median, percentile } from './stats.js';

/**
 * The demand waterfall as pure computation over lifecycle history (DOMAIN.md: the waterfall,
 * conversion and velocity come from the stage transitions). No database here: the use case
 * loads transitions, this file splits them into episodes and counts.
 *
 * - An **episode** is one pass of a person through the funnel. The first pass starts at their
 *   first transition; every transition flagged `is_reentry` (a boomerang: a recycled lead coming
 *   back) starts a new one. Re-entry episodes are counted apart, never mixed into the first pass.
 * - An episode **entered** a stage when it has a transition into it; it **passed** a stage when it
 *   entered it or, having started at or before it, reached a later one (a skipped stage is
 *   passed, not entered: `skipped = passed − entered`). An episode that starts at MQL never
 *   passed `lead`.
 * - **Conversion** from a stage to the next = passed(next) ÷ passed(stage) (null when nobody passed).
 * - **Velocity** from a stage to the next: days between entering the one and entering the other,
 *   over the episodes that entered both (median and p90).
 */
export const FUNNEL_STAGES = ['subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'evangelist'] as const satisfies readonly LifecycleStage[];
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
const RANK = new Map<string, number>(FUNNEL_STAGES.map((s, i) => [s, i]));
const DAY = 86_400_000;

export type Transition = { toStage: LifecycleStage; at: number; isReentry: boolean };

export type Episode = {
  personId: string;
  /** 0 = the first pass; 1, 2… the re-entries. */
  index: number;
  start: number;
  /** When the episode first entered each funnel stage (ms), for the stages it entered. */
  entered: Partial<Record<FunnelStage, number>>;
};

/** One person's transitions (any order) → their episodes. Off-path stages (recycled, disqualified) only end nothing and count nowhere. */
export function splitEpisodes(personId: string, transitions: readonly Transition[]): Episode[] {
  const sorted = [...transitions].sort((a, b) => a.at - b.at);
  const episodes: Episode[] = [];
  let current: Episode | null = null;
  for (const t of sorted) {
    if (!current || t.isReentry) {
      current = { personId, index: episodes.length, start: t.at, entered: {} };
      episodes.push(current);
    }
    if (RANK.has(t.toStage)) {
      const stage = t.toStage as FunnelStage;
      if (current.entered[stage] === undefined) current.entered[stage] = t.at;
    }
  }
  return episodes;
}

/** The first and last funnel stage an episode entered (by rank), or null when it entered none. */
function span(e: Episode): { first: number; last: number } | null {
  let first = Infinity, last = -1;
  for (const s of Object.keys(e.entered)) {
    const r = RANK.get(s)!;
    if (r < first) first = r;
    if (r > last) last = r;
  }
  return last < 0 ? null : { first, last };
}

export function passed(e: Episode, stage: FunnelStage): boolean {
  const s = span(e);
  const r = RANK.get(stage)!;
  return !!s && s.first <= r && r <= s.last;
}

export type Velocity = { n: number; medianDays: number | null; p90Days: number | null };
export type StageFigures = {
  stage: FunnelStage;
  entered: number;
  passed: number;
  skipped: number;
  /** passed(next) ÷ passed(this); null for the last stage or when nobody passed this one. */
  conversion: number | null;
  /** Days from entering this stage to entering the next (episodes that entered both). */
  velocity: Velocity;
};
export type FunnelFigures = { episodes: number; people: number; stages: StageFigures[] };

/** Counts, conversion and velocity over a set of episodes. */
export function funnelFigures(episodes: readonly Episode[]): FunnelFigures {
  const spans = episodes.map(span);
  const stages = FUNNEL_STAGES.map((stage, r): StageFigures => {
    let entered = 0, passedCount = 0;
    for (const [i, e] of episodes.entries()) {
      if (e.entered[stage] !== undefined) entered++;
      const s = spans[i];
      if (s && s.first <= r && r <= s.last) passedCount++;
    }
    return { stage, entered, passed: passedCount, skipped: passedCount - entered, conversion: null, velocity: { n: 0, medianDays: null, p90Days: null } };
  });
  for (let r = 0; r < stages.length - 1; r++) {
    const here = stages[r]!, next = stages[r + 1]!;
    here.conversion = here.passed ? next.passed / here.passed : null;
    const days: number[] = [];
    for (const e of episodes) {
      const a = e.entered[here.stage], b = e.entered[next.stage];
      if (a !== undefined && b !== undefined && b >= a) days.push((b - a) / DAY);
    }
    here.velocity = { n: days.length, medianDays: median(days), p90Days: percentile(days, 90) };
  }
  return { episodes: episodes.length, people: new Set(episodes.map((e) => e.personId)).size, stages };
}

/** Which measure of a stage a drill-down asks for. */
export type WaterfallMeasure = 'entered' | 'passed' | 'skipped' | 'converted';

/** The episodes behind one figure: the same tests the counts use, so the list length is the number. */
export function episodesBehind(episodes: readonly Episode[], stage: FunnelStage, measure: WaterfallMeasure): Episode[] {
  const r = RANK.get(stage)!;
  const next = FUNNEL_STAGES[r + 1];
  return episodes.filter((e) => {
    switch (measure) {
      case 'entered': return e.entered[stage] !== undefined;
      case 'passed': return passed(e, stage);
      case 'skipped': return passed(e, stage) && e.entered[stage] === undefined;
      case 'converted': return !!next && passed(e, stage) && passed(e, next);
    }
  });
}

/** `YYYY-MM` of an instant (UTC): the cohort an episode belongs to. */
export function cohortMonth(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/** Groups keyed episodes; each group's figures for first passes and for re-entries apart. */
export function groupFigures<E extends Episode>(episodes: readonly E[], keyOf: (e: E) => string) {
  const groups = new Map<string, E[]>();
  for (const e of episodes) {
    const k = keyOf(e);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(e);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => ({
    key,
    firstPass: funnelFigures(list.filter((e) => e.index === 0)),
    reentries: funnelFigures(list.filter((e) => e.index > 0)),
  }));
}
