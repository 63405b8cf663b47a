/**
 * Builds the same site as `vitrine build`, through Eleventy's own command line:
 *
 *     npm run eleventy            # VITRINE_INPUT=content, output _site
 *
 * Add Vitrine to an Eleventy site of your own the same way: call `vitrineEleventy(config, input)`
 * from your config. Only `.vitrine` virtual templates are rendered from here, so the repository's
 * own files (README, templates) never become pages.
 */
import { vitrineEleventy } from './src/eleventy.ts';

export default async function (eleventyConfig: Parameters<typeof vitrineEleventy>[0]) {
  eleventyConfig.setTemplateFormats(['vitrine']);
  await vitrineEleventy(eleventyConfig, process.env.VITRINE_INPUT ?? 'content', { config: process.env.VITRINE_CONFIG });
}
