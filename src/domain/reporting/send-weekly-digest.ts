import { sql } from 'drizzle-orm';
import { recordEvents } from '../events/record-events.js';
import { notifyUsers } from '../notifications/notify-users.js';
import type { Ctx } from '../shared/context.js';
import { cardLines } from './digest-text.js';
import { getMarketingCard } from './get-marketing-card.js';
import { getRepCard } from './get-rep-card.js';
import { getSdrCard } from './get-sdr-card.js';
import { snapshotForecast } from './get-goal-board.js';
import { cardPeriod } from './period.js';
import type { MarketingCard, RepCard, SdrCard } from './report-card.schema.js';

type Member = { id: string; name: string; role: string; team_id: string | null };
type Card = RepCard | SdrCard | MarketingCard;

async function cardOf(ctx: Ctx, u: Member, period: { from: string; to: string }): Promise<Card> {
  if (u.role === 'sdr') return getSdrCard(ctx, u.id, period);
  if (u.role === 'marketing') return getMarketingCard(ctx, u.id, period);
  return getRepCard(ctx, u.id, period);
}

/**
 * The weekly digest (run on Monday about the week before): every active seller and marketer gets
 * their own card, a manager also their team's in short, marketers also the whole team's scorecard
 * — in their inbox and by e-mail (the outbox), and as a `report.weekly_digest` event that the
 * webhooks deliver. Once per person and week: running it again sends nothing twice. It also
 * records this quarter's forecast, so its accuracy can be judged when the quarter is over.
 */
export async function sendWeeklyDigest(ctx: Ctx): Promise<{ week: string; sent: number; skipped: number }> {
  const period = cardPeriod(ctx.clock.now(), { period: 'last_week' });
  const dates = { from: period.from.toISOString().slice(0, 10), to: period.to.toISOString().slice(0, 10) };
  const week = dates.from;
  await snapshotForecast(ctx);
  const { rows: members } = await ctx.db.execute<Member>(sql`
    select id::text, name, role, team_id::text from users where active and role in ('sdr', 'sales_rep', 'sales_manager', 'marketing') order by name`);
  const { rows: done } = await ctx.db.execute<{ id: string }>(sql`
    select subject_id::text as id from events where type = 'report.weekly_digest' and data->>'week' = ${week}`);
  const sent = new Set(done.map((d) => d.id));
  const teamCard = members.some((m) => m.role === 'marketing') ? await getMarketingCard(ctx, null, dates) : null;
  let count = 0;
  for (const u of members) {
    if (sent.has(u.id)) continue;
    const card = await cardOf(ctx, u, dates);
    const lines = [`Your ${card.kind === 'marketing' ? 'scorecard' : 'report card'} for the ${period.label}:`, ...cardLines(card)];
    const team: { name: string; lines: string[] }[] = [];
    if (u.role === 'sales_manager') {
      for (const m of members.filter((x) => x.team_id && x.team_id === u.team_id && x.id !== u.id && x.role !== 'marketing')) {
        team.push({ name: m.name, lines: cardLines(await cardOf(ctx, m, dates)).slice(0, 3) });
      }
    }
    if (u.role === 'marketing' && teamCard) team.push({ name: 'Marketing team', lines: cardLines(teamCard) });
    const body = [...lines, ...team.flatMap((t) => ['', `${t.name}:`, ...t.lines])].join('\n');
    await ctx.db.transaction(async (tx) => {
      const [eventId] = await recordEvents(tx, [{
        type: 'report.weekly_digest', subjectType: 'user', subjectId: u.id, occurredAt: ctx.clock.now(),
        data: { week, userId: u.id, name: u.name, card, team: team.map((t) => t.name) },
      }]);
      await notifyUsers(tx, [{
        userId: u.id, type: 'report.weekly_digest', title: `Your week in Truce: ${period.label}`, body,
        link: `/cards?period=last_week`, eventId: eventId!, email: true,
      }], ctx.clock.now());
    });
    count++;
  }
  return { week, sent: count, skipped: sent.size };
}
