// "Only write/ writes" (docs/architecture.md): no module outside src/write imports a function of
// node:fs that changes the disk. Read from the source text, like the import rules, so a new
// write from another stage fails here before review.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** node:fs functions that create, change or remove files and folders (each also as `…Sync`). */
const WRITING = ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rename', 'rm', 'rmdir', 'unlink', 'createWriteStream', 'copyFile', 'cp', 'chmod', 'chown', 'lchown', 'symlink', 'link', 'truncate', 'utimes', 'lutimes', 'futimes', 'ftruncate'];

/**
 * Files outside write/ that still write. None is left (the XSL compile cache and temporary
 * folders go through write/atomic.ts and write/folders.ts); a new one fails the test, and
 * so does an entry that no longer writes.
 */
const WRITES_LEFT = new Set<string>([]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|cjs|mjs|js)$/.test(name) && !/\.(test|d)\.ts$/.test(name) ? [p] : [];
  });
}

/** The writing functions a source text takes from node:fs (named imports, requires, or a whole-module import). */
export function writesIn(text: string): string[] {
  const found = new Set<string>();
  const names = (list: string) =>
    list
      .split(',')
      .map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+|\s*:\s*/)[0]!.trim())
      .filter(Boolean);
  for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"](?:node:)?fs(?:\/promises)?['"]/g)) for (const n of names(m[1]!)) found.add(n);
  for (const m of text.matchAll(/\{([^}]*)\}\s*=\s*(?:await\s+import|require)\(\s*['"](?:node:)?fs(?:\/promises)?['"]\s*\)/g)) for (const n of names(m[1]!)) found.add(n);
  const writing = [...found].filter((n) => WRITING.includes(n.replace(/Sync$/, '')));
  // A whole-module import could call anything: it counts as writing.
  if (/import\s+(?:\*\s+as\s+)?\w+\s+from\s*['"](?:node:)?fs(?:\/promises)?['"]/.test(text) || /(?:const|let|var)\s+\w+\s*=\s*require\(\s*['"](?:node:)?fs(?:\/promises)?['"]\s*\)/.test(text)) writing.push('(whole module)');
  return writing.sort();
}

const writers = new Map(
  sources(SRC)
    .map((f) => [relative(SRC, f), writesIn(readFileSync(f, 'utf8'))] as const)
    .filter(([, w]) => w.length),
);

describe('only write/ writes', () => {
  it('no module outside src/write takes a writing function of node:fs', () => {
    const outside = [...writers].filter(([file]) => !file.startsWith('write/') && !WRITES_LEFT.has(file)).map(([file, w]) => `${file}: ${w.join(', ')}`);
    expect(outside).toEqual([]);
  });

  it('every listed debt still writes, so the list only shrinks', () => {
    expect([...WRITES_LEFT].filter((f) => !writers.has(f))).toEqual([]);
  });

  it('the check can fail: writing imports are found in every spelling', () => {
    expect(writesIn("import { readFile, writeFile } from 'node:fs/promises';")).toEqual(['writeFile']);
    expect(writesIn("import { existsSync, mkdtempSync as tmp, rmSync } from 'fs';")).toEqual(['mkdtempSync', 'rmSync']);
    expect(writesIn("const { realpathSync, renameSync } = require('node:fs');")).toEqual(['renameSync']);
    expect(writesIn("const { chmod } = await import('node:fs/promises');")).toEqual(['chmod']);
    expect(writesIn("import * as fs from 'node:fs';")).toEqual(['(whole module)']);
    expect(writesIn("const fs = require('fs');")).toEqual(['(whole module)']);
    expect(writesIn("import { readFileSync, statSync } from 'node:fs';")).toEqual([]);
    expect(writers.get('write/atomic.ts')).toContain('writeFile');
  });
});
