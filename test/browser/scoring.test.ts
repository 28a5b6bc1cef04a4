import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, startHarness, type Harness } from './harness.js';

/** A rep sees why a lead is hot in one glance: grade, fit, engagement and the rules behind them. */
const available = chromiumAvailable();
let h: Harness;
let personId: string;

beforeAll(async () => {
  if (!available) return;
  h = await startHarness();
  const rep = await h.user('sales_rep');
  await h.post('/api/v1/touchpoints', { touchpoints: [
    { externalId: 's-1', occurredAt: '2026-06-10T10:00:00Z', kind: 'webinar_attended', email: 'hot@scored.test' },
    { externalId: 's-2', occurredAt: '2026-06-14T10:00:00Z', kind: 'webinar_attended', email: 'hot@scored.test' },
  ] });
  personId = (await h.env.request('GET', '/api/v1/people?q=hot@scored')).body.data[0].id;
  await h.env.request('PATCH', `/api/v1/people/${personId}`, { seniority: 'vp', ownerId: rep.id });
  const model = await h.post('/api/v1/scoring/models', { name: 'Browser model', definition: {
    fit: [{ id: 'vp', label: 'VP or above', points: 20, when: [{ field: 'person.seniority', op: 'in', value: ['vp', 'c_level'] }] }],
    engagement: [{ id: 'webinar', label: 'Attended a webinar', points: 15, when: { kinds: ['webinar_attended'] } }],
    mqlThreshold: 30,
  } });
  const published = await h.env.request('POST', `/api/v1/scoring/models/${model.id}/publish`);
  if (published.status !== 200) throw new Error(published.text);
});
afterAll(async () => { await h?.close(); });

describe.runIf(available)('the score on the person page', () => {
  it('shows the grade, the numbers and each rule with what decay took, as the API says', async () => {
    const api = (await h.env.request('GET', `/api/v1/people/${personId}/score`)).body;
    const page = await h.signedInPage('sales_rep');
    await page.goto(`${h.base}/people/${personId}`);
    const card = page.getByRole('region', { name: 'Score' });
    await expect.poll(() => card.innerText().catch(() => '')).toContain('Attended a webinar ×2');
    const text = await card.innerText();
    expect(text).toContain(api.grade);
    expect(text).toMatch(/MQL by score/i);
    expect(text).toMatch(new RegExp(`Engagement\\s+${Math.round(api.engagement)}`));
    expect(text).toContain('VP or above');
    const webinar = api.explanation.find((e: { ruleId: string }) => e.ruleId === 'webinar');
    expect(text).toContain(`−${Math.round(webinar.decayed * 10) / 10}`);

    const person = (await h.env.request('GET', `/api/v1/people/${personId}`)).body;
    const account = (await h.env.request('GET', `/api/v1/accounts/${person.accountId}/score`)).body;
    await page.goto(`${h.base}/accounts/${person.accountId}`);
    const rollup = page.getByRole('region', { name: 'Account engagement' });
    await expect.poll(() => rollup.innerText().catch(() => '')).toContain(`Account engagement ${Math.round(account.engagement)}`);
    expect(await rollup.innerText()).toContain('hot@scored.test');
    await page.context().close();
  });

  it('lets marketing start a draft, shows rule problems by path, and back-tests it beside the live model', async () => {
    const page = await h.signedInPage('marketing');
    await page.goto(`${h.base}/scoring`);
    await expect.poll(() => page.getByRole('navigation', { name: 'Model versions' }).innerText().catch(() => '')).toMatch(/v1 · Browser model/);
    await page.getByRole('button', { name: 'New draft from this' }).click();
    // The form first: each rule's reach today, as the preview API counts it.
    const api = (await h.env.request('POST', '/api/v1/scoring/preview', { definition: (await h.env.request('GET', '/api/v1/scoring/models')).body.data[0].definition })).body;
    const webinar = api.rules.find((r: { ruleId: string }) => r.ruleId === 'webinar');
    expect(webinar.people).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Preview reach' }).click();
    await expect.poll(() => page.getByLabel('People for webinar').innerText().then((t) => t.toLowerCase()).catch(() => '')).toContain(`${webinar.people} people`);
    await page.getByRole('group', { name: 'Engagement rule webinar' }).getByLabel('Half-life (days)').fill('-2');
    await page.getByRole('button', { name: 'Preview reach' }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Engagement rule webinar' }).innerText().catch(() => '')).toMatch(/greater than 0|too small|>0/i);
    await page.getByRole('group', { name: 'Engagement rule webinar' }).getByLabel('Half-life (days)').fill('');
    await page.getByRole('tab', { name: 'JSON' }).click();
    const rules = page.getByLabel('Rules (JSON)');
    const json = JSON.parse(await rules.inputValue());
    await rules.fill(JSON.stringify({ ...json, halfLifeDays: -1 }));
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Problems in the rules' }).innerText().catch(() => '')).toContain('definition.halfLifeDays');
    await rules.fill(JSON.stringify({ ...json, mqlThreshold: 25 }));
    await page.getByRole('button', { name: 'Save draft' }).click();
    const section = page.getByRole('region', { name: 'Model v2' });
    await expect.poll(() => section.innerText().catch(() => '')).toMatch(/draft/i);
    await page.getByRole('tab', { name: 'Back-test' }).click();
    await page.getByRole('button', { name: 'Run back-test' }).click();
    const results = page.getByRole('table', { name: 'Back-test results' });
    await expect.poll(() => results.innerText().catch(() => '')).toContain('ROC AUC');
    expect(await results.innerText()).toContain('v1 (live)');
    await expect.poll(() => page.getByRole('img', { name: /MQLs per month/ }).count()).toBe(1);
    await page.context().close();
  });

  it('lets an SDR qualify an MQL as SQL only with the checklist complete', async () => {
    const sdr = await h.user('sdr');
    const lead = await h.post('/api/v1/people', { email: 'bant@browser.test', firstName: 'Bea', lastName: 'Bant', lifecycleStage: 'mql', ownerId: sdr.id });
    const page = await h.signedInPage('sdr');
    await page.goto(`${h.base}/people/${lead.id}`);
    const card = page.getByRole('region', { name: 'Qualification' });
    await card.getByRole('button', { name: 'Qualify as SQL' }).click();
    await expect.poll(() => card.innerText()).toContain('not ready: no timing recorded');
    await card.getByRole('checkbox', { name: 'Ready' }).check();
    await card.getByRole('button', { name: 'Save checklist' }).click();
    await expect.poll(() => card.innerText()).toContain('say when they are ready to buy');
    await card.getByLabel('Timing (ready)').fill('Before the fiscal year ends');
    await card.getByLabel('Need and intent (willing)').fill('Manual routing breaks weekly');
    await card.getByLabel('Budget (able)').fill('Approved');
    await card.getByLabel('Authority (able)').fill('VP Sales signs');
    await card.getByRole('checkbox', { name: 'Willing' }).check();
    await card.getByRole('checkbox', { name: 'Able' }).check();
    await card.getByRole('button', { name: 'Save checklist' }).click();
    await expect.poll(async () => (await h.env.request('GET', `/api/v1/people/${lead.id}/qualification`)).body?.able).toBe(true);
    await card.getByRole('button', { name: 'Qualify as SQL' }).click();
    await expect.poll(async () => (await h.env.request('GET', `/api/v1/people/${lead.id}`)).body.lifecycleStage).toBe('sql');
    await expect.poll(() => page.getByLabel('Lifecycle stage: sql').count()).toBe(1);
    await page.context().close();
  });
});

