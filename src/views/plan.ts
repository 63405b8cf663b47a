/**
 * Planning: from the portfolio and the site config to one ViewPlan per view, each holding
 * copies of its own parts, relations and files only. With no config, one preview of
 * everything (DESIGN: "Views and privacy").
 */
import { dirname, resolve } from 'node:path';
import { DiagnosticBag, type Result } from '../diagnostics/index.ts';
import type { Part, Portfolio } from '../model/types.ts';
import { indexPortfolio } from './follow.ts';
import { findPersonalData } from './personal-data.ts';
import { planRelations, scrubPart } from './scrub.ts';
import { selectParts } from './select.ts';
import { profileFromPortfolio } from '../audience/from-portfolio.ts';
import { isSystemPage } from '../model/page-layout.ts';
import type { Access, PersonalDataItem, SiteConfig, ThemeConfig, ViewConfig, ViewPlan } from './types.ts';
import { generatePassphrase, newToken, type ViewAccessSecrets } from './secrets.ts';

/** The id (and folder) of the view built when no view is configured. */
export const PREVIEW_ID = 'preview';

/**
 * The output folder of a view, under the site root: a public view's id; an unlisted or protected
 * view's unguessable token from the secrets file (secrets.ts). Without one (a caller that did
 * not resolve secrets), a fresh random token: unguessable, only not stable.
 */
export function viewFolder(view: { id: string; access: Access }, access?: ViewAccessSecrets): string {
  if (view.access === 'public') return view.id;
  return access?.folder ?? newToken();
}

/**
 * Plans the sites of every configured view, or of the preview when no config file was found.
 * `access` gives unlisted and protected views their folder and passphrase (resolveSecrets()).
 */
export function planViews(portfolio: Portfolio, config: SiteConfig, access?: Map<string, ViewAccessSecrets>): Result<ViewPlan[]> {
  const bag = new DiagnosticBag();
  const ix = indexPortfolio(portfolio);
  // A config file whose views all failed validation plans nothing, rather than a preview of
  // everything: the user asked for a selection, and the errors already stop the build.
  if (config.views.length === 0) {
    if (config.file !== undefined) return { value: [], diagnostics: bag.items };
    const plan = planPreview(portfolio);
    bag.add('PreviewOnly', previewMessage(plan), { file: config.expected ?? 'vitrine.config.yaml' });
    for (const p of systemPages(portfolio)) {
      const type = p.page!.type;
      bag.add('MaharaSystemPageHidden', `Mahara ${type} page "${p.title?.value ?? p.id}" (${p.id}) is not published; to publish it, select { id: "${p.id}" } in a view`, p.origin);
    }
    return { value: [plan], diagnostics: bag.items };
  }
  const plans = config.views.map((view) => {
    const ids = selectParts(portfolio, view.select, bag, ix);
    const plan = buildPlan(portfolio, view, ids, config.file, access?.get(view.id), config.theme);
    // The portfolio's own profile is read from all its parts, selected or not: it describes the
    // audience, and only the profile (never the parts) reaches the view.
    const profile = view.profile && ('profile' in view.profile ? view.profile.profile : profileFromPortfolio(portfolio, bag, view.profile.origin));
    if (profile) plan.profile = profile;
    return plan;
  });
  return { value: plans, diagnostics: bag.items };
}

/** Mahara's system pages (dashboard, profile, group and institution pages): never in the preview. */
export function systemPages(portfolio: Portfolio): Part[] {
  return portfolio.parts.filter((p) => isSystemPage(p.page));
}

/** The preview: every part, noindex, listing its personal data. */
export function planPreview(portfolio: Portfolio): ViewPlan {
  // A Leap2A preview is named after the owner, never after the feed's title ("Mahara Leap2A
  // Export for Ana Lima, 14/11/2023 22:13"), which names the export, not the portfolio.
  const owner = portfolio.titleNamesExport ? portfolio.parts.find((p) => p.kind === 'identification') : undefined;
  const ownerName = owner?.person?.names[0]?.full ?? owner?.title?.value;
  const view: ViewConfig = { id: PREVIEW_ID, title: ownerName ?? portfolio.title ?? 'Preview', access: 'public', select: [] };
  // Security keys and Mahara's system pages are never published by default: a view must name them by id.
  const hidden = new Set(systemPages(portfolio).map((p) => p.id));
  const plan = buildPlan(portfolio, view, portfolio.parts.filter((p) => p.kind !== 'securitykey' && !hidden.has(p.id)).map((p) => p.id), undefined);
  plan.preview = true;
  plan.noindex = true;
  return plan;
}

/** One view's plan from its ordered part ids. */
function buildPlan(portfolio: Portfolio, view: ViewConfig, ids: string[], configFile: string | undefined, access?: ViewAccessSecrets, siteTheme?: ThemeConfig): ViewPlan {
  const selected = new Set(ids);
  const inView = (id: string) => selected.has(id);
  const byId = new Map(portfolio.parts.map((p) => [p.id, p] as const));
  // Ids and source ids of the parts left out: an extension naming one of them is dropped.
  const outside = new Set(portfolio.parts.filter((p) => !selected.has(p.id)).flatMap((p) => (p.sourcedId ? [p.id, p.sourcedId.id] : [p.id])));
  for (const p of portfolio.parts) if (selected.has(p.id) && p.sourcedId) outside.delete(p.sourcedId.id);
  const parts: Part[] = ids.map((id) => scrubPart(byId.get(id)!, inView, outside));
  const used = new Set(parts.flatMap((p) => p.files));
  const files = portfolio.files.filter((f) => used.has(f.path)).map((f) => ({ ...f }));
  const theme = planTheme(view.theme, siteTheme, configFile);
  const plan: ViewPlan = {
    id: view.id,
    folder: viewFolder(view, access),
    title: view.title ?? view.id,
    lang: view.lang ?? portfolio.lang ?? 'en',
    access: view.access,
    noindex: view.access !== 'public',
    preview: false,
    parts,
    relations: planRelations(portfolio.relations, inView, outside),
    files,
    personalData: findPersonalData(parts),
    package: view.package ?? false,
    theme,
    hiddenTags: [...new Set([...view.select.flatMap((s) => (s.tag ? [s.tag] : [])), ...(view.tags?.hide ?? [])].map((t) => t.toLowerCase()))],
  };
  if (view.description !== undefined) plan.description = view.description;
  // Never published in clear: a protected view without a known passphrase gets one nobody knows.
  if (view.access === 'protected') plan.passphrase = access?.passphrase ?? generatePassphrase();
  if (view.xsl) {
    const base = configFile ? dirname(configFile) : '.';
    plan.xsl = 'file' in view.xsl ? { ...view.xsl, file: resolve(base, view.xsl.file) } : 'osp' in view.xsl ? { ...view.xsl, osp: resolve(base, view.xsl.osp) } : { ...view.xsl };
  }
  const owner = parts.find((p) => p.kind === 'identification');
  if (owner) plan.owner = owner;
  return plan;
}

/**
 * A view's theme: its own `use` and settings, else the site's; settings of the site apply under
 * the view's own when both name the same theme. Template folders are written relative to the
 * config file; render/ gets an absolute path, and `dir` to resolve a theme folder against.
 */
function planTheme(own: ThemeConfig | undefined, site: ThemeConfig | undefined, configFile: string | undefined): ViewPlan['theme'] {
  const theme: ViewPlan['theme'] = {};
  const use = own?.use ?? site?.use;
  if (use !== undefined) theme.use = use;
  const settings = own?.use === undefined || own.use === site?.use ? { ...site?.settings, ...own?.settings } : { ...own.settings };
  if (Object.keys(settings).length) theme.settings = settings;
  const origin = (own?.use !== undefined ? own.origin : site?.origin) ?? own?.origin;
  if (origin) theme.origin = origin;
  const templates = own?.templates ?? site?.templates;
  if (templates !== undefined) theme.templates = configFile ? resolve(dirname(configFile), templates) : templates;
  if (configFile) theme.dir = dirname(resolve(configFile));
  return theme;
}

const KIND_WORDS: Record<PersonalDataItem['kind'], string> = {
  email: 'e-mail address',
  phone: 'phone number',
  address: 'postal address',
  'birth-date': 'birth date',
  'birth-place': 'place of birth',
  gender: 'gender',
  identifier: 'identifier',
  name: 'name',
  web: 'web address',
  'security-key': 'security key field',
};

/**
 * What the preview exposes, by kind and part. Values are left out on purpose: diagnostics end
 * up in CI logs, which may be public; the plan's `personalData` has them for the CLI to show.
 */
function previewMessage(plan: ViewPlan): string {
  const head = `no view is configured, so the site is a preview of the whole portfolio in ${plan.folder}/ (marked noindex, but anyone with the link can read it)`;
  if (plan.personalData.length === 0) return `${head}; no personal data was found in it`;
  const counts = new Map<PersonalDataItem['kind'], Set<string>>();
  for (const d of plan.personalData) counts.set(d.kind, (counts.get(d.kind) ?? new Set()).add(d.partId));
  const n = (k: PersonalDataItem['kind']) => plan.personalData.filter((d) => d.kind === k).length;
  const plural = (w: string, count: number) => (count === 1 ? w : w.endsWith('s') ? `${w}es` : `${w}s`);
  const list = [...counts].map(([k, parts]) => `${n(k)} ${plural(KIND_WORDS[k], n(k))} (${[...parts].join(', ')})`);
  return `${head}. It exposes personal data: ${list.join('; ')}`;
}
