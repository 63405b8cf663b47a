/**
 * An XSL view's pages: the view document goes through the view's stylesheet; the result is
 * either a whole page (it starts with `<!DOCTYPE` or `<html>`), which replaces the view's front
 * page, or a fragment, which the theme's layout wraps. Result documents become files of the
 * view folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import { parseOrigin } from '../../diagnostics/index.ts';
import type { ViewPlan } from '../../views/types.ts';
import type { ImageInfo } from '../page-data.ts';
import { buildViewDocument } from './view-document.ts';
import { runXsl, type XslJob } from './run.ts';
import { buildOspPresentation, ospLayout } from './osp.ts';

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
  // A stylesheet named by a package's own config (allowed with --allow-package-code) is untrusted.
  const job: XslJob = { stylesheet: plan.xsl.file, source, params: viewParams(plan), roots: [dirname(plan.xsl.file)], untrusted: "untrusted" in plan.xsl && !!plan.xsl.untrusted };
  if (options.xslCache) job.cacheDir = options.xslCache;
  const before = bag.items.length;
  const out = await runXsl(job, bag);
  // A stylesheet that cannot be read is the config's mistake: point at the view's xsl: line too.
  if (!out && bag.items.slice(before).some((d) => d.code === 'XslNotFound') && plan.xsl && 'origin' in plan.xsl && plan.xsl.origin) {
    bag.items[bag.items.length - 1]!.location = parseOrigin(plan.xsl.origin);
  }
  if (!out) return undefined;
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
    const job: XslJob = { stylesheet: plan.xsl.osp, source, params: viewParams(plan), roots: [dir, dirname(plan.xsl.osp)], untrusted: "untrusted" in plan.xsl && !!plan.xsl.untrusted };
    if (options.xslCache) job.cacheDir = options.xslCache;
    const out = await runXsl(job, bag);
    if (!out) return undefined;
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
