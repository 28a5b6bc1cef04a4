import { createRoute } from '@hono/zod-openapi';
import { ChangePasswordInput, SessionSchema, SignInInput } from '../../domain/identity/auth.schema.js';
import { changePassword } from '../../domain/identity/change-password.js';
import { getMe } from '../../domain/identity/get-me.js';
import { signIn } from '../../domain/identity/sign-in.js';
import { signOut } from '../../domain/identity/sign-out.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { App, AppDeps } from '../app.js';
import { clearSessionCookies, setSessionCookies } from '../auth.js';
import { clientIp } from '../client-ip.js';
import { createRateLimiter } from '../rate-limit.js';
import { errorResponses, json } from './shared.js';

const tags = ['Sign-in'];
const Session = SessionSchema.openapi('Session');

export function registerAuthRoutes(app: App, deps: AppDeps): void {
  const limiter = createRateLimiter(deps.config.signInRateLimitPerMinute, 60_000);

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/auth/sign-in', tags, security: [],
    summary: 'Sign in with e-mail and password: sets the session cookie and returns the CSRF token for writes',
    request: { body: { required: true, ...json(SignInInput) } },
    responses: { 200: { description: 'Signed in', ...json(Session) }, 423: { description: 'Locked after repeated failures' }, 429: { description: 'Too many attempts from this address' }, ...errorResponses },
  }), async (c) => {
    const ctx = c.get('ctx');
    const ip = clientIp(c);
    if (!limiter.take(ip)) throw new DomainError('rate_limited', 'Too many sign-in attempts from this address; wait a minute.');
    const session = await signIn(ctx, { ...c.req.valid('json'), ip, userAgent: c.req.header('user-agent') ?? null });
    setSessionCookies(c, deps.config, session.token, session.csrfToken);
    const teamUserIds = [session.user.id];
    return c.json({ user: session.user, role: session.user.role, via: 'session' as const, teamUserIds, csrfToken: session.csrfToken }, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/auth/sign-out', tags, summary: 'End this session',
    responses: { 204: { description: 'Signed out' }, ...errorResponses },
  }), async (c) => {
    const session = c.get('session');
    if (session) await signOut(c.get('ctx'), session.token);
    clearSessionCookies(c);
    return c.body(null, 204);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/auth/session', tags, summary: 'Who am I: the user, role and CSRF token of the current session or key',
    responses: { 200: { description: 'The current principal', ...json(Session) }, ...errorResponses },
  }), async (c) => {
    const ctx = c.get('ctx');
    const user = await getMe(ctx);
    const { role, via, teamUserIds } = ctx.principal;
    return c.json({ user, role, via, teamUserIds, csrfToken: c.get('session')?.csrfToken ?? null }, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/auth/password', tags, summary: 'Change my password (other sessions end)',
    request: { body: { required: true, ...json(ChangePasswordInput) } },
    responses: { 204: { description: 'Changed' }, ...errorResponses },
  }), async (c) => {
    await changePassword(c.get('ctx'), { ...c.req.valid('json'), sessionToken: c.get('session')?.token ?? null });
    return c.body(null, 204);
  });
}
