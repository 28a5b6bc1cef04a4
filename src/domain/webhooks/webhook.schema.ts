import { webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';
import { DELIVERY_STATUSES, EVENT_TYPES } from '../../db/schema/vocabulary.js';
import { createSelectSchema } from '../shared/schema-factory.js';
import { z } from '../shared/zod.js';

const counts = z.object({ pending: z.number().int(), succeeded: z.number().int(), failed: z.number().int(), dead: z.number().int() });

/** An endpoint as listed: never its secret (shown at creation and on rotation only). */
export const WebhookEndpointSchema = createSelectSchema(webhookEndpoints).omit({ secret: true }).extend({
  eventTypes: z.array(z.enum(EVENT_TYPES)).describe('The event types delivered; empty = all.'),
  deliveries: counts.describe('Deliveries to this endpoint by status.'),
  lastDeliveryAt: z.date().nullable().describe('The last attempt to deliver to it.'),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const CreatedWebhookEndpointSchema = WebhookEndpointSchema.extend({
  secret: z.string().describe('The signing secret (`whsec_` + base64). Shown in this response only; rotate it to get a new one.'),
});
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpointSchema>;

const url = z.string().trim().min(1).max(2_000).describe('Where events are POSTed: an http(s) URL on a public address.');
const eventTypes = z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length)
  .transform((list) => [...new Set(list)])
  .describe('The event types to deliver; empty or absent = every type.');

export const CreateWebhookEndpointInput = z.strictObject({
  url,
  description: z.string().trim().max(500).nullish(),
  eventTypes: eventTypes.default([]),
  active: z.boolean().default(true),
});
export type CreateWebhookEndpointInput = z.input<typeof CreateWebhookEndpointInput>;

export const UpdateWebhookEndpointInput = z.strictObject({
  url: url.optional(),
  description: z.string().trim().max(500).nullish(),
  eventTypes: eventTypes.optional(),
  active: z.boolean().optional().describe('A paused endpoint gets no new deliveries and its pending ones wait.'),
});
export type UpdateWebhookEndpointInput = z.input<typeof UpdateWebhookEndpointInput>;

export const RotatedSecretSchema = z.object({ secret: z.string().describe('The new signing secret; the old one stops at once.') });

export const WebhookDeliverySchema = createSelectSchema(webhookDeliveries).omit({ eventId: true }).extend({
  status: z.enum(DELIVERY_STATUSES),
  eventId: z.uuid().describe('The event (`webhook-id` header).'),
  eventType: z.enum(EVENT_TYPES),
  occurredAt: z.date(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveriesFilter = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
});
export type WebhookDeliveriesFilter = z.infer<typeof WebhookDeliveriesFilter>;

export const WebhookTestResultSchema = z.object({
  ok: z.boolean().describe('The endpoint answered 2xx.'),
  webhookId: z.string(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});
export type WebhookTestResult = z.infer<typeof WebhookTestResultSchema>;
