import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { DomainError, invalid } from '../shared/errors.js';
import { alignmentTotal } from './alignment.js';
import type { AnswerSurveyInput } from './alignment.schema.js';
import { quarterLabel } from './forecast.js';

/** A member's answers for this quarter (answering again replaces them). Sellers answer for sales, marketing for marketing. */
export async function answerAlignmentSurvey(ctx: Ctx, input: AnswerSurveyInput): Promise<{ quarter: string; total: number; side: 'sales' | 'marketing' }> {
  authorize(ctx, 'survey:answer');
  const p = ctx.principal;
  if (!p.userId) throw new DomainError('forbidden', 'The survey is answered by a person: sign in, or use a key that acts for a user.');
  const side = p.role === 'marketing' ? 'marketing' : p.role === 'admin' ? input.side : 'sales';
  if (!side) throw invalid('side', 'say which side you answer for: sales or marketing');
  if (p.role !== 'admin' && input.side && input.side !== side) throw invalid('side', `a ${p.role} answers for ${side}`);
  const checked = alignmentTotal(input.ratings);
  if ('error' in checked) throw invalid('ratings', checked.error);
  const quarter = quarterLabel(ctx.clock.now());
  await ctx.db.execute(sql`
    insert into alignment_responses (user_id, side, quarter, ratings, total, answered_at)
    values (${p.userId}::uuid, ${side}, ${quarter}, ${`{${input.ratings.join(',')}}`}::smallint[], ${checked.total}, ${ctx.clock.now()})
    on conflict (user_id, quarter) do update set side = excluded.side, ratings = excluded.ratings, total = excluded.total, answered_at = excluded.answered_at`);
  return { quarter, total: checked.total, side };
}
