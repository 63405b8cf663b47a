/**
 * `vitrine pdf`: a rendered view printed to one PDF by Chromium (playwright-core drives an
 * installed browser; none is downloaded). The view's print page (templates/pages/print.njk)
 * holds the front page and every part page in order; the theme's print stylesheet shapes it.
 * The site files go to a temporary folder only for the browser to read, and are removed.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFiles } from './site.ts';
import { writeFileAtomic } from './atomic.ts';

/** Where browsers are usually installed, first found wins (after `VITRINE_CHROMIUM`). */
export const BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** The browser to print with: `VITRINE_CHROMIUM` when set (and present), else the first known path that exists. */
export function findBrowser(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.VITRINE_CHROMIUM !== undefined) return existsSync(env.VITRINE_CHROMIUM) ? env.VITRINE_CHROMIUM : undefined;
  return BROWSER_PATHS.find((p) => existsSync(p));
}

/** Flags for a headless, quiet, offline-minded browser. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Prints `<folder>/print.html` of the site files to `out` (written atomically). Throws with
 * the browser's message when it cannot start or print.
 */
export async function printViewPdf(files: Map<string, Uint8Array>, folder: string, out: string, browserPath: string): Promise<{ bytes: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'vitrine-pdf-'));
  try {
    await writeFiles(dir, files);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: browserPath, args: ARGS });
    try {
      const page = await browser.newPage();
      // The print page is local; nothing it links to is fetched from the network.
      await page.route(/^(?!file:)/, (route) => route.abort());
      await page.goto(pathToFileURL(join(dir, folder, 'print.html')).href, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
      await writeFileAtomic(out, pdf);
      return { bytes: pdf.byteLength };
    } finally {
      await browser.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
