/**
 * How the user can run this very Vitrine from a folder, for the commands `init` prints: plain
 * `vitrine` when it is on the PATH, `npx vitrine` when installed in a node_modules above the
 * folder, else `node <path>/bin/vitrine.js`, which works from anywhere.
 */
import { existsSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';

/** This package's `bin/vitrine.js` (from src/cli/ or dist/cli/, both two levels down). */
export const ownBin = resolve(import.meta.dirname, '../../bin/vitrine.js');

function same(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** The command that runs this Vitrine from `dir`. */
export function vitrineCommand(dir: string, env: Record<string, string | undefined> = process.env): string {
  for (const p of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(p, 'vitrine');
    if (existsSync(candidate) && same(candidate, ownBin)) return 'vitrine';
  }
  for (let d = resolve(dir); ; d = dirname(d)) {
    const local = join(d, 'node_modules', '.bin', 'vitrine');
    if (existsSync(local) && same(local, ownBin)) return 'npx vitrine';
    if (dirname(d) === d) break;
  }
  const bin = ownBin.includes(' ') ? `"${ownBin}"` : ownBin;
  return `node ${bin}`;
}
