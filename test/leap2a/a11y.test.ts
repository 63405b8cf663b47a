/**
 * Accessibility of sites built from Leap2A: the project's Mahara fixtures (quirks, résumé) and
 * the real Mahara sample where ../shared is there (its pages carry Mahara's own HTML), every
 * page checked by axe-core in Chromium (WCAG 2.0/2.1 A and AA, 2.2 AA; no rule turned off,
 * nothing excluded).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared, needs, repoRoot, sharedPath, skipNote } from '../support/env.ts';
import { buildTo, listFiles } from '../site/site-helpers.ts';
import { formatViolations, hasChromium, horizontalOverflow, launchBrowser, runAxe } from '../a11y/browser.ts';

const ok = needs('chromium', hasChromium());
const maharaOk = needs('../shared/samples/leap2a', hasShared('samples', 'leap2a', 'mahara-1.3'));

describe.skipIf(!ok)(`accessibility of Leap2A sites in Chromium${skipNote('chromium', ok)}`, () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const inputs: [string, string, boolean][] = [
    ['quirks fixture', join(repoRoot, 'test/fixtures/leap2a/mahara-quirks'), true],
    ['Mahara résumé fixture', join(repoRoot, 'test/fixtures/leap2a/mahara-resume'), true],
    ['Mahara pages fixture (grid, rows, columns, every block kind, a collection)', join(repoRoot, 'test/fixtures/leap2a/mahara-pages'), true],
    ['Mahara 1.3 sample', sharedPath('samples', 'leap2a', 'mahara-1.3'), maharaOk],
  ];
  for (const [name, input, present] of inputs) {
    it.skipIf(!present)(`every page of the ${name} passes axe${skipNote('../shared/samples/leap2a', present)}`, async () => {
      const { out } = await buildTo(input);
      // The root index of a one-view site only forwards to the view (meta refresh): no content to check.
      const pages = listFiles(out).filter((f) => f.endsWith('.html') && !/http-equiv="refresh"/i.test(readFileSync(join(out, f), 'utf8')));
      expect(pages.length).toBeGreaterThan(5);
      const tab = await (await browser!.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      const failures: string[] = [];
      for (const p of pages) {
        await tab.goto(pathToFileURL(join(out, p)).href, { waitUntil: 'load' });
        const v = await runAxe(tab);
        if (v.length) failures.push(formatViolations(p, v));
      }
      expect(failures.join('\n')).toBe('');
    }, 180_000);
  }

  it('lays a Mahara grid page out as built on a wide screen, and in one column on a phone', async () => {
    const { out } = await buildTo(join(repoRoot, 'test/fixtures/leap2a/mahara-pages'));
    const url = pathToFileURL(join(out, 'preview', 'view11', 'index.html')).href;
    const boxes = async (width: number) => {
      const tab = await (await browser!.newContext({ viewport: { width, height: 900 } })).newPage();
      await tab.goto(url, { waitUntil: 'load' });
      const cells = await tab.$$eval('.mahara-cell', (els) => els.map((e) => { const r = e.getBoundingClientRect(); return { x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width) }; }));
      return { cells, overflow: await horizontalOverflow(tab) };
    };
    const wide = await boxes(1280);
    // Text (8 columns) and image (4) side by side, the text twice as wide; gallery below the text.
    expect(wide.cells[1]!.x).toBeGreaterThan(wide.cells[0]!.x + wide.cells[0]!.w - 1);
    expect(wide.cells[0]!.w / wide.cells[1]!.w).toBeGreaterThan(1.8);
    expect(wide.cells[2]!.x).toBe(wide.cells[0]!.x);
    expect(wide.cells[2]!.y).toBeGreaterThan(wide.cells[0]!.y);
    const phone = await boxes(375);
    expect(new Set(phone.cells.map((c) => c.x)).size).toBe(1);
    for (let i = 1; i < phone.cells.length; i++) expect(phone.cells[i]!.y).toBeGreaterThan(phone.cells[i - 1]!.y);
    expect(phone.overflow.culprits).toEqual([]);
  }, 120_000);
});
