import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHistory } from '../../src/domain/scoring/load-history.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/** Back-tests judge people on the fields they had at the cutoff, not on what sales wrote later. */
let env: TestEnv;
beforeAll(async () => { env = await createTestEnv({ now: '2026-03-01T12:00:00Z' }); });
afterAll(async () => { await env?.close(); });

describe('field history', () => {
  it('rewinds a person’s and their account’s fields to the cutoff from the audit trail', async () => {
    const account = (await env.request('POST', '/api/v1/accounts', { name: 'Rewind Retail', domains: ['rewind.test'], industry: 'Retail', employeeCount: 80 })).body;
    const changed = (await env.request('POST', '/api/v1/people', { email: 'ann@rewind.test', seniority: 'manager', title: 'Buyer', accountId: account.id })).body;
    const untouched = (await env.request('POST', '/api/v1/people', { email: 'bob@elsewhere.test', seniority: 'director' })).body;
    env.clock.set('2026-03-10T12:00:00Z');
    expect((await env.request('PATCH', `/api/v1/people/${changed.id}`, { seniority: 'vp', title: 'VP Procurement' })).status).toBe(200);
    env.clock.set('2026-03-11T12:00:00Z');
    expect((await env.request('PATCH', `/api/v1/people/${changed.id}`, { seniority: 'c_level' })).status).toBe(200);
    expect((await env.request('PATCH', `/api/v1/accounts/${account.id}`, { industry: 'Software', employeeCount: 5000 })).status).toBe(200);

    const facts = async (cutoff: string) => {
      const people = await loadHistory(env.ctx, new Date(cutoff), new Date('2026-04-01T00:00:00Z'));
      return Object.fromEntries(people.map((p) => [p.subject.personId, p.subject.facts]));
    };
    const before = await facts('2026-03-05T00:00:00Z');
    expect(before[changed.id]!.person).toMatchObject({ seniority: 'manager', title: 'Buyer' });
    expect(before[changed.id]!.account).toMatchObject({ industry: 'Retail', employeeCount: 80 });
    expect(before[untouched.id]!.person).toMatchObject({ seniority: 'director' });

    const between = await facts('2026-03-10T18:00:00Z');
    expect(between[changed.id]!.person).toMatchObject({ seniority: 'vp', title: 'VP Procurement' });
    expect(between[changed.id]!.account).toMatchObject({ industry: 'Retail' });

    const after = await facts('2026-03-12T00:00:00Z');
    expect(after[changed.id]!.person).toMatchObject({ seniority: 'c_level' });
    expect(after[changed.id]!.account).toMatchObject({ industry: 'Software', employeeCount: 5000 });
  });
});
