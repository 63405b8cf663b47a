/** Helpers of the authored-format tests: write a portfolio folder from a map of texts. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../../src/index.ts';

/** Writes `files` (path → text or bytes) into a new temporary folder and returns it. */
export function writeTree(files: Record<string, string | Uint8Array>, prefix = 'vitrine-authored-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** `code file:line:col` of each diagnostic, the file relative to `dir`. */
export function where(diagnostics: Diagnostic[], dir: string): string[] {
  return diagnostics.map((d) => {
    const l = d.location;
    const file = l?.file.startsWith(dir) ? l.file.slice(dir.length + 1) : l?.file;
    return `${d.code} ${file}:${l?.line}:${l?.column}`;
  });
}
