/**
 * Themes: what a view looks like. A theme is a bundled theme (`themes/<name>/`), a folder the
 * config names (relative to the config file), or an npm package found from the config file's
 * folder upward (`node_modules/<name>`), never from Vitrine's own install location: a theme is
 * the user's choice, installed beside their portfolio. A theme folder holds `templates/`
 * (overrides of the base templates by the same names), `style.css`, `assets/` and an optional
 * `theme.json` (`{ "extends": "studio", "settings": { ... } }`). docs/themes.md.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { DiagnosticBag, Location } from '../diagnostics/index.ts';
import type { ThemeSettings, ViewPlan } from '../views/types.ts';

/** Where the bundled themes are. */
export const bundledThemesDir = resolve(import.meta.dirname, '../../themes');
/** The themes Vitrine ships; `editorial` is the base theme (the default templates). */
export const BUNDLED_THEMES = ['editorial', 'studio', 'resume'] as const;
/** The theme of a view that names none. */
export const DEFAULT_THEME = 'editorial';

/** A resolved theme: its folders and files, the settings it declares, the theme it extends. */
export interface Theme {
  /** Unique in a site, safe in a path: `studio`, `pkg-vitrine-theme-foo`, `dir-my-theme-1a2b3c`. */
  key: string;
  /** The name as written in the config or in theme.json. */
  name: string;
  /** The theme's folder; absent for `editorial`, whose templates are the base templates. */
  dir?: string;
  templates?: string;
  style?: string;
  assets?: string;
  /** The settings the theme declares as its defaults (theme.json). */
  settings: ThemeSettings;
  parent?: Theme;
}

/** Themes resolved once per build, by what names them and where from. */
export type ThemeCache = Map<string, Theme | undefined>;

const NPM_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'theme';
const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};
const isFile = (p: string) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/**
 * The theme a plan uses, with the themes it extends. A theme that cannot be found is a
 * ThemeNotFound warning and the default theme renders the view, as a missing XSL stylesheet
 * leaves its view to the theme: what the view shows does not depend on its look.
 */
export function resolveTheme(plan: Pick<ViewPlan, 'theme'>, bag: DiagnosticBag, cache: ThemeCache = new Map()): Theme | undefined {
  const use = plan.theme.use ?? DEFAULT_THEME;
  const from = plan.theme.dir ?? process.cwd();
  const key = `${from}\0${use}`;
  if (cache.has(key)) return cache.get(key);
  const at = plan.theme.origin;
  const found = locate(use, from);
  let theme: Theme | undefined;
  if (!found) {
    const hint = /^[./]/.test(use) || use.includes('/') && !use.startsWith('@')
      ? `no folder ${resolve(from, use)}`
      : `not one of ${BUNDLED_THEMES.join(', ')}, no folder ./${use}, and no package "${use}" or "vitrine-theme-${use}" in node_modules from ${from} upward (install it there: npm install --save-dev ${use})`;
    bag.add('ThemeNotFound', `theme "${use}": ${hint}; the ${DEFAULT_THEME} theme renders the view`, at);
    theme = load(locate(DEFAULT_THEME, from)!, bag, at, new Set());
  } else theme = load(found, bag, at, new Set());
  cache.set(key, theme);
  return theme;
}

/** Where a theme named `use` is: a bundled name, a folder relative to `from`, or a package. */
function locate(use: string, from: string): { dir?: string; name: string; kind: 'bundled' | 'folder' | 'package' } | undefined {
  if (use === DEFAULT_THEME) return { name: use, kind: 'bundled' };
  if ((BUNDLED_THEMES as readonly string[]).includes(use)) return { dir: join(bundledThemesDir, use), name: use, kind: 'bundled' };
  const path = isAbsolute(use) ? use : resolve(from, use);
  if (/^[./]/.test(use) || isAbsolute(use) || (use.includes('/') && !use.startsWith('@')) || isDir(path)) {
    return isDir(path) ? { dir: path, name: basename(path), kind: 'folder' } : undefined;
  }
  for (const name of [use, `vitrine-theme-${use}`]) {
    if (!NPM_NAME.test(name)) continue;
    // Like Node's own lookup, from the config's folder up to the file system's root.
    for (let dir = from; ; dir = dirname(dir)) {
      const pkg = join(dir, 'node_modules', name);
      if (isFile(join(pkg, 'package.json'))) return { dir: realpathSync(pkg), name, kind: 'package' };
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}

function load(found: NonNullable<ReturnType<typeof locate>>, bag: DiagnosticBag, at: Location | undefined, seen: Set<string>): Theme {
  const { dir, name, kind } = found;
  const key = kind === 'bundled' ? name : kind === 'package' ? `pkg-${slug(name)}` : `dir-${slug(name)}-${createHash('sha256').update(dir!).digest('hex').slice(0, 6)}`;
  const theme: Theme = { key, name, settings: {} };
  if (!dir) return theme;
  theme.dir = dir;
  for (const [field, file, test] of [['templates', 'templates', isDir], ['style', 'style.css', isFile], ['assets', 'assets', isDir]] as const) {
    if (test(join(dir, file))) theme[field] = join(dir, file);
  }
  let parent = DEFAULT_THEME;
  const manifest = join(dir, 'theme.json');
  if (isFile(manifest)) {
    try {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown; extends?: unknown; settings?: unknown };
      if (typeof json.name === 'string' && kind !== 'bundled') theme.name = json.name;
      if (typeof json.extends === 'string') {
        if ((BUNDLED_THEMES as readonly string[]).includes(json.extends)) parent = json.extends;
        else bag.add('ThemeNotFound', `${manifest}: "extends": "${json.extends}" must name a bundled theme (${BUNDLED_THEMES.join(', ')})`, { file: manifest });
      }
      if (json.settings && typeof json.settings === 'object') theme.settings = pickSettings(json.settings as Record<string, unknown>);
    } catch (e) {
      bag.add('ThemeNotFound', `${manifest} is not valid JSON: ${(e as Error).message}`, { file: manifest });
    }
  }
  if (parent !== name && !seen.has(parent)) {
    seen.add(name);
    theme.parent = load(locate(parent, dir)!, bag, at, seen);
  }
  return theme;
}

/** Only the settings the config could set, with the same rules, from a theme.json. */
function pickSettings(s: Record<string, unknown>): ThemeSettings {
  const out: ThemeSettings = {};
  for (const k of ['accent', 'ink', 'paper'] as const) if (typeof s[k] === 'string' && /^#[0-9a-f]{6}$/i.test(s[k])) out[k] = (s[k] as string).toLowerCase();
  if (typeof s.font === 'string' && /^[\p{L}\p{N}][\p{L}\p{N} -]{0,62}$/u.test(s.font)) out.font = s.font;
  if (s.density === 'compact' || s.density === 'normal' || s.density === 'airy') out.density = s.density;
  if (s.layout === 'grid' || s.layout === 'masonry' || s.layout === 'list') out.layout = s.layout;
  return out;
}

/** The theme and every theme it extends, the base theme last. */
export function themeChain(theme: Theme | undefined): Theme[] {
  const out: Theme[] = [];
  for (let t = theme; t && out.length < 8; t = t.parent) out.push(t);
  return out;
}

/** The settings a view gets: the base theme's, overridden by each theme down the chain, then the config's. */
export function themeSettings(theme: Theme | undefined, config: ThemeSettings | undefined): ThemeSettings {
  return Object.assign({}, ...themeChain(theme).reverse().map((t) => t.settings), config ?? {}) as ThemeSettings;
}

