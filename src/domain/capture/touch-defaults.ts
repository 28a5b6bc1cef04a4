import type { Channel, Side, TouchKind } from '../../db/schema/vocabulary.js';

const CHANNEL_BY_KIND: Record<TouchKind, Channel> = {
  page_view: 'web', form_submit: 'web', content_download: 'content', email_sent: 'email', email_open: 'email',
  email_click: 'email', email_unsubscribe: 'email', webinar_registered: 'webinar', webinar_attended: 'webinar',
  event_registered: 'event', event_attended: 'event', badge_scan: 'event', demo_request: 'web', contact_sales: 'web',
  trial_signup: 'web', ad_click: 'paid_search', social_engagement: 'social', chat: 'web', meeting: 'direct_sales',
  call: 'direct_sales', sales_email: 'direct_sales', linkedin_message: 'direct_sales', referral: 'referral',
  partner_registration: 'partner', other: 'other',
};

const SALES_KINDS = new Set<TouchKind>(['meeting', 'call', 'sales_email', 'linkedin_message']);

/** The channel a touch of this kind comes through when the sender does not say. */
export function defaultChannel(kind: TouchKind): Channel {
  return CHANNEL_BY_KIND[kind];
}

/** Who made a touch of this kind when the sender does not say: sales activities are sales'. */
export function defaultSide(kind: TouchKind): Side {
  if (SALES_KINDS.has(kind)) return 'sales';
  if (kind === 'partner_registration') return 'partner';
  return 'marketing';
}
