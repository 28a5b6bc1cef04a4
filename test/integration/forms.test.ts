import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ config: { formRateLimitPerMinute: 5 } });
  const res = await env.request('POST', '/api/v1/forms', {
    key: 'demo-request', name: 'Book a demo', kind: 'demo_request', allowedOrigins: ['https://www.example.com'],
  });
  expect(res.status).toBe(201);
  await env.request('POST', '/api/v1/forms', { key: 'ebook', name: 'Get the e-book', kind: 'content_download', redirectUrl: 'https://www.example.com/thanks' });
});
afterAll(async () => { await env?.close(); });

const post = (key: string, body: unknown, headers: Record<string, string> = {}, ip = '10.0.0.1') =>
  env.request('POST', `/f/${key}`, body, { 'x-forwarded-for': ip, ...headers });

describe('public form endpoint', () => {
  it('records a hand-raise from a JSON post with CORS for an allowed origin', async () => {
    const res = await post('demo-request', { email: 'Hana@Initech.com', firstName: 'Hana', company: 'Initech', message: 'Call me' },
      { origin: 'https://www.example.com' });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    const people = await env.request('GET', '/api/v1/people?q=hana@initech.com');
    const hana = people.body.data[0];
    expect(hana).toMatchObject({ firstName: 'Hana', companyName: 'Initech' });
    const timeline = await env.request('GET', `/api/v1/people/${hana.id}/touchpoints`);
    expect(timeline.body.data[0]).toMatchObject({ kind: 'demo_request', properties: { formKey: 'demo-request', message: 'Call me' } });
  });

  it('answers a preflight only for configured origins', async () => {
    const ok = await env.request('OPTIONS', '/f/demo-request', undefined, { origin: 'https://www.example.com' });
    expect(ok.status).toBe(204);
    const no = await env.request('OPTIONS', '/f/demo-request', undefined, { origin: 'https://evil.example' });
    expect(no.status).toBe(403);
    const post403 = await post('demo-request', { email: 'x@initech.com' }, { origin: 'https://evil.example' }, '10.0.0.9');
    expect(post403.status).toBe(403);
    expect(post403.body.code).toBe('origin_not_allowed');
  });

  it('redirects a plain browser post to the thank-you URL', async () => {
    const res = await post('ebook', 'email=ivan%40globex.com&firstName=Ivan', { 'content-type': 'application/x-www-form-urlencoded' }, '10.0.0.2');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('https://www.example.com/thanks');
  });

  it('drops a bot that fills the honeypot, answering as if it worked', async () => {
    const res = await post('ebook', { email: 'bot@spam.biz', website: 'http://spam' }, {}, '10.0.0.3');
    expect(res.status).toBe(201);
    const people = await env.request('GET', '/api/v1/people?q=bot@spam.biz');
    expect(people.body.data).toHaveLength(0);
  });

  it('names the bad field of an invalid submission', async () => {
    const res = await post('ebook', { email: 'nope' }, {}, '10.0.0.4');
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('email');
  });

  it('limits submissions per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post('ebook', { email: `r${i}@umbrella.com` }, {}, '10.0.0.5')).status);
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses[6]).toBe(429);
  });

  it('answers an unknown form with 404 and shows a snippet for a known one', async () => {
    expect((await post('nope', { email: 'a@b.com' }, {}, '10.0.0.6')).status).toBe(404);
    const forms = await env.request('GET', '/api/v1/forms');
    const demo = forms.body.data.find((f: { key: string }) => f.key === 'demo-request');
    const snippet = await env.request('GET', `/api/v1/forms/${demo.id}/snippet`);
    expect(snippet.body.html).toContain('/f/demo-request');
  });
});
