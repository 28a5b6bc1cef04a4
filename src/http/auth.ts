import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.js';
import { resolveApiKey } from '../domain/identity/resolve-api-key.js';
import { resolveSession } from '../domain/identity/resolve-session.js';
import { SESSION_MAX_MS } from '../domain/identity/sign-in-rules.js';
import { sameSecret } from '../domain/identity/tokens.js';
import { DomainError } from '../domain/shared/errors.js';
import type { AppEnv } from './app.js';

export const SESSION_COOKIE = 'truce_session';
export const CSRF_COOKIE = 'truce_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes anyone may call: everything outside /api/v1 (web app, docs, health, public forms) and sign-in. */
export function isPublic(path: string): boolean {
  return !path.startsWith('/api/v1/') || path === '/api/v1/auth/sign-in';
}

/**
 * Who is calling: an `Authorization: Bearer` API key, or the session cookie (whose writes must
 * carry the session's CSRF token in `x-csrf-token`). Anything else on /api/v1 is 401. The
 * principal and the actor go into the use-case context; the domain enforces the rules.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    const ctx = c.get('ctx');
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
    const cookie = getCookie(c, SESSION_COOKIE);
    if (bearer) {
      const { principal, actor } = await resolveApiKey(ctx, bearer);
      c.set('ctx', { ...ctx, principal, actor, log: ctx.log.child({ apiKeyId: actor.id }) });
    } else if (cookie && path.startsWith('/api/v1/') && path !== '/api/v1/auth/sign-in') {
      const session = await resolveSession(ctx, cookie);
      if (!SAFE.has(c.req.method) && !sameSecret(c.req.header('x-csrf-token') ?? '', session.csrfToken)) {
        ctx.log.warn({ userId: session.user.id, path }, 'refused: CSRF token missing or wrong');
        throw new DomainError('csrf_failed');
      }
      c.set('session', { token: cookie, csrfToken: session.csrfToken });
      c.set('ctx', {
        ...ctx, principal: session.principal, actor: { type: 'user', id: session.user.id, label: session.user.email },
        log: ctx.log.child({ userId: session.user.id }),
      });
    } else if (!isPublic(path)) {
      ctx.log.warn({ path, method: c.req.method }, 'refused: no credentials');
      throw new DomainError('sign_in_required');
    }
    await next();
  };
}

function secure(c: Context, config: Config): boolean {
  if (config.secureCookies !== 'auto') return config.secureCookies === 'always';
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** The session cookie (HttpOnly) and its CSRF companion (readable by the web app, double submit). */
export function setSessionCookies(c: Context, config: Config, token: string, csrfToken: string): void {
  const common = { path: '/', sameSite: 'Lax' as const, secure: secure(c, config), maxAge: Math.floor(SESSION_MAX_MS / 1000) };
  setCookie(c, SESSION_COOKIE, token, { ...common, httpOnly: true });
  setCookie(c, CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, CSRF_COOKIE, { path: '/' });
}
