import { createRoute } from '@hono/zod-openapi';
import {
  AccountDetailSchema, AccountSchema, AccountsFilter, CreateAccountInput, CreateSiteInput, SiteSchema, UpdateAccountInput,
} from '../../domain/accounts/account.schema.js';
import { addSite } from '../../domain/accounts/add-site.js';
import { createAccount } from '../../domain/accounts/create-account.js';
import { getAccount } from '../../domain/accounts/get-account.js';
import { listAccounts } from '../../domain/accounts/list-accounts.js';
import { updateAccount } from '../../domain/accounts/update-account.js';
import { listTouchpoints } from '../../domain/capture/list-touchpoints.js';
import { TouchpointFilter, TouchpointSchema } from '../../domain/capture/touchpoint.schema.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json, listQuery, listRoutes, pageOf, pageParams } from './shared.js';

const tags = ['Accounts'];
const Account = AccountSchema.openapi('Account');
const TouchQuery = TouchpointFilter.omit({ personId: true, accountId: true })
  .extend(listQuery(['occurredAt', 'recordedAt'] as const, 'occurredAt').shape);

export function registerAccountRoutes(app: App): void {
  listRoutes(app, {
    path: '/api/v1/accounts', tag: 'Accounts', name: 'accounts', summary: 'List accounts', filter: AccountsFilter,
    item: Account, itemName: 'Account', sorts: ['name', 'createdAt', 'employeeCount', 'annualRevenue'] as const, defaultSort: 'name', defaultOrder: 'asc',
    exportSort: 'createdAt',
    columns: ['id', 'externalId', 'name', 'domains', 'industry', 'employeeCount', 'annualRevenue', 'country', 'region', 'parentId', 'ownerId', 'tier', 'custom', 'createdAt', 'updatedAt'],
    fetch: (c, filter, page) => listAccounts(c.get('ctx'), filter, page),
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/accounts', tags, summary: 'Create an account with its domains',
    request: { body: { required: true, ...json(CreateAccountInput) } },
    responses: { 201: { description: 'Created', ...json(Account) }, ...errorResponses },
  }), async (c) => c.json(await createAccount(c.get('ctx'), c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/accounts/{id}', tags, summary: 'An account with hierarchy, sites and counts',
    request: { params: IdParam },
    responses: { 200: { description: 'The account', ...json(AccountDetailSchema.openapi('AccountDetail')) }, ...errorResponses },
  }), async (c) => c.json(await getAccount(c.get('ctx'), c.req.valid('param').id), 200));

  app.openapi(createRoute({
    method: 'patch', path: '/api/v1/accounts/{id}', tags, summary: 'Update an account (domains replace the list)',
    request: { params: IdParam, body: { required: true, ...json(UpdateAccountInput) } },
    responses: { 200: { description: 'Updated', ...json(Account) }, ...errorResponses },
  }), async (c) => c.json(await updateAccount(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/accounts/{id}/sites', tags, summary: 'Add a site (location) to an account',
    request: { params: IdParam, body: { required: true, ...json(CreateSiteInput) } },
    responses: { 201: { description: 'Created', ...json(SiteSchema.openapi('Site')) }, ...errorResponses },
  }), async (c) => c.json(await addSite(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/accounts/{id}/touchpoints', tags, summary: "The account's timeline (touches of all its people)",
    request: { params: IdParam, query: TouchQuery },
    responses: { 200: { description: 'Touches', ...json(pageOf(TouchpointSchema, 'AccountTouchpointPage')) }, ...errorResponses },
  }), async (c) => {
    const q = c.req.valid('query');
    const accountId = c.req.valid('param').id;
    await getAccount(c.get('ctx'), accountId);
    return c.json(await listTouchpoints(c.get('ctx'), { ...q, accountId }, pageParams(q)), 200);
  });
}
