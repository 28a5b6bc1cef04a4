import type { Journey } from './journey.js';

/**
 * The four milestones of a journey, as indices into its touches (DOMAIN.md):
 * - FT, first touch: the first touch in the window;
 * - LC, lead creation: the last touch at or before the lead was created; when the lead has no
 *   touch before its creation (an imported list, a rep's own entry) or its creation is unknown,
 *   the first touch stands for it (`lcFromFirstTouch`);
 * - OC, opportunity creation: the last marketing touch at or before the opportunity was created;
 *   without one, the last touch of any side before it (`ocNotMarketing`); null if no touch
 *   precedes the creation;
 * - CW, closed-won: for revenue credit only, the last touch at or before the close.
 * Ties in time are broken by the order of the touches (their ids), the later touch being "last".
 */
export type Milestones = {
  ft: number | null;
  lc: number | null;
  oc: number | null;
  cw: number | null;
  lcFromFirstTouch: boolean;
  ocNotMarketing: boolean;
};

export function milestones(j: Journey): Milestones {
  const t = j.touches;
  if (t.length === 0) return { ft: null, lc: null, oc: null, cw: null, lcFromFirstTouch: false, ocNotMarketing: false };
  let lc = -1;
  let ocMarketing = -1;
  let ocAny = -1;
  for (let i = 0; i < t.length; i++) {
    const at = t[i]!.at;
    if (j.leadCreatedAt !== null && at <= j.leadCreatedAt) lc = i;
    if (at <= j.opportunityCreatedAt) {
      ocAny = i;
      if (t[i]!.side === 'marketing') ocMarketing = i;
    }
  }
  let cw: number | null = null;
  if (j.closedAt !== null) {
    for (let i = t.length - 1; i >= 0; i--) if (t[i]!.at <= j.closedAt) { cw = i; break; }
  }
  return {
    ft: 0,
    lc: lc >= 0 ? lc : 0,
    oc: ocMarketing >= 0 ? ocMarketing : ocAny >= 0 ? ocAny : null,
    cw,
    lcFromFirstTouch: lc < 0,
    ocNotMarketing: ocMarketing < 0 && ocAny >= 0,
  };
}
