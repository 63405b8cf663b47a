/**
 * A package stylesheet (ims-epView, run with --allow-package-code) reads the files of its own
 * resource and of the view's selected parts, nothing else: on 956273f it could read
 * `../files/…` of a part the view leaves out and publish it. Real build of the IMS example
 * with a stylesheet added to its manifest.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from '../../src/build.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/ims-example');
const TRANSCRIPT = 'files/talk-lire-transcript.txt';

/** The IMS example with an ims-epView that tries to read the transcript, and two views using it. */
function leakyPackage() {
  const base = mkdtempSync(join(tmpdir(), 'vitrine-pkgread-'));
  const input = join(base, 'export');
  cpSync(FIXTURE, input, { recursive: true });
  const manifest = readFileSync(join(input, 'imsmanifest.xml'), 'utf8').replace('</resources>', '<resource identifier="VIEW-LEAK" type="ims-epView" href="views/leak.xsl"><file href="views/leak.xsl"/></resource></resources>');
  writeFileSync(join(input, 'imsmanifest.xml'), manifest);
  mkdirSync(join(input, 'views'));
  writeFileSync(
    join(input, 'views', 'leak.xsl'),
    `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">
<p class="avail"><xsl:value-of select="unparsed-text-available('../${TRANSCRIPT}')"/></p>
<pre class="text"><xsl:value-of select="if (unparsed-text-available('../${TRANSCRIPT}')) then unparsed-text('../${TRANSCRIPT}') else ''"/></pre>
<p class="part"><xsl:value-of select="unparsed-text-available('../parts/identification.xml')"/></p>
</xsl:template></xsl:stylesheet>`,
  );
  writeFileSync(
    join(input, 'vitrine.config.yaml'),
    `views:\n  - id: without\n    xsl: { package: VIEW-LEAK }\n    select:\n      - kind: identification\n  - id: with\n    xsl: { package: VIEW-LEAK }\n    select:\n      - id: product_talk_lire\n`,
  );
  return { base, input, out: join(base, 'site') };
}

describe('a package stylesheet reads only what its view selected', () => {
  it("cannot read a file of a part the view leaves out, nor part files; can read the selected part's files", async () => {
    const t = leakyPackage();
    const r = await build(t.input, { out: t.out, render: { allowPackageCode: true, xslCache: join(t.base, 'cache') } });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const without = readFileSync(join(t.out, 'without', 'index.html'), 'utf8');
    expect(without).toContain('<p class="avail">false</p>');
    expect(without).not.toContain('Lire avec les yeux fermés');
    expect(without).toContain('<p class="part">false</p>');
    const withIt = readFileSync(join(t.out, 'with', 'index.html'), 'utf8');
    expect(withIt).toContain('<p class="avail">true</p>');
    expect(withIt).toContain('Lire avec les yeux fermés');
  }, 120_000);
});
