import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { acceptHandoff } from './accept-handoff.js';
import type { DecideHandoffsInput } from './handoff.schema.js';
import { rejectHandoff } from './reject-handoff.js';

export type Decision = { id: string; ok: boolean; code?: string; message?: string };

/**
 * Accepts or rejects many leads of a queue at once, each under exactly the rules of one (its
 * owner only, still open, a reason and evidence where needed): each answer stands on its own.
 */
export async function decideHandoffs(ctx: Ctx, input: DecideHandoffsInput): Promise<{ decided: number; refused: number; results: Decision[] }> {
  authorize(ctx, 'handoffs:decide');
  const results: Decision[] = [];
  for (const id of [...new Set(input.ids)]) {
    try {
      if (input.action === 'accept') await acceptHandoff(ctx, id);
      else await rejectHandoff(ctx, id, input.reject!);
      results.push({ id, ok: true });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      results.push({ id, ok: false, code: e.code, message: e.message });
    }
  }
  return { decided: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length, results };
}
