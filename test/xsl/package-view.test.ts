/**
 * A package's own XSL view (ims-epView) with its presentationStyle cascade, from the fixture
 * test/fixtures/xsl-package: skipped unless allowed, rendered and sanitized when allowed.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildTo, page } from '../site/site-helpers.ts';
import { presentationsOf } from '../../src/formats/ims-package/presentations.ts';
import { readInput } from '../../src/read/index.ts';
import { readImsPackage } from '../../src/formats/ims-package/index.ts';
import { DiagnosticBag } from '../../src/diagnostics/index.ts';

const repo = resolve(import.meta.dirname, '../..');
const fixture = join(repo, 'test/fixtures/xsl-package');

describe('package XSL views', () => {
  it('finds the ims-epView and its CSS, organization level first', async () => {
    const bundle = (await readInput(fixture)).value!;
    const pkg = readImsPackage(bundle, new DiagnosticBag())!;
    expect(presentationsOf(pkg.manifest!)).toEqual([{ identifier: 'VIEW-CV', stylesheet: 'views/cv.xsl', styles: ['styles/house.css', 'styles/cv.css'], files: ['views/cv.xsl', 'views/labels.xml'] }]);
  });

  it('skips the package stylesheet unless allowed, and says so', async () => {
    const { out, result } = await buildTo(fixture);
    expect(result.value.written).toBe(true);
    const d = result.diagnostics.find((x) => x.code === 'PackageXslSkipped')!;
    expect(d.message).toContain('VIEW-CV');
    expect(d.location).toMatchObject({ file: join(fixture, 'vitrine.config.yaml'), line: 4, column: 10 });
    const front = page(out, 'packaged-cv/index.html');
    expect(front.querySelector('.pkg-cv')).toBeNull();
    expect(front.querySelectorAll('main section').length).toBeGreaterThan(0);
  }, 60_000);

  it('renders it when allowed: inside the layout, sanitized, with the CSS cascade', async () => {
    const { out, result } = await buildTo(fixture, { render: { allowPackageCode: true } });
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const front = page(out, 'packaged-cv/index.html');
    const section = front.querySelector('main .xsl-view section.pkg-cv')!;
    expect(section.querySelector('h2')!.text).toBe('Léa Moreau-Lindqvist');
    // labels.xml is a file of the package, read by the stylesheet with document().
    expect(section.querySelector('h3')!.text).toBe('Competencies');
    expect(section.querySelectorAll('ul.pkg-competencies li a').map((a) => a.getAttribute('href'))).toEqual(['competency-typography/index.html', 'competency-accessibility/index.html']);
    // The onclick handler the stylesheet wrote is gone, and the build says it removed something.
    expect(section.querySelector('h2')!.getAttribute('onclick')).toBeUndefined();
    expect(readFileSync(join(out, 'packaged-cv/index.html'), 'utf8')).not.toContain('alert(1)');
    expect(result.diagnostics.find((x) => x.code === 'HtmlSanitized')!.location!.file).toContain('views/cv.xsl');
    const links = front.querySelectorAll('link[rel=stylesheet]').map((l) => l.getAttribute('href'));
    expect(links).toEqual(['../theme/vitrine.css', 'package-style/1-house.css', 'package-style/2-cv.css']);
    const house = readFileSync(join(out, 'packaged-cv/package-style/1-house.css'), 'utf8');
    expect(house).toContain('.pkg-cv');
    expect(house).not.toContain('tracker.example');
    // The stylesheet itself and its data are not published.
    expect(existsSync(join(out, 'packaged-cv/files/views/cv.xsl'))).toBe(false);
  }, 60_000);

  it('reports a view naming a stylesheet the package does not have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-pkg-xsl-'));
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(join(dir, 'vitrine.config.yaml'), 'views:\n  - id: cv\n    xsl: { package: VIEW-NONE }\n    select:\n      - kind: identification\n');
    const { result } = await buildTo(dir, { render: { allowPackageCode: true } });
    expect(result.value.written).toBe(false);
    const d = result.diagnostics.find((x) => x.code === 'PackageXslMissing')!;
    expect(d.message).toContain('VIEW-CV');
    expect(d.location).toMatchObject({ file: join(dir, 'vitrine.config.yaml'), line: 3 });
  }, 60_000);

  it('reduces a whole page to its sanitized body, sanitizes result documents and refuses other types', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-pkg-xsl-'));
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(
      join(dir, 'views/cv.xsl'),
      `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="html" html-version="5"/>
<xsl:template match="/">
  <html><head><script>steal()</script></head><body><main class="own"><h2>Own page</h2><script>steal()</script><a href="javascript:steal()">x</a></main></body></html>
  <xsl:result-document href="more.html" method="html"><p onmouseover="steal()">more</p><iframe src="https://evil.example/"/></xsl:result-document>
  <xsl:result-document href="picture.svg" method="xml"><svg xmlns="http://www.w3.org/2000/svg"><script>steal()</script></svg></xsl:result-document>
</xsl:template>
</xsl:stylesheet>`,
    );
    const { out, result } = await buildTo(dir, { render: { allowPackageCode: true } });
    expect(result.value.written).toBe(true);
    const html = readFileSync(join(out, 'packaged-cv/index.html'), 'utf8');
    expect(html).not.toContain('steal()');
    // Inside the theme's layout, whatever the stylesheet made.
    const front = page(out, 'packaged-cv/index.html');
    expect(front.querySelector('main .xsl-view .own h2')!.text).toBe('Own page');
    expect(front.querySelector('link[href="../theme/vitrine.css"]')).not.toBeNull();
    const more = readFileSync(join(out, 'packaged-cv/more.html'), 'utf8');
    expect(more).toContain('<p>more</p>');
    expect(more).not.toMatch(/steal|iframe|evil\.example/);
    expect(existsSync(join(out, 'packaged-cv/picture.svg'))).toBe(false);
    const refused = result.diagnostics.find((x) => x.code === 'XslAccessRefused')!;
    expect(refused.message).toContain('picture.svg');
    expect(refused.severity).toBe('warning');
    expect(refused.location!.file).toContain('views/cv.xsl');
  }, 60_000);

  it('vitrine build --allow-package-xsl runs it from the command line', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vitrine-pkg-cli-')), '_site');
    const cache = mkdtempSync(join(tmpdir(), 'vitrine-pkg-cache-'));
    execFileSync(process.execPath, ['bin/vitrine.js', 'build', fixture, '--out', out, '--cache', cache, '--allow-package-xsl', '--quiet'], { cwd: repo, stdio: 'pipe' });
    expect(readFileSync(join(out, 'packaged-cv/index.html'), 'utf8')).toContain('class="pkg-cv"');
    // A package stylesheet is compiled anew each build: nothing of it is cached.
    expect(existsSync(join(cache, 'xsl'))).toBe(false);
  }, 60_000);
});
