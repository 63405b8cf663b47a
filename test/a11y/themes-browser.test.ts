/**
 * The bundled themes in Chromium, beyond what axe.test.ts checks on every page: the résumé
 * prints as a one- or two-page CV on A4 and on US Letter with no "Display settings" on paper
 * (even after preferences.js has shown the panel on screen); the studio lightbox opens from a
 * link and passes axe while open, with and without forced colours, and closes back to the work.
 * Pages load over file://.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, repoRoot, skipNote } from '../support/env.ts';
import { buildTo } from '../site/site-helpers.ts';
import { formatViolations, hasChromium, launchBrowser, runAxe } from './browser.ts';

const ok = needs('chromium', hasChromium());

/** Pages in a PDF, counted by its page objects. */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe.skipIf(!ok)(`the themes in Chromium${skipNote('chromium', ok)}`, () => {
  let browser: Browser | undefined;
  let tab: Page;
  let out: string;
  const url = (path: string) => pathToFileURL(join(out, path)).href;

  beforeAll(async () => {
    const [built, launched] = await Promise.all([buildTo(join(repoRoot, 'content')), launchBrowser()]);
    expect(built.result.value.written).toBe(true);
    out = built.out;
    browser = launched;
    tab = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('prints the résumé as a CV of one or two pages, on A4 and on Letter, without the display settings', async () => {
    await tab.goto(url('cv/index.html'), { waitUntil: 'load' });
    // preferences.js shows the panel on screen; paper must not carry it.
    expect(await tab.locator('.prefs').isVisible()).toBe(true);
    for (const format of ['A4', 'Letter'] as const) {
      const pages = pdfPages(await tab.pdf({ format, printBackground: true }));
      console.log(`résumé printed on ${format}: ${pages} page(s)`);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
    }
    await tab.emulateMedia({ media: 'print' });
    try {
      expect(await tab.locator('.prefs').isVisible()).toBe(false);
      expect(await tab.locator('.site-nav').isVisible()).toBe(false);
      expect(await tab.locator('h1').innerText()).toBe('Léa Moreau-Lindqvist');
      expect(await tab.locator('.cv-photo img').isVisible()).toBe(true);
    } finally {
      await tab.emulateMedia({ media: null });
    }
  }, 60_000);

  it('opens a studio image in a lightbox without JavaScript, which passes axe, and closes back to the work', async () => {
    const plain = await browser!.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    try {
      const p = await plain.newPage();
      await p.goto(url('work/index.html'), { waitUntil: 'load' });
      const box = p.locator('#see-product-poster-nord');
      expect(await box.isVisible()).toBe(false);
      await p.locator('#work-product-poster-nord a.work-zoom').click();
      expect(await box.isVisible()).toBe(true);
      const img = box.locator('img');
      const size = await img.boundingBox();
      expect(size!.height).toBeGreaterThan(400);
      await box.locator('a.lightbox-close').click();
      expect(await box.isVisible()).toBe(false);
      expect(new URL(p.url()).hash).toBe('#work-product-poster-nord');
    } finally {
      await plain.close();
    }
    // axe runs as a script: check the open lightbox in a tab with JavaScript on.
    await tab.goto(`${url('work/index.html')}#see-product-poster-nord`, { waitUntil: 'load' });
    expect(await tab.locator('#see-product-poster-nord').isVisible()).toBe(true);
    try {
      for (const forced of [null, 'active'] as const) {
        await tab.emulateMedia({ forcedColors: forced });
        const v = await runAxe(tab);
        expect(v, formatViolations(`lightbox open, forced colours ${forced ?? 'off'}`, v)).toEqual([]);
      }
    } finally {
      await tab.emulateMedia({ forcedColors: null });
    }
  }, 60_000);
});
