/**
 * A package's config is data: an unpacked IMS export folder that carries a vitrine.config.yaml
 * naming its own Nunjucks templates (which reach `Function` through `range.constructor`) or
 * its own stylesheet must not run them; its views still build. Real build, real Eleventy.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from '../../src/build.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/ims-example');

/** A copy of the IMS example whose config adds `extra` to its first view, and the proof file path. */
function hostileExport(extra: string) {
  const base = mkdtempSync(join(tmpdir(), 'vitrine-trust-'));
  const input = join(base, 'export');
  cpSync(FIXTURE, input, { recursive: true });
  const pwned = join(base, 'pwned.txt');
  const config = readFileSync(join(input, 'vitrine.config.yaml'), 'utf8').replace('  - id: studio-nord\n', `  - id: studio-nord\n${extra}`);
  writeFileSync(join(input, 'vitrine.config.yaml'), config);
  mkdirSync(join(input, 'evil', 'layouts'), { recursive: true });
  // Nunjucks lets a template reach Function: this runs child_process in the build's process.
  const payload = `{{ range.constructor("process.getBuiltinModule('node:child_process').execSync('echo owned > ${pwned}')")() }}`;
  writeFileSync(join(input, 'evil', 'layouts', 'base.njk'), `${payload}<!DOCTYPE html><html><body>{{ content | safe }}</body></html>`);
  writeFileSync(join(input, 'evil.xsl'), `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><p>package stylesheet ran</p></xsl:template></xsl:stylesheet>`);
  return { base, input, pwned, out: join(base, 'site') };
}

describe('a package config is data', () => {
  it('does not run templates an unpacked export names in its config, and says so', async () => {
    const t = hostileExport('    theme: { templates: evil }\n');
    const r = await build(t.input, { out: t.out, render: { xslCache: join(t.base, 'cache') } });
    expect(existsSync(t.pwned), 'the package template ran code').toBe(false);
    const refused = r.diagnostics.filter((d) => d.code === 'PackageCodeRefused');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.location).toMatchObject({ file: join(t.input, 'vitrine.config.yaml'), line: expect.any(Number) });
    // The views of the config are still data: they build, with the theme's own templates.
    expect(r.value.written).toBe(true);
    expect(r.value.views.map((v) => v.id)).toContain('studio-nord');
    expect(readFileSync(join(t.out, 'studio-nord', 'index.html'), 'utf8')).toContain('theme/vitrine.css');
  }, 120_000);

  it('still refuses package templates with --allow-package-code: no Nunjucks sandbox exists', async () => {
    const t = hostileExport('    theme: { templates: evil }\n');
    const r = await build(t.input, { out: t.out, render: { xslCache: join(t.base, 'cache'), allowPackageCode: true } });
    expect(existsSync(t.pwned)).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('PackageCodeRefused');
  }, 120_000);

  it('does not run a stylesheet the package config names, unless the build allows package code', async () => {
    const t = hostileExport('    xsl: evil.xsl\n');
    const r = await build(t.input, { out: t.out, render: { xslCache: join(t.base, 'cache') } });
    expect(r.diagnostics.map((d) => d.code)).toContain('PackageCodeRefused');
    expect(readFileSync(join(t.out, 'studio-nord', 'index.html'), 'utf8')).not.toContain('package stylesheet ran');
    const allowed = await build(t.input, { out: join(t.base, 'site2'), render: { xslCache: join(t.base, 'cache'), allowPackageCode: true } });
    expect(allowed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(readFileSync(join(t.base, 'site2', 'studio-nord', 'index.html'), 'utf8')).toContain('package stylesheet ran');
  }, 120_000);

  it("treats a config that is a symbolic link inside the package as the package's", async () => {
    const t = hostileExport('    theme: { templates: evil }\n');
    renameSync(join(t.input, 'vitrine.config.yaml'), join(t.base, 'elsewhere.yaml'));
    symlinkSync(join(t.base, 'elsewhere.yaml'), join(t.input, 'vitrine.config.yaml'));
    const r = await build(t.input, { out: t.out, render: { xslCache: join(t.base, 'cache') } });
    expect(existsSync(t.pwned)).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('PackageCodeRefused');
  }, 120_000);

  it('keeps trusting a config the user names outside the package (--config)', async () => {
    const t = hostileExport('');
    writeFileSync(join(t.base, 'own.yaml'), 'views:\n  - id: mine\n    theme: { templates: export/evil }\n    select:\n      - kind: identification\n');
    writeFileSync(join(t.input, 'evil', 'layouts', 'base.njk'), '<!DOCTYPE html><html><body class="own-layout">{{ content | safe }}</body></html>');
    const r = await build(t.input, { out: t.out, config: join(t.base, 'own.yaml'), render: { xslCache: join(t.base, 'cache') } });
    expect(r.diagnostics.map((d) => d.code)).not.toContain('PackageCodeRefused');
    expect(readFileSync(join(t.out, 'mine', 'index.html'), 'utf8')).toContain('own-layout');
  }, 120_000);

  it('vitrine build --allow-package-code is the flag (and says PackageCodeRefused without it)', () => {
    const t = hostileExport('    xsl: evil.xsl\n');
    const repo = resolve(import.meta.dirname, '../..');
    const run = (flags: string[], out: string) => spawnSync(process.execPath, ['bin/vitrine.js', 'build', t.input, '--out', out, '--cache', join(t.base, 'cache'), ...flags], { cwd: repo, encoding: 'utf8' });
    const without = run([], join(t.base, 'a'));
    expect(without.stdout + without.stderr).toMatch(/vitrine\.config\.yaml:\d+:\d+ +warning .*\[PackageCodeRefused\]/);
    const allowed = run(['--allow-package-code'], join(t.base, 'b'));
    expect(allowed.status).toBe(0);
    expect(readFileSync(join(t.base, 'b', 'studio-nord', 'index.html'), 'utf8')).toContain('package stylesheet ran');
  }, 120_000);
});

describe('a planted portfolio.yaml does not make an export the user\'s own project', () => {
  it('still refuses the templates of an export folder that carries imsmanifest.xml and a portfolio.yaml', async () => {
    const t = hostileExport('    theme: { templates: evil }\n');
    writeFileSync(join(t.input, 'portfolio.yaml'), 'title: Looks authored\nlang: en\n');
    const r = await build(t.input, { out: t.out, render: { xslCache: join(t.base, 'cache') } });
    expect(existsSync(t.pwned), 'the package template ran code').toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('PackageCodeRefused');
  }, 120_000);

  it('still refuses the templates of a Leap2A export folder with a planted portfolio.yaml', async () => {
    const t = hostileExport('    theme: { templates: evil }\n');
    writeFileSync(join(t.input, 'portfolio.yaml'), 'title: Looks authored\nlang: en\n');
    renameSync(join(t.input, 'imsmanifest.xml'), join(t.input, 'old-manifest.txt'));
    writeFileSync(join(t.input, 'leap2a.xml'), '<feed xmlns="http://www.w3.org/2005/Atom"/>');
    const r = await build(t.input, { out: t.out, render: { xslCache: join(t.base, 'cache') } });
    expect(existsSync(t.pwned), 'the package template ran code').toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('PackageCodeRefused');
  }, 120_000);
});

describe('a package stylesheet allowed with --allow-package-code still makes no live markup', () => {
  it("sanitizes the page and result documents of the package config's own stylesheet", async () => {
    const t = hostileExport('    xsl: evil.xsl\n');
    writeFileSync(join(t.input, 'evil.xsl'), `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">
<p>package stylesheet ran</p><script>steal()</script><img src="a.png" onerror="steal()"/>
<xsl:result-document href="more.html" method="html"><html><body><p>more</p><script>steal()</script></body></html></xsl:result-document>
<xsl:result-document href="more.svg" method="xml"><svg xmlns="http://www.w3.org/2000/svg"><script>steal()</script></svg></xsl:result-document>
</xsl:template></xsl:stylesheet>`);
    const r = await build(t.input, { out: t.out, render: { xslCache: join(t.base, 'cache'), allowPackageCode: true } });
    const page = readFileSync(join(t.out, 'studio-nord', 'index.html'), 'utf8');
    expect(page).toContain('package stylesheet ran');
    expect(page).not.toContain('steal()');
    const more = join(t.out, 'studio-nord', 'more.html');
    if (existsSync(more)) expect(readFileSync(more, 'utf8')).not.toContain('steal()');
    expect(existsSync(join(t.out, 'studio-nord', 'more.svg')), 'an SVG result document of a package stylesheet').toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('HtmlSanitized');
  }, 120_000);
});

describe('a single file of an export folder given as the input', () => {
  it("does not run the templates of the export's config found beside that file", async () => {
    const base = mkdtempSync(join(tmpdir(), 'vitrine-trust-'));
    const input = join(base, 'export');
    mkdirSync(join(input, 'evil', 'layouts'), { recursive: true });
    cpSync(resolve(import.meta.dirname, '../fixtures/leap2a/ns-2010-07.xml'), join(input, 'leap2a.xml'));
    const pwned = join(base, 'pwned.txt');
    writeFileSync(join(input, 'vitrine.config.yaml'), 'views:\n  - id: cv\n    theme: { templates: evil }\n    select:\n      - kind: identification\n');
    writeFileSync(join(input, 'evil', 'layouts', 'base.njk'), `{{ range.constructor("process.getBuiltinModule('node:child_process').execSync('echo owned > ${pwned}')")() }}<!DOCTYPE html><html><body>{{ content | safe }}</body></html>`);
    const r = await build(join(input, 'leap2a.xml'), { out: join(base, 'site'), render: { xslCache: join(base, 'cache') } });
    expect(existsSync(pwned), 'the package template ran code').toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('PackageCodeRefused');
  }, 120_000);
});
