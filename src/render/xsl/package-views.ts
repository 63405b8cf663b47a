/**
 * XSL views that come with the input package (`ims-epView` resources and their
 * `presentationStyle` CSS). Their stylesheets are the package author's code, so they run only
 * when the build allows them (`--allow-package-code`, alias `--allow-package-xsl`), on a copy of the package's files in a
 * fresh folder that is all the child process may read, with the function allow-list check;
 * their HTML is sanitized like imported HTML and always goes inside the theme's layout.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { DiagnosticBag, parseOrigin, type Location } from '../../diagnostics/index.ts';
import { readInput } from '../../read/index.ts';
import { readImsPackage, type ImsPackage } from '../../formats/ims-package/index.ts';
import { presentationsOf, type PackagePresentation } from '../../formats/ims-package/presentations.ts';
import { sanitizePresentationHtml } from '../../model/sanitize.ts';
import type { ViewPlan } from '../../views/types.ts';
import type { ImageInfo } from '../page-data.ts';
import { buildViewDocument } from './view-document.ts';
import { placeOutput, profileOf, viewParams, type XslViewResult } from './render-xsl.ts';
import { runXsl } from './run.ts';
import { filterPackageCss } from '../package-css.ts';

/** What package views need to know about the build. */
export interface PackageXslOptions {
  /** The input path, to read the package's presentations from. */
  input?: string;
  /** The user allowed package code (stylesheets, CSS) for this build: `--allow-package-code`. */
  allowPackageCode?: boolean;
}

/** A package read once per build, with its presentations. */
export interface LoadedPackage {
  pkg: ImsPackage;
  presentations: PackagePresentation[];
}

/** Reads the input's package and its presentations (once per build). */
export async function loadPackagePresentations(input: string): Promise<LoadedPackage | undefined> {
  const read = await readInput(input);
  if (!read.value) return undefined;
  const pkg = readImsPackage(read.value, new DiagnosticBag());
  if (!pkg?.manifest) return undefined;
  return { pkg, presentations: presentationsOf(pkg.manifest) };
}

/** Extensions of result documents a package stylesheet may write; HTML ones are sanitized. */
const RESULT_TYPES = /\.(html?|txt|csv|json)$/i;

/** The body of a whole page, or the fragment as it is. */
function bodyOf(html: string): string {
  const placed = placeOutput(html);
  if (placed.fragment !== undefined) return placed.fragment;
  const m = /<body[^>]*>([\s\S]*)<\/body>/i.exec(placed.page!);
  return m ? m[1]! : '';
}

/** Renders a view whose stylesheet is a package's `ims-epView`; undefined means "theme renders it". */
export async function renderPackageXslView(
  plan: ViewPlan & { xsl: { package: string; origin?: string } },
  images: Map<string, ImageInfo>,
  messages: Record<string, string>,
  options: PackageXslOptions,
  loaded: () => Promise<LoadedPackage | undefined>,
  bag: DiagnosticBag,
): Promise<(XslViewResult & { styles: string[] }) | undefined> {
  const at: Location | undefined = plan.xsl.origin ? parseOrigin(plan.xsl.origin) : undefined;
  if (!options.allowPackageCode) {
    bag.add('PackageXslSkipped', `view "${plan.id}": the package stylesheet "${plan.xsl.package}" was skipped (package stylesheets run only with --allow-package-code); the theme renders the view`, at);
    return undefined;
  }
  const pack = await loaded();
  const pres = pack?.presentations.find((p) => p.identifier === plan.xsl.package);
  if (!pack || !pres) {
    const have = pack?.presentations.map((p) => p.identifier).join(', ');
    bag.add('PackageXslMissing', `view "${plan.id}": the input has no ims-epView resource "${plan.xsl.package}"${have ? ` (it has: ${have})` : ''}`, at);
    return undefined;
  }
  // A fresh folder, the only one the stylesheet's process may read, with the files of its own
  // resource and those of the view's selected parts: never a part file or a file of a part the
  // view leaves out (the view document carries the selected parts themselves).
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-package-xsl-'));
  const readable = new Set([pres.stylesheet, ...pres.files, ...plan.files.map((f) => f.path)]);
  try {
    for (const [path, bytes] of pack.pkg.files) {
      if (!readable.has(path) || path.split('/').some((s) => s === '..' || s === '')) continue;
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
    // Not cached: the compiled form names the fresh folder as its base URI, gone after the build.
    const source = buildViewDocument({ plan, images, messages });
    const out = await runXsl({ stylesheet: join(dir, pres.stylesheet), display: `${options.input ?? 'package'}/${pres.stylesheet}`, source, params: viewParams(plan), roots: [dir], untrusted: true }, bag);
    if (!out) return undefined;
    const encoder = new TextEncoder();
    const files = new Map<string, Uint8Array>();
    let sanitized = false;
    for (const [href, text] of out.documents) {
      if (!RESULT_TYPES.test(href)) {
        bag.add('XslAccessRefused', `the package stylesheet's result document "${href}" was not written: a package may write .html, .txt, .csv and .json files only`, { file: `${options.input ?? 'package'}/${pres.stylesheet}` }, { severity: 'warning' });
        continue;
      }
      if (/\.html?$/i.test(href)) {
        const clean = sanitizePresentationHtml(bodyOf(text));
        sanitized ||= clean.changed;
        files.set(href, encoder.encode(`<!DOCTYPE html>\n<meta charset="utf-8">\n${clean.html}\n`));
      } else files.set(href, encoder.encode(text));
    }
    const clean = sanitizePresentationHtml(bodyOf(out.output));
    if (sanitized || clean.changed) bag.add('HtmlSanitized', `view "${plan.id}": unsafe HTML made by the package stylesheet "${pres.stylesheet}" was removed`, { file: `${options.input ?? 'package'}/${pres.stylesheet}` });
    const styles: string[] = [];
    for (const css of pres.styles) {
      const bytes = pack.pkg.files.get(css);
      if (!bytes) continue;
      const name = `package-style/${styles.length + 1}-${basename(css).replace(/[^A-Za-z0-9._-]/g, '_')}`;
      // Parsed, not pattern-matched: nothing in it may load from another host (package-css.ts).
      const filtered = filterPackageCss(new TextDecoder().decode(bytes));
      if (filtered.removed.length) bag.add('PackageCssFiltered', `${css}: ${filtered.removed.length} rule(s) that would load from another host were removed (${filtered.removed.slice(0, 3).join('; ')})`, { file: `${options.input ?? 'package'}/${css}` });
      files.set(name, encoder.encode(filtered.css));
      styles.push(name);
    }
    return { fragment: clean.html, files, styles };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
