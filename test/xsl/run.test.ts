/**
 * Running stylesheets: real saxon-js in a real child process. Compile and run errors point at
 * the stylesheet's file:line, the time limit stops a loop, compiled stylesheets are cached by
 * the content of every module, and result documents stay inside the view folder.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticBag } from '../../src/diagnostics/index.ts';
import { createXslContext, runXsl } from '../../src/render/xsl/run.ts';

// One XSL context for the file, as one build has: its processes end with the file.
const ctx = createXslContext();
afterAll(() => ctx.close());
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

/** Runs that reached a stylesheet process (a remembered result reaches none). */
const processRuns = () => ctx.log.filter((r) => r.pid !== undefined).length;

async function run(dir: string, name: string, extra: Partial<Parameters<typeof runXsl>[1]> = {}) {
  const bag = new DiagnosticBag();
  const out = await runXsl(ctx, { stylesheet: join(dir, name), source, params: { 'view-id': 'v1' }, roots: [dir], ...extra }, bag);
  return { out, bag, codes: bag.items.map((d) => d.code) };
}

/** Whether a process is still running (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
    const afterSecond = processRuns();
    const third = await run(dir, 'memo.xsl', { cacheDir });
    // The third run had the compiled stylesheet and the same inputs: no process ran it.
    expect(processRuns()).toBe(afterSecond);
    expect(third.out!.pid).toBeUndefined();
    expect(third.out!.output).toBe(second.out!.output);
    // Another parameter, another document, an edited file it reads: each runs it again.
    const other = await run(dir, 'memo.xsl', { cacheDir, params: { 'view-id': 'v2' } });
    expect(other.out!.output).toContain('<p>v2:2:one</p>');
    const doc = await run(dir, 'memo.xsl', { cacheDir, source: '<doc><item/></doc>' });
    expect(doc.out!.output).toContain('<p>v1:1:one</p>');
    writeFileSync(join(dir, 'data.xml'), '<d>two, longer</d>');
    const edited = await run(dir, 'memo.xsl', { cacheDir });
    expect(edited.out!.output).toContain('<p>v1:2:two, longer</p>');
    expect(processRuns()).toBe(afterSecond + 3);
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

  it('stops a stylesheet that never ends at the time limit, and the next run gets a fresh process', async () => {
    const dir = project({
      'loop.xsl': `<xsl:stylesheet version="3.0" ${XSL}><xsl:param name="view-id"/><xsl:template match="/"><xsl:if test="$view-id = 'runaway'"><xsl:iterate select="1 to 100000000000"><xsl:next-iteration/></xsl:iterate></xsl:if><p>done <xsl:value-of select="$view-id"/></p></xsl:template></xsl:stylesheet>`,
    });
    const warm = await run(dir, 'loop.xsl', { timeLimitMs: 10_000 });
    expect(warm.out!.output).toContain('<p>done v1</p>');
    const started = Date.now();
    const { out, bag } = await run(dir, 'loop.xsl', { timeLimitMs: 2500, params: { 'view-id': 'runaway' } });
    expect(out).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(15_000);
    const d = bag.items.find((x) => x.code === 'XslTimeLimit')!;
    expect(d.location).toMatchObject({ file: join(dir, 'loop.xsl') });
    // The runaway ran in the warm process (the same pid), which is now gone...
    const killed = ctx.log.at(-1)!.pid!;
    expect(killed).toBe(warm.out!.pid);
    await new Promise((ok) => setTimeout(ok, 200));
    expect(alive(killed)).toBe(false);
    // ...and the next run of the same stylesheet works, in a new process.
    const next = await run(dir, 'loop.xsl', { timeLimitMs: 10_000, params: { 'view-id': 'after' } });
    expect(next.codes).toEqual([]);
    expect(next.out!.output).toContain('<p>done after</p>');
    expect(next.out!.pid).not.toBe(killed);
  }, 120_000);

  it('keeps one warm process per stylesheet and audience, and never shares a protected one', async () => {
    const own = createXslContext();
    try {
      const dir = project({ 'v.xsl': `<xsl:stylesheet version="1.0" ${XSL}><xsl:param name="view-id"/><xsl:template match="/"><p><xsl:value-of select="$view-id"/>:<xsl:value-of select="count(//item)"/></p></xsl:template></xsl:stylesheet>` });
      const go = async (view: string, audience: string) => {
        const bag = new DiagnosticBag();
        const out = await runXsl(own, { stylesheet: join(dir, 'v.xsl'), source, params: { 'view-id': view }, roots: [dir], audience }, bag);
        expect(bag.items).toEqual([]);
        expect(out!.output).toContain(`<p>${view}:2`);
        return out!;
      };
      const a = await go('a', 'public');
      const b = await go('b', 'public');
      const c = await go('c', 'public');
      // One process for the three public runs; the stylesheet was compiled once.
      expect(new Set([a.pid, b.pid, c.pid]).size).toBe(1);
      expect(own.stats.compiles).toBe(1);
      expect(b.cached).toBe(true);
      // Unlisted runs get their own; each protected view gets one of its own.
      const u = await go('u', 'unlisted');
      const p1 = await go('p1', 'protected:p1');
      const p2 = await go('p2', 'protected:p2');
      const p1again = await go('p1-again', 'protected:p1');
      expect(new Set([a.pid, u.pid, p1.pid, p2.pid]).size).toBe(4);
      expect(p1again.pid).toBe(p1.pid);
      expect(own.stats.started).toBe(4);
      expect(own.stats.compiles).toBe(1);
      // An edited stylesheet (vitrine serve) is compiled again and runs in the same process.
      writeFileSync(join(dir, 'v.xsl'), `<xsl:stylesheet version="1.0" ${XSL}><xsl:param name="view-id"/><xsl:template match="/"><p><xsl:value-of select="$view-id"/>:<xsl:value-of select="count(//item)"/>:edited</p></xsl:template></xsl:stylesheet>`);
      const edited = await go('e', 'public');
      expect(edited.output).toContain('<p>e:2:edited</p>');
      expect(edited.pid).toBe(a.pid);
      expect(own.stats.compiles).toBe(2);
    } finally {
      own.close();
    }
    await new Promise((ok) => setTimeout(ok, 200));
    for (const r of own.log) expect(alive(r.pid!)).toBe(false);
    expect(own.alive()).toEqual([]);
  }, 120_000);

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
