import type { Rng } from './random.js';
import type { DemoAccount } from './generate-accounts.js';
import type { Journey } from './generate-funnel.js';
import { DEAL_NAMES } from './names.js';

export type DemoOpportunity = {
  id: string; accountId: string; name: string; amount: number; stage: string; ownerId: string; createdAt: number;
  closeDate: number; closedAt: number | null; isWon: boolean | null; lostReason: string | null;
};
export type DemoContact = { opportunityId: string; personId: string; role: string };

const DAY = 86_400_000;
const OPEN_STAGES = ['discovery', 'qualification', 'solution', 'proposal', 'negotiation'];
const TIER_SIZE: Record<string, number> = { tier_1: 3, tier_2: 1.6, tier_3: 1 };

/**
 * The deals of one account, from the journeys that reached 'opportunity': amounts log-normal
 * around 30k USD (named accounts larger), open deals further along the older they are, and a
 * buying committee of the people known at the account when the deal was created.
 */
export function generateOpportunities(rng: Rng, account: DemoAccount, journeys: readonly Journey[], now: number) {
  const opportunities: DemoOpportunity[] = [];
  const contacts: DemoContact[] = [];
  for (const j of journeys) {
    for (const deal of j.deals) {
      const id = rng.uuid();
      const size = (TIER_SIZE[account.tier ?? 'tier_3'] ?? 1) * (account.segment === 'Enterprise' ? 1.4 : account.segment === 'SMB' ? 0.7 : 1);
      const amount = Math.round((rng.logNormal(30_000, 0.55) * size) / 500) * 500;
      const cycle = Math.max(21, Math.round(rng.logNormal(65, 0.35))) * DAY;
      const closed = deal.closedAt !== null;
      const age = (now - deal.createdAt) / cycle;
      opportunities.push({
        id, accountId: account.id, name: `${account.name} — ${rng.pick(DEAL_NAMES)}`, amount,
        stage: closed ? (deal.won ? 'closed_won' : 'closed_lost') : OPEN_STAGES[Math.min(4, Math.floor(age * 4 + rng.next() * 1.2))]!,
        ownerId: account.ownerId ?? deal.ownerId, createdAt: deal.createdAt,
        closeDate: closed ? deal.closedAt! : Math.max(deal.createdAt + cycle, now + rng.int(7, 60) * DAY),
        closedAt: deal.closedAt, isWon: closed ? deal.won : null, lostReason: deal.lostReason,
      });
      contacts.push({ opportunityId: id, personId: j.person.id, role: j.person.buyingRole === 'user' ? 'champion' : j.person.buyingRole });
      const known = journeys.filter((o) => o !== j && o.t0 <= deal.createdAt);
      for (let n = Math.min(known.length, rng.int(0, 3)); n > 0; n--) {
        const other = known.splice(rng.int(0, known.length - 1), 1)[0]!;
        contacts.push({ opportunityId: id, personId: other.person.id, role: other.person.buyingRole });
      }
    }
  }
  return { opportunities, contacts };
}
