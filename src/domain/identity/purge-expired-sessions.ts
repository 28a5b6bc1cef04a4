import { lt } from 'drizzle-orm';
import { sessions } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';

/** Deletes sessions past their expiry; returns how many went. Run on a schedule by the jobs layer. */
export async function purgeExpiredSessions(ctx: Ctx): Promise<number> {
  const gone = await ctx.db.delete(sessions).where(lt(sessions.expiresAt, ctx.clock.now())).returning({ tokenHash: sessions.tokenHash });
  return gone.length;
}
