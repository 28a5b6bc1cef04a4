import { createRoute, z } from '@hono/zod-openapi';
import { ApiKeySchema, CreateApiKeyInput, CreatedApiKeySchema } from '../../domain/identity/api-key.schema.js';
import { createApiKey } from '../../domain/identity/create-api-key.js';
import { listApiKeys } from '../../domain/identity/list-api-keys.js';
import { revokeApiKey } from '../../domain/identity/revoke-api-key.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json } from './shared.js';

const tags = ['API keys'];
const ApiKey = ApiKeySchema.openapi('ApiKey');

export function registerApiKeyRoutes(app: App): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/api-keys', tags, summary: 'List API keys (admins): role, user, created, last used, revoked',
    responses: { 200: { description: 'Keys', ...json(z.object({ data: z.array(ApiKey) })) }, ...errorResponses },
  }), async (c) => c.json({ data: await listApiKeys(c.get('ctx')) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/api-keys', tags, summary: 'Create an API key (admins); the token is in this response only',
    request: { body: { required: true, ...json(CreateApiKeyInput) } },
    responses: { 201: { description: 'Created', ...json(CreatedApiKeySchema.openapi('CreatedApiKey')) }, ...errorResponses },
  }), async (c) => c.json(await createApiKey(c.get('ctx'), c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'delete', path: '/api/v1/api-keys/{id}', tags, summary: 'Revoke an API key (admins), at once and for good',
    request: { params: IdParam },
    responses: { 204: { description: 'Revoked' }, ...errorResponses },
  }), async (c) => {
    await revokeApiKey(c.get('ctx'), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
