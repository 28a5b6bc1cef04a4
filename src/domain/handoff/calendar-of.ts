import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { officeHours, type Calendar } from './business-hours.js';

/** The calendar a hand-off's clock runs on: the one stored with it, else office hours in the owner's zone. */
export async function calendarOf(db: Database, h: { calendarId: string | null; ownerId: string }): Promise<Calendar> {
  if (h.calendarId) {
    const { rows } = await db.execute<Calendar>(sql`select timezone, hours, holidays from work_calendars where id = ${h.calendarId}::uuid`);
    if (rows[0]) return rows[0];
  }
  const { rows } = await db.execute<{ timezone: string }>(sql`select timezone from users where id = ${h.ownerId}::uuid`);
  return officeHours(rows[0]?.timezone ?? 'UTC');
}
