import type { DbHandle } from '../db/client.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../domain/shared/clock.js';
import { createLogger } from '../logger.js';
import { createApp, openApiInfo } from './app.js';

/** The OpenAPI document without a database: routes are registered, never called. */
export function openApiDocument(): ReturnType<ReturnType<typeof createApp>['getOpenAPI31Document']> {
  const handle = { engine: 'pglite' } as unknown as DbHandle;
  const app = createApp({ handle, config: loadConfig({}), log: createLogger('silent'), clock: systemClock });
  return app.getOpenAPI31Document(openApiInfo());
}
