import type { Permission } from '../../lib/permissions';
import { ACCOUNT_TIERS, BUYING_ROLES, CAMPAIGN_TYPES, CHANNELS, CONSENT_STATUSES, OPPORTUNITY_STAGES, SENIORITIES } from '../../lib/vocabulary';
import type { FieldSpec, FormValues } from './RecordForm';

/** Each record type's form: its fields, its API collection, who may write it, where it lives. */
export type RecordKind = 'person' | 'account' | 'opportunity' | 'campaign';
export const RECORDS: Record<RecordKind, { label: string; path: string; page: string; permission: Permission; create: FieldSpec[]; edit: FieldSpec[] }> = {
  person: {
    label: 'person', path: '/api/v1/people', page: '/people', permission: 'people:write',
    create: [
      { name: 'email', label: 'E-mail', kind: 'email', required: true },
      { name: 'firstName', label: 'First name', kind: 'text' },
      { name: 'lastName', label: 'Last name', kind: 'text' },
      { name: 'title', label: 'Title', kind: 'text' },
      { name: 'seniority', label: 'Seniority', kind: 'select', options: SENIORITIES },
      { name: 'buyingRole', label: 'Buying role', kind: 'select', options: BUYING_ROLES },
      { name: 'phone', label: 'Phone', kind: 'text' },
      { name: 'companyName', label: 'Company', kind: 'text' },
      { name: 'accountId', label: 'Account', kind: 'account' },
      { name: 'country', label: 'Country', kind: 'text', placeholder: 'DE', description: 'Two-letter ISO code' },
      { name: 'consentStatus', label: 'Consent', kind: 'select', options: CONSENT_STATUSES },
      { name: 'ownerId', label: 'Owner', kind: 'owner' },
    ],
    edit: [],
  },
  account: {
    label: 'account', path: '/api/v1/accounts', page: '/accounts', permission: 'accounts:write',
    create: [
      { name: 'name', label: 'Name', kind: 'text', required: true },
      { name: 'domains', label: 'Domains', kind: 'list', placeholder: 'acme.com, acme.io', description: 'Comma-separated; people are matched to the account by these' },
      { name: 'industry', label: 'Industry', kind: 'text' },
      { name: 'employeeCount', label: 'Employees', kind: 'number' },
      { name: 'annualRevenue', label: 'Annual revenue', kind: 'number' },
      { name: 'country', label: 'Country', kind: 'text', placeholder: 'US', description: 'Two-letter ISO code' },
      { name: 'tier', label: 'Tier', kind: 'select', options: ACCOUNT_TIERS },
      { name: 'parentId', label: 'Parent account', kind: 'account' },
      { name: 'ownerId', label: 'Owner', kind: 'owner' },
    ],
    edit: [],
  },
  opportunity: {
    label: 'opportunity', path: '/api/v1/opportunities', page: '/opportunities', permission: 'opportunities:write',
    create: [
      { name: 'name', label: 'Name', kind: 'text', required: true },
      { name: 'accountId', label: 'Account', kind: 'account', required: true },
      { name: 'amount', label: 'Amount', kind: 'number', required: true },
      { name: 'currency', label: 'Currency', kind: 'text', placeholder: 'USD' },
      { name: 'stage', label: 'Stage', kind: 'select', options: OPPORTUNITY_STAGES },
      { name: 'closeDate', label: 'Close date', kind: 'date' },
      { name: 'ownerId', label: 'Owner', kind: 'owner' },
      { name: 'lostReason', label: 'Lost reason', kind: 'text', description: 'When the stage is closed lost' },
    ],
    edit: [],
  },
  campaign: {
    label: 'campaign', path: '/api/v1/campaigns', page: '/campaigns', permission: 'campaigns:write',
    create: [
      { name: 'name', label: 'Name', kind: 'text', required: true },
      { name: 'type', label: 'Type', kind: 'select', options: CAMPAIGN_TYPES, required: true },
      { name: 'channel', label: 'Channel', kind: 'select', options: CHANNELS, required: true },
      { name: 'startsOn', label: 'Starts on', kind: 'date' },
      { name: 'endsOn', label: 'Ends on', kind: 'date' },
      { name: 'budget', label: 'Budget', kind: 'number' },
      { name: 'actualCost', label: 'Actual cost', kind: 'number' },
      { name: 'currency', label: 'Currency', kind: 'text', placeholder: 'USD' },
      { name: 'ownerId', label: 'Owner', kind: 'owner' },
    ],
    edit: [],
  },
};
// What can be edited is what can be created, but the account of a deal stays (a deal does not move).
RECORDS.person.edit = RECORDS.person.create;
RECORDS.account.edit = RECORDS.account.create;
RECORDS.opportunity.edit = RECORDS.opportunity.create.filter((f) => f.name !== 'accountId');
RECORDS.campaign.edit = RECORDS.campaign.create;

/** A record's current values as the form holds them (strings; lists comma-joined). */
export function formValues(fields: FieldSpec[], record: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const v = record[f.name];
    out[f.name] = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}
