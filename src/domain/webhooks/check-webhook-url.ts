import dns from 'node:dns';
import { DomainError, invalid } from '../shared/errors.js';
import { classifyAddress, refusalReason } from './address-rules.js';

/** Resolves a host name to every address it has (A and AAAA). */
export type Resolver = (host: string) => Promise<string[]>;

export const dnsResolver: Resolver = async (host) => (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export type UrlRules = {
  /** Private, loopback, link-local and unique-local addresses allowed (TRUCE_WEBHOOKS_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  resolve?: Resolver;
};

/** The host of a URL without IPv6 brackets. */
export function urlHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * Why an address list may not be delivered to (null when it may): any one address outside the
 * public unicast space refuses the host, since a connection may go to any of them.
 */
export function refusedAddress(addresses: string[]): string | null {
  for (const a of addresses) {
    const c = classifyAddress(a);
    if (!c) return `${a} is not an IP address`;
    if (!c.public) return refusalReason(c);
  }
  return null;
}

/**
 * Checks a webhook URL where an endpoint is created or changed: http or https, a host, and —
 * unless private addresses are allowed — every address the host resolves to is public.
 * Throws 422 (`validation_failed` or `address_not_allowed`) with the field path `url`.
 * Delivery checks the connected address again (DNS may change after creation).
 */
export async function checkWebhookUrl(raw: string, rules: UrlRules): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('url', 'not a URL; expected e.g. https://example.com/hooks/truce');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('url', `the scheme must be https or http, not ${url.protocol.replace(':', '')}`);
  const host = urlHost(url);
  if (!host) throw invalid('url', 'the URL has no host');
  if (url.hash) throw invalid('url', 'a webhook URL has no #fragment');
  if (rules.allowPrivate) return url.toString();
  let addresses: string[];
  if (classifyAddress(host)) addresses = [host];
  else {
    try {
      addresses = await (rules.resolve ?? dnsResolver)(host);
    } catch {
      throw invalid('url', `the host ${host} does not resolve`);
    }
    if (addresses.length === 0) throw invalid('url', `the host ${host} does not resolve`);
  }
  const refused = refusedAddress(addresses);
  if (refused) {
    const message = `${host === refused.split(' ')[0] ? '' : `${host} resolves to `}${refused}; webhooks go to public addresses only`;
    throw new DomainError('address_not_allowed', message, [{ path: 'url', message, code: 'address_not_allowed' }]);
  }
  return url.toString();
}
