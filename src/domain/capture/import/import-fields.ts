import type { ImportKind } from '../../../db/schema/vocabulary.js';
import type { CustomField } from '../../custom-fields/custom-field.schema.js';

export type ImportField = { key: string; label: string; required: boolean; type: string; description: string; aliases?: string[] };

const f = (key: string, label: string, type = 'text', description = '', aliases: string[] = [], required = false): ImportField =>
  ({ key, label, required, type, description, aliases });

const PERSON_DETAILS = [
  f('firstName', 'First name', 'text', '', ['first', 'given name', 'forename']),
  f('lastName', 'Last name', 'text', '', ['last', 'surname', 'family name']),
  f('title', 'Job title', 'text', '', ['job title', 'position']),
  f('companyName', 'Company', 'text', '', ['company', 'organization', 'organisation', 'account name']),
  f('country', 'Country', 'text', 'ISO code such as DE', ['country code']),
  f('phone', 'Phone', 'text', '', ['telephone', 'mobile', 'phone number']),
];

const FIELDS: Record<ImportKind, ImportField[]> = {
  people: [
    f('email', 'E-mail', 'email', 'Identifies the person; re-importing updates them.', ['e-mail', 'email address', 'work email'], true),
    f('externalId', 'External id', 'text', 'Your system\'s id.', ['id', 'lead id', 'contact id']),
    ...PERSON_DETAILS,
    f('seniority', 'Seniority', 'enum', 'c_level, vp, director, manager, individual, student, other'),
    f('buyingRole', 'Buying role', 'enum', 'decision_maker, economic_buyer, champion, influencer, user, blocker', ['role']),
    f('region', 'Region'),
    f('consentStatus', 'Consent', 'enum', 'opted_in, opted_out, unknown', ['consent', 'opt in']),
    f('originalSource', 'Original source', 'enum', 'marketing, sales, partner, inside_sales', ['source', 'lead source']),
    f('originalChannel', 'Original channel', 'enum', 'web, email, event, …', ['channel']),
    f('lifecycleStage', 'Lifecycle stage', 'enum', 'subscriber, lead, mql, sal, sql, opportunity, customer, evangelist, recycled, disqualified', ['stage', 'status']),
    f('ownerEmail', 'Owner e-mail', 'email', 'A Truce user.', ['owner']),
    f('ownerExternalId', 'Owner external id'),
    f('accountExternalId', 'Account external id', 'text', 'Otherwise matched by e-mail domain.'),
    f('createdAt', 'Created at', 'datetime', 'Kept as history.', ['created', 'created date', 'create date']),
    f('mqlAt', 'Became MQL at', 'datetime', '', ['mql date']),
    f('salAt', 'Accepted (SAL) at', 'datetime', '', ['sal date']),
    f('sqlAt', 'Qualified (SQL) at', 'datetime', '', ['sql date']),
    f('opportunityAt', 'Opportunity at', 'datetime', '', ['opportunity date']),
    f('customerAt', 'Customer at', 'datetime', '', ['customer date']),
  ],
  accounts: [
    f('name', 'Name', 'text', '', ['account name', 'company', 'company name'], true),
    f('externalId', 'External id', 'text', 'Identifies the account; else its first domain, else its name.', ['id', 'account id']),
    f('domains', 'Domains', 'list', 'Separated by ; or ,', ['domain', 'website']),
    f('industry', 'Industry'), f('employeeCount', 'Employees', 'number', '', ['employees', 'headcount', 'size']),
    f('annualRevenue', 'Annual revenue', 'number', '', ['revenue']), f('country', 'Country'), f('region', 'Region'),
    f('tier', 'Tier', 'enum', 'tier_1, tier_2, tier_3'),
    f('parentExternalId', 'Parent external id', 'text', 'The parent may appear anywhere in the file.', ['parent id']),
    f('ownerEmail', 'Owner e-mail', 'email', '', ['owner']), f('ownerExternalId', 'Owner external id'),
    f('createdAt', 'Created at', 'datetime', '', ['created']),
  ],
  opportunities: [
    f('externalId', 'External id', 'text', 'Identifies the deal; re-importing updates it.', ['id', 'opportunity id', 'deal id'], true),
    f('name', 'Name', 'text', '', ['opportunity name', 'deal name'], true),
    f('accountExternalId', 'Account external id', 'text', 'This or the account domain is required.', ['account id']),
    f('accountDomain', 'Account domain', 'text', '', ['domain']),
    f('amount', 'Amount', 'number', '', ['value']), f('currency', 'Currency', 'text', 'ISO 4217, default USD'),
    f('stage', 'Stage', 'enum', 'discovery, qualification, solution, proposal, negotiation, closed_won, closed_lost'),
    f('ownerEmail', 'Owner e-mail', 'email', '', ['owner']), f('ownerExternalId', 'Owner external id'),
    f('createdAt', 'Created at', 'datetime', '', ['created', 'created date']), f('closeDate', 'Close date', 'date', '', ['expected close']),
    f('closedAt', 'Closed at', 'datetime', 'When it was won or lost.'), f('outcome', 'Won or lost', 'enum', 'won, lost (or true/false)', ['won', 'is won', 'result']),
    f('lostReason', 'Lost reason'), f('contactEmails', 'Contact e-mails', 'list', 'Separated by ;', ['contacts']),
    f('contactRole', 'Contact role', 'enum', 'Role for the contacts (default influencer)'),
  ],
  touchpoints: [
    f('occurredAt', 'Occurred at', 'datetime', '', ['date', 'time', 'timestamp'], true),
    f('kind', 'Kind', 'enum', 'page_view, form_submit, content_download, email_open, …', ['type', 'activity'], true),
    f('email', 'E-mail', 'email', 'The person (upserted).', ['e-mail', 'email address']),
    f('externalId', 'External id', 'text', 'Idempotency key; derived from the content when absent.', ['id']),
    f('channel', 'Channel', 'enum', 'Defaults from the kind.'), f('side', 'Side', 'enum', 'marketing, sales, partner'),
    f('campaignExternalId', 'Campaign external id', 'text', '', ['campaign', 'campaign id']), f('asset', 'Asset', 'text', '', ['content', 'url', 'page']),
    ...PERSON_DETAILS,
  ],
  badge_scans: [
    f('email', 'E-mail', 'email', '', ['e-mail', 'email address'], true),
    ...PERSON_DETAILS,
    f('occurredAt', 'Scanned at', 'datetime', 'Required unless the import gives the event date; else the campaign\'s start date.', ['scanned at', 'scan time', 'date', 'time'], true),
    f('campaignExternalId', 'Event (campaign external id)', 'text', '', ['campaign', 'event', 'campaign id']),
  ],
};

export function importFields(kind: ImportKind, customFields: CustomField[]): ImportField[] {
  const entity = kind === 'people' || kind === 'badge_scans' ? 'person' : kind === 'accounts' ? 'account' : kind === 'opportunities' ? 'opportunity' : null;
  const custom = kind === 'badge_scans' || !entity ? [] : customFields.filter((c) => c.entity === entity)
    .map((c) => f(`custom.${c.key}`, c.label, c.type, 'Custom field', [c.key, c.label]));
  return [...FIELDS[kind], ...custom];
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Maps CSV headers to field keys by name or alias; unmatched headers map to nothing. */
export function autoMap(headers: string[], fields: ImportField[]): Record<string, string> {
  const index = new Map<string, string>();
  for (const field of fields) for (const name of [field.key, field.label, ...(field.aliases ?? [])]) if (!index.has(norm(name))) index.set(norm(name), field.key);
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  for (const h of headers) {
    const key = index.get(norm(h));
    if (key && !taken.has(key)) { mapping[h] = key; taken.add(key); }
  }
  return mapping;
}
