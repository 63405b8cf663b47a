/** Bad input through the whole read pipeline: each case asserts its code and location. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgeZip } from '../fixtures/hostile/forge-zip.ts';
import { readPortfolio } from '../../src/index.ts';
import { lipFile, productSegment, writePackageFolder } from './make-package.ts';

describe('bad XML is reported with its code and file:line:col', () => {
  it('refuses entity declarations (billion laughs) before parsing', async () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;">\n]>\n<learnerinformation xmlns="http://www.imsglobal.org/xsd/imslip_v1p0">&lol2;</learnerinformation>`;
    const dir = writePackageFolder({ 'bomb.xml': bomb });
    const r = await readPortfolio(dir);
    const d = r.diagnostics.find((x) => x.code === 'XmlEntityDeclared');
    expect(d?.severity).toBe('error');
    expect(d?.location?.file).toBe(join(dir, 'bomb.xml'));
    expect(d?.location?.line).toBe(3);
  });

  it('refuses external entities (XXE) too', async () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY e SYSTEM "file:///etc/passwd"> ]>\n<learnerinformation xmlns="http://www.imsglobal.org/xsd/imslip_v1p0">&e;</learnerinformation>`;
    const dir = writePackageFolder({ 'xxe.xml': xxe });
    const r = await readPortfolio(dir);
    expect(r.diagnostics.map((x) => x.code)).toContain('XmlEntityDeclared');
    expect(JSON.stringify(r.value ?? {})).not.toContain('root:');
  });

  it('reports invalid UTF-8 as an error at its line and column, not as U+FFFD', async () => {
    const good = Buffer.from(lipFile(productSegment('p1', 'ok')), 'utf8');
    const at = good.indexOf('ok');
    const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xc3, 0x28]), good.subarray(at + 2)]);
    const dir = writePackageFolder({ 'bad.xml': bad });
    const r = await readPortfolio(dir);
    const d = r.diagnostics.find((x) => x.code === 'XmlEncodingInvalid');
    expect(d?.severity).toBe('error');
    expect(d?.location?.line).toBe(4);
    expect(d?.location?.column).toBeGreaterThan(1);
    expect(JSON.stringify(r.value ?? {})).not.toContain('\uFFFD');
  });

  it('reads ISO-8859-1 when declared', async () => {
    const text = lipFile(productSegment('p1', 'Café')).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const dir = writePackageFolder({ 'latin.xml': Buffer.from(text, 'latin1') });
    const r = await readPortfolio(dir);
    expect(r.value?.parts[0]?.description?.short?.value).toBe('Café');
  });

  it('reports malformed XML with its line', async () => {
    const dir = writePackageFolder({ 'broken.xml': lipFile('<goal>\n<description><short>x</short></descr>\n</goal>') });
    const r = await readPortfolio(dir);
    const d = r.diagnostics.find((x) => x.code === 'XmlMalformed');
    expect(d?.location?.file).toBe(join(dir, 'broken.xml'));
    expect(d?.location?.line).toBe(4);
  });

  it('refuses an unsupported encoding', async () => {
    const text = lipFile(productSegment('p1', 'x')).replace('encoding="UTF-8"', 'encoding="EBCDIC-XYZ"');
    const r = await readPortfolio(writePackageFolder({ 'e.xml': text }));
    expect(r.diagnostics.map((x) => x.code)).toContain('XmlEncodingUnsupported');
  });
});

describe('references and HTML', () => {
  it('ignores media hrefs leaving the package, with a warning at the part', async () => {
    const media = '<media mediamode="Text" mimetype="text/plain" contentreftype="uri">../../../etc/passwd</media>';
    const dir = writePackageFolder({ 'p.xml': lipFile(productSegment('p1', 'x', media)) });
    const r = await readPortfolio(dir);
    const d = r.diagnostics.find((x) => x.code === 'HrefOutsidePackage');
    expect(d?.severity).toBe('warning');
    expect(d?.location?.file).toBe(join(dir, 'p.xml'));
    expect(d?.location?.line).toBe(3);
    const m = r.value!.parts[0]!.description!.full[0]!;
    expect(m.file).toBeUndefined();
    expect(m.text).toBe('../../../etc/passwd');
    expect(r.value!.files.map((f) => f.path)).not.toContain('etc/passwd');
  });

  it('ignores resource files outside the package', async () => {
    const dir = writePackageFolder({ 'p.xml': lipFile(productSegment('p1', 'x')) });
    const { readFileSync, writeFileSync } = await import('node:fs');
    const m = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8').replace('<file href="p.xml"/>', '<file href="p.xml"/><file href="/etc/hostname"/>');
    writeFileSync(join(dir, 'imsmanifest.xml'), m);
    const r = await readPortfolio(dir);
    expect(r.diagnostics.find((x) => x.code === 'HrefOutsidePackage')?.location?.file).toBe(join(dir, 'imsmanifest.xml'));
  });

  it('sanitizes HTML in inline media and says so', async () => {
    const html = '&lt;p onclick="steal()"&gt;Hello &lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;world&lt;/b&gt;&lt;/p&gt;';
    const media = `<media mediamode="Text" mimetype="text/html" contentreftype="text">${html}</media>`;
    const r = await readPortfolio(writePackageFolder({ 'p.xml': lipFile(productSegment('p1', 'x', media)) }));
    const text = r.value!.parts[0]!.description!.full[0]!.text!;
    expect(text).toContain('<b>world</b>');
    expect(text).not.toContain('script');
    expect(text).not.toContain('onclick');
    expect(r.diagnostics.map((x) => x.code)).toContain('HtmlSanitized');
  });

  it('keeps going past a dangling relation and a duplicate id, with warnings', async () => {
    const rel = `<relationship><contentype><referential><indexid>r1</indexid></referential></contentype><tuple><tuplesource><indexid>p1</indexid></tuplesource><tuplerelation><typename><tyvalue>Evidences</tyvalue></typename></tuplerelation><tupledest><indexid>nowhere</indexid></tupledest></tuple></relationship>`;
    const r = await readPortfolio(writePackageFolder({ 'a.xml': lipFile(productSegment('p1', 'first') + productSegment('p1', 'second') + rel) }));
    const codes = r.diagnostics.map((x) => x.code);
    expect(codes).toContain('RelationTargetMissing');
    expect(codes).toContain('DuplicatePartId');
    expect(r.value!.parts.map((p) => p.id)).toEqual(['p1', 'p1~2']);
    expect(r.value!.relations[0]!.to).toEqual(['nowhere']);
  });

  it('reads a zip without imsmanifest.xml as loose part files, with a ZipWithoutManifest note', async () => {
    // Issue 12: a user who meant an IMS package must learn its manifest is missing.
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-loose-zip-'));
    const zip = join(dir, 'cv.zip');
    writeFileSync(zip, forgeZip([{ name: 'cv.xml', data: lipFile(productSegment('p1', 'first')) }]));
    const r = await readPortfolio(zip);
    expect(r.value?.parts.map((p) => p.id)).toEqual(['p1']);
    const note = r.diagnostics.find((x) => x.code === 'ZipWithoutManifest');
    expect(note).toMatchObject({ severity: 'info', location: { file: zip } });
    // The same part files in a folder are an ordinary hand-in: no note.
    const folder = await readPortfolio(writePackageFolder({ 'cv.xml': lipFile(productSegment('p1', 'first')) }, false));
    expect(folder.value?.parts).toHaveLength(1);
    expect(folder.diagnostics.map((x) => x.code)).not.toContain('ZipWithoutManifest');
    // And a zip with its manifest has none either.
    const withManifest = join(dir, 'pkg.zip');
    const src = writePackageFolder({ 'cv.xml': lipFile(productSegment('p1', 'first')) });
    writeFileSync(withManifest, forgeZip(['imsmanifest.xml', 'cv.xml'].map((name) => ({ name, data: readFileSync(join(src, name)) }))));
    const full = await readPortfolio(withManifest);
    expect(full.value?.parts).toHaveLength(1);
    expect(full.diagnostics.map((x) => x.code)).not.toContain('ZipWithoutManifest');
  });

  it('fails with ManifestNotFound on a folder with no portfolio', async () => {
    const r = await readPortfolio(writePackageFolder({ 'notes.txt': 'hello' }, false));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((x) => x.code)).toContain('ManifestNotFound');
  });
});

describe('HTML in long descriptions', () => {
  it('is sanitized on reading, reported at the part, and shown as HTML on the page', async () => {
    const long = '&lt;p&gt;First &lt;em&gt;point&lt;/em&gt;&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;&lt;p onmouseover="x()"&gt;Second&lt;/p&gt;';
    const seg = `<goal>\n<contentype><referential><indexid>g1</indexid></referential></contentype>\n<description><short>A goal</short><long>${long}</long></description>\n</goal>`;
    const dir = writePackageFolder({ 'g.xml': lipFile(seg) });
    const r = await readPortfolio(dir);
    const d = r.diagnostics.find((x) => x.code === 'HtmlSanitized');
    expect(d?.location).toMatchObject({ file: join(dir, 'g.xml'), line: 3 });
    const text = r.value!.parts[0]!.description!.long!.value;
    expect(text).toBe('<p>First <em>point</em></p><p>Second</p>');
    const { renderSite } = await import('../../src/render/render-site.ts');
    const { planViews } = await import('../../src/views/index.ts');
    const site = await renderSite(planViews(r.value!, { views: [] }).value);
    const html = new TextDecoder().decode(site.value.get('preview/g1/index.html'));
    expect(html).toContain('<p>First <em>point</em></p><p>Second</p>');
    expect(html).not.toContain('steal()');
    expect(html).not.toContain('&lt;p&gt;');
  });
});

describe('plain text that mentions tags', () => {
  it('is kept exactly as written, in descriptions and in text media', async () => {
    const words = 'Use the &lt;table&gt; element for data, not &lt;div&gt; soup &amp; friends.';
    const media = `<media mediamode="Text" mimetype="text/plain" contentreftype="text">${words}</media>`;
    const seg = `<goal><contentype><referential><indexid>g1</indexid></referential></contentype><description><short>x</short><long>${words}</long><full>${media}</full></description></goal>`;
    const r = await readPortfolio(writePackageFolder({ 'g.xml': lipFile(seg) }));
    const expected = 'Use the <table> element for data, not <div> soup & friends.';
    expect(r.value!.parts[0]!.description!.long!.value).toBe(expected);
    expect(r.value!.parts[0]!.description!.full[0]!.text).toBe(expected);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('HtmlSanitized');
  });
});
