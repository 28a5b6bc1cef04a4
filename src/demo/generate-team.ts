import type { Rng } from './random.js';
import { FIRST_NAMES, LAST_NAMES, TERRITORIES, TIMEZONES, type Territory } from './names.js';

export type DemoUser = {
  id: string; email: string; name: string; role: string; teamId: string | null; managerId: string | null;
  timezone: string; territory: Territory | null;
  /** demand_gen, field_marketing, marketing_ops, content: which campaigns a marketer owns. */
  focus: string | null;
};
export type DemoTeam = { id: string; name: string; kind: string; managerId: string | null };
export type DemoStaff = { users: DemoUser[]; teams: DemoTeam[] };

/**
 * The company selling with Truce: a marketing team, an SDR team, one sales team per territory
 * with its manager, a product manager, an executive and an admin. The short addresses
 * (marketing@, sdr@, rep@, manager@) are the demo sign-ins.
 */
export function generateTeam(rng: Rng): DemoStaff {
  const users: DemoUser[] = [];
  const teams: DemoTeam[] = [];
  const team = (name: string, kind: string) => {
    const t: DemoTeam = { id: rng.uuid(), name, kind, managerId: null };
    teams.push(t);
    return t;
  };
  const add = (email: string, role: string, teamId: string | null, managerId: string | null, territory: Territory | null = null, focus: string | null = null) => {
    const tz = TIMEZONES[territory ?? 'NA'];
    const u: DemoUser = {
      id: rng.uuid(), email, name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`, role, teamId, managerId,
      timezone: territory ? rng.pick(tz) : tz[0]!, territory, focus,
    };
    users.push(u);
    return u;
  };

  add('admin@truce.demo', 'admin', null, null);
  const exec = add('exec@truce.demo', 'exec', null, null);
  const product = team('Product', 'product');
  product.managerId = add('product@truce.demo', 'product', product.id, exec.id).id;

  const marketing = team('Marketing', 'marketing');
  const head = add('marketing@truce.demo', 'marketing', marketing.id, exec.id, null, 'demand_gen');
  marketing.managerId = head.id;
  add('demandgen2@truce.demo', 'marketing', marketing.id, head.id, null, 'demand_gen');
  add('content1@truce.demo', 'marketing', marketing.id, head.id, null, 'content');
  add('field1@truce.demo', 'marketing', marketing.id, head.id, 'NA', 'field_marketing');
  add('field2@truce.demo', 'marketing', marketing.id, head.id, 'EMEA', 'field_marketing');
  add('mops1@truce.demo', 'marketing', marketing.id, head.id, null, 'marketing_ops');

  const sdr = team('Inside sales (SDR)', 'sdr');
  const sdrLead = add('sdr-manager@truce.demo', 'sales_manager', sdr.id, exec.id);
  sdr.managerId = sdrLead.id;
  for (let i = 1; i <= 8; i++) {
    add(i === 1 ? 'sdr@truce.demo' : `sdr${i}@truce.demo`, 'sdr', sdr.id, sdrLead.id, TERRITORIES[i % 3]!);
  }
  for (const territory of TERRITORIES) {
    const t = team(`Sales ${territory}`, 'sales');
    const lower = territory.toLowerCase();
    const mgr = add(territory === 'NA' ? 'manager@truce.demo' : `manager-${lower}@truce.demo`, 'sales_manager', t.id, exec.id, territory);
    t.managerId = mgr.id;
    for (let i = 1; i <= 6; i++) add(territory === 'NA' && i === 1 ? 'rep@truce.demo' : `ae-${lower}${i}@truce.demo`, 'sales_rep', t.id, mgr.id, territory);
  }
  return { users, teams };
}

export const byRole = (users: readonly DemoUser[], role: string, territory?: Territory | null) =>
  users.filter((u) => u.role === role && (territory == null || u.territory === territory));
