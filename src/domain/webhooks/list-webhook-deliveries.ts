import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { events, webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { keysetPage, type Page, type PageParams, type SortSpec } from '../shared/list.js';
import type { WebhookDeliveriesFilter, WebhookDelivery } from './webhook.schema.js';

const SORTS: Record<string, SortSpec> = {
  createdAt: { expr: sql`${webhookDeliveries.createdAt}`, cast: 'timestamptz' },
};

/** The delivery log of one endpoint, newest first: status, attempts, next try, last code, error and duration. */
export async function listWebhookDeliveries(ctx: Ctx, endpointId: string, filter: WebhookDeliveriesFilter, page: PageParams): Promise<Page<WebhookDelivery>> {
  authorize(ctx, 'webhooks:manage');
  const [endpoint] = await ctx.db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  if (!endpoint) throw notFound('webhook endpoint', endpointId);
  const { eventId: _eventRowId, ...columns } = getTableColumns(webhookDeliveries);
  return keysetPage<WebhookDelivery>({
    params: page, sorts: SORTS, idExpr: sql`${webhookDeliveries.id}`, idCast: 'uuid',
    where: [eq(webhookDeliveries.endpointId, endpointId), filter.status ? eq(webhookDeliveries.status, filter.status) : undefined],
    run: (w, order, limit) => ctx.db.select({
      ...columns, eventId: events.eventId, eventType: events.type, occurredAt: events.occurredAt, _sort: SORTS[page.sort]!.expr,
    }).from(webhookDeliveries).innerJoin(events, eq(events.id, webhookDeliveries.eventId))
      .where(and(w)).orderBy(order).limit(limit) as Promise<(WebhookDelivery & { _sort: unknown })[]>,
  });
}
