/**
 * An XSL view's pages: the view document goes through the view's stylesheet; the result is
 * either a whole page (it starts with `<!DOCTYPE` or `<html>`), which replaces the view's front
 * page, or a fragment, which the theme's layout wraps. Result documents become files of the
 * view folder.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import type { ViewPlan } from '../../views/types.ts';
import { copyIntoTempFolder, makeTempFolder, removeTempFolder, writeTempFile } from '../../write/folders.ts';
import type { ImageInfo } from '../page-data.ts';
import type { XslContext } from './context.ts';
import type { XslInputs } from './inputs.ts';
import { runXsl, warmUp, type XslJob } from './run.ts';
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
  /** This build's XSL state (warm processes, compiled stylesheets); prepareSite makes one when absent. */
  xslContext?: XslContext;
  /** The view document writer and the package's presentations, from the pipeline (src/xsl-inputs.ts). */
  xslInputs?: XslInputs;
}

/** What one XSL view run needs from its build: the context and the pipeline's inputs. */
export interface XslBuild {
  ctx: XslContext;
  inputs: XslInputs;
}

/**
 * Who may see a view's stylesheet run: runs share a warm process only within one audience, and
 * a protected view's audience is that view alone (its process never serves another view).
 */
export function audienceOf(plan: ViewPlan): string {
  return plan.access === 'protected' ? `protected:${plan.id}` : plan.access;
}

/**
 * A fresh folder holding the stylesheet and the view's selected files, at their places
 * relative to the package folder: all a stylesheet named by a package's own config may read
 * (never the part files, nor a file of a part the view leaves out). Returns the copy's path.
 */
function stageUntrusted(plan: ViewPlan, stylesheet: string, packageDir: string, dir: string): string {
  const place = (rel: string, from: string) => {
    if (rel.startsWith('..') || isAbsolute(rel) || !existsSync(from)) return;
    copyIntoTempFolder(dir, rel, from);
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

/** The stylesheet run of a view's own stylesheet (the source comes later); undefined for a package's (it runs on a staged copy). */
function userJob(plan: ViewPlan & { xsl: { file: string } }, options: XslOptions): Omit<XslJob, 'source'> | undefined {
  if ('untrusted' in plan.xsl && plan.xsl.untrusted && options.input) return undefined;
  return { stylesheet: plan.xsl.file, params: viewParams(plan), roots: [dirname(plan.xsl.file)], untrusted: false, audience: audienceOf(plan), ...(options.xslCache ? { cacheDir: options.xslCache } : {}) };
}

/**
 * Starts the stylesheet processes the build's own XSL views will use, before their views are
 * rendered (their start overlaps image work). Package stylesheets and OSP templates run on
 * folders made just before their run, so theirs start then.
 */
export function warmUpXslViews(plans: ViewPlan[], options: XslOptions, ctx: XslContext): void {
  for (const plan of plans) {
    if (!plan.xsl || !('file' in plan.xsl)) continue;
    const job = userJob({ ...plan, xsl: plan.xsl }, options);
    if (job) warmUp(ctx, job);
  }
}

/** Runs a view's own stylesheet (`xsl: path` in its configuration) on its view document. */
export async function renderUserXslView(plan: ViewPlan & { xsl: { file: string } }, images: Map<string, ImageInfo>, messages: Record<string, string>, options: XslOptions, xsl: XslBuild, bag: DiagnosticBag): Promise<XslViewResult | undefined> {
  const source = xsl.inputs.viewDocument({ plan, images, messages });
  // A stylesheet named by a package's own config (allowed with --allow-package-code) is
  // untrusted: it runs on a staged copy, with the allow-list, and is not cached.
  const untrusted = 'untrusted' in plan.xsl && !!plan.xsl.untrusted && !!options.input;
  const staged = untrusted ? makeTempFolder('vitrine-package-config-xsl-') : undefined;
  const stylesheet = staged ? stageUntrusted(plan, plan.xsl.file, realpathSync(options.input!), staged) : plan.xsl.file;
  const job: XslJob = staged ? { stylesheet, source, params: viewParams(plan), roots: [staged], untrusted, audience: audienceOf(plan), display: plan.xsl.file } : { ...userJob(plan, options)!, source };
  const before = bag.items.length;
  let out;
  try {
    out = await runXsl(xsl.ctx, job, bag);
  } finally {
    if (staged) removeTempFolder(staged);
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
export async function renderOspView(plan: ViewPlan & { xsl: { osp: string } }, images: Map<string, ImageInfo>, messages: Record<string, string>, options: XslOptions, xsl: XslBuild, bag: DiagnosticBag): Promise<XslViewResult | undefined> {
  const dir = makeTempFolder('vitrine-osp-');
  try {
    writeTempFile(dir, 'layout.xhtml', ospLayout(plan));
    const source = buildOspPresentation(plan, images, 'layout.xhtml', messages);
    // The source's base URI is in `dir` (the first root): the layout's relative URI resolves there.
    // A template named by a package's own config is copied there alone: its folder is the package's.
    const untrusted = 'untrusted' in plan.xsl && !!plan.xsl.untrusted;
    if (untrusted) copyIntoTempFolder(dir, 'template.xsl', plan.xsl.osp);
    const audience = audienceOf(plan);
    const job: XslJob = untrusted
      ? { stylesheet: join(dir, 'template.xsl'), display: plan.xsl.osp, source, params: viewParams(plan), roots: [dir], untrusted, audience }
      : { stylesheet: plan.xsl.osp, source, params: viewParams(plan), roots: [dir, dirname(plan.xsl.osp)], audience };
    if (options.xslCache && !untrusted) job.cacheDir = options.xslCache;
    const out = await runXsl(xsl.ctx, job, bag);
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
    removeTempFolder(dir);
  }
}
