/** The API's payloads (JSON, camelCase), mirrored by hand from the OpenAPI contract at /docs. */

export type FieldError = { path: string; message: string };
export type Problem = { type: string; title: string; status: number; code: string; detail: string; errors: FieldError[] };
export type Page<T> = { data: T[]; nextCursor: string | null };
export type Ref = { id: string; name: string };
export type SortOrder = 'asc' | 'desc';
export type Sort<K extends string = string> = { sort: K; order: SortOrder };

export type Person = {
  id: string; externalId: string | null; email: string; firstName: string | null; lastName: string | null; title: string | null;
  seniority: string | null; buyingRole: string | null; phone: string | null; companyName: string | null; country: string | null;
  region: string | null; consentStatus: string; consentAt: string | null; consentSource: string | null; originalSource: string | null;
  originalChannel: string | null; lifecycleStage: string; ownerId: string | null; accountId: string | null; siteId: string | null;
  custom: Record<string, unknown>; createdAt: string; updatedAt: string;
};
export type PersonDetail = Person & { account: Ref | null; owner: Ref | null };
export type PeopleSort = 'createdAt' | 'updatedAt' | 'email' | 'lastName' | 'lifecycleStage';
export type PeopleFilters = { q?: string; stage?: string; country?: string; seniority?: string; source?: string; accountId?: string; ownerId?: string };

export type Touchpoint = {
  id: number; externalId: string; occurredAt: string; personId: string | null; accountId: string | null; channel: string; kind: string;
  campaignId: string | null; campaign: Ref | null; person: { id: string; email: string; name: string | null } | null; account: Ref | null;
  asset: string | null; side: string; properties: Record<string, unknown>;
  correctsId: number | null; retracted: boolean; recordedBy: string; recordedAt: string;
};
export type TouchFilters = { side?: string; channel?: string; kind?: string };

export type Site = {
  id: string; accountId: string; name: string; city: string | null; country: string | null; headcount: number | null;
  businessUnit: string | null; externalId: string | null; createdAt: string;
};
export type Account = {
  id: string; externalId: string | null; name: string; domains: string[]; industry: string | null; employeeCount: number | null;
  annualRevenue: number | null; country: string | null; region: string | null; parentId: string | null; ownerId: string | null;
  tier: string | null; custom: Record<string, unknown>; createdAt: string; updatedAt?: string;
};
export type AccountDetail = Account & {
  parent: Ref | null; children: Ref[]; owner: Ref | null; sites: Site[]; counts: { people: number; opportunities: number; touchpoints: number };
};
export type AccountsSort = 'name' | 'createdAt' | 'employeeCount' | 'annualRevenue';
export type AccountsFilters = { q?: string; industry?: string; country?: string; tier?: string; ownerId?: string; parentId?: string };

export type Opportunity = {
  id: string; externalId: string | null; accountId: string; name: string; amount: number; currency: string; stage: string;
  ownerId: string | null; createdAt: string; closeDate: string | null; closedAt: string | null; isWon: boolean | null;
  lostReason: string | null; custom: Record<string, unknown>;
};

export type ImportKind = 'people' | 'accounts' | 'opportunities' | 'touchpoints' | 'badge_scans';
export type ImportField = { key: string; label: string; required: boolean; type: string; description: string; aliases?: string[] };
export type RowError = { rowNumber: number; field: string | null; code: string; message: string };
export type ImportSummary = {
  id: string; kind: ImportKind; fileName: string | null; status: 'running' | 'completed' | 'failed'; rowsRead: number; rowsOk: number;
  rowsFailed: number; error: string | null; errors?: RowError[]; startedAt: string; finishedAt: string | null;
};

export type Form = {
  id: string; key: string; name: string; kind: string; campaignId: string | null; allowedOrigins: string[];
  redirectUrl: string | null; successMessage: string | null; active: boolean;
};

export type CustomField = { id: string; entity: string; key: string; label: string; type: string; options: string[] | null };

/** A row of the opportunities list: the deal with its account's and owner's names. */
export type OpportunityRow = Opportunity & { accountName: string; ownerName: string | null };
export type OpportunityDetail = Opportunity & {
  account: Ref; owner: Ref | null; contacts: { personId: string; role: string; email: string; name: string | null }[];
};
export type OpportunitiesFilters = { q?: string; stage?: string; status?: string; ownerId?: string; accountId?: string };

export type Campaign = {
  id: string; externalId: string | null; name: string; type: string; channel: string; startsOn: string | null; endsOn: string | null;
  budget: number | null; actualCost: number | null; currency: string; ownerId: string | null; createdAt: string; updatedAt: string;
};
export type CampaignDetail = Campaign & { stats: { touches: number; people: number; accounts: number } };

export type User = {
  id: string; externalId: string | null; email: string; name: string; role: string; teamId: string | null; managerId: string | null;
  timezone: string; active: boolean; passwordChangedAt: string | null; failedSignIns: number; lockedUntil: string | null;
  lastSignInAt: string | null; createdAt: string; updatedAt: string;
};

export type SavedViewList = 'people' | 'accounts' | 'opportunities' | 'campaigns' | 'touchpoints' | 'users';
export type SavedView = {
  id: string; userId: string; list: SavedViewList; name: string; query: string; columns: string[]; shared: boolean;
  ownerName: string | null; mine: boolean; createdAt: string; updatedAt: string;
};
