/**
 * The fixed vocabularies of the record of truth. They are stored as text with CHECK
 * constraints (not PostgreSQL enums) so that adding a value is a one-line migration.
 */
export const ROLES = ['admin', 'marketing', 'sdr', 'sales_rep', 'sales_manager', 'product', 'exec'] as const;
export type Role = (typeof ROLES)[number];

/** Lists whose views a user can save (filters, sort, columns). */
export const SAVED_VIEW_LISTS = ['people', 'accounts', 'opportunities', 'campaigns', 'touchpoints', 'users'] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

export const TEAM_KINDS = ['marketing', 'sdr', 'sales', 'product', 'exec', 'other'] as const;

export const LIFECYCLE_STAGES = [
  'subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'evangelist', 'recycled', 'disqualified',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const CHANNELS = [
  'web', 'email', 'paid_search', 'organic_search', 'social', 'event', 'webinar', 'content',
  'direct_sales', 'partner', 'referral', 'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const TOUCH_KINDS = [
  'page_view', 'form_submit', 'content_download', 'email_sent', 'email_open', 'email_click', 'email_unsubscribe',
  'webinar_registered', 'webinar_attended', 'event_registered', 'event_attended', 'badge_scan',
  'demo_request', 'contact_sales', 'trial_signup', 'ad_click', 'social_engagement', 'chat',
  'meeting', 'call', 'sales_email', 'linkedin_message', 'referral', 'partner_registration', 'other',
] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

/** A hand-raise: the person asked to talk to sales. */
export const HAND_RAISE_KINDS: readonly TouchKind[] = ['demo_request', 'contact_sales'];

export const SIDES = ['marketing', 'sales', 'partner'] as const;
export type Side = (typeof SIDES)[number];

/** Who generated a person or a deal; the waterfall separates them. */
export const SOURCES = ['marketing', 'sales', 'partner', 'inside_sales'] as const;
export type Source = (typeof SOURCES)[number];

export const SENIORITIES = ['c_level', 'vp', 'director', 'manager', 'individual', 'student', 'other'] as const;

export const BUYING_ROLES = ['decision_maker', 'economic_buyer', 'champion', 'influencer', 'user', 'blocker'] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

export const CONSENT_STATUSES = ['unknown', 'opted_in', 'opted_out'] as const;

export const ACCOUNT_TIERS = ['tier_1', 'tier_2', 'tier_3'] as const;

export const OPPORTUNITY_STAGES = [
  'discovery', 'qualification', 'solution', 'proposal', 'negotiation', 'closed_won', 'closed_lost',
] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

export const CAMPAIGN_TYPES = [
  'webinar', 'trade_show', 'field_event', 'content', 'email', 'paid_search', 'paid_social', 'seo',
  'partner', 'direct_mail', 'outbound', 'other',
] as const;

export const CUSTOM_FIELD_ENTITIES = ['person', 'account', 'opportunity'] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'picklist'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const IMPORT_KINDS = ['people', 'accounts', 'opportunities', 'touchpoints', 'badge_scans'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['running', 'completed', 'failed'] as const;

export const ACTOR_TYPES = ['user', 'api_key', 'system', 'import', 'form'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** The hand-off of an MQL to sales (docs/handoff.md). */
export const HANDOFF_STATUSES = ['open', 'accepted', 'rejected', 'reassigned', 'cancelled'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** Why sales turned a lead down: a fixed list, so the loop back to marketing can count them. */
export const REJECT_REASONS = [
  'not_in_profile', 'no_budget', 'no_authority', 'no_need', 'bad_timing', 'existing_customer',
  'competitor', 'duplicate', 'bad_contact_data', 'already_working_it',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Where a rejected lead goes: back to nurture with a date to come back, or out. */
export const REJECT_OUTCOMES = ['recycled', 'disqualified'] as const;

/** Routing rules, evaluated in the order the sales managers set. */
export const ROUTING_RULE_KINDS = ['account_owner', 'named_account', 'territory', 'round_robin', 'fallback'] as const;
export type RoutingRuleKind = (typeof ROUTING_RULE_KINDS)[number];

/** The steps of a hand-off's SLA clock; each fires at most once per hand-off. */
export const SLA_STEPS = ['reminder', 'escalation', 'reassignment', 'first_touch_breach'] as const;
export type SlaStep = (typeof SLA_STEPS)[number];

export const BREACH_KINDS = ['accept', 'first_touch'] as const;
export type BreachKind = (typeof BREACH_KINDS)[number];

/** Events other modules and webhooks react to (the `events` outbox). */
export const EVENT_TYPES = [
  'person.mql', 'person.stage_changed', 'person.score_changed',
  'handoff.assigned', 'handoff.reminder', 'handoff.breached', 'handoff.escalated', 'handoff.reassigned',
  'handoff.accepted', 'handoff.rejected',
  'report.weekly_digest',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const EMAIL_STATUSES = ['pending', 'sent', 'failed', 'dead'] as const;

/** SQL list literal for a CHECK constraint. */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}
