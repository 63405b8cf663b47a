import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSandbox, type Sandbox } from '../../test/fixtures/hostile/sandbox.ts';
import { readFolder } from './folder.ts';
import { defaultReadLimits, displayPath } from './types.ts';

let box: Sandbox;
let dir: string;
let outside: string;

/** Builds `in/portfolio` with ordinary files, clutter to skip, and links pointing outside. */
beforeAll(() => {
  box = openSandbox('folder');
  dir = join(box.inDir, 'portfolio');
  outside = join(box.root, 'secret.txt');
  writeFileSync(outside, 'do not publish');
  mkdirSync(join(dir, 'Dossier été', 'sous dossier'), { recursive: true });
  writeFileSync(join(dir, 'imsmanifest.xml'), '<manifest/>');
  writeFileSync(join(dir, 'Dossier été', 'sous dossier', 'Évaluation finale.xml'), '<évaluation/>');
  writeFileSync(join(dir, 'big.bin'), 'x'.repeat(100));
  for (const clutter of ['.git', 'node_modules', '.obsidian']) {
    mkdirSync(join(dir, clutter));
    writeFileSync(join(dir, clutter, 'file.xml'), '<skip/>');
  }
  writeFileSync(join(dir, '.DS_Store'), 'skip');
  symlinkSync(outside, join(dir, 'link.xml'));
  symlinkSync(box.root, join(dir, 'Dossier été', 'up'));
});
afterAll(() => box.dispose());

describe('readFolder', () => {
  it('reads files recursively with POSIX paths, skipping dot-files, .git and node_modules', async () => {
    const before = box.snapshot();
    const { value, diagnostics } = await readFolder(dir);
    expect(box.snapshot()).toEqual(before);
    expect(value.kind).toBe('folder');
    expect(value.input).toBe(dir);
    expect([...value.files.keys()]).toEqual(['Dossier été/sous dossier/Évaluation finale.xml', 'big.bin', 'imsmanifest.xml']);
    const file = value.files.get('Dossier été/sous dossier/Évaluation finale.xml');
    expect(file?.path).toBe('Dossier été/sous dossier/Évaluation finale.xml');
    expect(new TextDecoder().decode(file?.bytes)).toBe('<évaluation/>');
    expect(diagnostics.every((d) => d.code === 'FolderEntrySymlink')).toBe(true);
  });

  it('reports symbolic links, to files and folders, without following them', async () => {
    const { value, diagnostics } = await readFolder(dir);
    expect(diagnostics.map((d) => [d.code, d.severity, d.location?.file])).toEqual([
      ['FolderEntrySymlink', 'warning', `${dir}/Dossier été/up`],
      ['FolderEntrySymlink', 'warning', `${dir}/link.xml`],
    ]);
    const all = [...value.files.values()].map((f) => new TextDecoder().decode(f.bytes));
    expect(all).not.toContain('do not publish');
  });

  it('ensures one trailing slash in the display prefix', async () => {
    expect((await readFolder(dir)).value.displayPrefix).toBe(`${dir}/`);
    const withSlash = (await readFolder(`${dir}/`)).value;
    expect(withSlash.displayPrefix).toBe(`${dir}/`);
    expect(displayPath(withSlash, 'imsmanifest.xml')).toBe(`${dir}/imsmanifest.xml`);
  });

  it('keeps a relative folder path as given', async () => {
    const { value } = await readFolder('../in/portfolio');
    expect(value.displayPrefix).toBe('../in/portfolio/');
    expect(value.files.has('imsmanifest.xml')).toBe(true);
  });

  it('skips a file over maxEntryBytes with an error and keeps the rest', async () => {
    const { value, diagnostics } = await readFolder(dir, { ...defaultReadLimits, maxEntryBytes: 50 });
    expect(value.files.has('big.bin')).toBe(false);
    expect(value.files.has('imsmanifest.xml')).toBe(true);
    expect(diagnostics.filter((d) => d.code === 'InputTooLarge').map((d) => d.location?.file)).toEqual([`${dir}/big.bin`]);
  });

  it('skips FIFOs instead of blocking on them', async () => {
    const fifoDir = join(box.inDir, 'with-fifo');
    mkdirSync(fifoDir);
    writeFileSync(join(fifoDir, 'a.xml'), '<a/>');
    try {
      execFileSync('mkfifo', [join(fifoDir, 'pipe.xml')]);
    } catch {
      return; // no mkfifo here (Windows): nothing to test
    }
    const { value, diagnostics } = await readFolder(fifoDir);
    expect([...value.files.keys()]).toEqual(['a.xml']);
    expect(diagnostics).toEqual([]);
  });

  // root reads any file whatever its mode (CI runs as root), and Windows has no chmod 000.
  const canLock = process.getuid?.() !== 0 && process.platform !== 'win32';
  it.skipIf(!canLock)(`reports an unreadable file and keeps going${canLock ? '' : ' (skipped: running as root or on Windows, where chmod cannot lock a file)'}`, async () => {
    const lockedDir = join(box.inDir, 'locked');
    mkdirSync(lockedDir);
    writeFileSync(join(lockedDir, 'a.xml'), '<a/>');
    writeFileSync(join(lockedDir, 'b.xml'), '<b/>');
    chmodSync(join(lockedDir, 'a.xml'), 0o000);
    const { value, diagnostics } = await readFolder(lockedDir);
    expect([...value.files.keys()]).toEqual(['b.xml']);
    expect(diagnostics.map((d) => [d.code, d.location?.file])).toEqual([['InputUnreadable', `${lockedDir}/a.xml`]]);
  });
});
