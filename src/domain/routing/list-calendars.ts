import { asc } from 'drizzle-orm';
import { workCalendars } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import type { WorkCalendar } from './routing-settings.schema.js';

export async function listCalendars(ctx: Ctx): Promise<WorkCalendar[]> {
  authorize(ctx, 'routing:read');
  const rows = await ctx.db.select().from(workCalendars).orderBy(asc(workCalendars.name));
  return rows.map((r) => ({ id: r.id, name: r.name, timezone: r.timezone, hours: r.hours, holidays: r.holidays }));
}
