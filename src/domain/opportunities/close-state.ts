import type { OpportunityStage } from '../../db/schema/vocabulary.js';

/**
 * Won/lost and the close time follow the stage (pure): moving to closed_won or closed_lost
 * closes the deal now unless it was closed already; reopening clears both.
 */
export function closeState(
  stage: OpportunityStage,
  previous: { isWon: boolean | null; closedAt: Date | null },
  now: Date,
): { isWon: boolean | null; closedAt: Date | null } {
  if (stage === 'closed_won') return { isWon: true, closedAt: previous.isWon === true ? previous.closedAt : now };
  if (stage === 'closed_lost') return { isWon: false, closedAt: previous.isWon === false ? previous.closedAt : now };
  return { isWon: null, closedAt: null };
}
