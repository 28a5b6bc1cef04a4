import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveView } from '../../src/domain/identity/save-view.js';
import { listViews } from '../../src/domain/identity/list-views.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
beforeAll(async () => { env = await createTestEnv(); });
afterAll(async () => { await env?.close(); });

describe('saved views', () => {
  it('keep a list query and columns per user; shared ones are seen by all, changed only by their owner', async () => {
    const ann = await env.actAs('marketing', { name: 'Ann' });
    const bob = await env.actAs('sales_rep', { name: 'Bob' });
    const mine = await ann.request('POST', '/api/v1/saved-views', { list: 'people', name: 'German MQLs', query: 'stage=mql&country=DE', columns: ['email', 'stage'] });
    expect(mine.status, mine.text).toBe(201);
    const shared = await ann.request('POST', '/api/v1/saved-views', { list: 'people', name: 'All VPs', query: 'seniority=vp', shared: true });
    await bob.request('POST', '/api/v1/saved-views', { list: 'people', name: 'Bob private', query: 'q=bob' });
    await ann.request('POST', '/api/v1/saved-views', { list: 'accounts', name: 'Tier 1', query: 'tier=tier_1' });

    const annViews = await ann.request('GET', '/api/v1/saved-views?list=people');
    expect(annViews.body.data.map((v: any) => [v.name, v.mine])).toEqual([['All VPs', true], ['German MQLs', true]]);
    expect(annViews.body.data[1]).toMatchObject({ query: 'stage=mql&country=DE', columns: ['email', 'stage'] });
    const bobViews = await bob.request('GET', '/api/v1/saved-views?list=people');
    expect(bobViews.body.data.map((v: any) => [v.name, v.mine, v.ownerName])).toEqual([['Bob private', true, 'Bob'], ['All VPs', false, 'Ann']]);

    const edit = await bob.request('PATCH', `/api/v1/saved-views/${shared.body.id}`, { name: 'Mine now' });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('record_forbidden');
    expect((await bob.request('PATCH', `/api/v1/saved-views/${mine.body.id}`, { name: 'x' })).status).toBe(404);
    expect((await bob.request('DELETE', `/api/v1/saved-views/${shared.body.id}`)).status).toBe(403);

    const renamed = await ann.request('PATCH', `/api/v1/saved-views/${mine.body.id}`, { name: 'DE MQLs', columns: ['email'] });
    expect(renamed.body).toMatchObject({ name: 'DE MQLs', columns: ['email'], query: 'stage=mql&country=DE' });
    expect((await ann.request('DELETE', `/api/v1/saved-views/${mine.body.id}`)).status).toBe(204);
    expect((await ann.request('GET', '/api/v1/saved-views?list=people')).body.data).toHaveLength(1);
  });

  it('let an admin change or delete anyone\'s view; others cannot tell a private view exists', async () => {
    const ann = await env.actAs('marketing', { name: 'Ann' });
    const eve = await env.actAs('exec', { name: 'Eve' });
    const secret = await ann.request('POST', '/api/v1/saved-views', { list: 'opportunities', name: 'My pipeline', query: 'status=open' });
    expect(secret.status).toBe(201);
    expect((await eve.request('GET', '/api/v1/saved-views?list=opportunities')).body.data.map((v: any) => v.name)).not.toContain('My pipeline');
    expect((await eve.request('DELETE', `/api/v1/saved-views/${secret.body.id}`)).status).toBe(404);
    const renamed = await env.request('PATCH', `/api/v1/saved-views/${secret.body.id}`, { name: 'Renamed by admin' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Renamed by admin', mine: false, ownerName: 'Ann' });
    expect((await env.request('DELETE', `/api/v1/saved-views/${secret.body.id}`)).status).toBe(204);
    expect((await ann.request('GET', '/api/v1/saved-views?list=opportunities')).body.data).toEqual([]);
    expect((await env.request('DELETE', `/api/v1/saved-views/${secret.body.id}`)).status).toBe(404);
  });

  it('refuse the system principal (CLI, jobs), which acts for no user', async () => {
    await expect(saveView(env.ctx, { list: 'people', name: 'x', query: '', columns: [], shared: false }))
      .rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('belong to a user') });
    await expect(listViews(env.ctx, 'people')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('are kept only of lists the role may read', async () => {
    const sdr = await env.actAs('sdr');
    const denied = await sdr.request('POST', '/api/v1/saved-views', { list: 'opportunities', name: 'Big deals', query: 'sort=amount' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');
    expect((await sdr.request('GET', '/api/v1/saved-views?list=opportunities')).status).toBe(403);
    expect((await sdr.request('POST', '/api/v1/saved-views', { list: 'people', name: 'My MQLs', query: 'stage=mql' })).status).toBe(201);
  });

  it('refuses bad input by field', async () => {
    const ann = await env.actAs('marketing');
    const bad = await ann.request('POST', '/api/v1/saved-views', { list: 'planets', name: '', query: '?x=1', columns: ['ok', 'not ok!'] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['columns.1', 'list', 'name', 'query']);
    const unknownList = await ann.request('GET', '/api/v1/saved-views?list=planets');
    expect(unknownList.status).toBe(422);
  });
});
