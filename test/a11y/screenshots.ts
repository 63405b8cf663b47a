/**
 * Screenshots of one page of the reference view (the talk with captions and a transcript) under
 * each profile of the example, and without one, into docs/screenshots/. Run it after changing
 * the theme or a profile:
 *
 *     node --import tsx test/a11y/screenshots.ts
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../support/env.ts';
import { buildTo } from '../site/site-helpers.ts';
import { launchBrowser } from './browser.ts';
import { exampleConfig, refId, writeReferenceConfig } from './reference.ts';

const target = join(repoRoot, 'docs', 'screenshots');
mkdirSync(target, { recursive: true });
const config = writeReferenceConfig(mkdtempSync(join(tmpdir(), 'vitrine-shots-')), exampleConfig.profiles);
const [{ out, result }, browser] = await Promise.all([buildTo(join(repoRoot, 'content'), { config }), launchBrowser()]);
try {
  if (!result.value.written) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  const context = await browser.newContext({ viewport: { width: 900, height: 1100 } });
  const tab = await context.newPage();
  for (const name of ['none', ...Object.keys(exampleConfig.profiles)]) {
    await tab.goto(pathToFileURL(join(out, refId(name), 'product-talk-lire', 'index.html')).href, { waitUntil: 'load' });
    const file = join(target, `${name}.png`);
    await tab.screenshot({ path: file });
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
}
