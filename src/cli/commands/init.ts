/** `vitrine init [dir]`: write a starter authored portfolio, never over an existing file. */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { vitrineCommand } from '../invocation.ts';
import { diagnostic } from '../../diagnostics/index.ts';
import { newFolderConflict, writeNewFolder } from '../../write/index.ts';
import { printDiagnostics, say, type Io, type OutputFlags } from '../output.ts';
import { starterFiles } from '../starter.ts';

/** Runs `init` and returns the exit status. */
export async function runInit(dir: string, flags: OutputFlags, io: Io): Promise<number> {
  const target = resolve(io.cwd, dir);
  const files = starterFiles(target);
  // Refuse before writing anything: even one existing file means this is someone's folder.
  const existing = [...files.keys()].filter((p) => existsSync(join(target, p)));
  const conflict = await newFolderConflict(target);
  if (existing.length || conflict) {
    const why = existing.length ? `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}` : 'the folder is not empty';
    printDiagnostics(io, [diagnostic('OutputNotASite', `vitrine init writes only into a new or empty folder: in ${target}, ${why}; nothing was written`, { file: target }, { hint: 'Give init a new folder name: vitrine init my-portfolio' })], flags);
    return 1;
  }
  const enc = new TextEncoder();
  await writeNewFolder(target, new Map([...files].map(([p, t]) => [p, enc.encode(t)])));
  say(io, flags, `wrote a starter portfolio in ${target} (${files.size} files)`);
  // Commands that work as printed: the way this Vitrine runs from there, the folder quoted if needed.
  const run = vitrineCommand(target);
  const rel = relative(io.cwd, target) || '.';
  const shown = /^[\w./@:+-]+$/.test(rel) ? rel : `'${rel.replace(/'/g, `'\\''`)}'`;
  say(io, flags, `next: cd ${shown} && ${run} serve    (or, from here: ${run} build ${shown})`);
  return 0;
}
