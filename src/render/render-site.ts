/**
 * ViewPlans → every file of the site, in memory: pages rendered by Eleventy through the
 * Vitrine plugin, the theme stylesheet, each view's files, image variants and package.
 * Nothing is written here; write/ does that.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiagnosticBag, type Result } from '../diagnostics/index.ts';
import type { ThemeConfig } from '../views/types.ts';
import { renderPages } from './eleventy-pages.ts';
import { DEFAULT_THEME, resolveTheme, themeChain, themeSettings, type Theme, type ThemeCache } from './theme.ts';
import { checkThemeReferences, settingsStylesheet, themeFiles, themeFolder, themeStyles } from './theme-files.ts';
import type { ViewPlan } from '../views/types.ts';
import { loadMessages } from './messages.ts';
import { buildViewData, type ImageInfo } from './page-data.ts';
import { vitrinePlugin, type EleventyConfigLike, type RootData } from './eleventy-plugin.ts';
import { viewAssets, type AssetOptions } from './assets.ts';
import { createImageProcessor } from './image-processor.ts';
import { profileStylesheet } from '../audience/css.ts';
import type { ThemeData, ViewData } from './types.ts';
import { protectView } from './protect/encrypt.ts';
import { renderOspView, renderUserXslView, warmUpXslViews, type XslOptions } from './xsl/render-xsl.ts';
import { protectedExtras, siteExtras, viewExtras } from './extras.ts';
import { searchViews, startSearchIndexes, type SearchIndexer } from './search/pagefind.ts';
import { VIEW_FILES } from './meta/page-meta.ts';
import { renderPackageXslView, type PackageXslOptions } from './xsl/package-views.ts';
import { createXslContext } from './xsl/context.ts';

/** Where the default templates are. */
export const defaultTemplatesDir = resolve(import.meta.dirname, '../../templates');

/** What rendering needs besides the plans. */
export interface RenderOptions extends AssetOptions, XslOptions, PackageXslOptions {
  /** The user's template folder overriding the defaults file by file. */
  templates?: string;
  /** Folder that relative per-view template folders are resolved against (the config's folder). */
  configDir?: string;
  /** PBKDF2 iterations of protected views. For tests only: the command line never sets it. */
  kdfIterations?: number;
  /** The config's site-wide theme, for the site's root page (views carry theirs in the plan). */
  siteTheme?: ViewPlan['theme'];
  /** The site's public base URL, ending with `/`: absolute links in link previews, sitemap and feeds. */
  siteUrl?: string;
  /** Make each view's Pagefind search index (default true). */
  search?: boolean;
  /** Also render each view's print page (`<folder>/print.html`) for `vitrine pdf`. */
  print?: boolean;
  /** Called as each stage starts (and with counts where known), for progress reports. */
  onStage?: (stage: string) => void;
  /** Called with the time a step of the build took, for the benchmark (bench/site.ts); steps in {@link BuildStep}. */
  timing?: (step: BuildStep, ms: number) => void;
}

/** The steps of a build that are timed on their own: Pagefind and link preview cards are reported apart from pages. */
export type BuildStep = 'read' | 'plan' | 'images' | 'cards' | 'pages' | 'search' | 'write';

/** The site's files by path, ready for write/. */
export type SiteFiles = Map<string, Uint8Array>;

/**
 * Render options for a build: images always processed (publishing them unprocessed would keep
 * their metadata) unless the caller brings its own processor, and relative template folders of
 * views resolved against the folder of the config file they were written in.
 */
export function renderOptionsFor(configFile: string | undefined, overrides: RenderOptions = {}, siteTheme?: ThemeConfig): RenderOptions {
  const dir = configFile ? resolve(configFile, '..') : undefined;
  return {
    ...(siteTheme ? { siteTheme: { ...siteTheme, ...(dir ? { dir } : {}), ...(siteTheme.templates && dir ? { templates: resolve(dir, siteTheme.templates) } : {}) } } : {}), processImage: createImageProcessor('.vitrine-cache'), xslCache: '.vitrine-cache/xsl', ...overrides, ...(configFile ? { configDir: resolve(configFile, '..') } : {}) };
}

/**
 * Template folders for a view, most specific first: the view's `theme.templates`, the
 * `--templates` folder, the templates of its theme and of each theme that one extends, and
 * the base templates.
 */
export function templateDirsFor(plan: ViewPlan | undefined, options: RenderOptions, theme?: Theme): string[] {
  const dirs: string[] = [];
  const own = plan ? plan.theme.templates : options.siteTheme?.templates;
  if (own) dirs.push(resolve(options.configDir ?? '.', own));
  if (options.templates) dirs.push(resolve(options.templates));
  for (const t of themeChain(theme)) if (t.templates) dirs.push(t.templates);
  dirs.push(defaultTemplatesDir);
  return [...new Set(dirs)];
}

/** Everything Eleventy needs to render the site: the views' data and the root page. */
export interface SiteModel {
  views: ViewData[];
  root: RootData;
  assets: SiteFiles;
  plans: ViewPlan[];
  /** Template folders of a view (by id), or of the root page (undefined). */
  templateDirs: (viewId: string | undefined) => string[];
}

/** Prepares the site model: image variants, packages and files per view, template data. */
export async function prepareSite(plans: ViewPlan[], options: RenderOptions, bag: DiagnosticBag): Promise<SiteModel> {
  const assets: SiteFiles = new Map();
  const views: ViewData[] = [];
  const cssBags = new Set<string>();
  // XSL runs share this build's context (warm processes, compiled stylesheets); one made here
  // is this call's alone and is closed when it returns.
  const ownXsl = options.xslContext ? undefined : createXslContext();
  const xslContext = options.xslContext ?? ownXsl!;
  const xslBuild = () => {
    if (!options.xslInputs) throw new Error('XSL views need the pipeline\'s xslInputs (src/xsl-inputs.ts)');
    return { ctx: xslContext, inputs: options.xslInputs };
  };
  const cache: ThemeCache = new Map();
  const dirsById = new Map<string | undefined, string[]>();
  const themes: (Theme | undefined)[] = [];
  if (options.xslInputs) warmUpXslViews(plans, options, xslContext);
  try {
    for (const plan of plans) {
      const theme = resolveTheme(plan, bag, cache);
      themes.push(theme);
      const dirs = templateDirsFor(plan, options, theme);
      dirsById.set(plan.id, dirs);
      for (const [path, bytes] of themeFiles(theme, bag)) assets.set(path, bytes);
      const messages = loadMessages(plan.lang, dirs);
      const t0 = performance.now();
      const made = await viewAssets(plan, options, bag);
      options.timing?.('images', performance.now() - t0);
      for (const [path, bytes] of made.files) assets.set(`${plan.folder}/${path}`, bytes);
      let profileCss: { file: string; inView: boolean } | undefined;
      if (plan.profile) {
        // One stylesheet per profile, named by its content: public views sharing a profile share
        // the file under theme/. An unlisted or protected view keeps its own copy inside its
        // folder (encrypted with it): a shared file would name the view (`profile-view-<id>`) and
        // its audience's needs in clear, outside the folder.
        const sheet = profileStylesheet(plan.profile, cssBags.has(plan.profile.name) ? new DiagnosticBag() : bag);
        cssBags.add(plan.profile.name);
        const inView = plan.access !== 'public';
        assets.set(inView ? `${plan.folder}/theme/${sheet.fileName}` : `theme/${sheet.fileName}`, new TextEncoder().encode(sheet.css));
        profileCss = { file: sheet.fileName, inView };
      }
      const input = { plan, messages, images: made.images as Map<string, ImageInfo>, css: '', bag, ...(profileCss ? { profileCss } : {}) };
      const data = buildViewData(made.packageHref ? { ...input, packageHref: made.packageHref } : input);
      data.theme = themeData(theme, plan.theme, assets, bag);
      for (const [path, bytes] of await viewExtras(plan, data, dirs, options.siteUrl, (ms) => options.timing?.('cards', ms))) assets.set(`${plan.folder}/${path}`, bytes);
      if (plan.xsl && ('file' in plan.xsl || 'osp' in plan.xsl)) {
        const xsl = 'file' in plan.xsl ? await renderUserXslView({ ...plan, xsl: plan.xsl }, input.images, messages, options, xslBuild(), bag) : await renderOspView({ ...plan, xsl: plan.xsl }, input.images, messages, options, xslBuild(), bag);
        if (xsl) {
          for (const [path, bytes] of xsl.files) assets.set(`${plan.folder}/${path}`, bytes);
          if (xsl.page !== undefined) data.xsl = { page: xsl.page };
          else if (xsl.fragment !== undefined) data.xsl = { fragment: xsl.fragment };
        }
      } else if (plan.xsl && 'package' in plan.xsl) {
        const xsl = await renderPackageXslView({ ...plan, xsl: plan.xsl }, input.images, messages, options, xslBuild(), bag);
        if (xsl) {
          for (const [path, bytes] of xsl.files) assets.set(`${plan.folder}/${path}`, bytes);
          data.xsl = { fragment: xsl.fragment ?? '', styles: xsl.styles };
        }
      }
      views.push(data);
    }
  } finally {
    ownXsl?.close();
  }
  const rootTheme = resolveTheme({ theme: options.siteTheme ?? {} }, new DiagnosticBag(), cache);
  const rootDirs = templateDirsFor(undefined, options, rootTheme);
  dirsById.set(undefined, rootDirs);
  const listed = plans.filter((p) => p.access === 'public' || p.preview);
  const first = listed[0];
  const lang = first?.lang ?? 'en';
  const root: RootData = {
    lang,
    title: first && listed.length === 1 ? first.title : 'Portfolio',
    views: listed.map((p) => ({ title: p.title, href: `${p.folder}/index.html`, lang: p.lang, ...(p.description ? { description: p.description } : {}) })),
    t: loadMessages(lang, rootDirs),
    css: '',
    theme: themeData(rootTheme, options.siteTheme ?? {}, assets, bag),
  };
  // One listed view: the root opens it. The root stays free of content either way.
  if (listed.length === 1) root.single = listed[0]!.folder;
  const css = [...rootDirs].reverse().map((d) => join(d, 'theme')).filter(existsSync);
  for (const dir of css) {
    for (const name of ['vitrine.css', 'preferences.js']) {
      const file = join(dir, name);
      if (existsSync(file)) assets.set(`theme/${name}`, readFileSync(file));
    }
  }
  const checked = new Set<string>();
  const published = (path: string) => assets.has(path);
  plans.forEach((plan, i) => checkThemeReferences(dirsById.get(plan.id)!.filter((d) => d !== defaultTemplatesDir), themes[i], published, bag, checked));
  return { views, root, assets, plans, templateDirs: (id) => dirsById.get(id) ?? rootDirs };
}

/** What templates get of the theme: its name, stylesheets, folder and layout choices. */
function themeData(theme: Theme | undefined, config: ViewPlan['theme'], assets: SiteFiles, bag: DiagnosticBag): ThemeData {
  const settings = themeSettings(theme, config.settings);
  const styles = themeStyles(theme);
  const sheet = settingsStylesheet(settings, bag, config.origin);
  if (sheet) {
    assets.set(`theme/${sheet.fileName}`, new TextEncoder().encode(sheet.css));
    styles.push(`theme/${sheet.fileName}`);
  }
  const own = themeChain(theme).find((t) => t.dir);
  return {
    name: theme?.key ?? DEFAULT_THEME,
    styles,
    ...(own ? { dir: themeFolder(own) } : {}),
    layout: settings.layout ?? 'grid',
    density: settings.density ?? 'normal',
  };
}

/** Registers the site's pages with an Eleventy configuration (used by build and by eleventy.config.ts). */
export function configureEleventy(cfg: EleventyConfigLike, site: SiteModel, options: RenderOptions, onPage?: (path: string, html: string) => void): void {
  vitrinePlugin(cfg, { views: site.views, root: site.root, templateDirs: site.templateDirs, ...(options.print ? { print: true } : {}), ...(onPage ? { onPage } : {}) });
}

/** Starts the search indexes of the views that get search. */
function startSearch(plans: ViewPlan[]): SearchIndexer | undefined {
  const views = searchViews(plans);
  return views.length ? startSearchIndexes(views) : undefined;
}

/**
 * Replaces every file of each protected view by its encrypted form (protect/encrypt.ts). A
 * protected plan without a passphrase is a bug: publishing it in clear is never an option.
 */
export function encryptProtectedViews(files: SiteFiles, plans: ViewPlan[], options: RenderOptions, templateDirs: (viewId: string) => string[] = (id) => templateDirsFor(plans.find((p) => p.id === id), options)): void {
  for (const plan of plans) {
    if (plan.access !== 'protected') continue;
    if (!plan.passphrase) throw new Error(`protected view "${plan.id}" has no passphrase`);
    const prefix = `${plan.folder}/`;
    const own = new Map<string, Uint8Array>();
    for (const [path, bytes] of files) {
      if (!path.startsWith(prefix)) continue;
      own.set(path.slice(prefix.length), bytes);
      files.delete(path);
    }
    const dirs = templateDirs(plan.id);
    const t = loadMessages(plan.lang, dirs);
    // The entry page's preview says only that the page is protected: the neutral card (added
    // beside the ciphertext by renderSite), the theme's words, nothing of the view.
    const card = options.siteUrl ? `${options.siteUrl}${encodeURIComponent(plan.folder)}/${VIEW_FILES.card}` : undefined;
    const meta = { title: t.lockTitle ?? 'Protected page', imageAlt: '', type: 'website' as const, jsonLd: [], favicon: VIEW_FILES.favicon, ...(card ? { image: card } : {}) };
    const sealed = protectView(own, {
      meta,
      passphrase: plan.passphrase,
      templateDirs: dirs,
      t,
      lang: plan.lang,
      ...(options.kdfIterations ? { iterations: options.kdfIterations } : {}),
    });
    for (const [path, bytes] of sealed) files.set(prefix + path, bytes);
  }
}

/** Renders the whole site in memory. */
export async function renderSite(plans: ViewPlan[], options: RenderOptions = {}): Promise<Result<SiteFiles>> {
  const bag = new DiagnosticBag();
  // Pagefind indexes in its own process while the pages are rendered (render/search/pagefind.ts);
  // started first, so its process is up and its indexes made by the first page.
  const search = options.search !== false ? startSearch(plans) : undefined;
  let searched = false;
  let site: SiteModel;
  const files: SiteFiles = new Map();
  try {
    options.onStage?.('encoding images');
    site = await prepareSite(plans, options, bag);
    for (const [path, bytes] of site.assets) files.set(path, bytes);
    options.onStage?.('rendering pages');
    const pagesStarted = performance.now();
    const model = site;
    const pages = await renderPages((cfg) => configureEleventy(cfg, model, options, search?.page), bag);
    if (!pages) return { value: new Map(), diagnostics: bag.items };
    for (const [path, bytes] of pages) files.set(path, bytes);
    options.timing?.('pages', performance.now() - pagesStarted);
    if (search) {
      options.onStage?.('indexing for search');
      const t0 = performance.now();
      searched = true;
      await search.finish(files, bag);
      options.timing?.('search', performance.now() - t0);
    }
  } finally {
    if (search && !searched) await search.abandon();
  }
  encryptProtectedViews(files, plans, options, site.templateDirs);
  for (const plan of plans.filter((p) => p.access === 'protected')) {
    const t0 = performance.now();
    for (const [path, bytes] of await protectedExtras(site.templateDirs(plan.id))) files.set(`${plan.folder}/${path}`, bytes);
    options.timing?.('cards', performance.now() - t0);
  }
  if (!plans.some((p) => p.preview)) for (const [path, bytes] of siteExtras(plans, options.siteUrl)) files.set(path, bytes);
  return { value: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), diagnostics: bag.items };
}
