import { Command, Option } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { IMPORT_KINDS, type ImportKind } from '../../db/schema/vocabulary.js';
import { runImport, type ImportSummary } from '../../domain/capture/import/run-import.js';
import { scoreImportedPeople } from '../../domain/handoff/score-imported-people.js';
import { withContext } from '../open-context.js';

type Options = { mapping?: string; occurredAt?: string; campaign?: string; chunkSize?: string };

/** `truce import <kind> <file>`: streams the file with a progress bar, then the summary and the first row errors. */
export function importCommand(): Command {
  return new Command('import')
    .description('import a CSV file: bad rows are listed, good rows kept; importing the same file again creates no duplicates')
    .addArgument(new Command().createArgument('<kind>', 'what the file holds').choices(IMPORT_KINDS as unknown as string[]))
    .argument('<file>', 'the CSV file (UTF-8, header row first)')
    .option('--mapping <json-file>', 'JSON object: CSV header → field key (other headers are matched by name)')
    .addOption(new Option('--occurred-at <date>', 'touches and badge scans: the event date for rows without a time'))
    .addOption(new Option('--campaign <external-id>', 'touches and badge scans: the campaign (event) for rows that name none'))
    .addOption(new Option('--chunk-size <rows>', 'rows committed per transaction').default('2000').hideHelp())
    .action(async (kind: ImportKind, file: string, opts: Options) => {
      const size = statSync(file).size;
      const mapping = opts.mapping ? readMapping(opts.mapping) : null;
      const bar = new SingleBar({
        format: '{bar} {percentage}% | {rows} rows, {failed} failed | {eta_formatted} left', hideCursor: true, stream: process.stderr,
      }, Presets.shades_classic);
      bar.start(size, 0, { rows: 0, failed: 0 });
      await withContext(async (ctx) => {
        const done = await runImport(ctx, {
          kind, source: createReadStream(file), fileName: path.basename(file), mapping,
          occurredAt: opts.occurredAt, campaignExternalId: opts.campaign, chunkSize: Number(opts.chunkSize) || 2_000,
          onProgress: (p) => bar.update(p.bytesRead, { rows: p.rowsRead, failed: p.rowsFailed }),
        }).finally(() => bar.stop());
        report(done);
        if (done.rowsOk > 0) {
          const run = await scoreImportedPeople(ctx, done.id);
          if (run.scored) process.stdout.write(`Scored ${run.scored} people: ${run.becameMql} new MQLs, ${run.routed} routed.\n`);
        }
      });
    });
}

function readMapping(file: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read the mapping ${file}: ${(e as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new Error(`the mapping ${file} must be a JSON object of CSV header → field key, such as {"E-Mail": "email"}`);
  }
  return value as Record<string, string>;
}

function report(summary: ImportSummary): void {
  const out = process.stdout;
  out.write(`Import ${summary.id} ${summary.status}: ${summary.rowsRead} rows read, ${summary.rowsOk} imported, ${summary.rowsFailed} failed.\n`);
  for (const e of summary.errors.slice(0, 20)) out.write(`  row ${e.rowNumber}${e.field ? ` (${e.field})` : ''}: ${e.message}\n`);
  if (summary.errors.length > 20) out.write(`  … and more: every row error is at /api/v1/imports/${summary.id}/errors.csv\n`);
  if (summary.status === 'failed') {
    process.stderr.write(`truce: ${summary.error}\n`);
    process.exitCode = 1;
  } else if (summary.rowsFailed > 0) {
    process.stderr.write(`truce: warning: ${summary.rowsFailed} row${summary.rowsFailed === 1 ? '' : 's'} not imported; fix them and import the file again (imported rows are not duplicated).\n`);
  }
}
