import { notifications } from '../../db/schema/index.js';
import { EVENT_TYPES } from '../../db/schema/vocabulary.js';
import { createSelectSchema } from '../shared/schema-factory.js';
import { z } from '../shared/zod.js';

/** A notice in the signed-in user's inbox. */
export const NotificationSchema = createSelectSchema(notifications).omit({ userId: true, eventId: true }).extend({
  type: z.enum(EVENT_TYPES),
  link: z.string().nullable().describe('Where to open it in the web app (`/people/…`).'),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationsFilter = z.object({
  unread: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('Only unread notices.'),
});
export type NotificationsFilter = z.infer<typeof NotificationsFilter>;
