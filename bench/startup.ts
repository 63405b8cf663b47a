/**
 * Start-up time of the installed command: `vitrine --help` (compiled dist/, commands loaded
 * lazily) against `eleventy --version`, and the old way (TypeScript through tsx) for scale.
 * Whole processes, run alternately; prints the median and spread of each.
 *
 *     npm run build && npm run bench:startup [-- --runs 15]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 11;
if (!existsSync(join(root, 'dist/cli/start.js'))) throw new Error('dist/ is missing: run npm run build first');

const commands: [string, string[]][] = [
  ['vitrine --help (dist)', [join(root, 'bin/vitrine.js'), '--help']],
  ['eleventy --version', [join(root, 'node_modules/@11ty/eleventy/cmd.cjs'), '--version']],
  ['vitrine --help via tsx (before)', ['--import', 'tsx', join(root, 'src/cli/start.ts'), '--help']],
  ['node -e 0 (baseline)', ['-e', '0']],
];
const times = new Map<string, number[]>(commands.map(([name]) => [name, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, args] of commands) {
    const t = performance.now();
    execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.get(name)!.push(performance.now() - t);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`start-up, ${runs} runs each, node ${process.version}`);
for (const [name, xs] of times) {
  console.log(`${name.padEnd(34)} median ${median(xs).toFixed(0).padStart(5)} ms   min ${Math.min(...xs).toFixed(0).padStart(5)}   max ${Math.max(...xs).toFixed(0).padStart(5)}`);
}
