/** `vitrine pdf`: one view (front page and every part page, in order) printed to a PDF by Chromium. */
import { renderPortfolioSite } from '../../build.ts';
import { diagnostic } from '../../diagnostics/index.ts';
import { createImageProcessor } from '../../render/image-processor.ts';
import { findBrowser, printViewPdf } from '../../write/pdf.ts';
import { exitStatus, printDiagnostics, say, type Io, type OutputFlags } from '../output.ts';
import { resolve } from 'node:path';

/** Options of `pdf`. */
export interface PdfCommandOptions {
  view: string;
  out?: string | undefined;
  config?: string | undefined;
  templates?: string | undefined;
  cache?: string | undefined;
  secrets?: string | undefined;
}

/** Runs `pdf` and returns the exit status. */
export async function runPdf(input: string, options: PdfCommandOptions, flags: OutputFlags, io: Io, env: Record<string, string | undefined> = process.env): Promise<number> {
  // Look for the browser first: rendering a view only to fail at the end wastes the user's time.
  const browser = findBrowser(env);
  if (!browser) {
    const where = env.VITRINE_CHROMIUM !== undefined ? `VITRINE_CHROMIUM names ${env.VITRINE_CHROMIUM}, which does not exist` : 'none of the usual places has Chrome or Chromium';
    printDiagnostics(io, [diagnostic('PdfBrowserMissing', `vitrine pdf needs Chrome or Chromium to print, and ${where}`)], flags);
    return 1;
  }
  const cache = options.cache ?? '.vitrine-cache';
  const rendered = await renderPortfolioSite(input, {
    view: options.view,
    ...(options.config ? { config: options.config } : {}),
    ...(options.secrets ? { secrets: options.secrets } : {}),
    render: { processImage: createImageProcessor(cache), xslCache: `${cache}/xsl`, print: true, search: false, ...(options.templates ? { templates: options.templates } : {}) },
  });
  const diagnostics = rendered.diagnostics.filter((d) => d.code !== 'SiteUrlMissing'); // a PDF has no links to make absolute
  const plan = rendered.value?.plans[0];
  if (plan?.access === 'protected') {
    diagnostics.push(diagnostic('PdfViewProtected', `view "${plan.id}" is protected: its PDF would hold it unencrypted, so none is made`));
  }
  printDiagnostics(io, diagnostics, flags);
  if (!rendered.value || !plan || plan.access === 'protected' || exitStatus(diagnostics, flags.strict) !== 0) return 1;
  const out = resolve(io.cwd, options.out ?? `${plan.id}.pdf`);
  try {
    const { bytes } = await printViewPdf(rendered.value.files, plan.folder, out, browser);
    say(io, flags, `wrote ${out} (${Math.round(bytes / 1024)} KiB): view "${plan.id}", ${plan.parts.length} parts`);
    return 0;
  } catch (e) {
    printDiagnostics(io, [diagnostic('PdfFailed', `${browser} could not print view "${plan.id}": ${(e as Error).message.split('\n')[0]}`, { file: out })], flags);
    return 1;
  }
}
