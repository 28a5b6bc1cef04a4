import { createRoute } from '@hono/zod-openapi';
import { CampaignDetailSchema, CampaignSchema, CampaignsFilter, CreateCampaignInput, UpdateCampaignInput } from '../../domain/campaigns/campaign.schema.js';
import { createCampaign } from '../../domain/campaigns/create-campaign.js';
import { getCampaign } from '../../domain/campaigns/get-campaign.js';
import { listCampaigns } from '../../domain/campaigns/list-campaigns.js';
import { CAMPAIGN_MEMBER_SORTS, CampaignMemberSchema, listCampaignMembers } from '../../domain/campaigns/list-campaign-members.js';
import { updateCampaign } from '../../domain/campaigns/update-campaign.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json, listQuery, listRoutes, pageOf, pageParams } from './shared.js';

const tags = ['Campaigns'];
const Campaign = CampaignSchema.openapi('Campaign');

export function registerCampaignRoutes(app: App): void {
  listRoutes(app, {
    path: '/api/v1/campaigns', tag: 'Campaigns', name: 'campaigns', summary: 'List campaigns', filter: CampaignsFilter,
    item: Campaign, itemName: 'Campaign', sorts: ['startsOn', 'name', 'actualCost', 'createdAt'] as const, defaultSort: 'startsOn', exportSort: 'createdAt',
    columns: ['id', 'externalId', 'name', 'type', 'channel', 'startsOn', 'endsOn', 'budget', 'actualCost', 'currency', 'ownerId', 'createdAt'],
    fetch: (c, filter, page) => listCampaigns(c.get('ctx'), filter, page),
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/campaigns', tags, summary: 'Create a campaign',
    request: { body: { required: true, ...json(CreateCampaignInput) } },
    responses: { 201: { description: 'Created', ...json(Campaign) }, ...errorResponses },
  }), async (c) => c.json(await createCampaign(c.get('ctx'), c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/campaigns/{id}', tags, summary: 'A campaign with its reach',
    request: { params: IdParam },
    responses: { 200: { description: 'The campaign', ...json(CampaignDetailSchema.openapi('CampaignDetail')) }, ...errorResponses },
  }), async (c) => c.json(await getCampaign(c.get('ctx'), c.req.valid('param').id), 200));

  app.openapi(createRoute({
    method: 'patch', path: '/api/v1/campaigns/{id}', tags, summary: 'Update a campaign (costs, dates, owner)',
    request: { params: IdParam, body: { required: true, ...json(UpdateCampaignInput) } },
    responses: { 200: { description: 'Updated', ...json(Campaign) }, ...errorResponses },
  }), async (c) => c.json(await updateCampaign(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/campaigns/{id}/members', tags, summary: 'The people who touched the campaign (those you may see), with how often and when',
    request: { params: IdParam, query: listQuery(CAMPAIGN_MEMBER_SORTS, 'lastTouchAt') },
    responses: { 200: { description: 'A page of members', ...json(pageOf(CampaignMemberSchema, 'CampaignMemberPage')) }, ...errorResponses },
  }), async (c) => c.json(await listCampaignMembers(c.get('ctx'), c.req.valid('param').id, pageParams(c.req.valid('query'))), 200));
}
