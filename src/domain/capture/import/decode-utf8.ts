import { DomainError } from '../../shared/errors.js';

export type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

const advice = 'Save it as UTF-8 ("CSV UTF-8" in Excel) and import it again; rows before it were imported.';

/**
 * Decodes UTF-8 chunk by chunk, strictly: a byte that is not UTF-8 stops the file with its
 * position, after the text before it has been handed on (so the rows before it are kept).
 */
export async function* decodeUtf8(source: ByteSource, onBytes?: (n: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry = new Uint8Array(0);
  let offset = 0; // bytes of the file before `carry`
  for await (const chunk of source) {
    if (typeof chunk === 'string') { yield chunk; continue; }
    const buf = carry.length ? concat(carry, chunk) : chunk;
    const cut = completeLength(buf);
    const body = buf.subarray(0, cut);
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      const bad = firstInvalid(body);
      if (bad > 0) yield decoder.decode(body.subarray(0, bad));
      throw notUtf8(`first bad byte at byte ${offset + bad + 1}`);
    }
    offset += cut;
    carry = buf.slice(cut);
    onBytes?.(offset + carry.length);
    if (text) yield text;
  }
  if (carry.length) throw notUtf8(`it ends in the middle of a character, at byte ${offset + 1}`);
}

function notUtf8(where: string): DomainError {
  const message = `The file is not valid UTF-8 (${where}). ${advice}`;
  return new DomainError('invalid_encoding', message, [{ path: 'file', message }]);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

const seqLength = (lead: number) => (lead < 0x80 ? 1 : lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead < 0xe0 ? 2 : 0);

/** Bytes up to the start of a character cut off by the chunk's end (at most 3 bytes are held back). */
function completeLength(buf: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = seqLength(b);
    return need > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

/** Index of the first byte that does not start (or continue) a valid UTF-8 character. */
export function firstInvalid(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const n = seqLength(b);
    if (n === 0) return i;
    if (n === 1) { i += 1; continue; }
    if (i + n > buf.length) return i;
    const b1 = buf[i + 1]!;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k < n; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    i += n;
  }
  return buf.length;
}
