import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The caller's address: the socket's, or X-Forwarded-For when called in-process (tests). */
export function clientIp(c: Context): string {
  try {
    const addr = getConnInfo(c).remote.address;
    if (addr) return addr;
  } catch { /* not served by @hono/node-server (tests call the app in-process) */ }
  return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? 'local';
}
