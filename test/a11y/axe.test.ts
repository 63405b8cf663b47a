/**
 * Accessibility of the built example site (`content/`), checked in a real browser: axe-core on
 * every HTML page (WCAG 2.0/2.1 A and AA, 2.2 AA; no rule turned off, nothing excluded), again
 * with forced colours and reduced motion, no horizontal scrolling at 320 px (WCAG 1.4.10
 * reflow), and a keyboard walk that reaches every visible link of a front page.
 *
 * Needs Chromium at /usr/bin/chromium (Debian's `chromium`; `.ci/run` installs it): skipped
 * with a reason where it is missing, a failure in CI. One browser and one tab serve the whole
 * file; pages load over file://.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, repoRoot, skipNote } from '../support/env.ts';
import { buildTo, listFiles, page as parsePage } from '../site/site-helpers.ts';
import {
  focused,
  formatViolations,
  hasChromium,
  horizontalOverflow,
  launchBrowser,
  linksOf,
  runAxe,
  type Violation,
} from './browser.ts';

const ok = needs('chromium', hasChromium());

/** Desktop size for the axe runs and the keyboard walk; the reflow check narrows it to 320. */
const desktop = { width: 1280, height: 800 };

describe.skipIf(!ok)(`accessibility of the example site in Chromium${skipNote('chromium', ok)}`, () => {
  let out = '';
  let pages: string[] = [];
  let browser: Browser | undefined;
  let tab: Page;

  beforeAll(async () => {
    // Build and launch side by side: both take about a second.
    const [built, launched] = await Promise.all([buildTo(join(repoRoot, 'content')), launchBrowser()]);
    out = built.out;
    browser = launched;
    pages = listFiles(out).filter((f) => f.endsWith('.html'));
    const context = await browser.newContext({ viewport: desktop });
    tab = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string): Promise<void> {
    await tab.goto(pathToFileURL(join(out, path)).href, { waitUntil: 'load' });
  }

  /** Runs axe on every page; fails once, listing every violation of every page. */
  async function axeEveryPage(): Promise<void> {
    const failures: string[] = [];
    let count = 0;
    for (const path of pages) {
      await open(path);
      const violations: Violation[] = await runAxe(tab);
      count += violations.length;
      if (violations.length) failures.push(formatViolations(path, violations));
    }
    expect(count, `axe found ${count} violation(s) on ${failures.length} of ${pages.length} pages:\n${failures.join('\n')}`).toBe(0);
  }

  it('checks every HTML page: the root index, each view front page and its part pages', () => {
    expect(pages).toContain('index.html');
    // Every view the root index links to has its front page among the pages checked.
    const views = parsePage(out, 'index.html')
      .querySelectorAll('a[href]')
      .map((a) => a.getAttribute('href') ?? '')
      .filter((href) => /^[^/:#?]+\/index\.html$/.test(href));
    expect(views.length).toBeGreaterThan(0);
    for (const v of views) expect(pages).toContain(v);
    expect(pages.length).toBeGreaterThan(views.length + 1);
  });

  it('has no axe violations (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) on any page', async () => {
    await axeEveryPage();
  }, 120_000);

  it('has no axe violations with forced colours and reduced motion on any page', async () => {
    await tab.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    try {
      await axeEveryPage();
    } finally {
      await tab.emulateMedia({ forcedColors: null, reducedMotion: null });
    }
  }, 120_000);

  it('needs no horizontal scrolling at 320 px wide on any page', async () => {
    await tab.setViewportSize({ width: 320, height: 640 });
    try {
      const wide: string[] = [];
      for (const path of pages) {
        await open(path);
        const o = await horizontalOverflow(tab);
        if (o.scrollWidth > o.innerWidth) {
          wide.push(`${path}: scrollWidth ${o.scrollWidth} > innerWidth ${o.innerWidth}; past the edge: ${o.culprits.join(', ')}`);
        }
      }
      expect(wide, `${wide.length} page(s) scroll sideways at 320 px:\n${wide.join('\n')}`).toEqual([]);
    } finally {
      await tab.setViewportSize(desktop);
    }
  }, 120_000);

  it('reaches every visible link of a front page with the Tab key', async () => {
    // The view front page with the most links: the richest walk.
    const fronts = pages.filter((p) => /^[^/]+\/index\.html$/.test(p));
    const linkCount = (p: string) => parsePage(out, p).querySelectorAll('a[href]').length;
    const front = fronts.reduce((best, p) => (linkCount(p) > linkCount(best) ? p : best), fronts[0]!);
    expect(front, 'no view front page to walk').toBeDefined();

    await open(front);
    const links = await linksOf(tab);
    const visible = links.flatMap((l, i) => (l.visible ? [i] : []));
    expect(visible.length).toBeGreaterThan(0);

    // Tab until focus leaves the page's last element (back to the body) or comes round to the
    // first element again; the cap only stops a walk that would never end.
    const reached = new Set<number>();
    let first = -1;
    const cap = links.length * 2 + 100;
    for (let step = 0; step < cap; step++) {
      await tab.keyboard.press('Tab');
      const f = await focused(tab);
      if (f.none) {
        if (first !== -1) break;
        continue;
      }
      if (f.pos === first) break;
      if (first === -1) first = f.pos;
      if (f.link >= 0) reached.add(f.link);
    }

    const missed = visible.filter((i) => !reached.has(i)).map((i) => `${links[i]!.href} (“${links[i]!.text}”)`);
    expect(
      missed,
      `${front}: Tab reached ${reached.size} of ${visible.length} visible links; never focused:\n${missed.join('\n')}`,
    ).toEqual([]);
  }, 60_000);
});
