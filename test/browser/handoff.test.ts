import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepSla } from '../../src/domain/handoff/sweep-sla.js';
import { chromiumAvailable, startHarness, type Harness } from './harness.js';

/** The hand-off in the browser: an SDR accepts one lead and rejects another with a reason; the manager sees the breach of a third. */
const available = chromiumAvailable();
let h: Harness;
const MONDAY = '2026-06-15T12:00:00Z';
// The accept deadline of a Monday-noon lead is Thursday noon (24 business hours, UTC office hours); re-routing would come Friday noon.
const THURSDAY = '2026-06-18T15:00:00Z';

async function handRaise(email: string): Promise<string> {
  await h.post('/api/v1/touchpoints', { touchpoints: [{ externalId: `browser-${email}`, occurredAt: h.env.clock.now().toISOString(), kind: 'demo_request', email }] });
  const hand = (await h.env.request('GET', `/api/v1/handoffs?status=all`)).body.data.find((x: any) => x.personEmail === email);
  expect(hand, `a hand-off for ${email}`).toBeTruthy();
  return hand.id;
}

beforeAll(async () => {
  if (!available) return;
  h = await startHarness();
  const sdr = await h.user('sdr');
  const manager = await h.user('sales_manager');
  expect((await h.env.request('PATCH', `/api/v1/users/${sdr.id}`, { managerId: manager.id })).status).toBe(200);
  const model = await h.post('/api/v1/scoring/models', { name: 'Hand-raise', definition: {
    halfLifeDays: 30, fit: [], engagement: [{ id: 'demo', label: 'Asked for a demo', points: 50, when: { kinds: ['demo_request'] } }], mqlThreshold: 100,
  } });
  expect((await h.env.request('POST', `/api/v1/scoring/models/${model.id}/publish`)).status).toBe(200);
  await h.post('/api/v1/routing/rules', { name: 'SDR queue', kind: 'fallback', targetUserId: sdr.id });
  // The third lead came in on Monday and nobody answered it; the other two arrive on Thursday afternoon.
  h.env.clock.set(MONDAY);
  await handRaise('ignored@third.test');
  h.env.clock.set(THURSDAY);
  await handRaise('keen@first.test');
  await handRaise('broke@second.test');
  await sweepSla(h.env.ctx);
});
afterAll(async () => { await h?.close(); });

describe.runIf(available)('the lead queue', () => {
  it('lets the SDR accept one lead and reject another with a reason', async () => {
    const page = await h.signedInPage('sdr');
    await page.goto(`${h.base}/queue`);
    const table = page.getByRole('table', { name: 'Hand-offs' });
    await expect.poll(() => table.innerText()).toContain('keen@first.test');
    expect(await table.textContent()).toContain('Asked for a demo +50');

    await page.locator('tr[data-handoff="keen@first.test"]').click();
    const drawer = page.getByRole('dialog', { name: 'Lead' });
    await expect.poll(() => drawer.innerText().catch(() => '')).toContain('Routed to');
    expect(await drawer.innerText()).toContain('fallback queue');
    await drawer.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(async () => (await h.env.request('GET', '/api/v1/handoffs?status=accepted')).body.data.map((x: any) => x.personEmail)).toEqual(['keen@first.test']);

    await page.locator('tr[data-handoff="broke@second.test"]').click();
    await expect.poll(() => drawer.innerText().catch(() => '')).toContain('broke@second.test');
    await drawer.getByRole('button', { name: 'Reject…' }).click();
    const modal = page.getByRole('dialog', { name: 'Reject this lead' });
    await modal.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => modal.innerText()).toContain('Choose a reason');
    await modal.getByRole('textbox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'No budget' }).click();
    await modal.getByLabel('Note').fill('Budget frozen until next year');
    await modal.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(async () => (await h.env.request('GET', '/api/v1/handoffs?status=rejected')).body.data.map((x: any) => [x.personEmail, x.rejectReason, x.rejectNote]))
      .toEqual([['broke@second.test', 'no_budget', 'Budget frozen until next year']]);
    const person = (await h.env.request('GET', '/api/v1/people?q=broke@second.test')).body.data[0];
    expect(person.lifecycleStage).toBe('recycled');
  });

  it('shows the manager the breach of the third lead', async () => {
    const page = await h.signedInPage('sales_manager');
    await page.goto(`${h.base}/queue?breached=true`);
    const table = page.getByRole('table', { name: 'Hand-offs' });
    await expect.poll(() => table.innerText()).toContain('ignored@third.test');
    const row = page.locator('tr[data-handoff="ignored@third.test"]');
    expect(await row.textContent()).toContain('breach: accept');
    expect(await row.textContent()).toContain('overdue');
    expect(await table.innerText()).not.toContain('keen@first.test');
    await row.click();
    const drawer = page.getByRole('dialog', { name: 'Lead' });
    await expect.poll(() => drawer.innerText().catch(() => '')).toContain('Not accepted in time');
    // The manager may re-route it but not answer for the SDR.
    expect(await drawer.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    expect(await drawer.getByRole('button', { name: 'Re-route' }).count()).toBe(1);
  });
});
