/**
 * XSL views in a real build: the example's XSL view is rendered from xsl/portfolio.xsl inside
 * the theme's layout, a whole-page stylesheet replaces the front page, and the config field is
 * validated.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildTo, page } from '../site/site-helpers.ts';
import { parseSiteConfig } from '../../src/views/config.ts';
import { createXslContext } from '../../src/render/xsl/context.ts';

const repo = resolve(import.meta.dirname, '../..');
const content = join(repo, 'content');

/** A copy of the example with its config replaced, and a stylesheet folder beside it. */
function example(config: string, xsl: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-xsl-site-'));
  cpSync(content, join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, 'content', 'vitrine.config.yaml'), config);
  cpSync(join(repo, 'xsl'), join(dir, 'xsl'), { recursive: true });
  for (const [name, text] of Object.entries(xsl)) writeFileSync(join(dir, 'xsl', name), text);
  return join(dir, 'content');
}

describe('XSL views in a build', () => {
  it('renders the example XSL view inside the theme layout, with its result document', async () => {
    const { out, result } = await buildTo(content, { view: 'xsl-overview' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const front = page(out, 'xsl-overview/index.html');
    // The theme's layout: its stylesheet, skip link and main landmark around the fragment.
    expect(front.querySelector('link[rel=stylesheet]')!.getAttribute('href')).toBe('../theme/vitrine.css');
    const frag = front.querySelector('main .xsl-portfolio')!;
    expect(frag.getAttribute('data-view')).toBe('xsl-overview');
    const items = frag.querySelectorAll('li.xsl-part');
    const summary = result.value.views.find((v) => v.id === 'xsl-overview')!;
    expect(items.length).toBe(summary.parts);
    expect(items[0]!.querySelector('a')!.text).toBe('Léa Moreau-Lindqvist');
    // Every link the stylesheet made points at a file of the site.
    for (const a of frag.querySelectorAll('a')) expect(existsSync(join(out, 'xsl-overview', a.getAttribute('href')!)), a.getAttribute('href')).toBe(true);
    expect(frag.text).toContain('Evidence: “Nord”, typographic poster');
    // Descriptions arrive formatted (v:description/v:html), never as literal tags.
    expect(frag.querySelectorAll('.xsl-text p').length).toBeGreaterThan(3);
    expect(frag.toString()).not.toMatch(/&lt;\/?(p|strong|ul|em)&gt;|xmlns=/);
    const parts = readFileSync(join(out, 'xsl-overview', 'parts.xml'), 'utf8');
    expect(parts).toContain('<part id="competency_typography" kind="competency" href="competency-typography/index.html">Typography and typesetting</part>');
    // Part pages stay the theme's.
    expect(existsSync(join(out, 'xsl-overview', 'competency-typography', 'index.html'))).toBe(true);
  }, 120_000);

  it('writes a whole page as the stylesheet made it; a missing stylesheet leaves the view to the theme', async () => {
    const config = (xsl: string) => `views:\n  - id: cv\n    xsl: ../xsl/${xsl}\n    select:\n      - kind: identification\n`;
    const whole = example(config('page.xsl'), {
      'page.xsl': `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:v="urn:vitrine:xsl-view:1" exclude-result-prefixes="v"><xsl:output method="html" html-version="5"/><xsl:template match="/"><html lang="en"><head><title>Own page</title></head><body><h1><xsl:value-of select="//v:part/@title"/></h1></body></html></xsl:template></xsl:stylesheet>`,
    });
    const a = await buildTo(whole);
    expect(a.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const html = readFileSync(join(a.out, 'cv', 'index.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).not.toContain('vitrine.css');
    expect(page(a.out, 'cv/index.html').querySelector('h1')!.text).toBe('Léa Moreau-Lindqvist');

    const broken = example(config('missing.xsl'), {});
    const b = await buildTo(broken);
    expect(b.result.value.written).toBe(true);
    const d = b.result.diagnostics.find((x) => x.code === 'XslNotFound')!;
    expect(d.severity).toBe('warning');
    expect(d.location).toMatchObject({ file: join(broken, 'vitrine.config.yaml'), line: 3 });
    expect(page(b.out, 'cv/index.html').querySelector('main')!.text).toContain('Léa Moreau-Lindqvist');
    expect(readFileSync(join(b.out, 'cv/index.html'), 'utf8')).toContain('vitrine.css');
    // With --strict the warning stops the build.
    const strict = await buildTo(broken, { strict: true });
    expect(strict.result.value.written).toBe(false);
  }, 120_000);

  it('runs views of one stylesheet in one warm process; a protected view gets its own, and all end with the build', async () => {
    const view = (id: string, access: string) => `  - id: ${id}\n    access: ${access}\n    xsl: ../xsl/portfolio.xsl\n    select:\n      - kind: competency\n`;
    const input = example(`views:\n${view('one', 'public')}${view('two', 'public')}${view('vault', 'protected')}${view('safe', 'protected')}`, {});
    const ctx = createXslContext();
    const { out, result } = await buildTo(input, { render: { xslContext: ctx, kdfIterations: 1000 } });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(page(out, 'one/index.html').querySelector('main .xsl-portfolio')!.getAttribute('data-view')).toBe('one');
    expect(page(out, 'two/index.html').querySelector('main .xsl-portfolio')!.getAttribute('data-view')).toBe('two');
    const pid = (audience: string) => ctx.log.filter((r) => r.audience === audience).map((r) => r.pid);
    // The two public views: one process, the stylesheet compiled once for the build.
    expect(pid('public')).toHaveLength(2);
    expect(new Set(pid('public')).size).toBe(1);
    expect(ctx.stats.compiles).toBe(1);
    // Each protected view: a process of its own, shared with no other view.
    const vault = pid('protected:vault');
    const safe = pid('protected:safe');
    expect(vault).toHaveLength(1);
    expect(safe).toHaveLength(1);
    expect(new Set([pid('public')[0], vault[0], safe[0]]).size).toBe(3);
    expect(ctx.stats.started).toBe(3);
    // A context the caller made is the caller's to close (vitrine serve keeps one across rebuilds).
    expect(ctx.alive()).toHaveLength(3);
    ctx.close();
    expect(ctx.alive()).toEqual([]);
  }, 120_000);

  it('validates the xsl field of a view', () => {
    const parse = (xsl: string) => parseSiteConfig(`views:\n  - id: v\n    xsl: ${xsl}\n    select:\n      - kind: goal\n`, 'vitrine.config.yaml');
    expect(parse('xsl/a.xsl').value.views[0]!.xsl).toMatchObject({ file: 'xsl/a.xsl' });
    expect(parse('{ package: VIEW-1 }').value.views[0]!.xsl).toMatchObject({ package: 'VIEW-1' });
    for (const bad of ['12', 'xsl/a.css', '{ pkg: X }', '{}']) {
      const r = parse(bad);
      expect(r.value.views, bad).toEqual([]);
      expect(r.diagnostics.find((x) => x.code === 'ConfigInvalid')!.location, bad).toMatchObject({ file: 'vitrine.config.yaml', line: 3 });
    }
  });
});
