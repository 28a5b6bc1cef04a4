import { Command, Option } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { IMPORT_KINDS, type ImportKind } from '../../db/schema/vocabulary.js';
import { runImport } from '../../domain/capture/import/run-import.js';
import { withContext } from '../open-context.js';

export function importCommand(): Command {
  return new Command('import')
    .description('import a CSV file: bad rows are listed, good rows kept; importing twice creates no duplicates')
    .addArgument(new Command().createArgument('<kind>', 'what the file holds').choices(IMPORT_KINDS as unknown as string[]))
    .argument('<file>', 'the CSV file (UTF-8)')
    .option('--mapping <json-file>', 'JSON object: CSV header → field key (unnamed headers are matched by name)')
    .addOption(new Option('--occurred-at <date>', 'badge scans: the event date for rows without a scan time'))
    .action(async (kind: ImportKind, file: string, opts: { mapping?: string; occurredAt?: string }) => {
      const size = statSync(file).size;
      const mapping = opts.mapping ? (JSON.parse(readFileSync(opts.mapping, 'utf8')) as Record<string, string>) : null;
      const bar = new SingleBar({ format: '{bar} {percentage}% | {rows} rows, {failed} failed | {eta_formatted} left', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
      bar.start(size, 0, { rows: 0, failed: 0 });
      const summary = await withContext((ctx) => runImport(ctx, {
        kind, source: createReadStream(file), fileName: file, mapping, ...(opts.occurredAt ? { occurredAt: opts.occurredAt } : {}),
        onProgress: (p) => bar.update(p.bytesRead, { rows: p.rowsRead, failed: p.rowsFailed }),
      })).finally(() => bar.stop());
      const out = process.stdout;
      out.write(`Import ${summary.id} ${summary.status}: ${summary.rowsRead} rows read, ${summary.rowsOk} imported, ${summary.rowsFailed} failed.\n`);
      for (const e of summary.errors.slice(0, 20)) out.write(`  row ${e.rowNumber}${e.field ? ` (${e.field})` : ''}: ${e.message}\n`);
      if (summary.errors.length > 20) out.write(`  … ${summary.rowsFailed - 20} more: GET /api/v1/imports/${summary.id}/errors.csv\n`);
      if (summary.status === 'failed') {
        process.stderr.write(`truce: ${summary.error}\n`);
        process.exitCode = 1;
      } else if (summary.rowsFailed > 0) {
        process.stderr.write('truce: some rows were not imported; fix them and import the file again (imported rows are not duplicated).\n');
      }
    });
}
