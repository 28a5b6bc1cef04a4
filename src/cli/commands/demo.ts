import { Command, Option } from 'commander';
import { loadDemo } from '../../demo/load-demo.js';
import { openConfigured } from '../open-context.js';

export function demoCommand(): Command {
  return new Command('demo')
    .description('load the demo company (deterministic from a seed)')
    .addOption(new Option('--scale <scale>', 'size of the company').choices(['default', 'large']).default('default'))
    .option('--seed <n>', 'random seed', (v) => Number(v))
    .option('--force', 'load even if the database already has people')
    .action(async (opts: { scale: 'default' | 'large'; seed?: number; force?: boolean }) => {
      const { handle, config, release } = await openConfigured({}, 'warn');
      try {
        const started = Date.now();
        let last = '';
        const summary = await loadDemo(handle, {
          seed: opts.seed ?? config.demoSeed, scale: opts.scale, now: new Date(), force: opts.force ?? false,
          onProgress: (step, done, total) => {
            const line = `${step} ${done}/${total}`;
            if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(60)}`);
            else if (step !== last) process.stderr.write(`${step}\n`);
            last = step;
          },
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        process.stdout.write(`Demo company loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary.counts)}\n`);
      } finally {
        await handle.close();
        release();
      }
    });
}
