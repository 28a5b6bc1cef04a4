import { CsvError, parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { DomainError } from '../../shared/errors.js';

export type CsvRecord = { rowNumber: number; cells: Record<string, string>; columnCountMismatch: string | null };

/**
 * Streams records from CSV bytes: checks UTF-8 as it goes (a wrong encoding is named, with
 * where), strips a BOM, reads the header row, and turns parser faults (an unclosed quote…) into
 * a DomainError naming the line. Memory stays bounded whatever the file's size.
 */
export async function* readCsv(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, onBytes?: (n: number) => void): AsyncGenerator<CsvRecord, string[]> {
  let headers: string[] = [];
  const parser = parse({
    bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: false,
    columns: (h: string[]) => { headers = h.map((x) => x.trim()); return headers; },
  });
  const input = Readable.from(decodeUtf8(source, onBytes));
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  // Events, not the async iterator: on a parser error the iterator drops records already parsed,
  // and those rows must still be imported.
  type Item = { record: Record<string, string | undefined>; info: { invalid_field_length: number } };
  const queue: Item[] = [];
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const poke = () => { const w = wake; wake = null; w?.(); };
  parser.on('data', (item: Item) => { queue.push(item); if (queue.length >= 1_000) parser.pause(); poke(); });
  parser.on('error', (e) => { failure = e; poke(); });
  parser.on('end', () => { ended = true; poke(); });
  let index = 0;
  for (;;) {
    const item = queue.shift();
    if (item) {
      if (queue.length < 100 && parser.isPaused()) parser.resume();
      index += 1;
      const cells: Record<string, string> = {};
      let present = 0;
      for (const h of headers) { const v = item.record[h]; if (v !== undefined) { cells[h] = v; present += 1; } }
      const mismatch = present !== headers.length || item.info.invalid_field_length > 0
        ? `expected ${headers.length} columns like the header row, found a different number` : null;
      yield { rowNumber: index + 1, cells, columnCountMismatch: mismatch };
      continue;
    }
    if (failure) {
      if (failure instanceof DomainError) throw failure;
      if (failure instanceof CsvError) throw csvProblem(failure);
      throw failure;
    }
    if (ended) break;
    await new Promise<void>((resolve) => { wake = resolve; });
  }
  return headers;
}

function csvProblem(e: CsvError): DomainError {
  const line = (e as CsvError & { lines?: number }).lines;
  const where = line ? ` at line ${line}` : '';
  const message = e.code === 'CSV_QUOTE_NOT_CLOSED'
    ? `A quoted field is never closed${where}: look for a stray " character. Rows before it were imported.`
    : e.code === 'CSV_INVALID_CLOSING_QUOTE'
      ? `A quote is followed by other characters${where}: a " inside a field must be doubled (""). Rows before it were imported.`
      : `The CSV cannot be read${where}: ${e.message}. Rows before it were imported.`;
  return new DomainError('invalid_csv', message, [{ path: line ? `line ${line}` : 'file', message }]);
}

async function* decodeUtf8(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, onBytes?: (n: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  for await (const chunk of source) {
    if (typeof chunk === 'string') { yield chunk; continue; }
    try {
      const text = decoder.decode(chunk, { stream: true });
      offset += chunk.byteLength;
      onBytes?.(offset);
      if (text) yield text;
    } catch {
      throw new DomainError('invalid_encoding',
        `The file is not valid UTF-8 (a bad byte within bytes ${offset}–${offset + chunk.byteLength}). Save it as "CSV UTF-8" and import it again; rows before it were imported.`,
        [{ path: 'file', message: 'not UTF-8' }]);
    }
  }
  let tail = '';
  try {
    tail = decoder.decode();
  } catch {
    throw new DomainError('invalid_encoding', 'The file ends in the middle of a character: it is not valid UTF-8. Save it as "CSV UTF-8" and import it again.',
      [{ path: 'file', message: 'not UTF-8' }]);
  }
  if (tail) yield tail;
}
