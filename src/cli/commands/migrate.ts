import { Command } from 'commander';
import { startJobRunner } from '../../jobs/job-runner.js';
import { openConfigured } from '../open-context.js';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply pending database migrations (also done automatically at start)')
    .action(async () => {
      const { handle, log, release } = await openConfigured({}, 'warn');
      // The job queue's own schema (pgboss): created or upgraded by pg-boss, queues for every job.
      await (await startJobRunner({ handle, log, work: false })).stop();
      const r = await handle.pool.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
      process.stdout.write(`Database is up to date (${handle.engine}, ${r.rows[0]?.n ?? 0} migrations applied).\n`);
      await handle.close();
      release();
    });
}
