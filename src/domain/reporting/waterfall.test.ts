import { describe, expect, it } from 'vitest';
import { cohortMonth, episodesBehind, funnelFigures, groupFigures, splitEpisodes, type Transition } from './waterfall.js';
import { median, percentile, ratio } from './stats.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-10T00:00:00Z');
const t = (toStage: Transition['toStage'], day: number, isReentry = false): Transition => ({ toStage, at: T0 + day * DAY, isReentry });
const stage = (f: ReturnType<typeof funnelFigures>, s: string) => f.stages.find((x) => x.stage === s)!;

describe('splitEpisodes', () => {
  it('keeps the first entry into each stage of a pass, in time order whatever the input order', () => {
    const [e, ...rest] = splitEpisodes('p', [t('mql', 5), t('lead', 0), t('sal', 7)]);
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ index: 0, start: T0, entered: { lead: T0, mql: T0 + 5 * DAY, sal: T0 + 7 * DAY } });
  });

  it('starts a new episode at each re-entry, and ignores off-path stages', () => {
    const eps = splitEpisodes('p', [t('lead', 0), t('mql', 1), t('recycled', 3), t('mql', 100, true), t('sal', 101)]);
    expect(eps).toHaveLength(2);
    expect(eps[0]!.entered).toEqual({ lead: T0, mql: T0 + DAY });
    expect(eps[1]).toMatchObject({ index: 1, start: T0 + 100 * DAY, entered: { mql: T0 + 100 * DAY, sal: T0 + 101 * DAY } });
  });

  it('gives a person with only off-path transitions one episode that passed nothing', () => {
    const eps = splitEpisodes('p', [t('disqualified', 0)]);
    expect(funnelFigures(eps).stages.every((s) => s.passed === 0)).toBe(true);
  });
});

describe('funnelFigures', () => {
  const episodes = [
    ...splitEpisodes('a', [t('lead', 0), t('mql', 2), t('sal', 3), t('sql', 10)]),
    ...splitEpisodes('b', [t('lead', 0), t('mql', 4)]),
    ...splitEpisodes('c', [t('lead', 0), t('sql', 20)]), // skips MQL and SAL
    ...splitEpisodes('d', [t('mql', 0), t('sal', 1)]), // starts at MQL: never a lead
  ];
  const f = funnelFigures(episodes);

  it('counts entered and passed, and a skipped stage as passed but not entered', () => {
    expect(stage(f, 'lead')).toMatchObject({ entered: 3, passed: 3, skipped: 0 });
    expect(stage(f, 'mql')).toMatchObject({ entered: 3, passed: 4, skipped: 1 });
    expect(stage(f, 'sal')).toMatchObject({ entered: 2, passed: 3, skipped: 1 });
    expect(stage(f, 'sql')).toMatchObject({ entered: 2, passed: 2, skipped: 0 });
    expect(stage(f, 'subscriber')).toMatchObject({ entered: 0, passed: 0 });
  });

  it('converts by passed ÷ passed, null where nobody passed and at the last stage', () => {
    expect(stage(f, 'lead').conversion).toBeCloseTo(4 / 3); // d entered MQL without passing lead
    expect(stage(f, 'mql').conversion).toBeCloseTo(3 / 4);
    expect(stage(f, 'sal').conversion).toBeCloseTo(2 / 3);
    expect(stage(f, 'subscriber').conversion).toBeNull();
    expect(stage(f, 'evangelist').conversion).toBeNull();
  });

  it('measures velocity only over episodes that entered both stages', () => {
    expect(stage(f, 'lead').velocity).toMatchObject({ n: 2, medianDays: 3 }); // a: 2, b: 4
    expect(stage(f, 'mql').velocity).toMatchObject({ n: 2, medianDays: 1 }); // a: 1, d: 1
    expect(stage(f, 'sal').velocity).toMatchObject({ n: 1, medianDays: 7, p90Days: 7 });
    expect(stage(f, 'sql').velocity).toEqual({ n: 0, medianDays: null, p90Days: null });
  });

  it('answers an empty period with zeros and nulls, never NaN', () => {
    const empty = funnelFigures([]);
    expect(empty.episodes).toBe(0);
    for (const s of empty.stages) {
      expect(s).toMatchObject({ entered: 0, passed: 0, conversion: null });
      expect(s.velocity.medianDays).toBeNull();
    }
  });

  it('lists exactly the episodes behind each figure', () => {
    expect(episodesBehind(episodes, 'mql', 'skipped').map((e) => e.personId)).toEqual(['c']);
    expect(episodesBehind(episodes, 'mql', 'converted').map((e) => e.personId).sort()).toEqual(['a', 'c', 'd']);
    expect(episodesBehind(episodes, 'sal', 'entered').map((e) => e.personId).sort()).toEqual(['a', 'd']);
  });
});

describe('groupFigures', () => {
  it('keeps re-entries apart from first passes, per group', () => {
    const eps = [
      ...splitEpisodes('a', [t('lead', 0), t('mql', 1), t('recycled', 2), t('mql', 40, true)]),
      ...splitEpisodes('b', [t('lead', 35)]),
    ];
    const groups = groupFigures(eps, (e) => cohortMonth(e.start));
    expect(groups.map((g) => g.key)).toEqual(['2026-01', '2026-02']);
    expect(stage(groups[0]!.firstPass, 'mql').entered).toBe(1);
    expect(groups[0]!.reentries.episodes).toBe(0);
    expect(stage(groups[1]!.firstPass, 'lead').entered).toBe(1);
    expect(stage(groups[1]!.reentries, 'mql').entered).toBe(1);
  });
});

describe('stats', () => {
  it('interpolates percentiles and refuses to divide by zero', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(percentile([0, 10], 90)).toBe(9);
    expect(percentile([], 50)).toBeNull();
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
  });
});
