import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DbHandle } from '../db/client.js';
import type { Clock } from '../domain/shared/clock.js';
import { SYSTEM_PRINCIPAL, type Actor, type Ctx } from '../domain/shared/context.js';
import { problem, problemResponse, toProblem, zodIssues } from './problem.js';
import { registerRoutes } from './routes/index.js';
import { authenticate } from './auth.js';
import { mountDocs } from './docs.js';
import { mountWeb } from './web.js';

export type AppDeps = {
  handle: DbHandle;
  config: Config;
  log: Logger;
  clock: Clock;
  /** Queues a background job (src/jobs); absent in tests and tools, where the work runs inline. */
  enqueue?: (job: string, data: object) => Promise<unknown>;
};

export type AppEnv = { Variables: { ctx: Ctx; requestId: string; session?: { token: string; csrfToken: string } } };

export type App = OpenAPIHono<AppEnv>;

const API_ACTOR: Actor = { type: 'system', id: null, label: 'api' };

export function createApp(deps: AppDeps): App {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const target = (result as { target?: string }).target;
      const prefix = target && target !== 'json' ? [target] : [];
      return problemResponse(c, problem('validation_failed', 'The request is not valid; see errors for each field.', zodIssues(result.error, prefix)));
    },
  });

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id') ?? crypto.randomUUID();
    c.set('requestId', requestId);
    c.set('ctx', {
      db: deps.handle.db,
      engine: deps.handle.engine,
      clock: deps.clock,
      actor: API_ACTOR,
      principal: SYSTEM_PRINCIPAL,
      log: deps.log.child({ requestId }),
    });
    await next();
    c.header('x-request-id', requestId);
  });
  app.use('*', authenticate());

  app.onError((err, c) => {
    const p = toProblem(err);
    if (p.status >= 500) deps.log.error({ err, path: c.req.path }, 'request failed');
    return problemResponse(c, p);
  });
  app.notFound((c) => problemResponse(c, problem('not_found', `No route for ${c.req.method} ${c.req.path}.`)));

  app.get('/healthz', async (c) => {
    await deps.handle.pool.query('select 1');
    return c.json({ status: 'ok', engine: deps.handle.engine });
  });

  registerRoutes(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'An API key made by an admin (`truce_…`), sent as `Authorization: Bearer <key>`.' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'truce_session', description: 'The web app\'s session cookie (from `POST /api/v1/auth/sign-in`); writes also need the `x-csrf-token` header.' });
  app.doc31('/api/openapi.json', openApiInfo());
  mountDocs(app);
  mountWeb(app, deps.config.webDistDir);
  return app;
}

export function openApiInfo() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Truce API',
      version: '1.0.0',
      description: 'One record of truth for sales and marketing. Errors are application/problem+json with a stable `code` and per-field `errors[].path`.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }, { session: [] }] as Record<string, string[]>[],
  };
}
