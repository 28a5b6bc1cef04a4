import type { Database } from '../../db/client.js';
import { events } from '../../db/schema/index.js';
import type { EventType } from '../../db/schema/vocabulary.js';

export type NewEvent = {
  type: EventType;
  subjectType: string;
  subjectId: string;
  occurredAt: Date;
  data: Record<string, unknown>;
};

/**
 * Appends events to the outbox in the caller's transaction: the change and its event commit
 * together, and the database fans each event out to the webhook endpoints that want it
 * (migration 0006). Stage transitions need no call: a trigger records them.
 * Returns the events' row ids, in order, for notifications that point at them.
 */
export async function recordEvents(db: Database, list: NewEvent[]): Promise<number[]> {
  if (list.length === 0) return [];
  const rows = await db.insert(events).values(list).returning({ id: events.id });
  return rows.map((r) => r.id);
}
