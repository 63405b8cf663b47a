import AdmZip from 'adm-zip';
import { codes, readInSandbox } from '../../test/fixtures/hostile/zip-helpers.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgeZip, utf8, type ForgedEntry } from '../../test/fixtures/hostile/forge-zip.ts';
import { openSandbox, type Sandbox } from '../../test/fixtures/hostile/sandbox.ts';
import { defaultReadLimits, displayPath, type ReadLimits, type SourceBundle } from './types.ts';
import { bytesOf } from './bytes.ts';
import { readZip } from './zip.ts';
import { checkEntryName, printableName } from './zip-names.ts';

let box: Sandbox;
beforeAll(() => {
  box = openSandbox('zip');
});
afterAll(() => box.dispose());

const read = (name: string, bytes: Uint8Array, limits?: ReadLimits) => readInSandbox(box, name, bytes, limits);

/** The text of a file in the bundle. */
function text(bundle: SourceBundle | undefined, path: string): string | undefined {
  const file = bundle?.files.get(path);
  return file && new TextDecoder().decode(file.bytes);
}

const manifest: ForgedEntry = { name: 'imsmanifest.xml', data: '<manifest/>' };

describe('readZip: hostile names are refused, never rewritten', () => {
  const hostile: Array<[label: string, name: string | Uint8Array, shown: string]> = [
    ['parent segment', '../evil.txt', '../evil.txt'],
    ['parent segment deeper in', 'a/../../evil.txt', 'a/../../evil.txt'],
    ['absolute path', '/etc/x', '/etc/x'],
    ['UNC-style path', '//server/share/x', '//server/share/x'],
    ['backslash traversal', 'a\\..\\b', 'a\\..\\b'],
    ['backslash alone', 'dir\\file.xml', 'dir\\file.xml'],
    ['drive letter', 'C:/x', 'C:/x'],
    ['drive-relative', 'C:x', 'C:x'],
    ['drive letter in a later segment', 'docs/D:/x', 'docs/D:/x'],
    ['dots Windows trims to ..', 'a/.../b', 'a/.../b'],
    ['dots and space', 'a/.. /b', 'a/.. /b'],
    ['NUL byte', 'ok.xml\0../../x', 'ok.xml\\x00../../x'],
    ['CP437 raw ..', new Uint8Array([0x2e, 0x2e, 0x2f, 0x78]), '../x'],
  ];
  for (const [label, name, shown] of hostile) {
    it(`refuses ${label}`, async () => {
      const { file, result } = await read(`${label}.zip`, forgeZip([manifest, { name, data: 'pwned' }]));
      expect(result.value).toBeUndefined();
      expect(codes(result)).toEqual([['ZipEntryOutsideRoot', `${file}!/${shown}`]]);
      expect(result.diagnostics[0]?.severity).toBe('error');
    });
  }

  it('refuses a symbolic link (unix mode 0o120777)', async () => {
    const { file, result } = await read('link.zip', forgeZip([manifest, { name: 'link.xml', data: '/etc/passwd', method: 0, unixMode: 0o120777 }]));
    expect(result.value).toBeUndefined();
    expect(codes(result)).toEqual([['ZipEntrySymlink', `${file}!/link.xml`]]);
  });

  it('refuses a symbolic link to a folder', async () => {
    const { file, result } = await read('dirlink.zip', forgeZip([{ name: 'up/', data: '..', method: 0, unixMode: 0o120755 }, manifest]));
    expect(codes(result)).toEqual([['ZipEntrySymlink', `${file}!/up/`]]);
  });

  it('keeps a regular file with a unix mode', async () => {
    const { result } = await read('mode.zip', forgeZip([{ ...manifest, unixMode: 0o100644 }]));
    expect(result.diagnostics).toEqual([]);
    expect(text(result.value, 'imsmanifest.xml')).toBe('<manifest/>');
  });

  it('reports every hostile entry, listing at most 50', async () => {
    const entries = Array.from({ length: 60 }, (_, i): ForgedEntry => ({ name: `../x${i}`, data: 'x' }));
    const { file, result } = await read('many-bad.zip', forgeZip(entries));
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toHaveLength(51);
    expect(result.diagnostics[0]?.location?.file).toBe(`${file}!/../x0`);
    expect(result.diagnostics[50]?.message).toMatch(/10 more/);
  });

  it('escapes control characters and bidi overrides for display', () => {
    expect(printableName('a\u001b[31mb')).toBe('a\\x1b[31mb');
    expect(printableName('cv\u202Egpj.exe')).toBe('cv\\u202egpj.exe');
  });

  it('drops only harmless empty and "." segments', () => {
    expect(checkEntryName('./a//b.xml')).toEqual({ ok: true, path: 'a/b.xml', isDirectory: false });
    expect(checkEntryName('a/./')).toEqual({ ok: true, path: 'a', isDirectory: true });
    expect(checkEntryName('.')).toMatchObject({ ok: false });
    expect(checkEntryName('..foo/b..')).toMatchObject({ ok: true, path: '..foo/b..' });
  });
});

describe('readZip: ordinary packages', () => {
  it('reads a zip made by adm-zip: nested folders, UTF-8 names with spaces and accents', async () => {
    const zip = new AdmZip();
    zip.addFile('imsmanifest.xml', Buffer.from('<manifest/>'));
    zip.addFile('Dossier été/Évaluation finale.xml', Buffer.from('<évaluation/>'));
    zip.addFile('media/2024/photo de classe.txt', Buffer.from('x'.repeat(100_000)));
    zip.addFile('empty folder/', Buffer.alloc(0));
    const { file, result } = await read('adm.zip', bytesOf(zip.toBuffer()));
    expect(result.diagnostics).toEqual([]);
    const bundle = result.value;
    expect(bundle?.kind).toBe('zip');
    expect(bundle?.input).toBe(file);
    expect(bundle?.displayPrefix).toBe(`${file}!/`);
    expect([...(bundle?.files.keys() ?? [])].sort()).toEqual([
      'Dossier été/Évaluation finale.xml',
      'imsmanifest.xml',
      'media/2024/photo de classe.txt',
    ]);
    expect(text(bundle, 'Dossier été/Évaluation finale.xml')).toBe('<évaluation/>');
    expect(text(bundle, 'media/2024/photo de classe.txt')).toBe('x'.repeat(100_000));
    expect(bundle && displayPath(bundle, 'imsmanifest.xml')).toBe(`${file}!/imsmanifest.xml`);
  });

  it('decodes a CP437 name (no UTF-8 flag)', async () => {
    const name = new Uint8Array([...utf8('caf'), 0x82, ...utf8('.xml')]); // 0x82 is é in CP437
    const { result } = await read('cp437.zip', forgeZip([{ name, data: '<cv/>' }]));
    expect([...(result.value?.files.keys() ?? [])]).toEqual(['café.xml']);
  });

  it('keeps the first of duplicate names, with a warning', async () => {
    const { file, result } = await read(
      'dup.zip',
      forgeZip([manifest, { name: 'a.xml', data: 'first' }, { name: './a.xml', data: 'second' }]),
    );
    expect(codes(result)).toEqual([['ZipDuplicateEntry', `${file}!/./a.xml`]]);
    expect(result.diagnostics[0]?.severity).toBe('warning');
    expect(text(result.value, 'a.xml')).toBe('first');
  });

  it('normalises harmless segments', async () => {
    const { result } = await read('norm.zip', forgeZip([{ name: './a//b.xml', data: 'b' }]));
    expect(text(result.value, 'a/b.xml')).toBe('b');
  });

  it('reads an empty zip', async () => {
    const { result } = await read('empty.zip', forgeZip([]));
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.files.size).toBe(0);
  });

  it('reads stored and deflated entries alike', async () => {
    const { result } = await read('mixed.zip', forgeZip([{ name: 's.txt', data: 'stored', method: 0 }, { name: 'd.txt', data: 'deflated' }]));
    expect(text(result.value, 's.txt')).toBe('stored');
    expect(text(result.value, 'd.txt')).toBe('deflated');
  });
});

describe('readZip: not a zip', () => {
  it('gives ZipInvalid for garbage behind a zip signature', async () => {
    const { file, result } = await read('garbage.zip', utf8('PK\x03\x04 this is not a zip at all'));
    expect(result.value).toBeUndefined();
    expect(codes(result)).toEqual([['ZipInvalid', file]]);
  });

  it('gives ZipInvalid for a truncated zip', async () => {
    const whole = forgeZip([manifest]);
    const { file, result } = await read('truncated.zip', whole.subarray(0, whole.length - 10));
    expect(codes(result)).toEqual([['ZipInvalid', file]]);
  });

  it('gives InputNotFound for a missing path', async () => {
    const result = await readZip('no/such/package.zip', defaultReadLimits);
    expect(codes(result)).toEqual([['InputNotFound', 'no/such/package.zip']]);
  });
});

describe('readZip: held in memory and streamed give the same files', () => {
  it('reads stored, deflated, empty and large entries alike both ways', async () => {
    // 3 MiB that do not compress (a ratio check would refuse a repeating pattern).
    let seed = 12345;
    const big = new Uint8Array(3 * 1024 * 1024).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24));
    const zip = new AdmZip();
    zip.addFile('imsmanifest.xml', Buffer.from('<manifest/>'));
    zip.addFile('empty.txt', Buffer.alloc(0));
    zip.addFile('big.bin', Buffer.from(big));
    zip.addFile('text/long.xml', Buffer.from('<p>' + 'évaluation '.repeat(10_000) + '</p>'));
    // And entries stored without compression, as some exporters write them.
    const forged = forgeZip([manifest, { name: 'stored.xml', data: '<stored/>', method: 0 }, { name: 'deflated.xml', data: '<d>' + 'x'.repeat(5000) + '</d>' }]);
    const held2 = await read('forged-held.zip', forged);
    const streamed2 = await read('forged-streamed.zip', forged, { ...defaultReadLimits, holdZipBytes: 0 });
    expect(codes(held2.result)).toEqual([]);
    expect(text(held2.result.value, 'stored.xml')).toBe('<stored/>');
    expect(text(held2.result.value, 'deflated.xml')).toBe(text(streamed2.result.value, 'deflated.xml'));
    const bytes = new Uint8Array(zip.toBuffer());
    const held = await read('both-held.zip', bytes);
    const streamed = await read('both-streamed.zip', bytes, { ...defaultReadLimits, holdZipBytes: 0 });
    expect(codes(held.result)).toEqual([]);
    expect(codes(streamed.result)).toEqual([]);
    const paths = (r: typeof held) => [...r.result.value!.files.keys()];
    expect(paths(held)).toEqual(paths(streamed));
    for (const [path, f] of held.result.value!.files) {
      expect(Buffer.compare(f.bytes, streamed.result.value!.files.get(path)!.bytes), path).toBe(0);
      // Each file owns a buffer of about its size: not a view into the zip, a 16 KiB zlib
      // chunk or Node's shared pool, which would keep far more alive than the package holds.
      expect(f.bytes.buffer.byteLength, path).toBeLessThanOrEqual(f.bytes.byteLength + 64);
    }
    expect(Buffer.compare(held.result.value!.files.get('big.bin')!.bytes, big)).toBe(0);
    expect(held.result.value!.files.get('empty.txt')!.bytes.length).toBe(0);
  });
});
