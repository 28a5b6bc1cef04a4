import { Command } from 'commander';
import { stringify } from 'csv-stringify';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { listAccounts } from '../../domain/accounts/list-accounts.js';
import { listCampaigns } from '../../domain/campaigns/list-campaigns.js';
import { listTouchpoints } from '../../domain/capture/list-touchpoints.js';
import { listOpportunities } from '../../domain/opportunities/list-opportunities.js';
import { listPeople } from '../../domain/people/list-people.js';
import type { Ctx } from '../../domain/shared/context.js';
import { safeCell } from '../../domain/shared/csv-safe.js';
import type { Page, PageParams } from '../../domain/shared/list.js';
import { withContext } from '../open-context.js';

type Lister = (ctx: Ctx, page: PageParams) => Promise<Page<Record<string, unknown>>>;
const LISTS: Record<string, { sort: string; list: Lister }> = {
  people: { sort: 'createdAt', list: (ctx, p) => listPeople(ctx, {}, p) },
  accounts: { sort: 'createdAt', list: (ctx, p) => listAccounts(ctx, {}, p) },
  opportunities: { sort: 'createdAt', list: (ctx, p) => listOpportunities(ctx, {}, p) },
  touchpoints: { sort: 'occurredAt', list: (ctx, p) => listTouchpoints(ctx, {}, p) },
  campaigns: { sort: 'createdAt', list: (ctx, p) => listCampaigns(ctx, {}, p) },
};

export function exportCommand(): Command {
  return new Command('export')
    .description('export a list as CSV (safe to open in a spreadsheet)')
    .addArgument(new Command().createArgument('<kind>', 'what to export').choices(Object.keys(LISTS)))
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (kind: string, opts: { out?: string }) => {
      const { sort, list } = LISTS[kind]!;
      await withContext(async (ctx) => {
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        const csv = stringify();
        csv.pipe(out);
        let columns: string[] | null = null;
        let cursor: string | undefined;
        let n = 0;
        do {
          const page = await list(ctx, { limit: 500, cursor, sort, order: 'asc' });
          for (const row of page.data) {
            if (!columns) { columns = Object.keys(row); csv.write(columns); }
            if (!csv.write(columns.map((c) => safeCell(row[c])))) await new Promise((r) => csv.once('drain', r));
            n += 1;
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        csv.end();
        if (opts.out) { await finished(out); process.stderr.write(`${n} ${kind} written to ${opts.out}\n`); }
      });
    });
}
