import { Command, Option } from 'commander';
import { printWelcome, startServer } from '../../server.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the web app and the API')
    .option('-p, --port <port>', 'port to listen on (env PORT)', (v) => Number(v))
    .option('--host <host>', 'address to bind (env HOST)')
    .option('--memory', 'use a throwaway in-memory database')
    .addOption(new Option('--demo <when>', 'load the demo company').choices(['auto', 'never', 'always']).default('auto'))
    .action(async (opts: { port?: number; host?: string; memory?: boolean; demo: 'auto' | 'never' | 'always' }) => {
      const { url, stop } = await startServer({
        demo: opts.demo,
        config: { ...(opts.port !== undefined ? { port: opts.port } : {}), ...(opts.host ? { host: opts.host } : {}), ...(opts.memory ? { memory: true } : {}) },
      });
      printWelcome(url, opts.demo !== 'never');
      // A background library's stray promise (pg-boss's scheduler writing while the database
      // restarts, say) must not take every user's session down with it: log it loudly instead.
      process.on('unhandledRejection', (reason) => {
        process.stderr.write(`truce: unhandled rejection in the background: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}\n`);
      });
      const shutdown = () => { void stop().then(() => process.exit(0)); };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
