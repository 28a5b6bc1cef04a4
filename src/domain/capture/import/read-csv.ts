import { CsvError, parse } from 'csv-parse';
import { DomainError } from '../../shared/errors.js';
import { decodeUtf8, type ByteSource } from './decode-utf8.js';

/**
 * One data row. `rowNumber` is the row a spreadsheet shows: the header is row 1, blank rows
 * count (and are skipped), a quoted cell spanning lines is one row.
 */
export type CsvRecord = { rowNumber: number; cells: string[]; columnCountMismatch: string | null };

/**
 * Streams records from CSV bytes: checks UTF-8 as it goes, strips a BOM, hands the header row to
 * `onHeader`, and turns parser faults (an unclosed quote…) into a DomainError naming the line.
 * Every record parsed before a fault is yielded first, so nothing before it is lost. The source
 * is only read as fast as the caller consumes: memory stays bounded whatever the file's size.
 */
export async function* readCsv(source: ByteSource, options: { onHeader: (headers: string[]) => void; onBytes?: (n: number) => void }): AsyncGenerator<CsvRecord> {
  // Records are captured in on_record rather than read from the stream: a stream that errors
  // drops what it had buffered, and those rows must still be imported.
  const parsed: { cells: string[]; line: number }[] = [];
  const parser = parse({
    bom: true, relax_column_count: true, skip_empty_lines: false, trim: false,
    on_record: (cells: string[], info: { lines: number }) => { parsed.push({ cells, line: info.lines }); return null; },
  });
  let failure: unknown = null;
  parser.on('error', (e) => { failure ??= e; });
  parser.resume();
  let headers: string[] | null = null;
  let rowNumber = 0;

  function* drain(): Generator<CsvRecord> {
    for (const { cells } of parsed.splice(0)) {
      rowNumber += 1;
      if (!headers) { headers = cells.map((h) => h.trim()); options.onHeader(headers); continue; }
      if (cells.every((c) => c.trim() === '')) continue;
      const extra = cells.slice(headers.length);
      const mismatch = cells.length < headers.length || extra.some((c) => c.trim() !== '')
        ? `this row has ${cells.length} columns, the header row has ${headers.length}: check for a missing or extra separator` : null;
      yield { rowNumber, cells: cells.slice(0, headers.length), columnCountMismatch: mismatch };
    }
  }
  const write = (text: string | undefined) => new Promise<void>((resolve) => {
    if (failure) { resolve(); return; }
    if (text === undefined) parser.end(() => resolve()); else parser.write(text, () => resolve());
  });
  const fail = (line: number | undefined) => {
    const e = failure;
    if (e instanceof CsvError) throw csvProblem(e, line);
    throw e;
  };

  try {
    for await (const text of decodeUtf8(source, options.onBytes)) {
      await write(text);
      yield* drain();
      if (failure) fail(rowNumber + 1);
    }
  } catch (e) {
    // The bytes went bad: rows fully read before the bad byte are still imported.
    yield* drain();
    throw e;
  }
  await write(undefined);
  yield* drain();
  if (failure) fail(rowNumber + 1);
  if (!headers) throw new DomainError('invalid_csv', 'The file is empty: it needs a header row naming the columns, then one row per record.', [{ path: 'file', message: 'empty' }]);
}

function csvProblem(e: CsvError, row: number | undefined): DomainError {
  const line = (e as CsvError & { lines?: number }).lines;
  const where = line ? ` at line ${line}${row && row !== line ? ` (spreadsheet row ${row})` : ''}` : '';
  const message = e.code === 'CSV_QUOTE_NOT_CLOSED'
    ? `A quoted field is never closed${where}: look for a stray " character. Rows before it were imported; fix the file and import it again.`
    : e.code === 'CSV_INVALID_CLOSING_QUOTE'
      ? `A quote is followed by other characters${where}: a " inside a field must be doubled (""). Rows before it were imported; fix the file and import it again.`
      : `The CSV cannot be read${where}: ${e.message}. Rows before it were imported; fix the file and import it again.`;
  return new DomainError('invalid_csv', message, [{ path: line ? `line ${line}` : 'file', message, code: e.code }]);
}
