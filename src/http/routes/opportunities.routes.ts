import { createRoute } from '@hono/zod-openapi';
import { createOpportunity } from '../../domain/opportunities/create-opportunity.js';
import { getOpportunity } from '../../domain/opportunities/get-opportunity.js';
import { listOpportunities } from '../../domain/opportunities/list-opportunities.js';
import {
  CreateOpportunityInput, OpportunitiesFilter, OpportunityDetailSchema, OpportunityListItemSchema, OpportunitySchema, UpdateOpportunityInput,
} from '../../domain/opportunities/opportunity.schema.js';
import { updateOpportunity } from '../../domain/opportunities/update-opportunity.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json, listRoutes } from './shared.js';

const tags = ['Opportunities'];
const Opportunity = OpportunitySchema.openapi('Opportunity');

export function registerOpportunityRoutes(app: App): void {
  listRoutes(app, {
    path: '/api/v1/opportunities', tag: 'Opportunities', name: 'opportunities', summary: 'List opportunities', filter: OpportunitiesFilter,
    item: OpportunityListItemSchema.openapi('OpportunityListItem'), itemName: 'Opportunity', sorts: ['createdAt', 'amount', 'closeDate', 'name', 'stage', 'owner'] as const, defaultSort: 'createdAt', exportSort: 'createdAt',
    columns: ['id', 'externalId', 'accountId', 'accountName', 'name', 'amount', 'currency', 'stage', 'ownerId', 'ownerName', 'createdAt', 'closeDate', 'closedAt', 'isWon', 'lostReason', 'custom'],
    fetch: (c, filter, page) => listOpportunities(c.get('ctx'), filter, page),
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/opportunities', tags, summary: 'Create an opportunity with contact roles',
    request: { body: { required: true, ...json(CreateOpportunityInput) } },
    responses: { 201: { description: 'Created', ...json(Opportunity) }, ...errorResponses },
  }), async (c) => c.json(await createOpportunity(c.get('ctx'), c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/opportunities/{id}', tags, summary: 'An opportunity with account, owner and contact roles',
    request: { params: IdParam },
    responses: { 200: { description: 'The opportunity', ...json(OpportunityDetailSchema.openapi('OpportunityDetail')) }, ...errorResponses },
  }), async (c) => c.json(await getOpportunity(c.get('ctx'), c.req.valid('param').id), 200));

  app.openapi(createRoute({
    method: 'patch', path: '/api/v1/opportunities/{id}', tags, summary: 'Update an opportunity; closed_won/closed_lost close it',
    request: { params: IdParam, body: { required: true, ...json(UpdateOpportunityInput) } },
    responses: { 200: { description: 'Updated', ...json(Opportunity) }, ...errorResponses },
  }), async (c) => c.json(await updateOpportunity(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200));
}
