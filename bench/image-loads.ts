/**
 * Which image variants browsers actually load: builds the bundled example (content/, its poster
 * replaced by a 2000x1500 photo so every default width exists), opens every
 * page of its first view in Chromium as a phone (390x844 CSS px at 3x, and at 2x) and as a
 * 1280x800 screen at 1x, and counts the variant widths fetched and their bytes.
 *
 *     node --import tsx bench/image-loads.ts
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from '../src/build.ts';
import { createImageProcessor } from '../src/render/image-processor.ts';

const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-loads-'));
const out = join(dir, 'site');
cpSync('content', join(dir, 'content'), { recursive: true });
const noise = await sharp({ create: { width: 500, height: 375, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
writeFileSync(join(dir, 'content', 'files', 'poster-nord.jpg'), await sharp({ create: { width: 2000, height: 1500, channels: 3, background: { r: 120, g: 90, b: 60 } } }).composite([{ input: noise, tile: true, blend: 'overlay' }]).jpeg({ quality: 85 }).toBuffer());
const r = await build(join(dir, 'content'), { out, render: { processImage: createImageProcessor(join(dir, 'cache')) } });
if (!r.value.written) throw new Error('build failed');
const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('index.html'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const screens = [
  { name: 'phone 390 px @3x', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: 'phone 390 px @2x', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 },
  { name: 'screen 1280 px @1x', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
];
try {
  for (const s of screens) {
    const context = await browser.newContext({ viewport: s.viewport, deviceScaleFactor: s.deviceScaleFactor });
    const widths = new Map<string, number>();
    let bytes = 0;
    for (const p of pages) {
      const page = await context.newPage();
      page.on('requestfinished', (req) => {
        const m = /images\/.*-(\d+)w?\.(webp|jpe?g|png|avif)$/.exec(req.url()) ?? /images\/[^/]*?(\d+)[^/]*\.(webp|jpe?g|png|avif)$/.exec(req.url());
        if (!m) return;
        const key = `${m[1]} ${m[2]}`;
        widths.set(key, (widths.get(key) ?? 0) + 1);
        bytes += statSync(new URL(req.url())).size;
      });
      await page.goto(pathToFileURL(join(out, p)).href, { waitUntil: 'load' });
      // Lazy images load once scrolled to.
      await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
      await page.waitForTimeout(100);
      await page.close();
    }
    console.log(`${s.name.padEnd(20)} ${[...widths].sort().map(([k, n]) => `${k} x${n}`).join(', ')}; ${Math.round(bytes / 1024)} KiB over ${pages.length} pages`);
    await context.close();
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
