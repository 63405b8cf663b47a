/**
 * A real browser for the accessibility tests: Debian's Chromium driven by playwright-core, with
 * axe-core injected into each page.
 *
 * Everything that runs inside the page lives here, in the functions passed to `page.evaluate`.
 * The project compiles without the DOM library (`lib: ["ES2023"]`), so the few browser globals
 * those functions use are declared below, in this module only: they type-check the code that
 * playwright serialises and runs in the page, and they leak into no other file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser (`.ci/run` installs it when missing). */
export const chromiumPath = '/usr/bin/chromium';

/** Whether Chromium is installed at `chromiumPath`. */
export function hasChromium(): boolean {
  return existsSync(chromiumPath);
}

/**
 * Starts a headless Chromium. `launch` (not `launchPersistentContext`) gives it a fresh, empty
 * user data dir in a temp folder, removed again by `browser.close()`.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The WCAG levels checked: every rule axe tags with one of these runs, none is turned off. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource: string | undefined;

/** axe-core's minified build, read once (`axe.min.js` beside the package's main file). */
function axeScript(): string {
  if (axeSource === undefined) {
    const main = createRequire(import.meta.url).resolve('axe-core');
    axeSource = readFileSync(join(dirname(main), 'axe.min.js'), 'utf8');
  }
  return axeSource;
}

/** One axe violation, reduced to what a failure message needs. */
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; summary: string }[];
}

// ---- Browser globals used inside page.evaluate (see the comment at the top). ----
interface DomRect { left: number; right: number; width: number; height: number }
interface DomElement {
  tagName: string;
  id: string;
  className: unknown;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): DomRect;
  checkVisibility(options?: { visibilityProperty?: boolean; opacityProperty?: boolean }): boolean;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  appendChild(child: DomElement): void;
}
interface AxeNode { target: unknown[]; html: string; failureSummary?: string }
interface AxeResult { id: string; impact?: string | null; help: string; helpUrl: string; nodes: AxeNode[] }
interface DomStyle { [property: string]: string }
declare const document: {
  documentElement: DomElement & { scrollWidth: number };
  body: DomElement | null;
  activeElement: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement & { setAttribute(name: string, value: string): void; remove(): void };
};
declare const window: {
  innerWidth: number;
  getComputedStyle(el: DomElement): DomStyle;
  axe: {
    run(
      context: unknown,
      options: { runOnly: { type: 'tag'; values: string[] }; resultTypes: string[] },
    ): Promise<{ violations: AxeResult[] }>;
  };
};

/**
 * Injects axe-core into the loaded page and runs it on the whole document for `wcagTags`.
 * Returns the violations (an empty array when the page passes). `resultTypes` only trims the
 * passes and inapplicable results axe sends back; it changes no verdict.
 */
export async function runAxe(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: axeScript() });
  return page.evaluate(async (values) => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))),
        html: n.html,
        summary: n.failureSummary ?? '',
      })),
    }));
  }, wcagTags);
}

/** Violations found on one page, as readable lines: rule, impact, help, then each target. */
export function formatViolations(pagePath: string, violations: Violation[]): string {
  const lines: string[] = [];
  for (const v of violations) {
    lines.push(`${pagePath}: ${v.id} [${v.impact ?? 'no impact'}] ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes) {
      lines.push(`    ${n.target.join(', ')}  ${n.html.replace(/\s+/g, ' ').slice(0, 160)}`);
      for (const s of n.summary.split('\n').filter(Boolean)) lines.push(`      ${s.trim()}`);
    }
  }
  return lines.join('\n');
}

/**
 * Horizontal overflow of the loaded page: the document's scroll width against the viewport's,
 * and, when it overflows, a few of the elements that reach past the right edge.
 */
export function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth;
    const innerWidth = window.innerWidth;
    const culprits: string[] = [];
    if (scrollWidth > innerWidth) {
      const all = Array.from(document.querySelectorAll('body *'));
      for (const el of all) {
        const r = el.getBoundingClientRect();
        if (r.right > innerWidth + 0.5 && r.width > 0) {
          const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
          culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} (right edge ${Math.round(r.right)} px)`);
          if (culprits.length >= 5) break;
        }
      }
    }
    return { scrollWidth, innerWidth, culprits };
  });
}

/**
 * The page's `a[href]` elements, in document order, with whether each is visible: rendered
 * (`checkVisibility` with `visibility` considered) and with a non-empty box. The skip link is
 * moved off screen, not hidden, so it counts as visible.
 */
export function linksOf(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('a[href]')).map((a) => {
      const r = a.getBoundingClientRect();
      return {
        href: a.getAttribute('href') ?? '',
        text: ((a as unknown as { textContent: string | null }).textContent ?? '').replace(/\s+/g, ' ').trim(),
        visible: a.checkVisibility({ visibilityProperty: true }) && r.width > 0 && r.height > 0,
      };
    }),
  );
}

/**
 * What has keyboard focus: `none` when it is on the body or nowhere; otherwise the element's
 * position among all elements (to notice when the walk comes round again), its index among the
 * page's `a[href]` (-1 when it is not a link) and its tag.
 */
export function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { none: true, pos: -1, link: -1, tag: '' };
    return {
      none: false,
      pos: Array.from(document.querySelectorAll('*')).indexOf(el),
      link: Array.from(document.querySelectorAll('a[href]')).indexOf(el),
      tag: el.tagName.toLowerCase(),
    };
  });
}

/**
 * What the loaded page's display looks like, read from computed styles: the root font size in
 * px, the body's font family and colours, a paragraph's line height and letter spacing (as
 * factors of its font size), the number of columns of the first card grid, the skip link's
 * position, the height of the first navigation link, and whether animations and transitions
 * are turned off.
 */
export function displayStyles(page: Page) {
  return page.evaluate(() => {
    const style = (sel: string) => {
      const el = document.querySelector(sel);
      return el ? window.getComputedStyle(el) : undefined;
    };
    const html = style('html')!;
    const body = style('body')!;
    const p = style('main p');
    const grid = style('.cards, .gallery, .quotes, .outcomes');
    const nav = document.querySelector('.site-nav a, .crumbs a');
    const link = style('main a[href]');
    // A probe with an animation and a transition of its own: a profile asking for reduced
    // motion must turn both off (stylesheets loaded over file:// cannot be read, styles can).
    const probe = document.createElement('div');
    probe.setAttribute('style', 'animation: vitrine-probe 2s infinite; transition: opacity 1s');
    document.body!.appendChild(probe);
    const ps = window.getComputedStyle(probe);
    const motionOff = ps['animationName'] === 'none' && Number.parseFloat(ps['transitionDuration'] ?? '0') === 0;
    probe.remove();
    const px = (v: string | undefined) => Number.parseFloat(v ?? '');
    return {
      rootFontSize: px(html['fontSize']),
      fontFamily: body['fontFamily'] ?? '',
      color: body['color'] ?? '',
      background: body['backgroundColor'] ?? '',
      linkColor: link?.['color'] ?? '',
      lineHeight: p ? px(p['lineHeight']) / px(p['fontSize']) : Number.NaN,
      letterSpacing: p ? (p['letterSpacing'] === 'normal' ? 0 : px(p['letterSpacing']) / px(p['fontSize'])) : Number.NaN,
      columns: grid ? (grid['gridTemplateColumns'] ?? '').split(' ').filter(Boolean).length : 0,
      skipPosition: style('.skip')?.['position'] ?? '',
      navLinkHeight: nav ? nav.getBoundingClientRect().height : 0,
      motionOff,
    };
  });
}

/** The computed outline width (px) of the element that has focus, or 0. */
export function focusOutline(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 0;
    const s = window.getComputedStyle(el);
    return s['outlineStyle'] === 'none' ? 0 : Number.parseFloat(s['outlineWidth'] ?? '0');
  });
}
