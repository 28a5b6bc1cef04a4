import { describe, expect, it } from 'vitest';
import { classifyAddress, isIpLiteral, refusalReason } from './address-rules.js';

describe('webhook address rules', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['::1', 'loopback'], ['10.1.2.3', 'private'], ['172.16.0.9', 'private'], ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'], ['fe80::1', 'linkLocal'], ['fd12:3456::1', 'uniqueLocal'], ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'], ['100.64.0.1', 'carrierGradeNat'], ['224.0.0.1', 'multicast'],
  ])('refuses %s (%s)', (address, range) => {
    expect(classifyAddress(address)).toEqual({ address, range, public: false });
  });

  it('judges an IPv4-mapped IPv6 address by the IPv4 address it carries', () => {
    expect(classifyAddress('::ffff:127.0.0.1')).toMatchObject({ range: 'loopback', public: false });
    expect(classifyAddress('::ffff:10.0.0.1')).toMatchObject({ range: 'private', public: false });
    expect(classifyAddress('::ffff:8.8.8.8')).toMatchObject({ range: 'unicast', public: true });
  });

  it('refuses the tunnelling ranges that can embed a private IPv4 address', () => {
    expect(classifyAddress('64:ff9b::7f00:1')?.public).toBe(false);
    expect(classifyAddress('2002:7f00:1::1')?.public).toBe(false);
  });

  it('accepts global unicast addresses, bracketed IPv6 too', () => {
    expect(classifyAddress('8.8.8.8')).toEqual({ address: '8.8.8.8', range: 'unicast', public: true });
    expect(classifyAddress('[2606:4700::1111]')).toMatchObject({ address: '2606:4700::1111', public: true });
  });

  it('does not take a host name for an address', () => {
    expect(classifyAddress('example.com')).toBeNull();
    expect(isIpLiteral('example.com')).toBe(false);
    expect(isIpLiteral('[::1]')).toBe(true);
  });

  it('names the reason', () => {
    expect(refusalReason(classifyAddress('10.0.0.5')!)).toBe('10.0.0.5 is a private address');
    expect(refusalReason(classifyAddress('169.254.169.254')!)).toBe('169.254.169.254 is a link-local address');
  });
});
