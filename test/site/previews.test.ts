/**
 * Link previews, structured data, sitemap, robots, feeds and search of the example site, read
 * back with parsers (HTML, JSON, XML) as a crawler or a chat app would. And the rule that
 * matters most: nothing of an unlisted or protected view reaches a public file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { gunzipSync } from 'node:zlib';
import { buildTo, listFiles, page } from './site-helpers.ts';
import { runCli } from '../support/cli.ts';

const content = resolve(import.meta.dirname, '../../content');
const URL_BASE = 'https://lea.example/portfolio/';
let out = '';
let files: string[] = [];
let folders = new Map<string, string>();
/** The example's public views, as the build reports them (the config says which). */
let publicViews: string[] = [];
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

beforeAll(async () => {
  const built = await buildTo(content, { url: URL_BASE });
  expect(built.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(built.result.diagnostics.map((d) => d.code)).not.toContain('SiteUrlMissing');
  out = built.out;
  files = listFiles(out);
  folders = new Map(built.result.value.views.map((v) => [v.id, v.folder]));
  publicViews = built.result.value.views.filter((v) => v.access === 'public').map((v) => v.id).sort();
  expect(publicViews).toContain('studio-nord');
}, 180_000);

const meta = (doc: ReturnType<typeof page>, key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
const jsonLd = (doc: ReturnType<typeof page>) => doc.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent) as Record<string, unknown>);

describe('link previews', () => {
  it('the front page of a view with the identification: tags, canonical and a Person', () => {
    const doc = page(out, 'studio-nord/index.html');
    expect(meta(doc, 'og:title')).toBe('Léa Moreau-Lindqvist — Portfolio for Studio Nord');
    expect(meta(doc, 'og:description')).toBe('Typography and brand identity, with the evidence and what others said about it.');
    expect(meta(doc, 'og:url')).toBe(`${URL_BASE}studio-nord/`);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${URL_BASE}studio-nord/`);
    expect(meta(doc, 'og:image')).toBe(`${URL_BASE}studio-nord/card.png`);
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    expect(meta(doc, 'twitter:image')).toBe(`${URL_BASE}studio-nord/card.png`);
    expect(doc.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('favicon.svg');
    expect(doc.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href')).toBe('feed.xml');
    const [person] = jsonLd(doc);
    expect(person).toMatchObject({ '@context': 'https://schema.org', '@type': 'Person', name: 'Léa Moreau-Lindqvist', url: `${URL_BASE}studio-nord/` });
  });

  it('a part page describes the part itself, not the view, with its schema.org type', () => {
    const product = page(out, 'studio-nord/product-poster-nord/index.html');
    const desc = meta(product, 'og:description');
    expect(desc).toBeTruthy();
    expect(desc).not.toBe(meta(page(out, 'studio-nord/index.html'), 'og:description'));
    expect(product.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(desc);
    expect(meta(product, 'og:url')).toBe(`${URL_BASE}studio-nord/product-poster-nord/`);
    expect(jsonLd(product)[0]).toMatchObject({ '@type': 'CreativeWork', url: `${URL_BASE}studio-nord/product-poster-nord/`, author: { '@type': 'Person', name: 'Léa Moreau-Lindqvist' } });
    const qcl = page(out, 'studio-nord/qcl-master-design/index.html');
    expect(jsonLd(qcl)[0]).toMatchObject({ '@type': 'EducationalOccupationalCredential' });
    const competency = page(out, 'studio-nord/competency-typography/index.html');
    expect(jsonLd(competency)[0]).toMatchObject({ '@type': 'DefinedTerm', name: 'Typography and typesetting' });
  });

  it('a view without the identification names nobody: no Person, a title-only card alt, the mark as favicon', () => {
    const doc = page(out, 'accessibility-assessment/index.html');
    expect(jsonLd(doc).filter((n) => n['@type'] === 'Person')).toEqual([]);
    expect(meta(doc, 'og:image:alt')).toBe('Accessible design — evidence for assessment');
    expect(meta(doc, 'og:site_name')).toBe('Accessible design — evidence for assessment');
    const favicon = readFileSync(join(out, 'accessibility-assessment/favicon.svg'), 'utf8');
    expect(favicon).not.toContain('<text');
    expect(readFileSync(join(out, 'studio-nord/favicon.svg'), 'utf8')).toContain('>LM</text>');
  });

  it('every view has a 1200x630 PNG card; the protected one is neutral and in clear beside its ciphertext', async () => {
    for (const folder of folders.values()) {
      const m = await sharp(readFileSync(join(out, folder, 'card.png'))).metadata();
      expect([m.format, m.width, m.height], folder).toEqual(['png', 1200, 630]);
    }
    // The neutral card is the same for any protected view: it depends on the theme alone.
    const sealed = readFileSync(join(out, folders.get('assessor-private')!, 'card.png'));
    const neutral = await (await import('../../src/render/meta/card.ts')).renderCard({ colours: (await import('../../src/render/meta/colours.ts')).themeColours(readFileSync(join(out, 'theme/vitrine.css'), 'utf8')) });
    expect(Buffer.compare(sealed, Buffer.from(neutral))).toBe(0);
    // Its entry page previews as "protected", with that card, and nothing of the view.
    const folder = folders.get('assessor-private')!;
    const entry = page(out, `${folder}/index.html`);
    expect(meta(entry, 'og:image')).toBe(`${URL_BASE}${folder}/card.png`);
    expect(meta(entry, 'og:title')).toBe('Protected page');
    expect(meta(entry, 'og:description')).toBeUndefined();
    expect(jsonLd(entry)).toEqual([]);
    expect(entry.toString()).not.toMatch(/Léa|Moreau|Accessible design/);
  });
});

describe('sitemap, robots and feeds', () => {
  it('sitemap.xml lists every page of the public views and nothing else', () => {
    const doc = xml.parse(readFileSync(join(out, 'sitemap.xml'), 'utf8')) as { urlset: { url: { loc: string }[] } };
    const locs = doc.urlset.url.map((u) => u.loc);
    expect(locs).toContain(`${URL_BASE}studio-nord/`);
    expect(locs).toContain(`${URL_BASE}studio-nord/product-poster-nord/`);
    expect(locs).toContain(`${URL_BASE}xsl-overview/`);
    const views = new Set(locs.map((l) => l.slice(URL_BASE.length).split('/')[0]));
    expect([...views].sort()).toEqual(publicViews);
  });

  it('robots.txt allows crawling and names the sitemap, but no folder', () => {
    const robots = readFileSync(join(out, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toContain(`Sitemap: ${URL_BASE}sitemap.xml`);
    expect(robots).not.toMatch(/Disallow/);
  });

  it('each public view has an Atom feed of its reflections and products', () => {
    const feed = xml.parse(readFileSync(join(out, 'studio-nord/feed.xml'), 'utf8')).feed as { title: string; id: string; updated: string; entry: { title: string; id: string; link: { '@href': string } }[] };
    expect(feed.title).toBe('Léa Moreau-Lindqvist — Portfolio for Studio Nord');
    expect(feed.id).toBe(`${URL_BASE}studio-nord/`);
    expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
    const ids = feed.entry.map((e) => e.id);
    expect(ids).toContain(`${URL_BASE}studio-nord/product-poster-nord/`);
    expect(ids).toContain(`${URL_BASE}studio-nord/reflexion-poster-process/`);
    for (const e of feed.entry) expect(e.id).toMatch(/\/(product|reflexion)-/);
    expect(files.filter((f) => f.endsWith('feed.xml')).map((f) => f.split('/')[0]!).sort()).toEqual(publicViews);
  });

  it('no public file (search indexes included) names the unlisted or protected folders, or their titles', () => {
    const hidden = [folders.get('recruiter-link')!, folders.get('assessor-private')!, 'Accessible design — private evidence for the assessor', 'Typography work'];
    const publicFiles = files.filter((f) => !f.startsWith(folders.get('recruiter-link')!) && !f.startsWith(folders.get('assessor-private')!));
    for (const f of publicFiles) {
      const bytes = readFileSync(join(out, f));
      // Pagefind's index files are gzip: read what they hold, as a browser would.
      const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
      const text = plain.toString('latin1') + plain.toString('utf8');
      for (const h of hidden) expect(text.includes(h), `${f} contains ${h}`).toBe(false);
    }
  });

  it('search: each public and unlisted view has its own index of its own pages; the protected view none', () => {
    for (const id of ['studio-nord', 'recruiter-link']) {
      const folder = folders.get(id)!;
      expect(files).toContain(`${folder}/pagefind/pagefind-entry.json`);
      expect(files).toContain(`${folder}/search/index.html`);
      const search = page(out, `${folder}/search/index.html`);
      expect(search.querySelector('#vitrine-search-file')?.text).toContain('file://');
    }
    expect(files.some((f) => f.startsWith(`${folders.get('assessor-private')}/pagefind/`))).toBe(false);
    // The index holds this view's words only: fragments are compressed, so check page counts.
    const entry = JSON.parse(readFileSync(join(out, 'studio-nord/pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBe(files.filter((f) => /^studio-nord\/([^/]+\/)?index\.html$/.test(f) && !f.startsWith('studio-nord/search/')).length);
    // And the unlisted view's index holds its own words: its title is in it, gunzipped.
    const fragments = files.filter((f) => f.startsWith(`${folders.get('recruiter-link')}/pagefind/fragment/`));
    expect(fragments.length).toBeGreaterThan(0);
    const words = fragments.map((f) => gunzipSync(readFileSync(join(out, f))).toString('utf8')).join('\n');
    expect(words).toContain('Typography and typesetting');
    expect(words).not.toContain('Display settings'); // only <main> is indexed
  });
});

describe('without a url', () => {
  it('says so once, and leaves out what needs an absolute address', async () => {
    const built = await buildTo(content, { view: 'studio-nord' });
    expect(built.result.diagnostics.filter((d) => d.code === 'SiteUrlMissing')).toHaveLength(1);
    const doc = page(built.out, 'studio-nord/index.html');
    for (const key of ['og:url', 'og:image', 'twitter:image']) expect(meta(doc, key), key).toBeUndefined();
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    expect(meta(doc, 'og:title')).toBeTruthy();
    expect(listFiles(built.out)).not.toContain('sitemap.xml');
    expect(readFileSync(join(built.out, 'robots.txt'), 'utf8')).not.toContain('Sitemap');
  }, 120_000);

  it('--url must be an absolute http(s) address (exit 2); url: in the config is checked too', async () => {
    const r = await runCli(['build', 'content', '--url', 'lea.example', '--out', '/tmp/never']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not an absolute URL');
    const { parseSiteConfig } = await import('../../src/views/config.ts');
    const bad = parseSiteConfig('url: ftp://x.example/\nviews:\n  - id: a\n    access: public\n    select: [{ kind: product }]\n', 'c.yaml');
    expect(bad.diagnostics.find((d) => d.code === 'ConfigInvalid')).toMatchObject({ location: { file: 'c.yaml', line: 1, column: 6 } });
    const good = parseSiteConfig('url: https://x.example/a\nviews:\n  - id: a\n    access: public\n    select: [{ kind: product }]\n', 'c.yaml');
    expect(good.value.url).toBe('https://x.example/a/');
  });
});
