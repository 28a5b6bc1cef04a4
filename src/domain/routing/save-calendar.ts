import { eq } from 'drizzle-orm';
import { workCalendars } from '../../db/schema/index.js';
import { weeklyWorkingMinutes } from '../handoff/business-hours.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import type { CalendarInput, WorkCalendar } from './routing-settings.schema.js';

/** Creates or replaces a working calendar; one with no working hours could never meet a deadline and is refused. */
export async function saveCalendar(ctx: Ctx, input: CalendarInput, id?: string): Promise<WorkCalendar> {
  authorize(ctx, 'routing:write');
  if (weeklyWorkingMinutes({ timezone: input.timezone, hours: input.hours, holidays: [] }) === 0) {
    throw new DomainError('calendar_no_hours', 'This calendar has no working hours: give at least one day a range.', [{ path: 'hours', message: 'no working hours' }]);
  }
  const now = ctx.clock.now();
  const values = { name: input.name, timezone: input.timezone, hours: input.hours, holidays: [...new Set(input.holidays)].sort(), updatedAt: now };
  return ctx.db.transaction(async (tx) => {
    const [row] = id
      ? await tx.update(workCalendars).set(values).where(eq(workCalendars.id, id)).returning()
      : await tx.insert(workCalendars).values({ ...values, createdAt: now }).returning();
    if (!row) throw new DomainError('not_found', `No calendar ${id}.`);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'work_calendar', entityId: row.id, action: id ? 'update' : 'create', after: values }]);
    return { id: row.id, name: row.name, timezone: row.timezone, hours: row.hours, holidays: row.holidays };
  });
}
