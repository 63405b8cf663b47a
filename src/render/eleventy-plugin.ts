/**
 * Vitrine as an Eleventy plugin: one virtual template for each view's front page, one
 * paginated virtual template for its part pages, and the site's root page. Pages are rendered
 * by a small template language (`.vitrine`) that picks the Nunjucks environment of the page's
 * view, so each view can override templates file by file while sharing one Eleventy run.
 */
import nunjucks from 'nunjucks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ThemeData, ViewData } from './types.ts';

/** The root page's data: the public views it lists. */
export interface RootData {
  lang: string;
  title: string;
  views: { title: string; href: string; lang: string; description?: string }[];
  /** The folder of the one public view the root opens, when there is exactly one. */
  single?: string;
  t: Record<string, string>;
  css: string;
  /** The site-wide theme (the config's top-level `theme:`). */
  theme?: ThemeData;
}

/** Options of the plugin: the views' data and each view's template folders, most specific first. */
export interface VitrinePluginOptions {
  views: ViewData[];
  root: RootData;
  templateDirs: (viewId: string | undefined) => string[];
  /** Also render each view's print page (`<folder>/print.html`), for `vitrine pdf`. */
  print?: boolean;
  /** Each view's front and part pages as they are rendered (site path, HTML): the search indexer's. */
  onPage?: (path: string, html: string) => void;
}

/** Eleventy's configuration API, as much of it as the plugin uses (Eleventy ships no types). */
export interface EleventyConfigLike {
  addTemplateFormats(format: string): void;
  addExtension(ext: string, options: { outputFileExtension: string; compile: (src: string) => (data: Record<string, unknown>) => Promise<string> }): void;
  addTemplate(path: string, content: string, data: Record<string, unknown>): void;
}

/**
 * A template folder loader that remembers, for the one build it serves, the names it did not
 * find. `{% include "partials/kinds/" + part.kind + ".njk" ignore missing %}` of a kind with no
 * template of its own otherwise searched every template folder again on every page (Nunjucks
 * caches templates found, not names missing). Template folders do not change during a build;
 * `serve` makes a new loader for each rebuild.
 */
class BuildLoader extends nunjucks.FileSystemLoader {
  private readonly missing = new Set<string>();
  override getSource(name: string): nunjucks.LoaderSource {
    if (this.missing.has(name)) return null as never;
    const found = super.getSource(name) as nunjucks.LoaderSource | null;
    if (!found) this.missing.add(name);
    return found as nunjucks.LoaderSource;
  }
}

/** How long rendering goes on between turns of the event loop when pages are sent on (onPage). */
const TURN_MS = 10;

/** Registers Vitrine's pages with an Eleventy configuration. */
export function vitrinePlugin(cfg: EleventyConfigLike, options: VitrinePluginOptions): void {
  let lastTurn = performance.now();
  const envs = new Map<string, nunjucks.Environment>();
  const envFor = (viewId: string | undefined) => {
    const key = viewId ?? '';
    let env = envs.get(key);
    if (!env) {
      env = new nunjucks.Environment(new BuildLoader(options.templateDirs(viewId), { noCache: false }), { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
      env.addFilter('json', (v: unknown) => JSON.stringify(v));
      envs.set(key, env);
    }
    return env;
  };
  // Eleventy's data cascade copies and merges each page's data; a view's data (every part,
  // fully resolved) would be merged once per page. So Eleventy carries only ids, and the
  // templates get the view and part from here: the same variables, a fraction of the work.
  const views = new Map(options.views.map((v) => [v.id, v]));
  const parts = new Map(options.views.map((v) => [v.id, new Map(v.parts.map((p) => [p.slug, p]))]));
  cfg.addTemplateFormats('vitrine');
  cfg.addExtension('vitrine', {
    outputFileExtension: 'html',
    compile: (src: string) => async (data: Record<string, unknown>) => {
      const viewId = data.vitrineView as string | undefined;
      const view = viewId ? views.get(viewId) : undefined;
      const context: Record<string, unknown> = { page: data.page, base: data.base, root: data.root };
      if (view) Object.assign(context, { view, t: view.t });
      if (view && typeof data.vitrinePart === 'string') context.part = parts.get(view.id)!.get(data.vitrinePart);
      // The page's link preview and JSON-LD: the front page's, or its part's (render/meta/).
      if (view?.meta && data.vitrineMeta !== false) context.meta = typeof data.vitrinePart === 'string' ? view.meta.pages[data.vitrinePart] : view.meta.front;
      if (data.site) context.site = data.site;
      // The theme's own folder, relative to the page: `{{ themeDir }}assets/font.woff2`.
      const theme = view?.theme ?? (data.site as RootData | undefined)?.theme;
      context.theme = theme;
      if (theme?.dir) context.themeDir = `${String(data.root ?? '')}${theme.dir}`;
      const env = envFor(view?.id);
      const html = await new Promise<string>((resolve, reject) => {
        env.render(src.trim(), context, (err: Error | null, out: string | null) => (err ? reject(err) : resolve(out ?? '')));
      });
      if (view && options.onPage) {
        if (typeof data.vitrinePart === 'string') options.onPage(`${view.folder}/${data.vitrinePart}/index.html`, html);
        else if (data.vitrineFront === true) options.onPage(`${view.folder}/index.html`, html);
        // Eleventy renders page after page without a turn of the event loop, so what was sent
        // to the search indexer would wait in this process until the last page: a turn now and
        // then lets it go out, and Pagefind indexes beside the rendering.
        if (performance.now() - lastTurn > TURN_MS) {
          await nextTurn();
          lastTurn = performance.now();
        }
      }
      return html;
    },
  });
  cfg.addTemplate('vitrine/index.vitrine', 'pages/site-index.njk', { permalink: 'index.html', site: options.root, root: '', eleventyExcludeFromCollections: true });
  for (const view of options.views) {
    const common = { vitrineView: view.id, eleventyExcludeFromCollections: true };
    // An XSL view's whole page is written as the stylesheet made it; a fragment goes in the layout.
    const front = view.xsl ? ('page' in view.xsl ? 'pages/xsl-page.njk' : 'pages/xsl-view.njk') : 'pages/view.njk';
    cfg.addTemplate(`vitrine/${view.folder}/index.vitrine`, front, { ...common, vitrineFront: true, permalink: `${view.folder}/index.html`, base: '', root: '../' });
    if (view.meta?.search) {
      cfg.addTemplate(`vitrine/${view.folder}/search.vitrine`, 'pages/search.njk', { ...common, vitrineMeta: false, permalink: `${view.folder}/${view.meta.search}`, base: '../', root: '../../' });
    }
    if (options.print) {
      // The whole view as one page, for `vitrine pdf` (never part of a published site).
      cfg.addTemplate(`vitrine/${view.folder}/print.vitrine`, 'pages/print.njk', { ...common, vitrineMeta: false, permalink: `${view.folder}/print.html`, base: '', root: '../' });
    }
    if (view.parts.length) {
      cfg.addTemplate(`vitrine/${view.folder}/part.vitrine`, 'pages/part.njk', {
        ...common,
        vitrineSlugs: view.parts.map((p) => p.slug),
        pagination: { data: 'vitrineSlugs', size: 1, alias: 'vitrinePart' },
        permalink: (d: { vitrinePart: string }) => `${view.folder}/${d.vitrinePart}/index.html`,
        base: '../',
        root: '../../',
      });
    }
  }
}
