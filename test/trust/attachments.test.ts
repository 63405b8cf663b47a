/**
 * Files from an input never reach the site with live script (issue 12): an SVG is sanitized,
 * an HTML attachment becomes a sanitized page with a no-script policy, an XML file (which
 * browsers run as XHTML or through an XSLT processing instruction) is offered as `.txt`. Real
 * build of the IMS example with hostile files added to a part; the site is queried as HTML.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from '../../src/build.ts';
import { sanitizeSvg } from '../../src/model/svg-sanitize.ts';
import { publishedFilePath, publishingOf } from '../../src/render/attachments.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/ims-example');

const SVG = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40" onload="steal()">
  <script>steal()</script>
  <style>rect { fill: url(https://evil.example/x); } circle { fill: #c00 }</style>
  <rect width="40" height="40" fill="#036" onclick="steal()"/>
  <circle cx="20" cy="20" r="8" style="background: url(h\\74tps://evil.example/y)"/>
  <a xlink:href="javascript:steal()"><text x="2" y="12">link</text></a>
  <image href="https://evil.example/track.png" width="1" height="1"/>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><script>steal()</script></div></foreignObject>
  <set attributeName="href" to="javascript:steal()"/>
  <use href="#mark"/>
  <g id="mark"><path d="M0 0L10 10"/></g>
</svg>`;

const HTML = `<!DOCTYPE html><html><head><title>Case</title><script>steal()</script></head><body><main><h1>Case study</h1><img src="x" onerror="steal()"><a href="javascript:steal()">go</a><iframe src="https://evil.example/"></iframe><p>Kept words.</p></main></body></html>`;
const XML = `<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="evil.xsl"?><html xmlns="http://www.w3.org/1999/xhtml"><script>steal()</script></html>`;

function hostileExport() {
  const base = mkdtempSync(join(tmpdir(), 'vitrine-attach-'));
  const input = join(base, 'export');
  cpSync(FIXTURE, input, { recursive: true });
  writeFileSync(join(input, 'files', 'case-study-tisserands.html'), HTML);
  writeFileSync(join(input, 'files', 'diagram.svg'), SVG);
  writeFileSync(join(input, 'files', 'data.xml'), XML);
  // No telling name: a host that sends no type for it lets the browser sniff HTML.
  writeFileSync(join(input, 'files', 'notes'), '\n  <html><body><script>steal()</script></body></html>');
  const manifest = readFileSync(join(input, 'imsmanifest.xml'), 'utf8').replace('<file href="files/case-study-tisserands.html"/>', '<file href="files/case-study-tisserands.html"/><file href="files/diagram.svg"/><file href="files/data.xml"/><file href="files/notes"/>');
  writeFileSync(join(input, 'imsmanifest.xml'), manifest);
  const part = join(input, 'parts', 'product-case-study-tisserands.xml');
  const media = (type: string, path: string) => `<media mediamode="Text" mimetype="${type}" contentreftype="uri">${path}</media>`;
  writeFileSync(part, readFileSync(part, 'utf8').replace('</full>', `${media('image/svg+xml', 'files/diagram.svg')}${media('application/xml', 'files/data.xml')}${media('application/octet-stream', 'files/notes')}</full>`));
  writeFileSync(join(input, 'vitrine.config.yaml'), 'views:\n  - id: case\n    select:\n      - id: product_case_study_tisserands\n');
  return { base, input, out: join(base, 'site') };
}

describe('attachments are never published with live script', () => {
  it('sanitizes SVG and HTML files, and offers XML as text, with links that follow', async () => {
    const t = hostileExport();
    const r = await build(t.input, { out: t.out, render: { xslCache: join(t.base, 'cache') } });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const files = join(t.out, 'case', 'files', 'files');
    const svg = readFileSync(join(files, 'diagram.svg'), 'utf8');
    expect(svg).not.toMatch(/steal|evil\.example|script|foreignObject|onload|onclick|<set|javascript:/i);
    expect(svg).toContain('<rect width="40" height="40" fill="#036"/>');
    expect(svg).toContain('<use href="#mark"/>');
    expect(svg).toContain('<circle cx="20" cy="20" r="8"/>');
    const html = readFileSync(join(files, 'case-study-tisserands.html'), 'utf8');
    expect(html).not.toMatch(/steal|evil\.example|<script|<iframe|onerror/i);
    expect(html).toContain('Kept words.');
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
    expect(existsSync(join(files, 'data.xml'))).toBe(false);
    expect(readFileSync(join(files, 'data.xml.txt'), 'utf8')).toBe(XML);
    expect(existsSync(join(files, 'notes'))).toBe(false);
    expect(readFileSync(join(files, 'notes.txt'), 'utf8')).toContain('<script>');
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain('AttachmentSanitized');
    expect(codes).toContain('AttachmentPublishedAsText');
    // Every link to a file of the view names a file that exists.
    const pages = readFileSync(join(t.out, 'case', 'product-case-study-tisserands', 'index.html'), 'utf8') + readFileSync(join(t.out, 'case', 'index.html'), 'utf8');
    const hrefs = [...pages.matchAll(/href="(?:\.\.\/)?(files\/[^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(hrefs.some((h) => h.endsWith('data.xml.txt'))).toBe(true);
    expect(hrefs.some((h) => h.endsWith('files/notes.txt'))).toBe(true);
    for (const h of hrefs) expect(existsSync(join(t.out, 'case', h)), h).toBe(true);
  }, 120_000);

  it('leaves out an SVG it cannot parse (a DTD with entities), rather than publish it raw', () => {
    const bomb = new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "<script>steal()</script>">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>');
    const r = sanitizeSvg(bomb, 'x.svg');
    expect(r.bytes).toBeUndefined();
    expect(r.problem).toBeTruthy();
  });
});

describe('markup in UTF-16 under a name that tells no passive type', () => {
  // Hosts serve .rss and .mml as application/rss+xml and application/mathml+xml: a browser
  // renders any +xml type as an XML document, which runs XHTML script on the site's origin.
  const page = '<html xmlns="http://www.w3.org/1999/xhtml"><body><script>steal()</script></body></html>';
  const utf16 = (bom: number[], bigEndian: boolean) => {
    const units = [...page].flatMap((c) => (bigEndian ? [0, c.charCodeAt(0)] : [c.charCodeAt(0), 0]));
    return new Uint8Array([...bom, ...units]);
  };
  it('is published as text, with either byte order mark', () => {
    for (const [bytes, name] of [[utf16([0xff, 0xfe], false), 'news.rss'], [utf16([0xfe, 0xff], true), 'formula.mml']] as const) {
      expect(publishingOf(name, '', bytes), name).toBe('as-text');
      expect(publishedFilePath(name, 'application/octet-stream', bytes)).toBe(`${name}.txt`);
    }
  });
});
