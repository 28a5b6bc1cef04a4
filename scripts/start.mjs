// `npm start`: build what is missing or stale, then serve. Keeps the two-command promise
// (`npm install && npm start`) without asking anyone to run a build by hand.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const newest = (dir) => {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (mtime('dist/cli/main.js') < newest('src')) {
  process.stderr.write('Building the server…\n');
  execFileSync(npm, ['run', '--silent', 'build:server'], { stdio: 'inherit' });
}
if (mtime('dist/web/index.html') < Math.max(newest('src/web'), mtime('src/db/schema/vocabulary.ts'))) {
  process.stderr.write('Building the web app…\n');
  execFileSync(npm, ['run', '--silent', 'build:web'], { stdio: 'inherit' });
}
const child = spawn(process.execPath, ['dist/cli/main.js', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
