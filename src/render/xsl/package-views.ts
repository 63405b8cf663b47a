/**
 * XSL views that come with the input package (`ims-epView` resources and their
 * `presentationStyle` CSS). Their stylesheets are the package author's code, so they run only
 * when the build allows them (`--allow-package-code`, alias `--allow-package-xsl`), on a copy of the package's files in a
 * fresh folder that is all the child process may read, with the function allow-list check;
 * their HTML is sanitized like imported HTML and always goes inside the theme's layout.
 */
import { basename, join } from 'node:path';
import type { DiagnosticBag, Location } from '../../diagnostics/index.ts';
import type { ViewPlan } from '../../views/types.ts';
import { makeTempFolder, removeTempFolder, writeTempFile } from '../../write/folders.ts';
import type { ImageInfo } from '../page-data.ts';
import { audienceOf, viewParams, type XslBuild, type XslViewResult } from './render-xsl.ts';
import { runXsl } from './run.ts';
import { untrustedResult } from './untrusted-result.ts';
import { filterPackageCss } from '../package-css.ts';

/** What package views need to know about the build. */
export interface PackageXslOptions {
  /** The input path, for messages. */
  input?: string;
  /** The user allowed package code (stylesheets, CSS) for this build: `--allow-package-code`. */
  allowPackageCode?: boolean;
}

/** Renders a view whose stylesheet is a package's `ims-epView`; undefined means "theme renders it". */
export async function renderPackageXslView(
  plan: ViewPlan & { xsl: { package: string; origin?: Location } },
  images: Map<string, ImageInfo>,
  messages: Record<string, string>,
  options: PackageXslOptions,
  xsl: XslBuild,
  bag: DiagnosticBag,
): Promise<(XslViewResult & { styles: string[] }) | undefined> {
  const at: Location | undefined = plan.xsl.origin;
  if (!options.allowPackageCode) {
    bag.add('PackageXslSkipped', `view "${plan.id}": the package stylesheet "${plan.xsl.package}" was skipped (package stylesheets run only with --allow-package-code); the theme renders the view`, at);
    return undefined;
  }
  const pack = xsl.inputs.packagePresentations();
  const pres = pack?.presentations.find((p) => p.identifier === plan.xsl.package);
  if (!pack || !pres) {
    const have = pack?.presentations.map((p) => p.identifier).join(', ');
    bag.add('PackageXslMissing', `view "${plan.id}": the input has no ims-epView resource "${plan.xsl.package}"${have ? ` (it has: ${have})` : ''}`, at);
    return undefined;
  }
  // A fresh folder, the only one the stylesheet's process may read, with the files of its own
  // resource and those of the view's selected parts: never a part file or a file of a part the
  // view leaves out (the view document carries the selected parts themselves).
  const dir = makeTempFolder('vitrine-package-xsl-');
  const readable = new Set([pres.stylesheet, ...pres.files, ...plan.files.map((f) => f.path)]);
  try {
    for (const [path, bytes] of pack.files) {
      if (!readable.has(path) || path.split('/').some((s) => s === '..' || s === '')) continue;
      writeTempFile(dir, path, bytes);
    }
    // Not cached: the compiled form names the fresh folder as its base URI, gone after the build.
    const source = xsl.inputs.viewDocument({ plan, images, messages });
    const out = await runXsl(xsl.ctx, { stylesheet: join(dir, pres.stylesheet), display: `${options.input ?? 'package'}/${pres.stylesheet}`, source, params: viewParams(plan), roots: [dir], untrusted: true, audience: audienceOf(plan) }, bag);
    if (!out) return undefined;
    // The same sanitizing as every stylesheet that came with the input (untrusted-result.ts).
    const { fragment, files } = untrustedResult(out.output, out.documents, `${options.input ?? 'package'}/${pres.stylesheet}`, plan.id, bag, pres.stylesheet);
    const encoder = new TextEncoder();
    const styles: string[] = [];
    for (const css of pres.styles) {
      const bytes = pack.files.get(css);
      if (!bytes) continue;
      const name = `package-style/${styles.length + 1}-${basename(css).replace(/[^A-Za-z0-9._-]/g, '_')}`;
      // Parsed, not pattern-matched: nothing in it may load from another host (package-css.ts).
      const filtered = filterPackageCss(new TextDecoder().decode(bytes));
      if (filtered.removed.length) bag.add('PackageCssFiltered', `${css}: ${filtered.removed.length} rule(s) that would load from another host were removed (${filtered.removed.slice(0, 3).join('; ')})`, { file: `${options.input ?? 'package'}/${css}` });
      files.set(name, encoder.encode(filtered.css));
      styles.push(name);
    }
    return { fragment, files, styles };
  } finally {
    removeTempFolder(dir);
  }
}
