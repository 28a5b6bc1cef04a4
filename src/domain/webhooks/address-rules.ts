import ipaddr from 'ipaddr.js';

/**
 * Which addresses a webhook may be delivered to. Only global unicast addresses are public; private
 * (10/8, 172.16/12, 192.168/16), loopback, link-local (169.254/16 — cloud metadata — and fe80::/10),
 * unique-local (fc00::/7), carrier-grade NAT, unspecified (0.0.0.0, which reaches this host),
 * multicast, reserved and the tunnelling ranges that can embed any IPv4 address (6to4, Teredo,
 * NAT64) are not. IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 address it carries.
 */
export type AddressClass = { address: string; range: string; public: boolean };

export function classifyAddress(address: string): AddressClass | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return null;
  const range = ipaddr.process(bare).range();
  return { address: bare, range, public: range === 'unicast' };
}

/** True for a literal IPv4/IPv6 address (brackets allowed), false for a host name. */
export function isIpLiteral(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return ipaddr.isValid(bare);
}

/** Why an address is refused, for the delivery log and the 422: `"10.0.0.5 is a private address"`. */
export function refusalReason(c: AddressClass): string {
  const names: Record<string, string> = {
    private: 'a private', loopback: 'a loopback', linkLocal: 'a link-local', uniqueLocal: 'a unique-local',
    unspecified: 'an unspecified', carrierGradeNat: 'a carrier-grade NAT', multicast: 'a multicast', broadcast: 'a broadcast',
  };
  return `${c.address} is ${names[c.range] ?? `a non-public (${c.range})`} address`;
}
