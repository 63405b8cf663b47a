/** One fixture per diagnostic code not covered elsewhere, asserting code and location. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readPortfolio } from '../../src/index.ts';
import { catalogue } from '../../src/diagnostics/index.ts';
import { main } from '../../src/cli/main.ts';
import { lipFile, productSegment, writePackageFolder } from './make-package.ts';

const find = (r: { diagnostics: { code: string }[] }, code: string) => r.diagnostics.find((d) => d.code === code) as
  | { code: string; severity: string; location?: { file: string; line?: number; column?: number } }
  | undefined;

describe('export diagnostics', () => {
  it('ExportFieldDropped: a field the IMS schema has no place for is reported, at the part', async () => {
    const { exportPackage } = await import('../../src/index.ts');
    const dir = writePackageFolder({ 'c.xml': lipFile('<competency>\n<contentype><referential><indexid>c1</indexid></referential></contentype>\n<description><short>Typography</short></description>\n</competency>') });
    const r = await readPortfolio(dir);
    const c = r.value!.parts[0]!;
    c.dates.push({ value: '2024-01-01', type: { value: 'Award' } });
    c.tags.push('type');
    const out = exportPackage(r.value!);
    const d = out.diagnostics.find((x) => x.code === 'ExportFieldDropped');
    expect(d?.message).toContain('dates, tags');
    expect(d?.location).toMatchObject({ file: join(dir, 'c.xml'), line: 3 });
  });
});

describe('diagnostic fixtures', () => {
  it('XmlUnexpectedRoot: a resource typed as a part whose file is something else', async () => {
    const dir = writePackageFolder({ 'p.xml': '<?xml version="1.0"?>\n<html><body/></html>' });
    const d = find(await readPortfolio(dir), 'XmlUnexpectedRoot');
    expect(d?.location).toMatchObject({ file: join(dir, 'p.xml'), line: 2, column: 1 });
  });

  it('XmlValueInvalid: a single-valued child given twice keeps the second as unknown content', async () => {
    const seg = '<goal>\n<contentype><referential><indexid>g</indexid></referential></contentype>\n<priority>a</priority>\n<priority>b</priority>\n</goal>';
    const dir = writePackageFolder({ 'g.xml': lipFile(seg) });
    const r = await readPortfolio(dir);
    expect(find(r, 'XmlValueInvalid')?.location).toMatchObject({ file: join(dir, 'g.xml'), line: 6 });
    const goal = r.value!.parts[0]!;
    expect(goal.priority?.value).toBe('a');
    expect(goal.extensions.some((x) => x.element.name === 'priority')).toBe(true);
  });

  it('XmlMissingRequired: a relationship tuple without its source', async () => {
    const rel = '<relationship>\n<tuple>\n<tuplerelation><typename><tyvalue>Supports</tyvalue></typename></tuplerelation>\n<tupledest><indexid>p1</indexid></tupledest>\n</tuple>\n</relationship>';
    const dir = writePackageFolder({ 'r.xml': lipFile(productSegment('p1', 'x') + rel) });
    const d = find(await readPortfolio(dir), 'XmlMissingRequired');
    expect(d?.location).toMatchObject({ file: join(dir, 'r.xml') });
    expect(d?.location?.line).toBeGreaterThan(1);
  });

  it('ManifestNamespace: a manifest in the generic IMS CP namespace is read with a warning', async () => {
    const dir = writePackageFolder({ 'p.xml': lipFile(productSegment('p1', 'x')) });
    const m = join(dir, 'imsmanifest.xml');
    writeFileSync(m, readFileSync(m, 'utf8').replace('imsportfoliocp_v1p0', 'imscp_v1p1'));
    const r = await readPortfolio(dir);
    expect(find(r, 'ManifestNamespace')).toMatchObject({ severity: 'warning', location: { file: m, line: 2, column: 1 } });
    expect(r.value!.parts.map((p) => p.id)).toEqual(['p1']);
  });

  it('ResourceTypeUnknown, ResourceRefMissing and ResourceFileMissing point at the manifest', async () => {
    const dir = writePackageFolder({ 'p.xml': lipFile(productSegment('p1', 'x')) });
    const m = join(dir, 'imsmanifest.xml');
    writeFileSync(
      m,
      readFileSync(m, 'utf8')
        .replace('type="imslip-Product"', 'type="acme-Thing"')
        .replace('<item identifier="I"><title>t</title></item>', '<item identifier="I" identifierref="R-missing"><title>t</title></item>')
        .replace('<file href="p.xml"/>', '<file href="p.xml"/><file href="gone.pdf"/>'),
    );
    const r = await readPortfolio(dir);
    for (const code of ['ResourceTypeUnknown', 'ResourceRefMissing', 'ResourceFileMissing']) {
      expect(find(r, code)?.location?.file, code).toBe(m);
    }
    expect(r.value!.parts).toHaveLength(1);
  });

  it('RelationTypeUnknown and MimeTypeSuspicious come from the real-world quirks they describe', async () => {
    const media = '<media mediamode="Text" mimetype="text/word" contentreftype="uri">x.doc</media>';
    const rel = '<relationship><tuple><tuplesource><indexid>p1</indexid></tuplesource><tuplerelation><typename><tyvalue>isAnnotadBy</tyvalue></typename></tuplerelation><tupledest><indexid>p1</indexid></tupledest></tuple></relationship>';
    const dir = writePackageFolder({ 'a.xml': lipFile(productSegment('p1', 'x', media) + rel), 'x.doc': 'doc' });
    const r = await readPortfolio(dir);
    expect(find(r, 'RelationTypeUnknown')).toMatchObject({ severity: 'info', location: { file: join(dir, 'a.xml') } });
    expect(find(r, 'MimeTypeSuspicious')).toMatchObject({ severity: 'warning', location: { file: join(dir, 'a.xml'), line: 3 } });
    expect(r.value!.relations[0]!.type).toBe('isAnnotadBy');
  });

  it('MediaBase64Invalid: inline media that is not Base-64 is kept as text', async () => {
    const media = '<media mediamode="Text" mimetype="text/plain">Hello, plain words!</media>';
    const dir = writePackageFolder({ 'a.xml': lipFile(productSegment('p1', 'x', media)) });
    const r = await readPortfolio(dir);
    expect(find(r, 'MediaBase64Invalid')?.location?.file).toBe(join(dir, 'a.xml'));
    expect(r.value!.parts[0]!.description!.full[0]).toMatchObject({ carrier: 'text', text: 'Hello, plain words!' });
  });

  it('OutputNotWritable: pack into a folder that cannot be created', async () => {
    const dir = writePackageFolder({ 'a.xml': lipFile(productSegment('p1', 'x')) });
    // A file where a folder of the output path should be (outside the input folder).
    const blocker = join(writePackageFolder({}, false), 'a-file');
    writeFileSync(blocker, 'x');
    let err = '';
    const code = await main(['pack', dir, '--format', 'ims', '--out', join(blocker, 'sub', 'out.zip')], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (err += s) },
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(err).toContain(`${join(blocker, 'sub', 'out.zip')}  error`);
    expect(err).toContain('[OutputNotWritable]');
  });

  it('InternalError: a bug becomes exit 70, with the stack only under --debug', async () => {
    // An argument list that throws when read stands in for a bug deep inside a command.
    const poisoned = (extra: string[]) => {
      const argv = ['check', ...extra];
      Object.defineProperty(argv, argv.length, { get: () => { throw new Error('boom'); }, enumerable: true });
      return argv;
    };
    for (const debug of [false, true]) {
      let err = '';
      const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, cwd: '/' };
      const code = await main(poisoned(debug ? ['--debug'] : []), io);
      expect(code).toBe(70);
      expect(err).toContain('internal error: boom  [InternalError]');
      expect(/\n\s+at /.test(err)).toBe(debug);
    }
  });

  it('every code in the catalogue is asserted by at least one test', () => {
    const root = resolve(import.meta.dirname, '../..');
    const texts: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (f === 'node_modules' || f.startsWith('.')) continue;
        if (statSync(p).isDirectory()) walk(p);
        else if (f.endsWith('.test.ts') && !p.endsWith('codes.test.ts')) texts.push(readFileSync(p, 'utf8'));
      }
    };
    walk(join(root, 'src'));
    walk(join(root, 'test'));
    const own = readFileSync(join(root, 'test/bad-input/codes.test.ts'), 'utf8').split("it('every code")[0]!;
    const all = texts.join('\n') + own;
    const untested = Object.keys(catalogue).filter((c) => !all.includes(`'${c}'`) && !all.includes(`"${c}"`) && !all.includes(`[${c}]`));
    expect(untested).toEqual([]);
  });
});
