import { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openApiDocument } from '../../http/openapi-document.js';

export function openapiCommand(): Command {
  return new Command('openapi')
    .description('write the OpenAPI 3.1 document to a file (or stdout with -)')
    .argument('[file]', 'output file', '-')
    .action((file: string) => {
      const text = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
      if (file === '-') process.stdout.write(text);
      else {
        mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        writeFileSync(file, text);
        process.stderr.write(`OpenAPI document written to ${file}\n`);
      }
    });
}
