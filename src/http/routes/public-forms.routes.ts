import { z } from '@hono/zod-openapi';
import { clientIp } from '../client-ip.js';
import { FormSubmission, type Form } from '../../domain/capture/form.schema.js';
import { findFormForPost } from '../../domain/capture/form-cache.js';
import { submitForm } from '../../domain/capture/submit-form.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { App, AppDeps } from '../app.js';
import { createRateLimiter } from '../rate-limit.js';
import { errorResponses, json } from './shared.js';
import { scoreSoon } from './score-soon.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The public endpoint the company's website posts to: no session, CORS by form, honeypot, rate limit. */
export function registerPublicFormRoutes(app: App, deps: AppDeps): void {
  const limiter = createRateLimiter(deps.config.formRateLimitPerMinute, 60_000);

  app.openAPIRegistry.registerPath({
    method: 'post', path: '/f/{formKey}', tags: ['Forms'], security: [], summary: 'Public form submission (JSON or form-encoded)',
    description: 'CORS is allowed for the form\'s configured origins. A browser form post is answered with a redirect or a thank-you page; JSON with 201.',
    request: { params: z.object({ formKey: z.string() }), body: { content: { 'application/json': { schema: FormSubmission }, 'application/x-www-form-urlencoded': { schema: FormSubmission } } } },
    responses: { 201: { description: 'Received', ...json(z.object({ ok: z.boolean(), message: z.string() })) }, 303: { description: 'Redirect to the thank-you page' }, 429: errorResponses[422], ...errorResponses },
  });

  app.options('/f/:formKey', async (c) => {
    const form = await findFormForPost(c.get('ctx'), c.req.param('formKey'));
    const origin = c.req.header('origin');
    if (!origin || !form.allowedOrigins.includes(origin)) return c.body(null, 403);
    return c.body(null, 204, {
      ...corsHeaders(origin),
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
    });
  });

  app.post('/f/:formKey', async (c) => {
    const ip = clientIp(c);
    if (!limiter.take(ip)) throw new DomainError('rate_limited', 'Too many submissions from your address; please try again in a minute.');
    const ctx = c.get('ctx');
    const form = await findFormForPost(ctx, c.req.param('formKey'));
    const origin = c.req.header('origin');
    if (origin && !form.allowedOrigins.includes(origin) && origin !== new URL(c.req.url).origin) {
      throw new DomainError('origin_not_allowed', `Submissions from ${origin} are not allowed for this form.`);
    }
    const type = c.req.header('content-type') ?? '';
    const isJson = type.includes('application/json');
    if (!isJson && !type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) {
      throw new DomainError('unsupported_media_type', 'Send the form as JSON or as a regular HTML form post.');
    }
    const body = isJson ? await c.req.json() : await c.req.parseBody();
    const submission = { ...body, ctx: undefined };
    delete submission.ctx;
    const formCtx = { ...ctx, actor: { type: 'form' as const, id: form.key } };
    const { personIds, firstAt } = await submitForm(formCtx, form, submission as Record<string, unknown>);
    await scoreSoon(deps, formCtx, personIds, firstAt);
    const cors = origin ? corsHeaders(origin) : {};
    if (isJson) return c.json({ ok: true, message: form.successMessage }, 201, cors);
    if (form.redirectUrl) return c.redirect(form.redirectUrl, 303);
    return c.html(thankYouPage(form), 200, cors);
  });
}

function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

function thankYouPage(form: Form): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(form.name)}</title></head>` +
    `<body style="font-family:system-ui;margin:4rem auto;max-width:32rem"><h1>${escape(form.successMessage)}</h1></body></html>`;
}
