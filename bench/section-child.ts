/**
 * Runs one in-process section of the bench (scoring, hand-off, attribution, reporting) in a
 * process of its own, as a server runs: its timings are not those of a process that has just
 * streamed an import and held the capture's request bodies (their garbage collected meanwhile).
 * argv: the section's module (bench/<name>.ts), its function, the target (JSON), the label.
 * Prints the section's figures as one JSON line, last.
 */
import type { Target } from './server-process.js';

type Section = (target: Target, r: Record<string, string>, label: string) => Promise<void>;

const [moduleName, fn, target, label] = process.argv.slice(2);
const section = (await import(`./${moduleName}.js`))[fn!] as Section;
const r: Record<string, string> = {};
await section(JSON.parse(target!) as Target, r, label!);
process.stdout.write(`\n${JSON.stringify(r)}\n`);
