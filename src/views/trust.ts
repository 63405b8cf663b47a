/**
 * Whose config is it? An authored folder (`portfolio.yaml`) is the user's own project, like an
 * Eleventy project, and its config may name templates and stylesheets that run. Any other
 * input folder (an unpacked IMS or Leap2A export, a folder of part files) came from somewhere
 * else: a `vitrine.config.yaml` inside it is the package's, and is read as data only. Its
 * views and profiles are kept; what would run code (`theme.templates`, `xsl`) is taken out with
 * a PackageCodeRefused diagnostic. With `--allow-package-code` a package stylesheet runs, as an
 * untrusted one (sandboxed child, function allow-list); package Nunjucks templates never run,
 * because Nunjucks has no sandbox (`range.constructor` reaches `Function`). docs/access.md, "Trust".
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { DiagnosticBag, type Location, type Result } from '../diagnostics/index.ts';
import type { SiteConfig, ViewConfig } from './types.ts';

/**
 * The folder of an input that is a package (not the user's authored project), or the export
 * folder a file input lies in; undefined otherwise (an authored folder, a zip beside the user's config).
 */
export function packageFolderOf(input: string): string | undefined {
  try {
    if (!statSync(input).isDirectory()) {
      // One file of an unpacked export (its feed, a part): the config found beside it is the export's.
      const folder = dirname(resolve(input));
      return hasExportMarker(folder, 0) ? realpathSync(folder) : undefined;
    }
  } catch {
    return undefined;
  }
  return existsSync(join(input, 'portfolio.yaml')) && !hasExportMarker(input) ? undefined : realpathSync(input);
}

/** File names that make a folder an export: an IMS manifest or a Leap2A feed (formats/ looks for them too). */
const EXPORT_MARKERS = new Set(['imsmanifest.xml', 'leap2a.xml', 'leap2.xml', 'leap.xml']);

/**
 * True when a folder holds an IMS manifest or a Leap2A feed at its root or one folder down
 * (where the readers look): a `portfolio.yaml` planted beside one does not make someone
 * else's export the user's own project.
 */
function hasExportMarker(folder: string, depth = 1): boolean {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const e of entries) {
    if (EXPORT_MARKERS.has(e.name.toLowerCase())) return true;
    if (depth > 0 && e.isDirectory() && hasExportMarker(join(folder, e.name), depth - 1)) return true;
  }
  return false;
}

/**
 * True when `file` lies inside `folder`, by its path as written or by where it really is (a
 * symbolic link inside a package still came with it); `reallyOnly`: where it really is.
 */
function isInside(file: string, folder: string, reallyOnly = false): boolean {
  const within = (path: string) => {
    const rel = relative(folder, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  let real: string | undefined;
  try {
    real = realpathSync(file);
  } catch {
    real = undefined;
  }
  let dir: string | undefined;
  try {
    dir = join(realpathSync(dirname(resolve(file))), basename(file));
  } catch {
    dir = undefined;
  }
  if (reallyOnly) return real !== undefined && within(real);
  return within(resolve(file)) || (real !== undefined && within(real)) || (dir !== undefined && within(dir));
}

/** Options of the trust decision. */
export interface TrustOptions {
  /** The user passed `--allow-package-code` (or its alias `--allow-package-xsl`) for this build. */
  allowPackageCode?: boolean;
}

/**
 * Reads a config found inside a package as data: `theme.templates` is removed (always), `xsl`
 * is removed unless package code is allowed, and then marked untrusted. Configs outside the
 * package (beside a zip, named by `--config` elsewhere, an authored folder's) are left as they are.
 */
export function applyConfigTrust(input: string, config: SiteConfig, options: TrustOptions = {}): Result<SiteConfig> {
  const folder = packageFolderOf(input);
  const file = config.file;
  if (!folder || !file || !isInside(file, folder)) return { value: config, diagnostics: [] };
  const bag = new DiagnosticBag();
  const at = (v: ViewConfig, origin?: Location): Location => origin ?? v.origin ?? { file };
  const views = config.views.map((v) => {
    const out: ViewConfig = { ...v };
    if (v.theme?.templates !== undefined) {
      bag.add('PackageCodeRefused', `view "${v.id}": the templates "${v.theme.templates}" named by the package's own config were not used (Nunjucks templates from a package never run, even with --allow-package-code); the theme renders the view`, at(v));
      const { templates: _dropped, ...rest } = v.theme;
      out.theme = rest;
    }
    if (v.xsl && !('package' in v.xsl)) {
      const name = 'file' in v.xsl ? v.xsl.file : (v.xsl as { osp: string }).osp;
      // Even allowed, a package's stylesheet is one of its own files, not one elsewhere on disk.
      const inPackage = isInside(resolve(dirname(file), name), folder, true);
      if (options.allowPackageCode && inPackage) out.xsl = { ...v.xsl, untrusted: true };
      else {
        bag.add('PackageCodeRefused', `view "${v.id}": the stylesheet "${name}" named by the package's own config was not run (${inPackage ? 'run it with --allow-package-code' : 'it is not a file of the package'}); the theme renders the view`, at(v, v.xsl.origin));
        delete out.xsl;
      }
    }
    return out;
  });
  return { value: { ...config, views, packaged: true }, diagnostics: bag.items };
}
