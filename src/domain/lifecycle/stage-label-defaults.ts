import type { LifecycleStage } from '../../db/schema/vocabulary.js';

/**
 * What the lifecycle stages are called until the company says otherwise (DOMAIN.md's names).
 * Imports nothing but a type, so the web app bundles it as is.
 */
export const DEFAULT_STAGE_LABELS: Record<LifecycleStage, string> = {
  subscriber: 'Subscriber', lead: 'Lead', mql: 'MQL', sal: 'SAL', sql: 'SQL', opportunity: 'Opportunity',
  customer: 'Customer', evangelist: 'Evangelist', recycled: 'Recycled', disqualified: 'Disqualified',
};
