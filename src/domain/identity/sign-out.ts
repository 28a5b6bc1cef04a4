import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { sha256 } from './tokens.js';

/** Ends the session of this cookie token (idempotent). */
export async function signOut(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}
