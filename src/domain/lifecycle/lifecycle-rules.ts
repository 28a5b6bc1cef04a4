import type { LifecycleStage } from '../../db/schema/vocabulary.js';

/**
 * The lead lifecycle as rules: stages move forward only, except through `recycled` (back to
 * nurture), from which a person re-enters the funnel and is counted again. `disqualified` ends
 * the path unless the person comes back (a new hand-raise re-enters them as a lead or MQL).
 */
export const FUNNEL: readonly LifecycleStage[] = ['subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'evangelist'];
const rank = (s: LifecycleStage) => FUNNEL.indexOf(s);

export type TransitionCheck = { ok: true; reentry: boolean } | { ok: false; reason: string };

export function checkTransition(from: LifecycleStage | null, to: LifecycleStage): TransitionCheck {
  if (from === to) return { ok: false, reason: `already ${to}` };
  if (from === null) return to === 'recycled' || to === 'disqualified' ? { ok: false, reason: `a person cannot start as ${to}` } : { ok: true, reentry: false };
  if (to === 'recycled') {
    return rank(from) >= rank('mql') && rank(from) < rank('customer') ? { ok: true, reentry: false } : { ok: false, reason: `only people between MQL and opportunity can be recycled, not ${from}` };
  }
  if (to === 'disqualified') {
    return from === 'customer' || from === 'evangelist' ? { ok: false, reason: 'a customer cannot be disqualified' } : { ok: true, reentry: false };
  }
  if (from === 'recycled' || from === 'disqualified') {
    return rank(to) <= rank('sql') ? { ok: true, reentry: true } : { ok: false, reason: `a ${from} person re-enters as a lead, MQL, SAL or SQL, not ${to}` };
  }
  if (rank(to) > rank(from)) return { ok: true, reentry: false };
  return { ok: false, reason: `stages move forward only: ${from} → ${to} goes back (recycle the person instead)` };
}
