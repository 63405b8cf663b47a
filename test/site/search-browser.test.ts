/**
 * Search in a real browser: over http the view's search page finds its own pages (and only
 * them); opened from file:// it says that search needs http instead of failing silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { needs, skipNote } from '../support/env.ts';
import { hasChromium, launchBrowser } from '../a11y/browser.ts';
import { startServer, type RunningServer } from '../../src/serve/server.ts';
import { createImageProcessor } from '../../src/render/image-processor.ts';
import { buildTo } from './site-helpers.ts';

const ok = needs('chromium at /usr/bin/chromium', hasChromium());
const content = resolve(import.meta.dirname, '../../content');
let browser: Browser | undefined;
let server: RunningServer | undefined;
let dir = '';

beforeAll(async () => {
  if (!ok) return;
  dir = mkdtempSync(join(tmpdir(), 'vitrine-search-'));
  server = await startServer(content, { port: 0, secrets: join(dir, 's.json'), render: { processImage: createImageProcessor(join(dir, 'cache')) } });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('search', () => {
  it.skipIf(!ok)(`finds the view's own pages over http${skipNote('chromium', ok)}`, async () => {
    const tab = await browser!.newPage();
    await tab.goto(`${server!.url.replace(/\/?$/, '/')}studio-nord/search/index.html?q=poster`);
    const results = tab.locator('.pagefind-ui__result-link');
    await results.first().waitFor({ timeout: 30_000 });
    const hrefs = await results.evaluateAll((links) => links.map((a) => (a as unknown as { href: string }).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/\/studio-nord\/([a-z0-9-]+\/)?index\.html$/);
    expect(hrefs.some((h) => h.includes('/product-poster-nord/'))).toBe(true);
    expect(await tab.locator('#vitrine-search-file').isVisible()).toBe(false);
    await tab.close();
  }, 120_000);

  it.skipIf(!ok)(`says plainly that search needs http on file://${skipNote('chromium', ok)}`, async () => {
    const built = await buildTo(content, { view: 'accessibility-assessment' });
    const tab = await browser!.newPage();
    await tab.goto(pathToFileURL(join(built.out, 'accessibility-assessment/search/index.html')).href);
    const note = tab.locator('#vitrine-search-file');
    await note.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await note.textContent()).toContain('http');
    await tab.close();
  }, 120_000);
});
