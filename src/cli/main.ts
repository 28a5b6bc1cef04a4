#!/usr/bin/env node
import { Command } from 'commander';
import { demoCommand } from './commands/demo.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { openapiCommand } from './commands/openapi.js';
import { serveCommand } from './commands/serve.js';
import { userCommand } from './commands/user.js';
import { routingCommand } from './commands/routing.js';

const program = new Command('truce')
  .description('Truce: one record of truth for sales and marketing')
  .showHelpAfterError();

for (const cmd of [serveCommand(), migrateCommand(), demoCommand(), importCommand(), exportCommand(), userCommand(), routingCommand(), openapiCommand()]) {
  program.addCommand(cmd);
}

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`truce: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
