import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgeZip } from '../../test/fixtures/hostile/forge-zip.ts';
import { openSandbox, type Sandbox } from '../../test/fixtures/hostile/sandbox.ts';
import { readInput } from './input.ts';
import { defaultReadLimits, displayPath } from './types.ts';

let box: Sandbox;
const cv = '<?xml version="1.0"?><learnerinformation/>';
const zip = forgeZip([{ name: 'imsmanifest.xml', data: '<manifest/>' }]);

beforeAll(() => {
  box = openSandbox('input');
});
afterAll(() => box.dispose());

describe('readInput', () => {
  it('gives InputNotFound for a missing path, at the path as given', async () => {
    const result = await readInput('nope/portfolio.zip');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.location?.file])).toEqual([['InputNotFound', 'nope/portfolio.zip']]);
  });

  it('gives InputNotFound when a file is used as a folder', async () => {
    box.put('cv.xml', cv);
    const result = await readInput('../in/cv.xml/inner.xml');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['InputNotFound']);
  });

  it('reads a folder', async () => {
    mkdirSync(join(box.inDir, 'site'));
    writeFileSync(join(box.inDir, 'site', 'a.xml'), '<a/>');
    const result = await readInput(join(box.inDir, 'site'));
    expect(result.value?.kind).toBe('folder');
    expect([...(result.value?.files.keys() ?? [])]).toEqual(['a.xml']);
  });

  for (const name of ['package.zip', 'export.imscc', 'no-extension']) {
    it(`detects a zip by its first bytes: ${name}`, async () => {
      const path = box.put(name, zip);
      const result = await readInput(path);
      expect(result.value?.kind).toBe('zip');
      expect(result.value?.displayPrefix).toBe(`${path}!/`);
      expect(result.value?.files.has('imsmanifest.xml')).toBe(true);
    });
  }

  it('detects an empty zip (end record only, PK\\x05\\x06)', async () => {
    const result = await readInput(box.put('empty.bin', forgeZip([])));
    expect(result.value?.kind).toBe('zip');
    expect(result.value?.files.size).toBe(0);
  });

  it('passes limits and refusals through from the zip reader', async () => {
    const path = box.put('evil.xml', forgeZip([{ name: '../evil.xml', data: 'x' }]));
    const before = box.snapshot();
    const result = await readInput(path);
    expect(box.snapshot()).toEqual(before);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.location?.file])).toEqual([['ZipEntryOutsideRoot', `${path}!/../evil.xml`]]);
  });

  it('does not apply the one-file size limit to a zip', async () => {
    const result = await readInput(box.put('small-limit.zip', zip), { ...defaultReadLimits, maxEntryBytes: 20 });
    expect(result.value?.kind).toBe('zip');
  });

  it('reads a single XML file, keyed by its base name, with the path given back by displayPath', async () => {
    box.put('cv.xml', cv);
    for (const given of ['../in/cv.xml', join(box.inDir, 'cv.xml'), './../in/cv.xml']) {
      const result = await readInput(given);
      const bundle = result.value;
      expect(result.diagnostics).toEqual([]);
      expect(bundle?.kind).toBe('file');
      expect(bundle?.input).toBe(given);
      expect([...(bundle?.files.keys() ?? [])]).toEqual(['cv.xml']);
      expect(new TextDecoder().decode(bundle?.files.get('cv.xml')?.bytes)).toBe(cv);
      expect(bundle && displayPath(bundle, 'cv.xml')).toBe(given);
    }
  });

  it('uses an empty display prefix for a bare file name', async () => {
    writeFileSync(join(box.cwdDir, 'here.xml'), cv);
    const result = await readInput('here.xml');
    expect(result.value?.displayPrefix).toBe('');
    expect(result.value?.files.has('here.xml')).toBe(true);
  });

  it('treats a file starting with "PK" but no zip signature as a single file', async () => {
    const result = await readInput(box.put('pk.txt', 'PKZIP is a program'));
    expect(result.value?.kind).toBe('file');
  });

  it('reads an empty file as a single file', async () => {
    const result = await readInput(box.put('empty.xml', ''));
    expect(result.value?.files.get('empty.xml')?.bytes.length).toBe(0);
  });

  it('refuses a single file over maxEntryBytes', async () => {
    const path = box.put('large.xml', cv);
    const result = await readInput(path, { ...defaultReadLimits, maxEntryBytes: 10 });
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.location?.file])).toEqual([['InputTooLarge', path]]);
  });

  it('gives InputKindUnknown for something neither file nor folder', async () => {
    const fifo = join(box.inDir, 'pipe');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo here (Windows): nothing to test
    }
    const result = await readInput(fifo);
    expect(result.diagnostics.map((d) => [d.code, d.location?.file])).toEqual([['InputKindUnknown', fifo]]);
  });
});
