/**
 * An XSL view's pages: the view document goes through the view's stylesheet; the result is
 * either a whole page (it starts with `<!DOCTYPE` or `<html>`), which replaces the view's front
 * page, or a fragment, which the theme's layout wraps. Result documents become files of the
 * view folder.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import type { ViewPlan } from '../../views/types.ts';
import type { ImageInfo } from '../page-data.ts';
import { buildViewDocument } from './view-document.ts';
import { runXsl, type XslJob } from './run.ts';
import { buildOspPresentation, ospLayout } from './osp.ts';
import { untrustedResult } from './untrusted-result.ts';

/** What an XSL view adds to the site. */
export interface XslViewResult {
  /** A whole page replacing the view's front page. */
  page?: string;
  /** HTML placed inside the theme's layout on the view's front page. */
  fragment?: string;
  /** Result documents, by path inside the view folder. */
  files: Map<string, Uint8Array>;
}

/** Options shared by every XSL view of a build. */
export interface XslOptions {
  /** Where compiled stylesheets are cached (`.vitrine-cache/xsl`). */
  xslCache?: string;
  /** The input path (a package folder, for stylesheets its own config names). */
  input?: string;
}

/**
 * A fresh folder holding the stylesheet and the view's selected files, at their places
 * relative to the package folder: all a stylesheet named by a package's own config may read
 * (never the part files, nor a file of a part the view leaves out). Returns the copy's path.
 */
function stageUntrusted(plan: ViewPlan, stylesheet: string, packageDir: string, dir: string): string {
  const place = (rel: string, from: string) => {
    if (rel.startsWith('..') || isAbsolute(rel) || !existsSync(from)) return;
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    copyFileSync(from, join(dir, rel));
  };
  for (const f of plan.files) place(f.path, join(packageDir, f.path));
  const rel = relative(packageDir, realpathSync(stylesheet));
  place(rel, stylesheet);
  return join(dir, rel);
}

/** The name of the audience profile the view is built for (docs/accessibility-profiles.md). */
export function profileOf(plan: ViewPlan): string | undefined {
  return plan.profile?.name;
}

/** The standard parameters of a view stylesheet (docs/xsl-views.md). */
export function viewParams(plan: ViewPlan): Record<string, string> {
  return { 'view-id': plan.id, 'base-url': '', 'root-url': '../', profile: profileOf(plan) ?? '' };
}

/** Splits a stylesheet's principal result into a whole page or a fragment. */
export function placeOutput(output: string): { page?: string; fragment?: string } {
  const text = output.replace(/^\uFEFF?\s*<\?xml[^?]*\?>\s*/, '');
  if (/^\s*(<!DOCTYPE\s+html|<html[\s>])/i.test(text)) return { page: /^\s*<!DOCTYPE/i.test(text) ? text : `<!DOCTYPE html>\n${text}` };
  return { fragment: text };
}

/** Runs a view's own stylesheet (`xsl: path` in its configuration) on its view document. */
export async function renderUserXslView(plan: ViewPlan & { xsl: { file: string } }, images: Map<string, ImageInfo>, messages: Record<string, string>, options: XslOptions, bag: DiagnosticBag): Promise<XslViewResult | undefined> {
  const source = buildViewDocument({ plan, images, messages });
  // A stylesheet named by a package's own config (allowed with --allow-package-code) is
  // untrusted: it runs on a staged copy, with the allow-list, and is not cached.
  const untrusted = 'untrusted' in plan.xsl && !!plan.xsl.untrusted && !!options.input;
  const staged = untrusted ? mkdtempSync(join(tmpdir(), 'vitrine-package-config-xsl-')) : undefined;
  const stylesheet = staged ? stageUntrusted(plan, plan.xsl.file, realpathSync(options.input!), staged) : plan.xsl.file;
  const job: XslJob = { stylesheet, source, params: viewParams(plan), roots: [staged ?? dirname(plan.xsl.file)], untrusted };
  if (staged) job.display = plan.xsl.file;
  if (options.xslCache && !staged) job.cacheDir = options.xslCache;
  const before = bag.items.length;
  let out;
  try {
    out = await runXsl(job, bag);
  } finally {
    if (staged) rmSync(staged, { recursive: true, force: true });
  }
  // A stylesheet that cannot be read is the config's mistake: point at the view's xsl: line too.
  if (!out && bag.items.slice(before).some((d) => d.code === 'XslNotFound') && plan.xsl && 'origin' in plan.xsl && plan.xsl.origin) {
    bag.items[bag.items.length - 1]!.location = plan.xsl.origin;
  }
  if (!out) return undefined;
  // A package's stylesheet makes no live markup: its result is sanitized like an ims-epView's.
  if (untrusted) return untrustedResult(out.output, out.documents, plan.xsl.file, plan.id, bag);
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  for (const [href, text] of out.documents) files.set(href, encoder.encode(text));
  return { ...placeOutput(out.output), files };
}

/**
 * Runs a Sakai OSP presentation template (`xsl: { osp: template.xsl }`) through the adapter
 * (osp.ts): the `ospiPresentation` document and its layout file are written to a fresh folder
 * the template may read besides its own. A whole page replaces the view's front page; any other
 * result (passthrough.xsl gives the adapter's document back) is written as `osp-presentation.xml`.
 */
export async function renderOspView(plan: ViewPlan & { xsl: { osp: string } }, images: Map<string, ImageInfo>, messages: Record<string, string>, options: XslOptions, bag: DiagnosticBag): Promise<XslViewResult | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-osp-'));
  try {
    writeFileSync(join(dir, 'layout.xhtml'), ospLayout(plan));
    const source = buildOspPresentation(plan, images, 'layout.xhtml', messages);
    // The source's base URI is in `dir` (the first root): the layout's relative URI resolves there.
    // A template named by a package's own config is copied there alone: its folder is the package's.
    const untrusted = 'untrusted' in plan.xsl && !!plan.xsl.untrusted;
    if (untrusted) copyFileSync(plan.xsl.osp, join(dir, 'template.xsl'));
    const job: XslJob = untrusted
      ? { stylesheet: join(dir, 'template.xsl'), display: plan.xsl.osp, source, params: viewParams(plan), roots: [dir], untrusted }
      : { stylesheet: plan.xsl.osp, source, params: viewParams(plan), roots: [dir, dirname(plan.xsl.osp)] };
    if (options.xslCache && !untrusted) job.cacheDir = options.xslCache;
    const out = await runXsl(job, bag);
    if (!out) return undefined;
    if (untrusted) return untrustedResult(out.output, out.documents, plan.xsl.osp, plan.id, bag);
    const encoder = new TextEncoder();
    const files = new Map<string, Uint8Array>();
    for (const [href, text] of out.documents) files.set(href, encoder.encode(text));
    const placed = placeOutput(out.output);
    if (placed.page !== undefined) return { page: placed.page, files };
    files.set('osp-presentation.xml', encoder.encode(out.output));
    return { files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
