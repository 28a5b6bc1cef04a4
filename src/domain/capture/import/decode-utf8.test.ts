import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalid } from './decode-utf8.js';

const collect = async (chunks: Uint8Array[]) => {
  const out: string[] = [];
  try {
    for await (const t of decodeUtf8(chunks)) out.push(t);
  } catch (e) {
    return { text: out.join(''), error: (e as Error).message };
  }
  return { text: out.join(''), error: null };
};

describe('decodeUtf8', () => {
  it('joins characters split across chunks', async () => {
    const bytes = Buffer.from('Zoë 🎉 Ångström');
    const chunks = Array.from(bytes, (b) => Uint8Array.of(b));
    expect(await collect(chunks)).toEqual({ text: 'Zoë 🎉 Ångström', error: null });
  });
  it('hands on the text before a bad byte and names its position', async () => {
    const r = await collect([Buffer.from('ab\n'), Buffer.concat([Buffer.from('cd'), Buffer.from([0xeb]), Buffer.from('x')])]);
    expect(r.text).toBe('ab\ncd');
    expect(r.error).toMatch(/first bad byte at byte 6\b/);
  });
  it('keeps a byte order mark for the CSV parser to strip, and refuses a file cut mid-character', async () => {
    expect((await collect([Buffer.from('\ufeffa')])).text).toBe('\ufeffa');
    expect((await collect([Buffer.from('é').subarray(0, 1)])).error).toMatch(/ends in the middle of a character/);
  });
});

describe('firstInvalid', () => {
  it('finds overlong, surrogate and stray continuation bytes', () => {
    expect(firstInvalid(Buffer.from('plain'))).toBe(5);
    expect(firstInvalid(Uint8Array.of(0x41, 0xc0, 0x80))).toBe(1);
    expect(firstInvalid(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalid(Uint8Array.of(0x41, 0x80))).toBe(1);
  });
});
