/**
 * Screenshots of each theme's front page in the example (studio, résumé, editorial and the
 * example theme folder) at 1280 and 390 CSS pixels, and of the résumé's print preview, into
 * docs/screenshots/themes/ (the studio lightbox open, too). The views are built without their
 * audience profiles, to show the themes as designed. Run it after changing a theme:
 *
 *     node --import tsx test/a11y/theme-screenshots.ts
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../support/env.ts';
import { buildTo } from '../site/site-helpers.ts';
import { launchBrowser } from './browser.ts';
import { exampleConfig } from './reference.ts';

/** The example's view of each theme. */
export const THEME_VIEWS = { editorial: 'studio-nord', studio: 'work', resume: 'cv', folder: 'ecole-design' } as const;

const target = join(repoRoot, 'docs', 'screenshots', 'themes');
mkdirSync(target, { recursive: true });
// The example's views without their audience profiles: the screenshots show the themes as
// designed (the profiles' own screenshots are in docs/screenshots/).
const dir = mkdtempSync(join(tmpdir(), 'vitrine-theme-shots-'));
const config = join(dir, 'vitrine.config.json');
const views = (exampleConfig.views as Record<string, unknown>[]).map(({ profile: _profile, ...view }) => {
  const theme = view.theme as string | { use?: string } | undefined;
  const folder = join(repoRoot, 'docs', 'example-theme');
  return theme === '../docs/example-theme' ? { ...view, theme: folder } : view;
});
writeFileSync(config, JSON.stringify({ views }, null, 2));
const [{ out, result }, browser] = await Promise.all([buildTo(join(repoRoot, 'content'), { config }), launchBrowser()]);
try {
  if (!result.value.written) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const tab = await context.newPage();
    for (const [theme, view] of Object.entries(THEME_VIEWS)) {
      await tab.goto(pathToFileURL(join(out, view, 'index.html')).href, { waitUntil: 'load' });
      const file = join(target, `${theme}-${width}.png`);
      await tab.screenshot({ path: file });
      console.log(`wrote ${file}`);
    }
    if (width === 1280) {
      // The studio's lightbox, open (a :target overlay: no JavaScript involved).
      await tab.goto(`${pathToFileURL(join(out, THEME_VIEWS.studio, 'index.html')).href}#see-product-poster-nord`, { waitUntil: 'load' });
      // The big image is lazy: wait until it has loaded.
      await tab.locator('#see-product-poster-nord img').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
      await tab.screenshot({ path: join(target, 'studio-lightbox-1280.png') });
    }
    await context.close();
  }
  // The résumé as it prints: the print stylesheet, on an A4 page's width.
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
  const tab = await context.newPage();
  await tab.emulateMedia({ media: 'print' });
  await tab.goto(pathToFileURL(join(out, THEME_VIEWS.resume, 'index.html')).href, { waitUntil: 'load' });
  await tab.screenshot({ path: join(target, 'resume-print.png'), fullPage: true });
  await tab.pdf({ path: join(out, 'cv-a4.pdf'), format: 'A4', printBackground: true });
  console.log(`wrote ${join(target, 'resume-print.png')}; PDF in ${out}/cv-a4.pdf`);
} finally {
  await browser.close();
}
