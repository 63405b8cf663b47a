/** Helpers for site tests: build into a temp folder, list and parse the output. */
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { build, type BuildOptions } from '../../src/build.ts';
import { createImageProcessor } from '../../src/render/image-processor.ts';

/**
 * Builds an input into a fresh temp folder, with images processed through a temp cache and the
 * secrets of unlisted and protected views in a temp file (never written into the input).
 */
export async function buildTo(input: string, options: BuildOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-site-'));
  const out = join(dir, '_site');
  const cache = mkdtempSync(join(tmpdir(), 'vitrine-cache-'));
  const secrets = options.secrets ?? join(dir, 'secrets.json');
  const result = await build(input, { out, secrets, ...options, render: { processImage: createImageProcessor(cache), ...(options.render ?? {}) } });
  return { out, result, secrets };
}

/** Every file under a folder, by path relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Parses an HTML file of the site. */
export function page(out: string, path: string): HTMLElement {
  return parse(readFileSync(join(out, path), 'utf8'));
}

/** Resolves a relative href against the page it appears on (site-relative result). */
export function resolveLink(fromPage: string, href: string): string {
  const base = fromPage.split('/').slice(0, -1);
  for (const seg of href.split('#')[0]!.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(decodeURIComponent(seg));
  }
  return base.join('/');
}
