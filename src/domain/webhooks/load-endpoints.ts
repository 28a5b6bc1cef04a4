import { desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';
import type { WebhookEndpoint } from './webhook.schema.js';

/** Endpoints (all, or one by id), newest first, without secrets, with their delivery counts. */
export async function loadEndpoints(db: Database, id?: string): Promise<WebhookEndpoint[]> {
  const { secret: _secret, ...columns } = getTableColumns(webhookEndpoints);
  const rows = await db.select(columns).from(webhookEndpoints)
    .where(id ? eq(webhookEndpoints.id, id) : undefined).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  if (rows.length === 0) return [];
  const stats = await db.select({
    endpointId: webhookDeliveries.endpointId,
    status: webhookDeliveries.status,
    n: sql<number>`count(*)::int`,
    last: sql<string | null>`max(${webhookDeliveries.lastAttemptAt})`,
  }).from(webhookDeliveries).where(inArray(webhookDeliveries.endpointId, rows.map((r) => r.id)))
    .groupBy(webhookDeliveries.endpointId, webhookDeliveries.status);
  return rows.map((r) => {
    const mine = stats.filter((s) => s.endpointId === r.id);
    const count = (status: string) => mine.find((s) => s.status === status)?.n ?? 0;
    const last = mine.map((s) => s.last).filter((v): v is string => !!v).sort().at(-1);
    return {
      ...r,
      eventTypes: r.eventTypes as WebhookEndpoint['eventTypes'],
      deliveries: { pending: count('pending'), succeeded: count('succeeded'), failed: count('failed'), dead: count('dead') },
      lastDeliveryAt: last ? new Date(last) : null,
    };
  });
}
