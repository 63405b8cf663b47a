/**
 * Builds the same site as `vitrine build`, through Eleventy's own command line:
 *
 *     npm run eleventy            # VITRINE_INPUT=content, output _site
 *                                 # (VITRINE_CONFIG, VITRINE_SECRETS: other config and secrets files)
 *
 * Add Vitrine to an Eleventy site of your own the same way: call `vitrineEleventy(config, input)`
 * from your config. Only `.vitrine` virtual templates are rendered from here, so the repository's
 * own files (README, templates) never become pages.
 */
import { vitrineEleventy } from './src/eleventy.ts';

export default async function (eleventyConfig: Parameters<typeof vitrineEleventy>[0]) {
  eleventyConfig.setTemplateFormats(['vitrine']);
  const diagnostics = await vitrineEleventy(eleventyConfig, process.env.VITRINE_INPUT ?? 'content', { config: process.env.VITRINE_CONFIG, ...(process.env.VITRINE_SECRETS ? { secrets: process.env.VITRINE_SECRETS } : {}) });
  for (const d of diagnostics) if (d.severity !== 'info') console.warn(`${d.severity}  ${d.message}  [${d.code}]`);
}
