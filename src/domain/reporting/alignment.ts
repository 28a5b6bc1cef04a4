/**
 * The alignment diagnostic (DOMAIN.md, after Kotler, Rackham and Krishnaswamy, HBR 2006): twenty
 * statements, in our own words, each rated 1 (not at all) to 5 (fully) by every member of sales
 * and of marketing. A total of 20–39 is undefined, 40–59 defined, 60–79 aligned, 80–100 integrated.
 */
export const ALIGNMENT_STATEMENTS = [
  'Our forecasts of what we will sell turn out close to what we actually sell.',
  'When a target is missed, neither team looks for the other to blame.',
  'Marketing people meet our most important customers in person.',
  'Sales has a real say in the marketing plan before it is final.',
  'Sales values the material marketing produces and uses it in deals.',
  'Sales tells marketing what prospects say, and marketing acts on it.',
  'Both teams use the same words for the same things (a lead, an MQL, a qualified deal).',
  'The two teams plan together well before a product or campaign is launched.',
  'We have agreed together how each segment of buyers makes its decisions.',
  'We spend little time arguing about who deserves credit or whose fault something is.',
  'We plan the years ahead together, not only the next quarter.',
  'Both teams are judged on some of the same numbers.',
  'Marketing helps shape the plan for each key account.',
  'One funnel runs from first contact to loyal customer, and both teams own it.',
  'Marketing studies the funnel data and tells sales where deals stall.',
  'We succeed or fail together, and everyone here believes it.',
  'One executive answers for revenue across sales and marketing.',
  'People move between the two teams in the course of their careers.',
  'The two teams train together.',
  'Each team presents its plan to the other and listens to the response.',
] as const;

export const ALIGNMENT_BANDS = ['undefined', 'defined', 'aligned', 'integrated'] as const;
export type AlignmentBand = (typeof ALIGNMENT_BANDS)[number];

/** The band of a total (20–100); fractional averages fall in the band of their value. */
export function alignmentBand(total: number): AlignmentBand {
  if (total < 40) return 'undefined';
  if (total < 60) return 'defined';
  if (total < 80) return 'aligned';
  return 'integrated';
}

/** The sum of twenty ratings, each an integer 1–5; null (with what is wrong) otherwise. */
export function alignmentTotal(ratings: readonly number[]): { total: number } | { error: string } {
  if (ratings.length !== ALIGNMENT_STATEMENTS.length) return { error: `rate all ${ALIGNMENT_STATEMENTS.length} statements (got ${ratings.length})` };
  const bad = ratings.findIndex((r) => !Number.isInteger(r) || r < 1 || r > 5);
  if (bad >= 0) return { error: `statement ${bad + 1}: a rating is a whole number from 1 to 5` };
  return { total: ratings.reduce((a, b) => a + b, 0) };
}
