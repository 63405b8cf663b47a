/**
 * The Sakai OSP adapter: OSP presentation templates render a view. A fill template loads the
 * layout the adapter writes with document() and fills its regions; an echo template gives back
 * the adapter's ospiPresentation document. Run with our own templates in the OSP dialect
 * (test/fixtures/osp, on any clone) and with the real OSP ones of ../shared/samples/osp.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildTo, page } from '../site/site-helpers.ts';
import { hasShared, needs, sharedPath, skipNote } from '../support/env.ts';

const content = resolve(import.meta.dirname, '../../content');

const ok = needs('../shared/samples/osp', hasShared('samples', 'osp', 'freeform_template.xsl'));
const fixtures = resolve(import.meta.dirname, '../fixtures/osp');

/** Template pairs (fills the layout, gives back the adapter document): ours always, the real OSP ones where ../shared is. */
const templates: [string, string, string][] = [
  ['our OSP-style fill-regions.xsl and echo-presentation.xsl', join(fixtures, 'fill-regions.xsl'), join(fixtures, 'echo-presentation.xsl')],
  ...(ok ? [['the real freeform_template.xsl and passthrough.xsl', sharedPath('samples', 'osp', 'freeform_template.xsl'), sharedPath('samples', 'osp', 'passthrough.xsl')] as [string, string, string]] : []),
];

describe('Sakai OSP templates through the adapter', () => {
  it.skipIf(!ok)(`the real OSP templates are tried too${skipNote('../shared/samples/osp', ok)}`, () => {
    expect(templates).toHaveLength(2);
  });

  it.each(templates)('%s: the first renders the view, the second gives the adapter document', async (_name, fill, echo) => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-osp-'));
    cpSync(content, join(dir, 'content'), { recursive: true });
    cpSync(fill, join(dir, 'osp', 'fill.xsl'));
    cpSync(echo, join(dir, 'osp', 'echo.xsl'));
    writeFileSync(
      join(dir, 'content', 'vitrine.config.yaml'),
      `views:
  - id: osp
    title: Léa in OSP
    xsl: { osp: ../osp/fill.xsl }
    select:
      - kind: identification
      - id: competency_typography
        with: [evidence]
  - id: osp-debug
    xsl: { osp: ../osp/echo.xsl }
    select:
      - id: competency_typography
        with: [evidence]
`,
    );
    const { out, result } = await buildTo(join(dir, 'content'));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const summary = result.value.views.find((v) => v.id === 'osp')!;

    // The template copied the adapter's layout and filled each region.
    const html = readFileSync(join(out, 'osp/index.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    const doc = page(out, 'osp/index.html');
    expect(doc.querySelector('title')!.text).toBe('Léa in OSP');
    expect(doc.querySelector('h1')!.text).toBe('Léa in OSP');
    const sections = doc.querySelectorAll('section.osp-part');
    expect(sections.length).toBe(summary.parts);
    // Richtext regions come out as HTML (disable-output-escaping), not as escaped text.
    expect(sections.map((s) => s.querySelector('h2')!.text)).toEqual(['Léa Moreau-Lindqvist', 'Typography and typesetting', '“Nord”, typographic poster']);
    expect(html).not.toContain('&lt;h2&gt;');
    // The poster is an inline image region: an <img> pointing at a published variant.
    const img = doc.querySelector('p.osp-file img')!;
    expect(existsSync(join(out, 'osp', img.getAttribute('src')!))).toBe(true);
    expect(img.getAttribute('width')).toMatch(/^\d+$/);
    // Its alt text is the owner's, never the file name.
    expect(img.getAttribute('alt')).toMatch(/^Poster in deep blue/);

    // The second template: the adapter's document, for debugging.
    const debug = readFileSync(join(out, 'osp-debug/osp-presentation.xml'), 'utf8');
    expect(debug).toMatch(/^<\?xml[^>]*\?>\s*<ospiPresentation>/);
    expect(debug).toContain('<layout><artifact><metaData><id>layout</id><displayName>layout.xhtml</displayName>');
    expect(debug).toContain('<fileArtifact><uri>layout.xhtml</uri></fileArtifact>');
    const regions = [...debug.matchAll(/<region id="([^"]+)"(?: sequence="\d+")? type="([^"]+)">/g)].map((m) => `${m[1]}:${m[2]}`);
    // The poster's long description (a text file) is a link region; the poster itself is inline.
    expect(regions).toEqual(['title:text', 'part:richtext', 'part:richtext', 'file:link', 'file:inline']);
    expect(debug).toContain('poster-nord-description.txt');
    expect(debug).toContain('<value>&lt;h2&gt;Typography and typesetting&lt;/h2&gt;');
    // The debug view's front page stays the theme's.
    expect(page(out, 'osp-debug/index.html').querySelector('main')).not.toBeNull();
  }, 120_000);
});
