/**
 * Runs Eleventy over Vitrine's virtual pages and collects what it rendered, in memory: nothing
 * is written here (write/site.ts writes the whole site once it is complete).
 */
import Eleventy from '@11ty/eleventy';
import { join, relative } from 'node:path';
import type { DiagnosticBag } from '../diagnostics/index.ts';
import { withTempFolder } from '../write/folders.ts';
import type { EleventyConfigLike } from './eleventy-plugin.ts';
import { templateErrorLocation } from './template-error.ts';

/** The rendered pages by site path, or undefined when a template failed (a TemplateInvalid in `bag`). */
export async function renderPages(configure: (cfg: EleventyConfigLike) => void, bag: DiagnosticBag): Promise<Map<string, Uint8Array> | undefined> {
  // Eleventy wants an input folder; an empty one means only Vitrine's virtual pages exist.
  return await withTempFolder('vitrine-input-', async (input) => {
    const out = join(input, '_out');
    const elev = new Eleventy(input, out, { quietMode: true, configPath: false, config: configure });
    // Eleventy would print its own error traces; ours become diagnostics, and only cli/ prints.
    elev.disableLogger();
    let pages: { outputPath: string | false; content: string }[];
    try {
      pages = (await elev.toJSON()) as typeof pages;
    } catch (e) {
      // A template mistake is the user's (a theme override), not a bug: report it with what
      // Nunjucks says (template name, line and column) instead of an internal error.
      const messages: string[] = [];
      for (let cur: unknown = e; cur instanceof Error && messages.length < 5; cur = (cur as Error & { cause?: unknown }).cause ?? (cur as { originalError?: unknown }).originalError) {
        messages.push(cur.message.replace(/\s+/g, ' ').trim());
      }
      const text = [...new Set(messages)].join(' — ');
      bag.add('TemplateInvalid', `a page could not be rendered: ${text}`, templateErrorLocation(text));
      return undefined;
    }
    const encoder = new TextEncoder();
    const files = new Map<string, Uint8Array>();
    for (const page of pages) {
      if (!page.outputPath) continue;
      files.set(relative(out, page.outputPath).split('\\').join('/'), encoder.encode(page.content));
    }
    return files;
  });
}
