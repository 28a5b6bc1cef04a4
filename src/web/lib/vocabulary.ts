/**
 * The fixed vocabularies, shared with the server so the filters never drift from the CHECK
 * constraints. vocabulary.ts imports nothing, so it bundles into the browser as is.
 */
export {
  ACCOUNT_TIERS, BUYING_ROLES, CAMPAIGN_TYPES, CHANNELS, CONSENT_STATUSES, IMPORT_KINDS, LIFECYCLE_STAGES, OPPORTUNITY_STAGES, SENIORITIES, SIDES, SOURCES, TOUCH_KINDS,
} from '../../db/schema/vocabulary';

/** 'paid_search' → 'paid search'. */
export const humanize = (value: string) => value.replace(/_/g, ' ');

/** Select options from a vocabulary: value kept, label readable. */
export const options = (values: readonly string[]) => values.map((value) => ({ value, label: humanize(value) }));

export const STAGE_COLOR: Record<string, string> = {
  subscriber: 'gray', lead: 'blue', mql: 'cyan', sal: 'teal', sql: 'green', opportunity: 'lime',
  customer: 'yellow', evangelist: 'orange', recycled: 'gray', disqualified: 'red',
};
export const SIDE_COLOR: Record<string, string> = { marketing: 'grape', sales: 'blue', partner: 'teal' };
