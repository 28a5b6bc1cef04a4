import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../support/test-app.js';

/** `truce user …` end to end: a real CLI process on a data folder (or a PostgreSQL database in CI). */
const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-cli-'));
let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;

beforeAll(async () => {
  const server = process.env.TRUCE_TEST_DATABASE_URL;
  scratch = server ? await createScratchDatabase(server) : null;
});
afterAll(async () => {
  await scratch?.drop();
  rmSync(dir, { recursive: true, force: true });
});

function truce(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return truceWithInput(undefined, ...args);
}

function truceWithInput(input: string | undefined, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TRUCE_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (scratch) env.DATABASE_URL = scratch.url;
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/cli/main.ts'), ...args], { env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (input !== undefined) child.stdin!.end(input);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => { out += c; });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => { err += c; });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code: code ?? -1, out, err })));
}

describe('truce user', () => {
  it('creates, lists, disables and resets users, refusing bad input by field', { timeout: 60_000 }, async () => {
    const made = await truce('user', 'create', '--email', 'Ann@Example.test', '--name', 'Ann Manager', '--role', 'sales_manager');
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/Created sales_manager ann@example\.test/);
    expect(made.out).toMatch(/Password \(shown once\): \S{12,}/);

    const short = await truce('user', 'create', '--email', 'bob@example.test', '--name', 'Bob', '--role', 'sales_rep', '--password', 'short');
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/password: /);

    const bob = await truce('user', 'create', '--email', 'bob@example.test', '--name', 'Bob Rep', '--role', 'sales_rep', '--manager', 'ann@example.test', '--password', 'long-enough-password');
    expect(bob.code, bob.err).toBe(0);
    expect(bob.out).not.toMatch(/shown once/);

    expect((await truce('user', 'disable', 'BOB@example.test')).code).toBe(0);
    const listed = await truce('user', 'list');
    expect(listed.out).toMatch(/^x sales_rep\s+bob@example\.test\s+Bob Rep$/m);
    expect(listed.out).toMatch(/^ {2}sales_manager\s+ann@example\.test\s+Ann Manager$/m);

    const reset = await truce('user', 'reset-password', 'ann@example.test');
    expect(reset.code, reset.err).toBe(0);
    expect(reset.out).toMatch(/Password \(shown once\): \S{12,}/);
    const piped = await truceWithInput('piped-in-password\n', 'user', 'reset-password', 'ann@example.test', '--password-stdin');
    expect(piped.code, piped.err).toBe(0);
    expect(piped.out).not.toMatch(/shown once/);

    const nobody = await truce('user', 'disable', 'nobody@example.test');
    expect(nobody.code).toBe(1);
    expect(nobody.err).toMatch(/No user has the e-mail nobody@example\.test/);
  });
});

describe('truce routing', () => {
  it('says where a lead would go and why, and fires due SLA steps', { timeout: 60_000 }, async () => {
    // No rules yet: the last resort, the first active sales manager by name (Ann, from above).
    const test = await truce('routing', 'test', '--email', 'lead@newco.test', '--country', 'DE');
    expect(test.code, test.err).toBe(0);
    expect(test.out).toMatch(/→ Ann Manager by fallback \(last resort\): no routing rule gave an available owner/);
    expect(test.out).toMatch(/accept by \d{4}-\d\d-\d\dT/);
    const bad = await truce('routing', 'test');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/personId: give a person, or an e-mail, company or country/);
    const sweep = await truce('routing', 'sweep');
    expect(sweep.code, sweep.err).toBe(0);
    expect(sweep.out).toMatch(/^0 hand-offs due: 0 reminders/);
  });
});
