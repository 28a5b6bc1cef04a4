import { createRoute, z } from '@hono/zod-openapi';
import { listNotifications } from '../../domain/notifications/list-notifications.js';
import { markAllNotificationsRead } from '../../domain/notifications/mark-all-notifications-read.js';
import { markNotificationRead } from '../../domain/notifications/mark-notification-read.js';
import { NotificationSchema, NotificationsFilter } from '../../domain/notifications/notification.schema.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json, listQuery } from './shared.js';

const tags = ['Notifications'];
const Notification = NotificationSchema.openapi('Notification');

/** The signed-in user's in-app inbox. */
export function registerNotificationRoutes(app: App): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/notifications', tags, summary: 'Your notices, newest first, with the number unread',
    request: { query: NotificationsFilter.extend(listQuery(['createdAt'] as const, 'createdAt').shape) },
    responses: {
      200: { description: 'A page of notices', ...json(z.object({ data: z.array(Notification), nextCursor: z.string().nullable(), unreadCount: z.number().int() }).openapi('NotificationPage')) },
      ...errorResponses,
    },
  }), async (c) => {
    const q = c.req.valid('query');
    return c.json(await listNotifications(c.get('ctx'), q, { limit: q.limit, cursor: q.cursor, sort: q.sort, order: q.order }), 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/notifications/read-all', tags, summary: 'Mark all your notices read',
    responses: { 200: { description: 'How many were marked', ...json(z.object({ marked: z.number().int() })) }, ...errorResponses },
  }), async (c) => c.json(await markAllNotificationsRead(c.get('ctx')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/notifications/{id}/read', tags, summary: 'Mark one of your notices read',
    request: { params: IdParam },
    responses: { 200: { description: 'The notice', ...json(Notification) }, ...errorResponses },
  }), async (c) => c.json(await markNotificationRead(c.get('ctx'), c.req.valid('param').id), 200));
}
