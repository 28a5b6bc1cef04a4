import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of ARCHITECTURE.md, checked so they do not decay:
 * http/jobs/cli → domain → db, and never the other way.
 */
const SRC = path.dirname(new URL(import.meta.url).pathname);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx|js)$/.test(name) && !name.endsWith('.test.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

function resolvedLayer(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const abs = path.resolve(path.dirname(file), spec);
  return path.relative(SRC, abs).split(path.sep)[0] ?? null;
}

function violations(layer: string, rule: (file: string, spec: string) => string | null): string[] {
  return files(path.join(SRC, layer)).flatMap((f) => imports(f).flatMap((spec) => {
    const why = rule(f, spec);
    return why ? [`${path.relative(SRC, f)} imports ${spec}: ${why}`] : [];
  }));
}

describe('architecture', () => {
  it('keeps the domain free of HTTP, CLI, jobs and environment reads', () => {
    const found = violations('domain', (f, spec) => {
      const target = resolvedLayer(f, spec);
      if (target && ['http', 'cli', 'jobs', 'web', 'server.ts', 'config.ts'].includes(target)) return `domain must not depend on ${target}`;
      if (/^(hono|@hono\/|commander)/.test(spec)) return 'domain must not know the transport';
      return null;
    });
    const envReads = files(path.join(SRC, 'domain')).filter((f) => readFileSync(f, 'utf8').includes('process.env'));
    expect([...found, ...envReads.map((f) => `${f} reads process.env`)]).toEqual([]);
  });

  it('keeps SQL out of the HTTP routes', () => {
    const found = violations('http', (f, spec) => {
      if (!f.includes(`${path.sep}routes${path.sep}`)) return null;
      if (spec.startsWith('drizzle-orm') || spec === 'pg') return 'routes call use cases, they do not query';
      const target = resolvedLayer(f, spec);
      return target === 'db' ? 'routes call use cases, they do not touch the database' : null;
    });
    expect(found).toEqual([]);
  });

  it('keeps the database layer ignorant of the layers above it', () => {
    const found = violations('db', (f, spec) => {
      const target = resolvedLayer(f, spec);
      return target && target !== 'db' ? `db must not depend on ${target}` : null;
    });
    expect(found).toEqual([]);
  });

  it('reads the environment in one place only', () => {
    const readers = files(SRC).filter((f) => !f.includes(`${path.sep}web${path.sep}`) && readFileSync(f, 'utf8').includes('process.env'))
      .map((f) => path.relative(SRC, f));
    expect(readers.sort()).toEqual(['cli/open-context.ts', 'config.ts']);
  });
});
