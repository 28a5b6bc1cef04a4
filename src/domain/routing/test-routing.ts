import { sql } from 'drizzle-orm';
import { slaDeadlines } from '../handoff/sla-clock.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { z } from '../shared/zod.js';
import { evaluateRouting, type LeadFacts, type RoutingDecision, type TraceStep } from './evaluate-routing.js';
import { loadLeadFacts } from './load-lead-facts.js';
import { clockFor, lastResort, loadRoutingState } from './load-routing-state.js';
import { matchByName, nameStem } from './match-account.js';

export const TestRoutingInput = z.strictObject({
  personId: z.uuid().optional().describe('A real person; or describe one with the fields below'),
  email: z.email().optional(),
  companyName: z.string().trim().max(200).optional(),
  country: z.string().trim().max(100).optional(),
  region: z.string().trim().max(100).optional(),
}).refine((x) => x.personId || x.email || x.companyName || x.country, { path: ['personId'], message: 'give a person, or an e-mail, company or country' });
export type TestRoutingInput = z.infer<typeof TestRoutingInput>;

export type RoutingTest = Omit<RoutingDecision, 'match'> & { match: (NonNullable<RoutingDecision['match']> & { accountName: string | null }) | null; ownerName: string; lastResort: boolean; notes: string[]; deadlines: { acceptDueAt: Date; firstTouchDueAt: Date; remindAt: Date; reassignAt: Date } };

/** "Where would this person go, and why?" — the rules as they stand, nothing written. */
export async function testRouting(ctx: Ctx, input: TestRoutingInput): Promise<RoutingTest> {
  authorize(ctx, 'routing:read');
  const now = ctx.clock.now();
  const world = await loadRoutingState(ctx.db, now);
  let lead: LeadFacts & { notes: string[] };
  if (input.personId) {
    const [found] = await loadLeadFacts(ctx.db, [input.personId]);
    if (!found) throw new DomainError('not_found', `No person ${input.personId}.`);
    lead = found;
  } else {
    lead = { personId: 'test', country: input.country ?? null, region: input.region ?? null, account: null, match: null, notes: [] };
    const domain = input.email?.split('@')[1]?.toLowerCase();
    const cols = sql`a.id, a.name, a.owner_id as "ownerId", a.industry, a.employee_count as "employeeCount", a.tier, a.country, a.region`;
    const byDomain = domain ? (await ctx.db.execute<NonNullable<LeadFacts['account']>>(sql`select ${cols} from account_domains d join accounts a on a.id = d.account_id where d.domain = ${domain}`)).rows[0] : undefined;
    if (byDomain) { lead.account = byDomain; lead.match = { accountId: byDomain.id, via: 'record', confidence: 1, detail: `e-mail domain ${domain}` }; }
    else if (input.companyName && nameStem(input.companyName)) {
      const { rows } = await ctx.db.execute<NonNullable<LeadFacts['account']>>(sql`select ${cols} from accounts a where lower(a.name) like ${nameStem(input.companyName) + '%'} order by a.name limit 50`);
      const m = matchByName(input.companyName, rows);
      if (m && 'ambiguous' in m) lead.notes.push(`company name matches several accounts (${m.ambiguous.slice(0, 3).join(', ')}): not matched`);
      else if (m) { lead.account = rows.find((r) => r.id === m.accountId)!; lead.match = m; }
    }
  }
  const tried: TraceStep[] = [];
  let d = evaluateRouting(world.rules, lead, world, new Set(), tried);
  let resort = false;
  if (!d) {
    const ownerId = lastResort(world, new Set());
    if (!ownerId) throw new DomainError('routing_target_unavailable', 'No rule places this lead and there is no active sales manager or admin to take it.');
    resort = true;
    d = { ruleId: null, ruleKind: 'fallback', ownerId, teamId: world.members.get(ownerId)?.teamId ?? null, why: `no routing rule gave an available owner: last resort ${world.members.get(ownerId)!.name}`, trace: tried, match: lead.match, skipped: [] };
  }
  const clock = clockFor(world, d.ownerId, d.teamId);
  const match = d.match ? { ...d.match, accountName: lead.account?.name ?? null } : null;
  return { ...d, match, ownerName: world.members.get(d.ownerId)!.name, lastResort: resort, notes: lead.notes, deadlines: slaDeadlines(now, clock.policy, clock.calendar) };
}
