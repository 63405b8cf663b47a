/**
 * Vitrine inside an Eleventy project: reads the portfolio, plans its views and registers the
 * pages; the view folders' files, images and packages are written after Eleventy's build.
 */
import { DiagnosticBag, formatLocation, type Diagnostic } from './diagnostics/index.ts';
import { accessSecrets, locationOf } from './build.ts';
import { readPortfolio } from './api.ts';
import { planViews, readViewConfig } from './views/index.ts';
import { configureEleventy, prepareSite, renderOptionsFor, type RenderOptions } from './render/render-site.ts';
import type { EleventyConfigLike } from './render/eleventy-plugin.ts';
import { writeFiles } from './write/index.ts';

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
  const read = await readPortfolio(input);
  bag.push(...read.diagnostics);
  const config = await readViewConfig(input, options.config);
  bag.push(...config.diagnostics);
  if (!read.value || bag.hasErrors()) {
    const lines = bag.items.filter((d) => d.severity === 'error').map((d) => `${formatLocation(d.location)}  error  ${d.message}  [${d.code}]`);
    throw new Error(`Vitrine could not read ${input}:\n${lines.join('\n')}`);
  }
  const views = config.value.views.filter((v) => {
    if (v.access !== 'protected') return true;
    bag.add('ViewAccessNotEnforced', `view "${v.id}" is protected and is left out: only vitrine build encrypts views`, v.origin ? locationOf(v.origin) : undefined);
    return false;
  });
  const access = await accessSecrets(input, views, options.secrets ? { secrets: options.secrets } : {}, bag);
  if (!access || bag.hasErrors()) {
    const lines = bag.items.filter((d) => d.severity === 'error').map((d) => `${formatLocation(d.location)}  error  ${d.message}  [${d.code}]`);
    throw new Error(`Vitrine could not prepare ${input}:\n${lines.join('\n')}`);
  }
  // A config whose every view was protected builds nothing rather than a preview of everything.
  const plans = config.value.views.length && !views.length ? { value: [], diagnostics: [] } : planViews(read.value, { ...config.value, views }, access.byView);
  const render = renderOptionsFor(config.value.file, options.render, config.value.theme);
  const site = await prepareSite(plans.value, render, bag);
  configureEleventy(cfg, site, render);
  // `directories` (Eleventy 3) honours --output; the older `dir` is the unnormalised config value.
  cfg.on('eleventy.after', async ({ directories }) => {
    await writeFiles(directories.output, site.assets);
  });
  return bag.items;
}
