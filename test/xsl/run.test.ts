/**
 * Running stylesheets: real saxon-js in a real child process. Compile and run errors point at
 * the stylesheet's file:line, the time limit stops a loop, compiled stylesheets are cached by
 * the content of every module, and result documents stay inside the view folder.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticBag } from '../../src/diagnostics/index.ts';
import { runXsl, xslChildRuns } from '../../src/render/xsl/run.ts';
import { placeOutput } from '../../src/render/xsl/render-xsl.ts';

const XSL = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"';
const source = '<?xml version="1.0"?><doc><item>a</item><item>b</item></doc>';

function project(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-xsl-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function run(dir: string, name: string, extra: Partial<Parameters<typeof runXsl>[0]> = {}) {
  const bag = new DiagnosticBag();
  const out = await runXsl({ stylesheet: join(dir, name), source, params: { 'view-id': 'v1' }, roots: [dir], ...extra }, bag);
  return { out, bag, codes: bag.items.map((d) => d.code) };
}

describe('running a stylesheet', () => {
  it('runs a cached stylesheet again only when its document, parameters or readable files change', async () => {
    const dir = project({
      'memo.xsl': `<xsl:stylesheet version="3.0" ${XSL}><xsl:param name="view-id"/><xsl:template match="/"><p><xsl:value-of select="$view-id"/>:<xsl:value-of select="count(//item)"/>:<xsl:value-of select="doc('data.xml')/d"/></p></xsl:template></xsl:stylesheet>`,
      'data.xml': '<d>one</d>',
    });
    const cacheDir = join(dir, '.cache');
    const first = await run(dir, 'memo.xsl', { cacheDir });
    expect(first.out!.output).toContain('<p>v1:2:one</p>');
    const second = await run(dir, 'memo.xsl', { cacheDir });
    const afterSecond = xslChildRuns();
    const third = await run(dir, 'memo.xsl', { cacheDir });
    // The third run had the compiled stylesheet and the same inputs: no child process.
    expect(xslChildRuns()).toBe(afterSecond);
    expect(third.out!.output).toBe(second.out!.output);
    // Another parameter, another document, an edited file it reads: each runs it again.
    const other = await run(dir, 'memo.xsl', { cacheDir, params: { 'view-id': 'v2' } });
    expect(other.out!.output).toContain('<p>v2:2:one</p>');
    const doc = await run(dir, 'memo.xsl', { cacheDir, source: '<doc><item/></doc>' });
    expect(doc.out!.output).toContain('<p>v1:1:one</p>');
    writeFileSync(join(dir, 'data.xml'), '<d>two, longer</d>');
    const edited = await run(dir, 'memo.xsl', { cacheDir });
    expect(edited.out!.output).toContain('<p>v1:2:two, longer</p>');
    expect(xslChildRuns()).toBe(afterSecond + 3);
  });

  it('runs XSLT 1.0, 2.0 and 3.0 stylesheets with the view parameters', async () => {
    const dir = project({
      'v1.xsl': `<xsl:stylesheet version="1.0" ${XSL}><xsl:param name="view-id"/><xsl:template match="/"><p><xsl:value-of select="$view-id"/>:<xsl:value-of select="count(//item)"/></p></xsl:template></xsl:stylesheet>`,
      'v2.xsl': `<xsl:stylesheet version="2.0" ${XSL}><xsl:output method="html"/><xsl:template match="/"><p><xsl:value-of select="string-join(//item, '+')"/></p></xsl:template></xsl:stylesheet>`,
      'v3.xsl': `<xsl:stylesheet version="3.0" ${XSL} expand-text="yes"><xsl:template match="/"><p>{ sort(//item ! string(), (), function($s) { -string-length($s) }) => string-join('') }</p></xsl:template></xsl:stylesheet>`,
    });
    const a = await run(dir, 'v1.xsl');
    expect(a.codes).toEqual([]);
    expect(a.out!.output).toContain('<p>v1:2</p>');
    const b = await run(dir, 'v2.xsl');
    expect(b.out!.method).toBe('html');
    expect(b.out!.output).toContain('<p>a+b</p>');
    const c = await run(dir, 'v3.xsl');
    expect(c.out!.output).toContain('<p>ab</p>');
  });

  it('reports a compile error at the stylesheet line', async () => {
    const dir = project({ 'bad.xsl': `<xsl:stylesheet version="3.0" ${XSL}>\n<xsl:template match="/">\n\n  <xsl:value-of select="count(//item"/>\n</xsl:template>\n</xsl:stylesheet>` });
    const { out, bag } = await run(dir, 'bad.xsl');
    expect(out).toBeUndefined();
    const d = bag.items.find((x) => x.code === 'XslCompileFailed')!;
    expect(d).toBeDefined();
    expect(d.location).toMatchObject({ file: join(dir, 'bad.xsl'), line: 4 });
  });

  it('reports a run error at the stylesheet line', async () => {
    const dir = project({ 'err.xsl': `<xsl:stylesheet version="3.0" ${XSL}>\n<xsl:template match="/">\n\n\n  <p><xsl:sequence select="error(QName('urn:x', 'oops'), 'the view has no owner')"/></p>\n</xsl:template>\n</xsl:stylesheet>` });
    const { out, bag } = await run(dir, 'err.xsl');
    expect(out).toBeUndefined();
    const d = bag.items.find((x) => x.code === 'XslRunFailed')!;
    expect(d.message).toContain('the view has no owner');
    expect(d.location).toMatchObject({ file: join(dir, 'err.xsl'), line: 5 });
  });

  it('stops a stylesheet that never ends at the time limit', async () => {
    const dir = project({ 'loop.xsl': `<xsl:stylesheet version="3.0" ${XSL}><xsl:template match="/"><xsl:iterate select="1 to 100000000000"><xsl:next-iteration/></xsl:iterate></xsl:template></xsl:stylesheet>` });
    const started = Date.now();
    const { out, bag } = await run(dir, 'loop.xsl', { timeLimitMs: 2500 });
    expect(out).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(15_000);
    const d = bag.items.find((x) => x.code === 'XslTimeLimit')!;
    expect(d.location).toMatchObject({ file: join(dir, 'loop.xsl') });
  }, 30_000);

  it('caches the compiled stylesheet and compiles again when an included module changes', async () => {
    const dir = project({
      'main.xsl': `<xsl:stylesheet version="3.0" ${XSL}><xsl:include href="inc/part.xsl"/><xsl:template match="/"><p><xsl:call-template name="x"/></p></xsl:template></xsl:stylesheet>`,
      'inc/part.xsl': `<xsl:stylesheet version="3.0" ${XSL}><xsl:template name="x">one</xsl:template></xsl:stylesheet>`,
    });
    const cacheDir = join(dir, 'cache');
    const first = await run(dir, 'main.xsl', { cacheDir });
    expect(first.out).toMatchObject({ cached: false });
    expect(first.out!.output).toContain('<p>one</p>');
    const second = await run(dir, 'main.xsl', { cacheDir });
    expect(second.out).toMatchObject({ cached: true });
    expect(second.out!.output).toContain('<p>one</p>');
    writeFileSync(join(dir, 'inc/part.xsl'), `<xsl:stylesheet version="3.0" ${XSL}><xsl:template name="x">two</xsl:template></xsl:stylesheet>`);
    const third = await run(dir, 'main.xsl', { cacheDir });
    expect(third.out).toMatchObject({ cached: false });
    expect(third.out!.output).toContain('<p>two</p>');
  }, 30_000);

  it('says when the cache cannot be written, and still renders', async () => {
    const dir = project({ 'v.xsl': `<xsl:stylesheet version="1.0" ${XSL}><xsl:template match="/"><p>ok</p></xsl:template></xsl:stylesheet>`, 'not-a-folder': 'x' });
    const { out, bag } = await run(dir, 'v.xsl', { cacheDir: join(dir, 'not-a-folder') });
    expect(out!.output).toContain('<p>ok</p>');
    const d = bag.items.find((x) => x.code === 'XslCacheUnwritable')!;
    expect(d.location).toMatchObject({ file: join(dir, 'not-a-folder') });
  });

  it('keeps result documents in memory, relative to the view folder', async () => {
    const dir = project({
      'rd.xsl': `<xsl:stylesheet version="3.0" ${XSL}><xsl:template match="/"><p>front</p><xsl:result-document href="more/list.html" method="html"><ul><li>x</li></ul></xsl:result-document></xsl:template></xsl:stylesheet>`,
      'up.xsl': `<xsl:stylesheet version="3.0" ${XSL}>\n<xsl:template match="/">\n<xsl:result-document href="../escape.html"><p>x</p></xsl:result-document>\n</xsl:template></xsl:stylesheet>`,
    });
    const ok = await run(dir, 'rd.xsl');
    expect([...ok.out!.documents.keys()]).toEqual(['more/list.html']);
    expect(ok.out!.documents.get('more/list.html')).toContain('<li>x</li>');
    const up = await run(dir, 'up.xsl');
    expect(up.out).toBeUndefined();
    const d = up.bag.items.find((x) => x.code === 'XslAccessRefused')!;
    expect(d.message).toContain('../escape.html');
    expect(d.location).toMatchObject({ file: join(dir, 'up.xsl'), line: 3 });
  });

  it('reports a stylesheet that does not exist', async () => {
    const dir = project({});
    const { bag } = await run(dir, 'missing.xsl');
    expect(bag.items[0]).toMatchObject({ code: 'XslNotFound', location: { file: join(dir, 'missing.xsl') } });
  });

  it('tells a whole page from a fragment', () => {
    expect(placeOutput('<!DOCTYPE html><html><body/></html>')).toHaveProperty('page');
    expect(placeOutput('<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>').page).toMatch(/^<!DOCTYPE html>\n<html/);
    expect(placeOutput('<div>x</div>')).toEqual({ fragment: '<div>x</div>' });
  });
});
