import type { OpenAPIHono } from '@hono/zod-openapi';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppEnv } from './app.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
};

/** Serves the built web app (Vite output) and falls back to index.html for client routes. */
export function mountWeb(app: OpenAPIHono<AppEnv>, distDir: string): void {
  app.get('*', async (c, next) => {
    const p = c.req.path;
    if (p.startsWith('/api/') || p.startsWith('/f/') || p === '/docs' || p.startsWith('/docs/')) return next();
    if (!existsSync(distDir)) {
      return c.html('<p>The web app is not built. Run <code>npm run build</code>, then reload.</p>', 503);
    }
    const rel = path.normalize(decodeURIComponent(p)).replace(/^(\.\.[/\\])+/, '');
    const file = path.join(distDir, rel);
    if (file.startsWith(distDir) && path.extname(file) && existsSync(file)) {
      const immutable = rel.startsWith('/assets/');
      return c.body(await readFile(file), 200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    if (path.extname(p)) return next();
    return c.body(await readFile(path.join(distDir, 'index.html')), 200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' });
  });
}
