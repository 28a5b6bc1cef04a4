import { createRoute, z } from '@hono/zod-openapi';
import { createWebhookEndpoint } from '../../domain/webhooks/create-webhook-endpoint.js';
import { deleteWebhookEndpoint } from '../../domain/webhooks/delete-webhook-endpoint.js';
import { getWebhookEndpoint } from '../../domain/webhooks/get-webhook-endpoint.js';
import { listWebhookDeliveries } from '../../domain/webhooks/list-webhook-deliveries.js';
import { listWebhookEndpoints } from '../../domain/webhooks/list-webhook-endpoints.js';
import { redeliverWebhook } from '../../domain/webhooks/redeliver-webhook.js';
import { rotateWebhookSecret } from '../../domain/webhooks/rotate-webhook-secret.js';
import { sendTestWebhook } from '../../domain/webhooks/send-test-webhook.js';
import { updateWebhookEndpoint } from '../../domain/webhooks/update-webhook-endpoint.js';
import {
  CreatedWebhookEndpointSchema, CreateWebhookEndpointInput, RotatedSecretSchema, UpdateWebhookEndpointInput,
  WebhookDeliveriesFilter, WebhookDeliverySchema, WebhookEndpointSchema, WebhookTestResultSchema,
} from '../../domain/webhooks/webhook.schema.js';
import type { App, AppDeps } from '../app.js';
import { errorResponses, IdParam, json, listQuery, pageOf, pageParams } from './shared.js';

const tags = ['Webhooks'];
const path = '/api/v1/webhooks/endpoints';
const Endpoint = WebhookEndpointSchema.openapi('WebhookEndpoint');
const Delivery = WebhookDeliverySchema.openapi('WebhookDelivery');
const DeliveryParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  deliveryId: z.uuid().openapi({ param: { name: 'deliveryId', in: 'path' } }),
});

/** Outbound webhooks (admins): endpoints, their secrets, a test message, the delivery log and redelivery. See docs/webhooks.md. */
export function registerWebhookRoutes(app: App, deps: AppDeps): void {
  const rules = () => ({ allowPrivate: deps.config.webhooksAllowPrivate });

  app.openapi(createRoute({
    method: 'get', path, tags, summary: 'List webhook endpoints (admins), with delivery counts; never the secrets',
    responses: { 200: { description: 'Endpoints', ...json(z.object({ data: z.array(Endpoint) })) }, ...errorResponses },
  }), async (c) => c.json({ data: await listWebhookEndpoints(c.get('ctx')) }, 200));

  app.openapi(createRoute({
    method: 'post', path, tags,
    summary: 'Add a webhook endpoint (admins); the signing secret is in this response only. Private, loopback, link-local and unique-local addresses are refused (422 `address_not_allowed`)',
    request: { body: { required: true, ...json(CreateWebhookEndpointInput) } },
    responses: { 201: { description: 'Created', ...json(CreatedWebhookEndpointSchema.openapi('CreatedWebhookEndpoint')) }, ...errorResponses },
  }), async (c) => c.json(await createWebhookEndpoint(c.get('ctx'), c.req.valid('json'), rules()), 201));

  app.openapi(createRoute({
    method: 'get', path: `${path}/{id}`, tags, summary: 'One webhook endpoint (admins)',
    request: { params: IdParam },
    responses: { 200: { description: 'The endpoint', ...json(Endpoint) }, ...errorResponses },
  }), async (c) => c.json(await getWebhookEndpoint(c.get('ctx'), c.req.valid('param').id), 200));

  app.openapi(createRoute({
    method: 'patch', path: `${path}/{id}`, tags, summary: 'Change a webhook endpoint: URL (checked again), description, event types, active',
    request: { params: IdParam, body: { required: true, ...json(UpdateWebhookEndpointInput) } },
    responses: { 200: { description: 'The endpoint', ...json(Endpoint) }, ...errorResponses },
  }), async (c) => c.json(await updateWebhookEndpoint(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), rules()), 200));

  app.openapi(createRoute({
    method: 'delete', path: `${path}/{id}`, tags, summary: 'Remove a webhook endpoint and its delivery log',
    request: { params: IdParam },
    responses: { 204: { description: 'Removed' }, ...errorResponses },
  }), async (c) => {
    await deleteWebhookEndpoint(c.get('ctx'), c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi(createRoute({
    method: 'post', path: `${path}/{id}/rotate-secret`, tags, summary: 'A new signing secret (in this response only); the old one stops at once',
    request: { params: IdParam },
    responses: { 200: { description: 'The new secret', ...json(RotatedSecretSchema.openapi('RotatedWebhookSecret')) }, ...errorResponses },
  }), async (c) => c.json(await rotateWebhookSecret(c.get('ctx'), c.req.valid('param').id), 200));

  app.openapi(createRoute({
    method: 'post', path: `${path}/{id}/test`, tags,
    summary: 'Send a signed `webhook.test` message now and answer with what the endpoint said (not logged as a delivery)',
    request: { params: IdParam },
    responses: { 200: { description: 'The outcome', ...json(WebhookTestResultSchema.openapi('WebhookTestResult')) }, ...errorResponses },
  }), async (c) => c.json(await sendTestWebhook(c.get('ctx'), c.req.valid('param').id, rules()), 200));

  app.openapi(createRoute({
    method: 'get', path: `${path}/{id}/deliveries`, tags, summary: 'The delivery log of an endpoint, newest first: status, attempts, next try, last status code, error, duration',
    request: { params: IdParam, query: WebhookDeliveriesFilter.extend(listQuery(['createdAt'] as const, 'createdAt').shape) },
    responses: { 200: { description: 'A page of deliveries', ...json(pageOf(Delivery, 'WebhookDeliveryPage')) }, ...errorResponses },
  }), async (c) => {
    const q = c.req.valid('query');
    return c.json(await listWebhookDeliveries(c.get('ctx'), c.req.valid('param').id, q, pageParams(q)), 200);
  });

  app.openapi(createRoute({
    method: 'post', path: `${path}/{id}/deliveries/{deliveryId}/redeliver`, tags,
    summary: 'Start a delivery over (a dead one too): attempted now, then retried on the schedule',
    request: { params: DeliveryParams },
    responses: { 200: { description: 'The delivery after the attempt', ...json(Delivery) }, ...errorResponses },
  }), async (c) => {
    const { id, deliveryId } = c.req.valid('param');
    return c.json(await redeliverWebhook(c.get('ctx'), id, deliveryId, rules()), 200);
  });
}
