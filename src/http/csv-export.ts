import { stringify } from 'csv-stringify';
import type { Context } from 'hono';
import { Readable } from 'node:stream';
import { safeCell } from '../domain/shared/csv-safe.js';

export type CsvExportOptions = {
  fileName: string;
  columns: { key: string; header: string }[];
  /** One page of the list; called with each `nextCursor` until it is null. */
  pages: (cursor?: string) => Promise<{ data: Record<string, unknown>[]; nextCursor: string | null }>;
};

/**
 * Streams every page of a list as CSV (formula-injection safe cells, UTF-8 with a BOM so Excel
 * reads accents right). Pages are fetched as the client reads: memory stays bounded whatever
 * the list's size. The first page is fetched before answering, so a bad filter or cursor is
 * still a problem response rather than a broken download.
 */
export async function csvExportResponse(c: Context, options: CsvExportOptions): Promise<Response> {
  const first = await options.pages(undefined);
  const csv = stringify({ header: true, bom: true, columns: options.columns.map((col) => ({ key: col.key, header: col.header })) });
  void (async () => {
    try {
      let page = first;
      for (;;) {
        for (const row of page.data) {
          const cells: Record<string, string> = {};
          for (const col of options.columns) cells[col.key] = safeCell(row[col.key]);
          if (!csv.write(cells)) await new Promise((resolve) => csv.once('drain', resolve));
        }
        if (!page.nextCursor) break;
        page = await options.pages(page.nextCursor);
      }
      csv.end();
    } catch (err) {
      csv.destroy(err as Error);
    }
  })();
  return c.body(Readable.toWeb(csv) as ReadableStream, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': contentDisposition(options.fileName),
    'cache-control': 'no-store',
  });
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
