/**
 * build(): input → portfolio → view plans → site files → output folder. The previous site is
 * replaced only when everything was rendered and written; with errors, nothing is written.
 */
import { DiagnosticBag, diagnostic, type Diagnostic, type Result } from './diagnostics/index.ts';
import { readPortfolio } from './api.ts';
import { planViews, readSiteConfig } from './views/index.ts';
import { renderOptionsFor, renderSite, type RenderOptions } from './render/render-site.ts';
import { outputConflict, replaceConflict, writeSite } from './write/index.ts';
import type { ViewPlan } from './views/types.ts';

/** Options of a build. */
export interface BuildOptions {
  /** Output folder (default `_site`). */
  out?: string;
  /** Build this view alone. */
  view?: string;
  /** A config file to use instead of the one found beside the input. */
  config?: string;
  /** Warnings fail the build (nothing is written). */
  strict?: boolean;
  render?: RenderOptions;
  /** Called with progress lines for people. */
  progress?: (line: string) => void;
}

/** What a build did. */
export interface BuildSummary {
  out: string;
  views: { id: string; folder: string; access: string; parts: number; preview: boolean }[];
  files: number;
  bytes: number;
  written: boolean;
  ms: number;
}

/** Reads, plans and renders a site in memory (no writing): the shared front half of build and serve. */
export async function renderPortfolioSite(input: string, options: BuildOptions = {}): Promise<Result<{ files: Map<string, Uint8Array>; plans: ViewPlan[] } | undefined>> {
  const bag = new DiagnosticBag();
  const read = await readPortfolio(input);
  bag.push(...read.diagnostics);
  if (!read.value || bag.hasErrors()) return { value: undefined, diagnostics: bag.items };
  const config = await readSiteConfig(input, options.config);
  bag.push(...config.diagnostics);
  if (bag.hasErrors()) return { value: undefined, diagnostics: bag.items };
  const planned = planViews(read.value, config.value);
  bag.push(...planned.diagnostics);
  let plans = planned.value;
  if (options.view) {
    plans = plans.filter((p) => p.id === options.view);
    if (!plans.length) {
      bag.push(diagnostic('ViewNotFound', `no view "${options.view}" is configured (views: ${planned.value.map((p) => p.id).join(', ') || 'none'})`, config.value.file ? { file: config.value.file } : undefined));
    }
  }
  if (bag.hasErrors()) return { value: undefined, diagnostics: bag.items };
  options.progress?.(`rendering ${plans.length} view${plans.length === 1 ? '' : 's'}: ${plans.map((p) => `${p.id} (${p.parts.length} parts)`).join(', ')}`);
  const render = renderOptionsFor(config.value.file, { ...options.render, input });
  const site = await renderSite(plans, render);
  bag.push(...site.diagnostics);
  return { value: { files: site.value, plans }, diagnostics: bag.items };
}

/** Builds the site of a portfolio into an output folder. */
export async function build(input: string, options: BuildOptions = {}): Promise<Result<BuildSummary>> {
  const started = performance.now();
  const out = options.out ?? '_site';
  const diagnostics: Diagnostic[] = [];
  const summary: BuildSummary = { out, views: [], files: 0, bytes: 0, written: false, ms: 0 };
  const conflict = outputConflict(out, input);
  if (conflict) {
    diagnostics.push(diagnostic('OutputOverlapsInput', conflict, { file: out }));
    return { value: summary, diagnostics };
  }
  const foreign = await replaceConflict(out);
  if (foreign) {
    diagnostics.push(diagnostic('OutputNotASite', foreign, { file: out }));
    return { value: summary, diagnostics };
  }
  const rendered = await renderPortfolioSite(input, options);
  diagnostics.push(...rendered.diagnostics);
  const failing = diagnostics.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning'));
  if (rendered.value && !failing) {
    const { files, plans } = rendered.value;
    summary.views = plans.map((p) => ({ id: p.id, folder: p.folder, access: p.access, parts: p.parts.length, preview: p.preview }));
    summary.files = files.size;
    summary.bytes = [...files.values()].reduce((n, b) => n + b.byteLength, 0);
    options.progress?.(`writing ${files.size} files to ${out}`);
    try {
      await writeSite(out, files);
      summary.written = true;
    } catch (e) {
      diagnostics.push(diagnostic('OutputNotWritable', `could not write the site: ${(e as Error).message}; the previous site is unchanged`, { file: out }));
    }
  }
  summary.ms = Math.round(performance.now() - started);
  return { value: summary, diagnostics };
}
