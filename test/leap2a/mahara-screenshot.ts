/**
 * A screenshot of the rebuilt grid page of the Mahara fixture, each cell labelled with the
 * position it was built from (Mahara's positionx, positiony, width × height on 12 columns),
 * into docs/screenshots/mahara-grid.png. Run it after changing the page renderer or the theme:
 *
 *     node --import tsx test/leap2a/mahara-screenshot.ts
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../support/env.ts';
import { buildTo } from '../site/site-helpers.ts';
import { launchBrowser } from '../a11y/browser.ts';

const target = join(repoRoot, 'docs', 'screenshots');
mkdirSync(target, { recursive: true });
const [{ out }, browser] = await Promise.all([buildTo(join(repoRoot, 'test/fixtures/leap2a/mahara-pages')), launchBrowser()]);
try {
  const tab = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  await tab.goto(pathToFileURL(join(out, 'preview', 'view11', 'index.html')).href, { waitUntil: 'load' });
  // The labels are drawn for the screenshot only: the site itself carries the data attributes.
  await tab.addStyleTag({
    content: `.mahara-cell { position: relative; outline: 2px dashed #b0306a; outline-offset: 4px; }
      .mahara-cell::before { content: "x=" attr(data-x) " y=" attr(data-y) "  " attr(data-width) "×" attr(data-height); position: absolute; top: -0.9rem; right: 0; font: 600 12px/1.4 monospace; background: #b0306a; color: #fff; padding: 0 .4em; border-radius: 3px; z-index: 1; }`,
  });
  const file = join(target, 'mahara-grid.png');
  // The whole grid with a margin, so the labels above the first row show.
  const box = (await (await tab.$('.mahara-page'))!.boundingBox())!;
  await tab.screenshot({ path: file, fullPage: true, clip: { x: Math.max(0, box.x - 16), y: Math.max(0, box.y - 28), width: box.width + 32, height: box.height + 44 } });
  console.log(`wrote ${file}`);
} finally {
  await browser.close();
}
