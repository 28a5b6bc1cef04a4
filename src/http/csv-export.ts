import { stringify } from 'csv-stringify';
import type { Context } from 'hono';
import { Readable } from 'node:stream';
import { safeCell } from '../domain/shared/csv-safe.js';

export type CsvExportOptions = {
  fileName: string;
  columns: { key: string; header: string }[];
  pages: (cursor?: string) => Promise<{ data: Record<string, unknown>[]; nextCursor: string | null }>;
};

/** Streams every page of a list as CSV: bounded memory whatever the list's size. */
export function csvExportResponse(c: Context, options: CsvExportOptions): Response {
  const csv = stringify({ header: true, columns: options.columns.map((col) => ({ key: col.key, header: col.header })), bom: false });
  (async () => {
    try {
      let cursor: string | undefined;
      do {
        const page = await options.pages(cursor);
        for (const row of page.data) {
          const cells: Record<string, string> = {};
          for (const col of options.columns) cells[col.key] = safeCell(row[col.key]);
          if (!csv.write(cells)) await new Promise((resolve) => csv.once('drain', resolve));
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      csv.end();
    } catch (err) {
      csv.destroy(err as Error);
    }
  })();
  return c.body(Readable.toWeb(csv) as ReadableStream, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${options.fileName}"`,
  });
}
