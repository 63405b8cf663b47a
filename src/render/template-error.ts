/**
 * Where a template mistake is: Nunjucks names the innermost template in parentheses and, most
 * of the time, `[Line n, Column m]`. Parse and compile errors count lines from 1; errors thrown
 * while rendering carry the compiled code's line, counted from 0 (their text goes on with the
 * wrapped error's `Error:`), so those are shifted by one. An unknown filter is reported without
 * a line: the template is searched for it.
 */
import { readFileSync } from 'node:fs';
import type { Location } from '../diagnostics/index.ts';

/** The location of the innermost template a Nunjucks error message names, if any. */
export function templateErrorLocation(message: string): Location | undefined {
  const named = [...message.matchAll(/\(([^()]+\.njk)\)(?:\s*\[Line (\d+)(?:, Column (\d+))?\])?([^()]*)/g)];
  const last = named.at(-1);
  if (!last) return undefined;
  const file = last[1]!;
  if (last[2]) {
    const runtime = /^\s*\w*Error:/.test(last[4] ?? '');
    const line = Number(last[2]) + (runtime ? 1 : 0);
    return { file, line, ...(last[3] ? { column: Number(last[3]) } : {}) };
  }
  const filter = /filter not found: ([\w$]+)/.exec(message)?.[1];
  if (filter) {
    try {
      const lines = readFileSync(file, 'utf8').split('\n');
      const i = lines.findIndex((l) => new RegExp(`\\|\\s*${filter}\\b`).test(l));
      if (i >= 0) return { file, line: i + 1, column: lines[i]!.search(new RegExp(`\\|\\s*${filter}\\b`)) + 1 };
    } catch {
      // The file is gone or unreadable: the name alone is still worth reporting.
    }
  }
  return { file };
}
