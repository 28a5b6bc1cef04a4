import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type DbHandle } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createScratchDatabase as createDatabase } from '../../src/db/scratch-database.js';
import { createApp, type App } from '../../src/http/app.js';
import { fixedClock } from '../../src/domain/shared/clock.js';
import { systemCtx, type Ctx } from '../../src/domain/shared/context.js';
import { createLogger } from '../../src/logger.js';
import { createApiKey } from '../../src/domain/identity/create-api-key.js';
import { createUser } from '../../src/domain/identity/create-user.js';
import type { CreateUserInput, User } from '../../src/domain/identity/user.schema.js';
import type { Role } from '../../src/db/schema/vocabulary.js';

/**
 * One isolated database per test file: in-memory PGlite by default, or a fresh database on the
 * PostgreSQL server named by TRUCE_TEST_DATABASE_URL (CI runs the same suite on both).
 */
export type TestEnv = {
  app: App;
  handle: DbHandle;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  ctx: Ctx;
  /**
   * Calls the app in-process as the test admin (an admin API key) and parses JSON responses.
   * Pass `authorization: ''` to call with no credentials.
   */
  request: Requester;
  /** Headers that authenticate as the test admin, for calls that bypass `request`. */
  adminHeaders: Record<string, string>;
  /** A user of this role with an API key of the same role, and a requester acting as them. */
  actAs(role: Role, fields?: Partial<CreateUserInput>): Promise<{ user: User; key: string; request: Requester }>;
  close(): Promise<void>;
};

export type TestResponse = { status: number; body: any; headers: Headers; text: string };
export type Requester = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<TestResponse>;

export async function createTestEnv(options: { now?: string; config?: Partial<Config> } = {}): Promise<TestEnv> {
  const { handle, drop } = await openTestDatabase();
  await runMigrations(handle);
  const clock = fixedClock(options.now ?? '2026-06-15T12:00:00Z');
  const config = loadConfig({ NODE_ENV: 'test' }, { webDistDir: '/nonexistent', ...options.config });
  const log = createLogger('silent');
  const app = createApp({ handle, config, log, clock });
  const ctx: Ctx = systemCtx(handle, clock, log);
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> => {
      if (headers.authorization === '') {
        headers = { ...headers };
        delete headers.authorization;
      }
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        if (typeof body === 'string') init.body = body;
        else {
          init.body = JSON.stringify(body);
          (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
        }
      }
      const res = await app.request(path, init);
      const text = await res.text();
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, headers: res.headers, text, body: type.includes('json') && text ? JSON.parse(text) : text };
  };
  const actAs = async (role: Role, fields: Partial<CreateUserInput> = {}) => {
    const user = await createUser(ctx, { email: `${role}-${Math.random().toString(36).slice(2, 8)}@test.example`, name: `Test ${role}`, role, ...fields });
    const key = await createApiKey(ctx, { name: `test ${role}`, role, userId: user.id });
    const request: Requester = (method, path, body, headers = {}) => send(method, path, body, { authorization: `Bearer ${key.token}`, ...headers });
    return { user, key: key.token, request };
  };
  const admin = await actAs('admin', { email: 'test-admin@test.example', name: 'Test admin' });
  return {
    app, handle, clock, config, ctx, actAs,
    request: admin.request,
    adminHeaders: { authorization: `Bearer ${admin.key}` },
    async close() {
      await handle.close();
      await drop();
    },
  };
}

async function openTestDatabase(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const serverUrl = process.env.TRUCE_TEST_DATABASE_URL;
  if (!serverUrl) {
    return { handle: await openDatabase({ memory: true }), drop: async () => {} };
  }
  const { url, drop } = await createScratchDatabase(serverUrl);
  return { handle: await openDatabase({ url, poolSize: 4 }), drop };
}

/** A fresh, empty database on the PostgreSQL server, dropped by `drop()`. */
export function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  return createDatabase(serverUrl, `truce_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`);
}
