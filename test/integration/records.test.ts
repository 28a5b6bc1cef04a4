import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
beforeAll(async () => { env = await createTestEnv(); });
afterAll(async () => { await env?.close(); });

describe('people', () => {
  it('pages through a sorted, filtered list with cursors and no gaps or repeats', async () => {
    for (let i = 0; i < 23; i++) {
      const res = await env.request('POST', '/api/v1/people', {
        email: `p${String(i).padStart(2, '0')}@pager.test`, lastName: `Z${22 - i}`, country: i % 2 ? 'de' : 'US',
      });
      expect(res.status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `q=pager.test&sort=email&order=asc&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await env.request('GET', `/api/v1/people?${qs}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((p: { email: string }) => p.email));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(seen).toEqual([...seen].sort());

    const de = await env.request('GET', '/api/v1/people?q=pager.test&country=DE&limit=100');
    expect(de.body.data).toHaveLength(11);
    expect(de.body.data.every((p: { country: string }) => p.country === 'DE')).toBe(true);
  });

  it('refuses a cursor made for another sort', async () => {
    const page = await env.request('GET', '/api/v1/people?q=pager.test&sort=email&limit=5');
    const res = await env.request('GET', `/api/v1/people?q=pager.test&sort=lastName&limit=5&cursor=${page.body.nextCursor}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_cursor');
  });

  it('keeps e-mail unique whatever its case', async () => {
    const res = await env.request('POST', '/api/v1/people', { email: 'P00@PAGER.TEST' });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].path).toBe('email');
  });

  it('validates fields with their path and refuses unknown ones', async () => {
    const res = await env.request('POST', '/api/v1/people', { email: 'ok@x.test', country: 'Germany', shoeSize: 44 });
    expect(res.status).toBe(422);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['country', '(root)']));
  });

  it('records every change in the audit trail with before and after', async () => {
    const created = await env.request('POST', '/api/v1/people', { email: 'audit@x.test', title: 'Engineer' });
    await env.request('PATCH', `/api/v1/people/${created.body.id}`, { title: 'VP Engineering', seniority: 'vp' });
    const audit = await env.request('GET', `/api/v1/audit?entity=person&entityId=${created.body.id}`);
    expect(audit.body.data.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
    expect(audit.body.data[0].before.title).toBe('Engineer');
    expect(audit.body.data[0].after.title).toBe('VP Engineering');
  });
});

describe('custom fields', () => {
  it('validates values against their type and filters lists by them', async () => {
    expect((await env.request('POST', '/api/v1/custom-fields', { entity: 'person', key: 'nps', label: 'NPS', type: 'number' })).status).toBe(201);
    expect((await env.request('POST', '/api/v1/custom-fields', { entity: 'person', key: 'segment', label: 'Segment', type: 'picklist', options: ['SMB', 'Enterprise'] })).status).toBe(201);
    const dup = await env.request('POST', '/api/v1/custom-fields', { entity: 'person', key: 'nps', label: 'again', type: 'text' });
    expect(dup.status).toBe(409);

    const bad = await env.request('POST', '/api/v1/people', { email: 'cf1@cf.test', custom: { nps: 'lots', segment: 'Huge', colour: 'red' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['custom.colour', 'custom.nps', 'custom.segment']);

    await env.request('POST', '/api/v1/people', { email: 'cf1@cf.test', custom: { nps: 9, segment: 'Enterprise' } });
    await env.request('POST', '/api/v1/people', { email: 'cf2@cf.test', custom: { nps: 4, segment: 'SMB' } });
    const high = await env.request('GET', '/api/v1/people?cf=nps:gte:8');
    expect(high.body.data.map((p: { email: string }) => p.email)).toEqual(['cf1@cf.test']);
    const both = await env.request('GET', '/api/v1/people?cf=nps:gt:1&cf=segment:eq:SMB');
    expect(both.body.data.map((p: { email: string }) => p.email)).toEqual(['cf2@cf.test']);
    const unknown = await env.request('GET', '/api/v1/people?cf=height:gt:1');
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('cf[0]');
  });
});

describe('accounts, sites and opportunities', () => {
  it('keeps a hierarchy, sites and a deal with contact roles; closing follows the stage', async () => {
    const parent = await env.request('POST', '/api/v1/accounts', { name: 'Globex Group', domains: ['globex.com'], tier: 'tier_1' });
    const child = await env.request('POST', '/api/v1/accounts', { name: 'Globex France', domains: ['globex.fr'], parentId: parent.body.id, country: 'fr' });
    expect(child.status).toBe(201);
    const site = await env.request('POST', `/api/v1/accounts/${child.body.id}/sites`, { name: 'Lyon plant', city: 'Lyon', country: 'FR', headcount: 800 });
    expect(site.status).toBe(201);
    const cycle = await env.request('PATCH', `/api/v1/accounts/${parent.body.id}`, { parentId: child.body.id });
    expect(cycle.status).toBe(422);
    const taken = await env.request('POST', '/api/v1/accounts', { name: 'Impostor', domains: ['globex.com'] });
    expect(taken.status).toBe(409);
    const freeMail = await env.request('POST', '/api/v1/accounts', { name: 'Gmail Inc', domains: ['gmail.com'] });
    expect(freeMail.status).toBe(422);

    const detail = await env.request('GET', `/api/v1/accounts/${parent.body.id}`);
    expect(detail.body.children).toEqual([{ id: child.body.id, name: 'Globex France' }]);
    const childDetail = await env.request('GET', `/api/v1/accounts/${child.body.id}`);
    expect(childDetail.body).toMatchObject({ parent: { id: parent.body.id }, country: 'FR', sites: [{ name: 'Lyon plant', headcount: 800 }] });

    const person = await env.request('POST', '/api/v1/people', { email: 'marie@globex.fr' });
    expect(person.body.accountId).toBe(child.body.id);
    const opp = await env.request('POST', '/api/v1/opportunities', {
      accountId: child.body.id, name: 'Globex FR platform', amount: 48000, currency: 'eur',
      contacts: [{ personId: person.body.id, role: 'champion' }], createdAt: '2026-03-01T00:00:00Z',
    });
    expect(opp.status).toBe(201);
    expect(opp.body).toMatchObject({ currency: 'EUR', isWon: null, closedAt: null, createdAt: '2026-03-01T00:00:00.000Z' });
    const won = await env.request('PATCH', `/api/v1/opportunities/${opp.body.id}`, { stage: 'closed_won' });
    expect(won.body).toMatchObject({ isWon: true, closedAt: '2026-06-15T12:00:00.000Z' });
    const got = await env.request('GET', `/api/v1/opportunities/${opp.body.id}`);
    expect(got.body.contacts).toEqual([{ personId: person.body.id, role: 'champion', email: 'marie@globex.fr', name: null }]);
    const byPerson = await env.request('GET', `/api/v1/opportunities?personId=${person.body.id}&status=won`);
    expect(byPerson.body.data).toHaveLength(1);
  });
});

describe('CSV export', () => {
  it('exports every row of a filtered list and neutralises spreadsheet formulas', async () => {
    await env.request('POST', '/api/v1/people', { email: 'formula@csv.test', firstName: '=HYPERLINK("http://evil","x")', lastName: '+1' });
    const res = await env.request('GET', '/api/v1/people/export.csv?q=csv.test');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = res.text.trim().split(/\r?\n/);
    expect(lines[0]).toContain('email');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(lines[1]).not.toMatch(/,=HYPERLINK/);
  });
});

describe('platform', () => {
  it('serves health, an OpenAPI 3.1 document and the docs page from local assets', async () => {
    expect((await env.request('GET', '/healthz')).body).toMatchObject({ status: 'ok' });
    const doc = await env.request('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([
      '/api/v1/people', '/api/v1/touchpoints', '/api/v1/accounts/{id}', '/f/{formKey}', '/api/v1/people/export.csv',
    ]));
    const docs = await env.request('GET', '/docs');
    expect(docs.text).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(docs.text).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
    expect((await env.request('GET', '/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });

  it('answers unknown routes and ids with problem+json', async () => {
    const res = await env.request('GET', '/api/v1/people/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found', status: 404 });
    const bad = await env.request('GET', '/api/v1/people/not-a-uuid');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('param.id');
  });
});
