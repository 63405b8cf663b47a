/**
 * Mahara pages rebuilt from their structure (test/fixtures/leap2a/mahara-pages: a grid page
 * with every block kind, a page of rows, a page of columns, a collection, a dashboard with an
 * inbox and other people's names), checked by querying the built HTML.
 */
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { buildTo, listFiles, page } from '../site/site-helpers.ts';
import { readPortfolio } from '../../src/index.ts';
import { planViews } from '../../src/views/index.ts';
import { formatPrivacyReport, privacyReport } from '../../src/views/privacy-report.ts';

const fixture = resolve(import.meta.dirname, '../fixtures/leap2a/mahara-pages');

type Built = Awaited<ReturnType<typeof buildTo>>;
const codes = (b: Built) => b.result.diagnostics.map((d) => d.code);
const texts = (root: HTMLElement, sel: string) => root.querySelectorAll(sel).map((e) => e.text.replace(/\s+/g, ' ').trim());

describe('Mahara pages in the preview', () => {
  let b: Built;
  let all: string;
  beforeAll(async () => {
    b = await buildTo(fixture);
    all = listFiles(b.out).filter((f) => /\.(html|js|css)$/.test(f)).map((f) => readFileSync(join(b.out, f), 'utf8')).join('\n');
  }, 60_000);

  it('keeps the dashboard out, says how to publish it, and publishes nothing about other people', () => {
    expect(listFiles(b.out).some((f) => f.startsWith('preview/view9/'))).toBe(false);
    const d = b.result.diagnostics.find((x) => x.code === 'MaharaSystemPageHidden')!;
    expect(d.message).toContain('portfolio:view9');
    expect(d.location?.line).toBeGreaterThan(1);
    for (const name of ['Bruno Keller', 'Carla Dias', 'user/view.php', 'Latest changes I can view', 'Inbox']) expect(all).not.toContain(name);
  });

  it("shows the owner's gender code as a word", () => {
    const rows = page(b.out, 'preview/artefactinternal/index.html').querySelectorAll('dd').map((d) => d.text.trim());
    expect(rows).toContain('Female');
    expect(rows).not.toContain('F');
  });

  it('names the site after the owner, never after the feed', () => {
    const front = page(b.out, 'preview/index.html');
    expect(front.querySelector('.site-title')!.text.trim()).toBe('Ana Lima');
    expect(all).not.toContain('Mahara Leap2A Export');
  });

  it("organises the front page by the owner's collections and pages", () => {
    const front = page(b.out, 'preview/index.html');
    const section = front.querySelector('#section-pages')!;
    expect(texts(section, '.collection h3')).toEqual(['Placement portfolio']);
    expect(texts(section, '.collection-pages li')).toEqual(['Field work', 'Reflections']);
    expect(texts(section, '.loose-pages li')).toEqual(['Carnet de terrain', 'Notes page']);
    expect(texts(front, '.site-nav a')).toContain('Placement portfolio');
    // Not a grid of every artefact: what the pages show is reached through them.
    const listed = texts(front, 'main .section:not(#section-pages) a');
    for (const onAPage of ['harbour.jpg', 'Field report', 'Day one at the harbour', 'Field work']) expect(listed).not.toContain(onAPage);
  });

  it('a collection is a sequence: contents on its page, previous and next on each page', () => {
    expect(texts(page(b.out, 'preview/collection3/index.html'), '.toc li')).toEqual(['Field work', 'Reflections']);
    const first = page(b.out, 'preview/view11/index.html');
    expect(first.querySelector('.sequence a[rel=prev]')).toBeNull();
    expect(first.querySelector('.sequence a[rel=next]')!.getAttribute('href')).toBe('../view12/index.html');
    const second = page(b.out, 'preview/view12/index.html');
    expect(second.querySelector('.sequence a[rel=prev]')!.getAttribute('href')).toBe('../view11/index.html');
    expect(second.querySelector('.sequence-where')!.text).toMatch(/Page 2 of 2/);
  });

  it('builds the grid page from its blocks, where the owner placed them, without the editor chrome', () => {
    const p = page(b.out, 'preview/view11/index.html');
    const cells = p.querySelectorAll('.mahara-page--grid > .mahara-cell');
    // 13 blocks; the placeholder and the comment block have nothing to publish.
    expect(cells.length).toBe(11);
    expect(cells.map((c) => [c.getAttribute('data-x'), c.getAttribute('data-y'), c.getAttribute('data-width')].join(','))).toEqual(['0,0,8', '8,0,4', '0,3,6', '6,3,6', '6,5,3', '9,5,3', '0,7,4', '4,7,4', '8,7,4', '0,9,6', '6,9,6']);
    expect(cells[0]!.getAttribute('style')).toBe('grid-column: 1 / span 8; grid-row: 1 / span 3');
    const main = p.querySelector('main')!;
    for (const chrome of ['Quick edit', 'Add comment', 'Editor copy', 'Please configure', 'Describe your placement']) expect(main.text).not.toContain(chrome);
    expect(main.querySelectorAll('a').filter((a) => a.getAttribute('href') === '#')).toEqual([]);
    expect(main.querySelector('script')).toBeNull();
    expect(main.querySelector('.block--text .prose')!.text).toContain('Three weeks on the coast');
    expect(codes(b).filter((c) => c === 'MaharaBlockOmitted').length).toBe(2);
  });

  it('shows images, galleries, PDFs, downloads and folders as the files the blocks name', () => {
    const p = page(b.out, 'preview/view11/index.html');
    expect(p.querySelector('.block--image img')!.getAttribute('alt')).toBe('The harbour at dawn');
    expect(p.querySelectorAll('.block--gallery img').length).toBe(2);
    const pdf = p.querySelector('.block--pdf a')!;
    expect(pdf.text).toContain('Field report');
    expect(pdf.getAttribute('href')).toMatch(/1700000104-report\.pdf$/);
    expect(p.querySelector('.block--pdf .size')!.text).toMatch(/193/);
    expect(texts(p, '.block--filedownload li a')).toEqual(['File reading.txt', 'PDF document Field report']);
    expect(texts(p, '.block--folder li a')).toEqual(['File notes.txt', 'File data.csv']);
    // Reader-facing names never carry Mahara's numeric prefix.
    expect(p.querySelector('main')!.text).not.toMatch(/\d{6,}-\w/);
  });

  it('links an external video without embedding it, and draws the licence without another host', () => {
    const p = page(b.out, 'preview/view11/index.html');
    expect(p.querySelector('.block--externalvideo a')!.getAttribute('href')).toBe('https://video.example.org/watch?v=seal');
    expect(p.querySelectorAll('iframe, embed, object').length).toBe(0);
    const lic = p.querySelector('.block--creativecommons a[rel~=license]')!;
    expect(lic.getAttribute('href')).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
    expect(lic.text).toBe('CC BY-SA 4.0');
    expect(p.querySelectorAll('img').filter((i) => /^https?:/.test(i.getAttribute('src') ?? ''))).toEqual([]);
    expect(texts(p, '.block--tags li')).toEqual(['coast', 'seals']);
  });

  it('shows a résumé record as one item and journal posts with their dates; free-text dates as written, never in datetime', () => {
    const p = page(b.out, 'preview/view11/index.html');
    const entry = p.querySelector('.block--resumefield .entry')!;
    expect(entry.querySelector('.entry-where')!.text).toBe('BSc · University of the Coast');
    expect(entry.querySelector('.entry-dates')!.text).toContain('2/09/2017');
    expect(entry.querySelector('.entry-dates')!.text).toContain('June 2021');
    expect(entry.querySelectorAll('time').length).toBe(0);
    expect(p.querySelector('.block--blog .post-date time')!.getAttribute('datetime')).toBe('2023-10-04');
    expect(p.querySelector('.block--blog .post .prose')!.text).toContain('forty');
    // The institution and the qualification are shown within their record, not as items of their own.
    const front = page(b.out, 'preview/index.html');
    const links = front.querySelectorAll('main a').filter((a) => ['University of the Coast', 'BSc'].includes(a.text.trim()));
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) expect(a.closest('.child'), a.text).not.toBeNull();
  });

  it("shows a page without <mahara:view> from its content, without the editor's chrome", () => {
    const main = page(b.out, 'preview/view14/index.html').querySelector('main')!;
    expect(main.text).toContain('What the tide tables taught me');
    for (const chrome of ['Quick edit', 'Write your notes here', 'Add comment', 'Please configure']) expect(main.text).not.toContain(chrome);
    expect(main.querySelectorAll('a').filter((a) => a.getAttribute('href') === '#')).toEqual([]);
  });

  it('rebuilds a page of rows and a page of columns on the grid', () => {
    const rows = page(b.out, 'preview/view12/index.html').querySelectorAll('.mahara-page--rows > .mahara-cell');
    expect(rows.map((c) => [c.getAttribute('data-x'), c.getAttribute('data-y'), c.getAttribute('data-width')].join(','))).toEqual(['0,0,4', '4,0,4', '8,0,4', '0,1,6', '6,1,6']);
    expect(rows[4]!.querySelectorAll('.block').length).toBe(2);
    const cols = page(b.out, 'preview/view13/index.html').querySelectorAll('.mahara-page--columns > .mahara-cell');
    expect(cols.map((c) => c.getAttribute('data-width'))).toEqual(['8', '4']);
    // The whole résumé, stacked under the right column's text.
    expect(texts(cols[1]!, '.block--entireresume .entry h2, .block--entireresume .entry h3')).toEqual(['Marine Biology']);
  });
});

describe('a view that selects a Mahara page', () => {
  it('shows the page as its front page, without blocks naming entries outside the view', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-mahara-view-'));
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(
      join(dir, 'vitrine.config.yaml'),
      ['views:', '  - id: work', '    title: Field work', '    access: public', '    select:', '      - { id: "portfolio:view11" }', '  - id: dash', '    access: public', '    select:', '      - { id: "portfolio:view9" }', ''].join('\n'),
    );
    const b = await buildTo(dir);
    const front = page(b.out, 'work/index.html');
    const blocks = front.querySelectorAll('.section--page .block');
    // Only the page: its text, video, licence and tags blocks; files, journal and résumé are outside.
    expect(blocks.map((x) => x.getAttribute('class'))).toEqual(['block block--text block--text', 'block block--video block--externalvideo', 'block block--licence block--creativecommons', 'block block--tags block--tags']);
    expect(front.querySelector('.section--page img')).toBeNull();
    expect(front.querySelector('.site-title')!.text.trim()).toBe('Field work');
    // A system page selected by id is published, its inbox and other people's pages still left out.
    const dash = listFiles(b.out).filter((f) => f.startsWith('dash/') && f.endsWith('.html')).map((f) => readFileSync(join(b.out, f), 'utf8')).join('');
    expect(dash).not.toMatch(/Bruno Keller|Carla Dias|Inbox/);
  }, 60_000);
});

describe('check --privacy on a Mahara export', () => {
  it("lists other people's data it found and left out: the dashboard in the preview, its inbox when selected", async () => {
    const p = (await readPortfolio(fixture)).value!;
    const preview = privacyReport(planViews(p, { views: [] }).value, p);
    expect(preview[0]!.leftOut.map((l) => l.partId)).toEqual(['portfolio:view11', 'portfolio:view9']);
    expect(formatPrivacyReport(preview)).toMatch(/dashboard page "Dashboard page" \(not published by default\)/);
    const dash = privacyReport(planViews(p, { views: [{ id: 'dash', access: 'public', select: [{ id: 'portfolio:view9' }] }] }).value, p);
    expect(dash[0]!.leftOut.map((l) => l.what.split(':')[0])).toEqual(['Mahara "inbox" block "Inbox"', 'Mahara "newviews" block "Latest changes I can view"']);
  });
});
