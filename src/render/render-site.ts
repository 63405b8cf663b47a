/**
 * ViewPlans → every file of the site, in memory: pages rendered by Eleventy through the
 * Vitrine plugin, the theme stylesheet, each view's files, image variants and package.
 * Nothing is written here; write/ does that.
 */
import Eleventy from '@11ty/eleventy';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { DiagnosticBag, type Result } from '../diagnostics/index.ts';
import type { ViewPlan } from '../views/types.ts';
import { loadMessages } from './messages.ts';
import { buildViewData, type ImageInfo } from './page-data.ts';
import { vitrinePlugin, type EleventyConfigLike, type RootData } from './eleventy-plugin.ts';
import { viewAssets, type AssetOptions } from './assets.ts';
import { createImageProcessor } from './image-processor.ts';
import { profileStylesheet } from '../audience/css.ts';
import type { ViewData } from './types.ts';
import { protectView } from './protect/encrypt.ts';
import { renderOspView, renderUserXslView, type XslOptions } from './xsl/render-xsl.ts';
import { loadPackagePresentations, renderPackageXslView, type LoadedPackage, type PackageXslOptions } from './xsl/package-views.ts';

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
}

/** The site's files by path, ready for write/. */
export type SiteFiles = Map<string, Uint8Array>;

/**
 * Render options for a build: images always processed (publishing them unprocessed would keep
 * their metadata) unless the caller brings its own processor, and relative template folders of
 * views resolved against the folder of the config file they were written in.
 */
export function renderOptionsFor(configFile: string | undefined, overrides: RenderOptions = {}): RenderOptions {
  return { processImage: createImageProcessor('.vitrine-cache'), xslCache: '.vitrine-cache/xsl', ...overrides, ...(configFile ? { configDir: resolve(configFile, '..') } : {}) };
}

/** Template folders for a view, most specific first. */
export function templateDirsFor(plan: ViewPlan | undefined, options: RenderOptions): string[] {
  const dirs: string[] = [];
  if (plan?.theme.templates) dirs.push(resolve(options.configDir ?? '.', plan.theme.templates));
  if (options.templates) dirs.push(resolve(options.templates));
  dirs.push(defaultTemplatesDir);
  return dirs;
}

/** Everything Eleventy needs to render the site: the views' data and the root page. */
export interface SiteModel {
  views: ViewData[];
  root: RootData;
  assets: SiteFiles;
  plans: ViewPlan[];
}

/** Prepares the site model: image variants, packages and files per view, template data. */
export async function prepareSite(plans: ViewPlan[], options: RenderOptions, bag: DiagnosticBag): Promise<SiteModel> {
  const assets: SiteFiles = new Map();
  const views: ViewData[] = [];
  const cssBags = new Set<string>();
  let pkg: Promise<LoadedPackage | undefined> | undefined;
  const loadPackage = () => (pkg ??= options.input ? loadPackagePresentations(options.input) : Promise.resolve(undefined));
  for (const plan of plans) {
    const dirs = templateDirsFor(plan, options);
    const messages = loadMessages(plan.lang, dirs);
    const made = await viewAssets(plan, options, bag);
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
    if (plan.xsl && ('file' in plan.xsl || 'osp' in plan.xsl)) {
      const xsl = 'file' in plan.xsl ? await renderUserXslView({ ...plan, xsl: plan.xsl }, input.images, messages, options, bag) : await renderOspView({ ...plan, xsl: plan.xsl }, input.images, messages, options, bag);
      if (xsl) {
        for (const [path, bytes] of xsl.files) assets.set(`${plan.folder}/${path}`, bytes);
        if (xsl.page !== undefined) data.xsl = { page: xsl.page };
        else if (xsl.fragment !== undefined) data.xsl = { fragment: xsl.fragment };
      }
    } else if (plan.xsl && 'package' in plan.xsl) {
      const xsl = await renderPackageXslView({ ...plan, xsl: plan.xsl }, input.images, messages, options, loadPackage, bag);
      if (xsl) {
        for (const [path, bytes] of xsl.files) assets.set(`${plan.folder}/${path}`, bytes);
        data.xsl = { fragment: xsl.fragment ?? '', styles: xsl.styles };
      }
    }
    views.push(data);
  }
  const rootDirs = templateDirsFor(undefined, options);
  const listed = plans.filter((p) => p.access === 'public' || p.preview);
  const first = listed[0];
  const lang = first?.lang ?? 'en';
  const root: RootData = {
    lang,
    title: first && listed.length === 1 ? first.title : 'Portfolio',
    views: listed.map((p) => ({ title: p.title, href: `${p.folder}/index.html`, lang: p.lang, ...(p.description ? { description: p.description } : {}) })),
    t: loadMessages(lang, rootDirs),
    css: '',
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
  return { views, root, assets, plans };
}

/** Registers the site's pages with an Eleventy configuration (used by build and by eleventy.config.ts). */
export function configureEleventy(cfg: EleventyConfigLike, site: SiteModel, options: RenderOptions): void {
  const byId = new Map(site.plans.map((p) => [p.id, p]));
  vitrinePlugin(cfg, { views: site.views, root: site.root, templateDirs: (id) => templateDirsFor(id ? byId.get(id) : undefined, options) });
}

/**
 * Replaces every file of each protected view by its encrypted form (protect/encrypt.ts). A
 * protected plan without a passphrase is a bug: publishing it in clear is never an option.
 */
export function encryptProtectedViews(files: SiteFiles, plans: ViewPlan[], options: RenderOptions): void {
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
    const dirs = templateDirsFor(plan, options);
    const sealed = protectView(own, {
      passphrase: plan.passphrase,
      templateDirs: dirs,
      t: loadMessages(plan.lang, dirs),
      lang: plan.lang,
      ...(options.kdfIterations ? { iterations: options.kdfIterations } : {}),
    });
    for (const [path, bytes] of sealed) files.set(prefix + path, bytes);
  }
}

/** Renders the whole site in memory. */
export async function renderSite(plans: ViewPlan[], options: RenderOptions = {}): Promise<Result<SiteFiles>> {
  const bag = new DiagnosticBag();
  const site = await prepareSite(plans, options, bag);
  const files: SiteFiles = new Map(site.assets);
  // Eleventy wants an input folder; an empty one means only Vitrine's virtual pages exist.
  const input = mkdtempSync(join(tmpdir(), 'vitrine-input-'));
  const out = join(input, '_out');
  try {
    const elev = new Eleventy(input, out, {
      quietMode: true,
      configPath: false,
      config: (cfg: EleventyConfigLike) => configureEleventy(cfg, site, options),
    });
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
      bag.add('TemplateInvalid', `a page could not be rendered: ${[...new Set(messages)].join(' — ')}`);
      return { value: new Map(), diagnostics: bag.items };
    }
    const encoder = new TextEncoder();
    for (const page of pages) {
      if (!page.outputPath) continue;
      files.set(relative(out, page.outputPath).split('\\').join('/'), encoder.encode(page.content));
    }
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
  encryptProtectedViews(files, plans, options);
  return { value: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), diagnostics: bag.items };
}
