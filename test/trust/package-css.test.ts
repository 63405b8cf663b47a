/**
 * A package's CSS reaches no other host (issue 12): on 956273f a regular expression filtered
 * it, and escapes (`u\72l(`, `url(h\74tps:…)`) and `image-set("https://…")` went through. Real
 * build of the XSL package fixture with hostile CSS, the published stylesheet read back.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from '../../src/build.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/xsl-package');

const HOSTILE = String.raw`.a { color: #123; background: u\72l(https://evil.example/1) }
.b { background: url(h\74tps://evil.example/2); margin: 0 }
.c { background-image: image-set("https://evil.example/3" 1x) }
.d { background: \75 rl(//evil.example/4) }
.e { --x: url(https://evil.example/5) }
.f { background: url("ht	tps://evil.example/6") }
@font-face { font-family: F; src: url(https://evil.example/7.woff) }
@import "https://evil.example/8.css";
@media screen { .g { background: url(https://evil.example/9); color: green } }
.h { background: url(local/ok.png) }`;

describe('package CSS is parsed, not pattern-matched', () => {
  it('publishes none of the escaped or image-set references to another host, and keeps the rest', async () => {
    const base = mkdtempSync(join(tmpdir(), 'vitrine-pkgcss-'));
    const input = join(base, 'pkg');
    cpSync(FIXTURE, input, { recursive: true });
    writeFileSync(join(input, 'styles', 'house.css'), HOSTILE);
    const out = join(base, 'site');
    const r = await build(input, { out, render: { allowPackageCode: true, xslCache: join(base, 'cache') } });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.find((d) => d.code === 'PackageCssFiltered')!.location!.file).toBe(`${input}/styles/house.css`);
    const dir = join(out, 'packaged-cv', 'package-style');
    const css = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    expect(css).not.toContain('evil.example');
    expect(css).toMatch(/color:\s*#123/);
    expect(css).toMatch(/color:\s*green/);
    expect(css).toContain('url(local/ok.png)');
  }, 120_000);
});
