/**
 * Accessibility of built sites, checked in a real browser: axe-core on every HTML page (WCAG
 * 2.0/2.1 A and AA, 2.2 AA; no rule turned off, nothing excluded), again with forced colours and
 * reduced motion, no horizontal scrolling at 320 px (WCAG 1.4.10 reflow), and a keyboard walk
 * that reaches every visible link of each view's front page.
 *
 * Two sites are checked: the example (`content/`), every view under its own audience profile;
 * and a reference view of the same portfolio built once under every profile of the example's
 * config (plus one with colours too pale, which the build must replace) and once without any,
 * where computed styles show that each display preference of each profile took effect.
 *
 * Needs Chromium at /usr/bin/chromium (Debian's `chromium`; `.ci/run` installs it): skipped
 * with a reason where it is missing, a failure in CI. One browser and one tab serve the whole
 * file; pages load over file://.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, repoRoot, skipNote } from '../support/env.ts';
import { buildTo, listFiles, page as parsePage } from '../site/site-helpers.ts';
import { contrast } from '../../src/audience/contrast.ts';
import {
  displayStyles,
  focused,
  focusOutline,
  formatViolations,
  hasChromium,
  horizontalOverflow,
  launchBrowser,
  linksOf,
  runAxe,
  type Violation,
} from './browser.ts';
import { exampleConfig, referenceProfiles, refId, writeReferenceConfig } from './reference.ts';

const ok = needs('chromium', hasChromium());

/** Desktop size for the axe runs and the keyboard walk; the reflow check narrows it to 320. */
const desktop = { width: 1280, height: 800 };

const profiles = referenceProfiles;

/** One built site and its HTML pages. */
interface Site {
  name: string;
  out: string;
  pages: string[];
}

/** `rgb(r, g, b)` → `#rrggbb`. */
function hex(rgb: string): string {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return `#${[r, g, b].map((n) => Math.round(n ?? 0).toString(16).padStart(2, '0')).join('')}`;
}

describe.skipIf(!ok)(`accessibility of the built sites in Chromium, under every audience profile${skipNote('chromium', ok)}`, () => {
  const sites: Site[] = [];
  let example: Site;
  let reference: Site;
  let referenceWarnings: string[] = [];
  let browser: Browser | undefined;
  let tab: Page;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-a11y-'));
    const config = writeReferenceConfig(dir);
    // Build both sites and launch the browser side by side.
    const [ex, ref, launched] = await Promise.all([buildTo(join(repoRoot, 'content')), buildTo(join(repoRoot, 'content'), { config }), launchBrowser()]);
    for (const r of [ex, ref]) expect(r.result.value.written, r.result.diagnostics.map((d) => d.message).join('\n')).toBe(true);
    referenceWarnings = ref.result.diagnostics.filter((d) => d.code === 'ProfileContrastLow').map((d) => d.message);
    browser = launched;
    example = { name: 'example', out: ex.out, pages: listFiles(ex.out).filter((f) => f.endsWith('.html')) };
    reference = { name: 'reference', out: ref.out, pages: listFiles(ref.out).filter((f) => f.endsWith('.html')) };
    sites.push(example, reference);
    // Attachment pages carry a no-script policy (docs/access.md, "Trust"); axe is injected as a
    // script, so the test's browser lets it in. The policy itself is tested in test/trust.
    const context = await browser.newContext({ viewport: desktop, bypassCSP: true });
    tab = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(site: Site, path: string): Promise<void> {
    await tab.goto(pathToFileURL(join(site.out, path)).href, { waitUntil: 'load' });
  }

  /** Runs axe on every page of both sites; fails once, listing every violation of every page. */
  async function axeEveryPage(): Promise<void> {
    const failures: string[] = [];
    let count = 0;
    let checked = 0;
    for (const site of sites) {
      for (const path of site.pages) {
        await open(site, path);
        const violations: Violation[] = await runAxe(tab);
        checked++;
        count += violations.length;
        if (violations.length) failures.push(formatViolations(`${site.name}: ${path}`, violations));
      }
    }
    expect(checked).toBe(example.pages.length + reference.pages.length);
    expect(count, `axe found ${count} violation(s) on ${failures.length} of ${checked} pages:\n${failures.join('\n')}`).toBe(0);
  }

  it('checks every HTML page: the root index, each view front page and its part pages, each view under its profile', () => {
    for (const site of sites) {
      expect(site.pages).toContain('index.html');
      const views = parsePage(site.out, 'index.html')
        .querySelectorAll('a[href]')
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => /^[^/:#?]+\/index\.html$/.test(href));
      expect(views.length).toBeGreaterThan(0);
      for (const v of views) expect(site.pages).toContain(v);
      expect(site.pages.length).toBeGreaterThan(views.length + 1);
    }
    // Every view of the example names a profile, and its pages link that profile's stylesheet.
    // An unlisted view's folder is its secret token: find it by the view's title. A protected
    // view's pages are encrypted; test/access/protected-browser.test.ts opens and checks them.
    const fronts = example.pages.filter((p) => /^[^/]+\/index\.html$/.test(p));
    for (const view of exampleConfig.views) {
      expect(view.profile, `view ${view.id} has no profile`).toBeTruthy();
      if (view.access === 'protected') continue;
      const front = view.access === 'unlisted' ? fronts.find((p) => parsePage(example.out, p).querySelector('title')?.text.includes(view.title)) : `${view.id}/index.html`;
      expect(front, `front page of ${view.id}`).toBeTruthy();
      const css = parsePage(example.out, front!).querySelectorAll('link[rel=stylesheet]').map((l) => l.getAttribute('href'));
      expect(css.some((h) => new RegExp(`theme/profile-${view.profile}\\.[0-9a-f]{10}\\.css$`).test(h ?? '')), css.join(', ')).toBe(true);
    }
    // The reference view: once without a profile, once per profile.
    for (const name of ['none', ...Object.keys(profiles)]) expect(reference.pages).toContain(`${refId(name)}/index.html`);
  });

  it('has no axe violations (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) on any page', async () => {
    await axeEveryPage();
  }, 300_000);

  it('has no axe violations with forced colours and reduced motion on any page', async () => {
    await tab.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    try {
      await axeEveryPage();
    } finally {
      await tab.emulateMedia({ forcedColors: null, reducedMotion: null });
    }
  }, 300_000);

  it('needs no horizontal scrolling at 320 px wide on any page', async () => {
    await tab.setViewportSize({ width: 320, height: 640 });
    try {
      const wide: string[] = [];
      for (const site of sites) {
        for (const path of site.pages) {
          await open(site, path);
          const o = await horizontalOverflow(tab);
          if (o.scrollWidth > o.innerWidth) {
            wide.push(`${site.name}: ${path}: scrollWidth ${o.scrollWidth} > innerWidth ${o.innerWidth}; past the edge: ${o.culprits.join(', ')}`);
          }
        }
      }
      expect(wide, `${wide.length} page(s) scroll sideways at 320 px:\n${wide.join('\n')}`).toEqual([]);
    } finally {
      await tab.setViewportSize(desktop);
    }
  }, 180_000);

  it('reaches every visible link of each view front page with the Tab key', async () => {
    const fronts = sites.flatMap((site) => site.pages.filter((p) => /^[^/]+\/index\.html$/.test(p)).map((path) => ({ site, path })));
    expect(fronts.length).toBeGreaterThan(Object.keys(profiles).length);
    const problems: string[] = [];
    for (const { site, path } of fronts) {
      await open(site, path);
      const links = await linksOf(tab);
      const visible = links.flatMap((l, i) => (l.visible ? [i] : []));
      if (!visible.length) problems.push(`${site.name}: ${path}: no visible link`);
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
      if (missed.length) problems.push(`${site.name}: ${path}: Tab reached ${reached.size} of ${visible.length} visible links; never focused:\n${missed.join('\n')}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  }, 180_000);

  it('shows each display and control preference of each profile in computed styles', async () => {
    await open(reference, `${refId('none')}/index.html`);
    const base = await displayStyles(tab);
    await tab.keyboard.press('Tab');
    const baseFocus = await focusOutline(tab);
    const wrong: string[] = [];
    const check = (name: string, what: string, pass: boolean, detail: string) => void (pass || wrong.push(`${name}: ${what}: ${detail}`));
    for (const [name, profile] of Object.entries(profiles)) {
      await open(reference, `${refId(name)}/index.html`);
      const s = await displayStyles(tab);
      const d = (profile.display ?? {}) as Record<string, unknown>;
      if (typeof d.fontSize === 'number') check(name, 'fontSize', Math.abs(s.rootFontSize - base.rootFontSize * d.fontSize) < 0.5, `root ${s.rootFontSize}px, default ${base.rootFontSize}px`);
      else check(name, 'no fontSize', s.rootFontSize === base.rootFontSize, `root ${s.rootFontSize}px`);
      if (d.fontFace) check(name, 'fontFace', s.fontFamily.endsWith(String(d.fontFace)) && s.fontFamily !== base.fontFamily, s.fontFamily);
      if (typeof d.lineSpacing === 'number') check(name, 'lineSpacing', Math.abs(s.lineHeight - d.lineSpacing) < 0.02, `line height ${s.lineHeight.toFixed(3)}× the font size`);
      if (typeof d.letterSpacing === 'number') check(name, 'letterSpacing', Math.abs(s.letterSpacing - d.letterSpacing) < 0.005, `${s.letterSpacing.toFixed(4)}em`);
      if (d.oneColumn) check(name, 'oneColumn', s.columns === 1 && base.columns > 1, `${s.columns} column(s), ${base.columns} without the profile`);
      if (d.reducedMotion) check(name, 'reducedMotion', s.motionOff && !base.motionOff, 'no unconditional rule turning animation off');
      const fg = hex(s.color);
      const bg = hex(s.background);
      const text = contrast(fg, bg);
      check(name, 'text contrast', text >= (d.highContrast ? 7 : 4.5), `${fg} on ${bg}: ${text.toFixed(2)}:1`);
      check(name, 'link contrast', contrast(hex(s.linkColor), bg) >= (d.highContrast ? 7 : 4.5), `${s.linkColor} on ${bg}`);
      const isDark = (c: string) => contrast(c, '#ffffff') > contrast(c, '#000000');
      if (d.invert) check(name, 'invert', isDark(bg) && !isDark(fg) && !isDark(hex(base.background)), `${fg} on ${bg} is not light on dark`);
      if (typeof d.foreground === 'string' && contrast(d.foreground, String(d.background ?? '#ffffff')) >= 4.5) check(name, 'foreground', fg === d.foreground, fg);
      if (profile.control?.keyboard) {
        check(name, 'keyboard: skip link always shown', s.skipPosition === 'static' && base.skipPosition !== 'static', s.skipPosition);
        check(name, 'keyboard: larger targets', s.navLinkHeight >= 2.75 * s.rootFontSize - 0.5 && base.navLinkHeight < 2.75 * base.rootFontSize, `${s.navLinkHeight}px`);
        await tab.keyboard.press('Tab');
        const outline = await focusOutline(tab);
        check(name, 'keyboard: large focus', outline >= 0.25 * s.rootFontSize - 0.1 && outline > baseFocus, `${outline}px, ${baseFocus}px without the profile`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    // The pale colours were reported and replaced (the text contrast above passed).
    expect(referenceWarnings.join('\n')).toMatch(/test-pale-colours.*text #9a9a9a on #ffffff contrast 2\.\d+:1, below 4\.5:1/);
  }, 120_000);

  it('offers the reader display settings with JavaScript, remembers them, and needs none without it', async () => {
    const front = pathToFileURL(join(reference.out, refId('large-print'), 'index.html')).href;
    // Without JavaScript: the panel stays hidden, every link is there.
    const plain = await browser!.newContext({ viewport: desktop, javaScriptEnabled: false });
    try {
      const p = await plain.newPage();
      await p.goto(front, { waitUntil: 'load' });
      expect(await p.locator('.prefs').isVisible()).toBe(false);
      expect((await linksOf(p)).filter((l) => l.visible).length).toBe(parsePage(reference.out, `${refId('large-print')}/index.html`).querySelectorAll('a[href]').length);
    } finally {
      await plain.close();
    }
    // With JavaScript, in a fresh context (its own storage): the reader's choice beats the profile's 150 %.
    const context = await browser!.newContext({ viewport: desktop });
    try {
      const p = await context.newPage();
      await p.goto(front, { waitUntil: 'load' });
      const size = async () => (await displayStyles(p)).rootFontSize;
      const profileSize = await size();
      await p.locator('.prefs summary').click();
      const open = await runAxe(p);
      expect(open, formatViolations('settings panel open', open)).toEqual([]);
      await p.locator('.prefs button[data-pref=size][data-value="200"]').click();
      await p.locator('.prefs button[data-pref=contrast][data-value=more]').click();
      await p.locator('.prefs button[data-pref=spacing][data-value=wide]').click();
      expect(await size()).toBeCloseTo(profileSize * (200 / 150), 1);
      expect(await p.locator('.prefs button[data-value="200"]').getAttribute('aria-pressed')).toBe('true');
      await p.goto(pathToFileURL(join(reference.out, refId('large-print'), 'product-talk-lire', 'index.html')).href, { waitUntil: 'load' });
      expect(await size(), 'remembered on the next page').toBeCloseTo(profileSize * (200 / 150), 1);
      expect((await displayStyles(p)).lineHeight).toBeCloseTo(2, 2);
      const after = await runAxe(p);
      expect(after, formatViolations('settings applied', after)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('chooses the media alternatives each profile asks for', () => {
    const talk = (name: string) => parsePage(reference.out, `${refId(name)}/product-talk-lire/index.html`);
    for (const [name, profile] of Object.entries(profiles)) {
      const html = talk(name);
      const wantsTranscript = profile.content?.transcript === true;
      expect(html.querySelectorAll('.transcript').length, `${name}: transcript inline`).toBe(wantsTranscript ? 1 : 0);
      // One captions track, marked default, whatever the profile (the browser shows it only when asked).
      expect(html.querySelectorAll('audio track[default]').length, name).toBe(1);
    }
    // Images never take a file name as their text alternative.
    for (const site of sites) {
      for (const path of site.pages) {
        for (const img of parsePage(site.out, path).querySelectorAll('img')) {
          expect(img.getAttribute('alt') ?? '', `${site.name}: ${path}`).not.toMatch(/\.(jpe?g|png|webp|avif|gif)$/i);
        }
      }
    }
  });
});
