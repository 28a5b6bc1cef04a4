import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { classifyAddress } from './address-rules.js';
import { refusedAddress, urlHost } from './check-webhook-url.js';

/** A Standard Webhooks message: the body is `{ type, timestamp, data }`. */
export type WebhookMessage = { id: string; type: string; timestamp: Date; data: Record<string, unknown> };

export type PostOptions = {
  allowPrivate: boolean;
  /** The whole attempt, connection to last byte (default 10 s). */
  timeoutMs?: number;
  /** The signing time (`webhook-timestamp`): the context's clock. */
  now: Date;
};

export type PostResult = { ok: boolean; statusCode: number | null; error: string | null; durationMs: number };

export const WEBHOOK_TIMEOUT_MS = 10_000;
const MAX_ERROR_BODY = 500;

/** The body and the three Standard Webhooks headers, signed with the endpoint's secret. */
export function signedRequest(secret: string, message: WebhookMessage, now: Date): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ type: message.type, timestamp: message.timestamp.toISOString(), data: message.data });
  const seconds = Math.floor(now.getTime() / 1000);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Truce-Webhooks/1',
      'webhook-id': message.id,
      'webhook-timestamp': String(seconds),
      'webhook-signature': new Webhook(secret).sign(message.id, new Date(seconds * 1000), body),
    },
  };
}

/**
 * A DNS lookup that refuses non-public addresses at connection time: the address connected to is
 * the address checked, so a host that resolved to a public address at creation and to 10.0.0.1
 * now (DNS rebinding) is refused.
 */
function guardedLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, verbatim: true, family: options.family ?? 0 }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const refused = refusedAddress(addresses.map((a) => a.address));
      if (refused) return callback(Object.assign(new Error(`${hostname} resolves to ${refused}; webhooks go to public addresses only`), { code: 'ADDRESS_NOT_ALLOWED' }), '', 4);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * POSTs one signed message. 2xx is success; anything else (another status, a redirect — never
 * followed —, a refused address, DNS failure, a timeout) is a failure with its reason. Never throws.
 */
export async function postWebhook(urlText: string, secret: string, message: WebhookMessage, options: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const done = (r: Omit<PostResult, 'durationMs'>): PostResult => ({ ...r, durationMs: Math.round(performance.now() - started) });
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return done({ ok: false, statusCode: null, error: 'the endpoint URL is not valid' });
  }
  if (!options.allowPrivate) {
    const literal = classifyAddress(urlHost(url));
    if (literal && !literal.public) return done({ ok: false, statusCode: null, error: `${refusedAddress([literal.address])}; webhooks go to public addresses only` });
  }
  const { body, headers } = signedRequest(secret, message, options.now);
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(r));
    };
    const req = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      agent: false,
      ...(options.allowPrivate ? {} : { lookup: guardedLookup() }),
    }, (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => { if (size < MAX_ERROR_BODY) { chunks.push(c); size += c.length; } });
      res.on('end', () => {
        if (status >= 200 && status < 300) return finish({ ok: true, statusCode: status, error: null });
        const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY).trim();
        const why = status >= 300 && status < 400 ? `redirect to ${res.headers.location ?? '?'} (not followed)` : `HTTP ${status}`;
        finish({ ok: false, statusCode: status, error: text ? `${why}: ${text}` : why });
      });
      res.on('error', (err) => finish({ ok: false, statusCode: status, error: err.message }));
    });
    const timer = setTimeout(() => {
      finish({ ok: false, statusCode: null, error: `timed out after ${timeoutMs / 1000} s` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      const reason = err.code === 'ENOTFOUND' ? `the host ${url.hostname} does not resolve` : err.message || err.code || 'connection failed';
      finish({ ok: false, statusCode: null, error: reason });
    });
    req.end(body);
  });
}
