/**
 * What a theme adds to a site besides templates: its stylesheet and assets, published under
 * `theme/<key>/` at the site root (so `url(assets/font.woff2)` in its style.css resolves as it
 * does in the theme's folder), a small stylesheet made from the settings the config sets, and
 * warnings for files a template or the stylesheet references that do not exist.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { DiagnosticBag, Location } from '../diagnostics/index.ts';
import { contrast } from '../audience/contrast.ts';
import type { ThemeSettings } from '../views/types.ts';
import { themeChain, type Theme } from './theme.ts';

/** A theme's published files stop here: a theme is a few fonts and images, not a site. */
const MAX_THEME_FILES = 500;
const MAX_THEME_BYTES = 20 * 1024 * 1024;

/** Root-relative path of a theme's published folder. */
export const themeFolder = (theme: Theme): string => `theme/${theme.key}/`;

/** Every file of a folder, recursively, skipping links (a theme publishes its own files only). */
function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (st.isSymbolicLink() || name.startsWith('.')) continue;
    if (st.isDirectory()) walk(path, out);
    else if (st.isFile()) out.push(path);
  }
  return out;
}

/** The files a theme and the themes it extends publish, by site path. */
export function themeFiles(theme: Theme | undefined, bag: DiagnosticBag): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const t of themeChain(theme)) {
    if (!t.dir) continue;
    const files = [...(t.style ? [t.style] : []), ...(t.assets ? walk(t.assets) : [])];
    let bytes = 0;
    for (const file of files.slice(0, MAX_THEME_FILES)) {
      const data = readFileSync(file);
      bytes += data.length;
      if (bytes > MAX_THEME_BYTES) {
        bag.add('ThemeAssetMissing', `theme "${t.name}": assets beyond ${MAX_THEME_BYTES / 1024 / 1024} MB are not published`, { file });
        break;
      }
      out.set(themeFolder(t) + relative(t.dir, file).split(sep).join('/'), data);
    }
    if (files.length > MAX_THEME_FILES) bag.add('ThemeAssetMissing', `theme "${t.name}": only the first ${MAX_THEME_FILES} files of assets/ are published`, { file: t.assets! });
  }
  return out;
}

/** The root-relative stylesheets a view links after the base stylesheet: each theme's style.css, base first. */
export function themeStyles(theme: Theme | undefined): string[] {
  return themeChain(theme).reverse().filter((t) => t.style).map((t) => `${themeFolder(t)}style.css`);
}

const FONTS: Record<string, string> = {
  serif: '"Iowan Old Style", "Palatino Linotype", Palatino, Georgia, serif',
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  mono: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
};

/** `#rrggbb` mixed with another at `w` of the first. */
function mix(a: string, b: string, w: number): string {
  const n = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
  const [x, y] = [n(a), n(b)];
  return `#${x.map((c, i) => Math.round(c * w + y[i]! * (1 - w)).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The stylesheet the config's settings make (custom properties the themes read), named by its
 * content; undefined when there is nothing to set. Colours are checked as pages use them:
 * text and muted text on the background and on cards, links on the background and on their
 * soft highlight, each at 4.5:1 (ThemeContrastLow otherwise; the colours are still used, as
 * the owner chose them, and the audience profiles still override them).
 */
export function settingsStylesheet(settings: ThemeSettings, bag: DiagnosticBag, at?: Location): { fileName: string; css: string } | undefined {
  const vars: string[] = [];
  const ink = settings.ink ?? '#1b1b1f';
  const paper = settings.paper ?? '#fbfaf7';
  const accent = settings.accent ?? '#8a2c0f';
  if (settings.ink || settings.paper) {
    vars.push(`--ink: ${ink}`, `--paper: ${paper}`, `--card: ${paper}`, `--tint: ${mix(paper, ink, 0.93)}`, `--line: ${mix(paper, ink, 0.8)}`, `--muted: ${mix(ink, paper, 0.78)}`);
  }
  if (settings.accent || settings.paper) vars.push(`--accent: ${accent}`, `--accent-soft: ${mix(paper, accent, 0.9)}`);
  if (settings.font) {
    const stack = FONTS[settings.font] ?? `"${settings.font}", ${FONTS.sans}`;
    vars.push(`--font-text: ${stack}`, `--font-ui: ${stack}`);
  }
  const density = { compact: 0.75, normal: 1, airy: 1.35 }[settings.density ?? 'normal'];
  if (density !== 1) vars.push(`--density: ${density}`);
  if (settings.ink || settings.paper || settings.accent) {
    const pairs: [string, string, string][] = [
      ['text', ink, paper],
      ['muted text', mix(ink, paper, 0.78), mix(paper, ink, 0.93)],
      ['links', accent, paper],
      ['links on their highlight', accent, mix(paper, accent, 0.9)],
    ];
    for (const [what, fg, bg] of pairs) {
      const ratio = contrast(fg, bg);
      if (ratio < 4.5) bag.add('ThemeContrastLow', `theme settings: ${what} (${fg} on ${bg}) contrast ${ratio.toFixed(2)}:1; text needs 4.5:1`, at);
    }
  }
  if (!vars.length) return undefined;
  const css = `/* Theme settings from the config (docs/themes.md). */\n:root { ${vars.join('; ')}; }\n`;
  return { fileName: `settings-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`, css };
}

const REF = /\{\{-?\s*(root|themeDir)\s*-?\}\}([^"'\s{}()<>]+)/g;
const URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

/**
 * References to files that will not exist: `{{ root }}theme/...` and `{{ themeDir }}...` in the
 * templates of the view's folders, and `url()`s in each theme's style.css. Each is a
 * ThemeAssetMissing warning at the template's (or stylesheet's) `file:line:col`: a missing font
 * or stylesheet is a silent 404 in a browser.
 */
export function checkThemeReferences(templateDirs: string[], theme: Theme | undefined, published: (path: string) => boolean, bag: DiagnosticBag, checked: Set<string>): void {
  const own = themeChain(theme)[0];
  const themeDir = own?.dir ? themeFolder(own) : undefined;
  for (const dir of templateDirs) {
    let files: string[];
    try {
      files = walk(dir).filter((f) => f.endsWith('.njk'));
    } catch {
      continue;
    }
    for (const file of files) {
      const key = `${file}\0${themeDir ?? ''}`;
      if (checked.has(key)) continue;
      checked.add(key);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(REF)) {
        // A path that goes on with another {{ }} is built at render time: nothing to check here.
        if (text[m.index + m[0].length] === '{') continue;
        const path = (m[1] === 'root' ? m[2]! : themeDir ? themeDir + m[2]! : undefined)?.replace(/[?#].*$/, '').replace(/[.,;:]+$/, '');
        if (m[1] === 'root' && !path!.startsWith('theme/')) continue;
        if (path && published(path)) continue;
        const what = path ? `${path} is not published` : 'the view\'s theme has no folder of its own';
        bag.add('ThemeAssetMissing', `${m[0]} references a file that does not exist: ${what}${m[1] === 'themeDir' ? ' (themeDir is the theme folder: put the file in the theme\'s assets/ and write {{ themeDir }}assets/…)' : ''}`, at(file, text, m.index));
      }
    }
  }
  for (const t of themeChain(theme)) {
    if (!t.style || checked.has(t.style)) continue;
    checked.add(t.style);
    const css = readFileSync(t.style, 'utf8');
    for (const m of css.matchAll(URL)) {
      const ref = m[2]!.trim();
      if (/^(data:|https?:|#|\/)/i.test(ref)) continue;
      const target = resolve(t.dir!, ref.replace(/[?#].*$/, ''));
      const inside = t.assets && target.startsWith(t.assets + sep);
      if (inside && published(themeFolder(t) + relative(t.dir!, target).split(sep).join('/'))) continue;
      bag.add('ThemeAssetMissing', `url(${ref}) in style.css ${inside ? 'names a file that does not exist' : 'names a file outside the theme\'s assets/ folder, which is not published'}`, at(t.style, css, m.index));
    }
  }
}

function at(file: string, text: string, index: number): Location {
  const before = text.slice(0, index).split('\n');
  return { file, line: before.length, column: before.at(-1)!.length + 1 };
}
