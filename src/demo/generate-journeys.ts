import type { Rng } from './random.js';
import type { DemoAccount } from './generate-accounts.js';
import type { CampaignCalendar } from './campaign-calendar.js';
import { generateFunnel, type Journey } from './generate-funnel.js';
import { generateOpportunities, type DemoContact, type DemoOpportunity } from './generate-opportunities.js';
import { generatePerson } from './generate-people.js';
import { byRole, type DemoUser } from './generate-team.js';
import { firstTouch, journeyTouches, type DemoTouch } from './generate-touches.js';

export type JourneyBatch = { journeys: Journey[]; touches: DemoTouch[]; opportunities: DemoOpportunity[]; contacts: DemoContact[] };
export type JourneyContext = {
  rng: Rng; now: number; start: number; users: readonly DemoUser[]; calendar: CampaignCalendar; engagement: number;
  usedEmails: Set<string>; seq: { person: number };
};

/**
 * The people of a slice of accounts (about `people` of them, more at larger accounts) plus a
 * share of free-mail people, each with a journey, its touches and the deals it led to. The
 * large company is generated slice by slice so memory stays bounded.
 */
export function generateJourneys(jc: JourneyContext, accounts: readonly DemoAccount[], people: number, freeMailShare: number, totalWeight: number): JourneyBatch {
  const batch: JourneyBatch = { journeys: [], touches: [], opportunities: [], contacts: [] };
  const perWeight = (people * (1 - freeMailShare)) / totalWeight;
  for (const account of accounts) {
    const n = Math.max(1, Math.round(Math.sqrt(account.employeeCount) * perWeight * jc.rng.logNormal(0.956, 0.3)));
    const mine: Journey[] = [];
    for (let k = 0; k < n; k++) mine.push(journeyOf(jc, batch, account));
    const deals = generateOpportunities(jc.rng, account, mine, jc.now);
    batch.opportunities.push(...deals.opportunities);
    batch.contacts.push(...deals.contacts);
  }
  const free = Math.round(people * freeMailShare);
  for (let k = 0; k < free; k++) journeyOf(jc, batch, null);
  return batch;
}

function journeyOf(jc: JourneyContext, batch: JourneyBatch, account: DemoAccount | null): Journey {
  const { rng, now, users } = jc;
  const person = generatePerson(rng, ++jc.seq.person, account, jc.usedEmails);
  const tc = { rng, calendar: jc.calendar, now, start: jc.start, engagement: jc.engagement };
  const sdrId = rng.pick(byRole(users, 'sdr', person.region)).id;
  const aeId = account?.ownerId ?? rng.pick(byRole(users, 'sales_rep', person.region)).id;
  const first = firstTouch(tc, person, { sdrId, aeId });
  const journey = generateFunnel(rng, person, first, { sdrId, aeId }, jc.calendar, now);
  batch.journeys.push(journey);
  batch.touches.push(first, ...journeyTouches(tc, journey));
  return journey;
}
