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
import { formatViolations, hasChromium, launchBrowser, runAxe } from '../a11y/browser.ts';

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
});
