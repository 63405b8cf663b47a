/**
 * Vitrine inside an Eleventy project: reads the portfolio, plans its views and registers the
 * pages; the view folders' files, images and packages are written after Eleventy's build.
 */
import { DiagnosticBag, formatLocation, type Diagnostic } from './diagnostics/index.ts';
import { loadProject } from './project.ts';
import { planViews, type ViewConfig } from './views/index.ts';
import { configureEleventy, prepareSite, renderOptionsFor, type RenderOptions } from './render/render-site.ts';
import type { EleventyConfigLike } from './render/eleventy-plugin.ts';
import { writeFiles } from './write/index.ts';
import { siteExtras } from './render/extras.ts';
import { addSearchIndexes } from './render/search/pagefind.ts';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createXslContext } from './render/xsl/context.ts';
import { xslInputs } from './xsl-inputs.ts';

/** The HTML files under a folder, by path relative to it with `/` separators. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'));
}

/** Eleventy's config API as used here. */
export interface EleventyUserConfig extends EleventyConfigLike {
  setTemplateFormats(formats: string[]): void;
  on(event: 'eleventy.after', fn: (arg: { directories: { output: string } }) => Promise<void> | void): void;
}

/**
 * Adds a portfolio's site to an Eleventy configuration. Throws with the diagnostics when the
 * input has errors; returns the other diagnostics. Protected views are left out (with
 * ViewAccessNotEnforced): Eleventy writes pages itself, so they could not be encrypted.
 */
export async function vitrineEleventy(cfg: EleventyUserConfig, input: string, options: { config?: string | undefined; render?: RenderOptions; secrets?: string } = {}): Promise<Diagnostic[]> {
  const bag = new DiagnosticBag();
  // Eleventy writes pages itself, so protected views cannot be encrypted: they are left out.
  const leaveOut = (v: ViewConfig, into: DiagnosticBag) => {
    if (v.access !== 'protected') return false;
    into.add('ViewAccessNotEnforced', `view "${v.id}" is protected and is left out: only vitrine build encrypts views`, v.origin);
    return true;
  };
  const project = await loadProject(input, { config: options.config, ...(options.secrets ? { secrets: options.secrets } : {}), leaveOut });
  bag.push(...project.diagnostics);
  if (!project.value) {
    const lines = bag.items.filter((d) => d.severity === 'error').map((d) => `${formatLocation(d.location)}  error  ${d.message}  [${d.code}]`);
    throw new Error(`Vitrine could not read ${input}:\n${lines.join('\n')}`);
  }
  const { portfolio, config, views, access, bundle } = project.value;
  // A config whose every view was protected builds nothing rather than a preview of everything.
  const plans = config.views.length && !views.length ? { value: [], diagnostics: [] } : planViews(portfolio, { ...config, views }, access.byView);
  const siteUrl = config.url;
  // XSL views run while the site is prepared: the context's processes end with that.
  const xslContext = options.render?.xslContext ?? createXslContext();
  const render = renderOptionsFor(config.file, { ...options.render, xslInputs: xslInputs(bundle), xslContext, ...(siteUrl ? { siteUrl } : {}) }, config.theme);
  let site;
  try {
    site = await prepareSite(plans.value, render, bag);
  } finally {
    if (xslContext !== options.render?.xslContext) xslContext.close();
  }
  configureEleventy(cfg, site, render);
  // `directories` (Eleventy 3) honours --output; the older `dir` is the unnormalised config value.
  cfg.on('eleventy.after', async ({ directories }) => {
    await writeFiles(directories.output, site.assets);
    // What vitrine build adds after rendering: robots.txt and sitemap.xml, and each view's
    // search index, made from the pages Eleventy has just written.
    const extra = plans.value.some((p) => p.preview) ? new Map<string, Uint8Array>() : siteExtras(plans.value, siteUrl);
    if (render.search !== false) {
      const pages = new Map<string, Uint8Array>();
      for (const plan of plans.value) {
        for (const rel of await htmlFiles(join(directories.output, plan.folder))) pages.set(`${plan.folder}/${rel}`, await readFile(join(directories.output, plan.folder, rel)));
      }
      const before = new Set(pages.keys());
      await addSearchIndexes(plans.value, pages, new DiagnosticBag());
      for (const [path, bytes] of pages) if (!before.has(path)) extra.set(path, bytes);
    }
    await writeFiles(directories.output, extra);
  });
  return bag.items;
}
