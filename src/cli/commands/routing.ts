import { Command } from 'commander';
import { routeWaitingMqls } from '../../domain/handoff/route-waiting-mqls.js';
import { sweepSla } from '../../domain/handoff/sweep-sla.js';
import { listRoutingRules } from '../../domain/routing/list-routing-rules.js';
import { TestRoutingInput, testRouting } from '../../domain/routing/test-routing.js';
import { withContext } from '../open-context.js';
import { parseInput } from '../parse-input.js';

/** `truce routing rules|test|route-waiting|sweep`: the hand-off contract from a terminal. */
export function routingCommand(): Command {
  const cmd = new Command('routing').description('lead routing and the SLA clock');
  cmd.command('rules').description('list the routing rules in the order they are tried')
    .action(async () => withContext(async (ctx) => {
      for (const r of await listRoutingRules(ctx)) {
        console.log(`${r.position + 1}. ${r.active ? '' : '(inactive) '}${r.name} [${r.kind}]${r.targetName ? ` → ${r.targetName}` : ''} ${Object.keys(r.conditions).length ? JSON.stringify(r.conditions) : ''}`.trimEnd());
      }
    }));
  cmd.command('test').description('where would this person go, and why? (nothing is written)')
    .option('--person-id <uuid>').option('--email <email>').option('--company <name>').option('--country <code>').option('--region <region>')
    .action(async (o: { personId?: string; email?: string; company?: string; country?: string; region?: string }) => withContext(async (ctx) => {
      const input = parseInput(TestRoutingInput, { personId: o.personId, email: o.email, companyName: o.company, country: o.country, region: o.region });
      const d = await testRouting(ctx, input);
      console.log(`→ ${d.ownerName} by ${d.ruleKind}${d.lastResort ? ' (last resort)' : ''}: ${d.why}`);
      for (const t of d.trace) console.log(`  ${t.outcome.padEnd(8)} ${t.rule}: ${t.reason}`);
      for (const n of d.notes) console.log(`  note: ${n}`);
      console.log(`  accept by ${d.deadlines.acceptDueAt.toISOString()}, first touch by ${d.deadlines.firstTouchDueAt.toISOString()}`);
    }));
  cmd.command('route-waiting').description('give every MQL without an open hand-off an owner now')
    .action(async () => withContext(async (ctx) => {
      let total = 0;
      for (;;) { const { routed } = await routeWaitingMqls(ctx); total += routed; if (routed === 0) break; }
      console.log(`${total} MQLs routed`);
    }));
  cmd.command('sweep').description('fire the SLA steps that are due (the server does this every 15 seconds)')
    .action(async () => withContext(async (ctx) => {
      const run = await sweepSla(ctx);
      console.log(`${run.handoffs} hand-offs due: ${run.reminders} reminders, ${run.escalations} escalations, ${run.firstTouchBreaches} first-touch breaches, ${run.reassignments} re-routed (${run.late} late)`);
    }));
  return cmd;
}
