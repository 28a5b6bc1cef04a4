import type { ScoringDefinitionInput } from '../domain/scoring/scoring-model.schema.js';

/** The demo company's live scoring model (version 1): what a marketing ops lead would start from. */
export const DEMO_SCORING_MODEL: { name: string; notes: string; definition: ScoringDefinitionInput } = {
  name: 'Fit × engagement, hand-raise first',
  notes: 'Starter model: senior buyers at mid-market and enterprise accounts in our core industries, engagement decaying over 30 days.',
  definition: {
    halfLifeDays: 30,
    fit: [
      { id: 'c-level-vp', label: 'C-level or VP', points: 20, when: [{ field: 'person.seniority', op: 'in', value: ['c_level', 'vp'] }] },
      { id: 'director', label: 'Director', points: 12, when: [{ field: 'person.seniority', op: 'eq', value: 'director' }] },
      { id: 'mid-market-plus', label: '200+ employees', points: 15, when: [{ field: 'account.employeeCount', op: 'gte', value: 200 }] },
      { id: 'core-industry', label: 'Core industry', points: 10, when: [{ field: 'account.industry', op: 'in', value: ['Manufacturing', 'Logistics', 'Software', 'Financial Services'] }] },
      { id: 'free-mail', label: 'Free-mail address', points: -10, when: [{ field: 'person.isFreeMail', op: 'eq', value: true }] },
      { id: 'student', label: 'Student', points: -25, when: [{ field: 'person.seniority', op: 'eq', value: 'student' }] },
    ],
    engagement: [
      { id: 'demo-request', label: 'Asked for a demo or sales', points: 30, when: { kinds: ['demo_request', 'contact_sales'] } },
      { id: 'webinar', label: 'Attended a webinar', points: 10, when: { kinds: ['webinar_attended'] }, cap: { maxPoints: 30, periodDays: 30 } },
      { id: 'event', label: 'Came to an event', points: 8, when: { kinds: ['event_attended'] } },
      { id: 'pricing', label: 'Viewed pricing', points: 4, when: { kinds: ['page_view'], assetContains: 'pricing' }, cap: { maxPoints: 12, periodDays: 7 } },
      { id: 'content', label: 'Downloaded content', points: 5, when: { kinds: ['content_download'] }, cap: { maxPoints: 15, periodDays: 30 } },
      { id: 'email-click', label: 'Clicked an e-mail', points: 2, when: { kinds: ['email_click'] }, cap: { maxPoints: 8, periodDays: 30 } },
    ],
    signals: { badgeScanOnly: { points: -5, withinDays: 30 }, unsubscribed: { points: -20 } },
    grades: { fit: [40, 25, 10], engagement: [40, 20, 8] },
    mqlThreshold: 60,
  },
};
