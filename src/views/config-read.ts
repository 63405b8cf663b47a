/**
 * A config document checked against its schema (config-schema.ts) and turned into ViewConfig
 * values, each with the `file:line:col` it came from. The schema says what each field may hold;
 * this module checks only what a schema cannot say (view ids unique, a view's profile defined,
 * passphraseEnv on protected views only, a parsable site URL) and leaves out, whole, every view,
 * select entry, theme or profile the check found broken: half a view could show the wrong parts.
 */
import type { DiagnosticBag, Location } from '../diagnostics/index.ts';
import type { LocatedYaml, YamlPath } from '../diagnostics/located.ts';
import { checkDocument, type DocumentSchema, type SchemaFindings } from '../diagnostics/schema-check.ts';
import { pathLabel } from '../diagnostics/schema-words.ts';
import type { PartKind } from '../model/types.ts';
import { readProfile, resolveViewProfile, type ProfileContext } from '../audience/config.ts';
import type { AudienceProfile } from '../audience/types.ts';
import { CONFIG_SCHEMA } from './config-schema.ts';
import { normalizeSiteUrl, siteUrlProblem } from './site-url.ts';
import type { Access, Follow, Selector, SortOrder, ThemeConfig, ThemeSettings, ViewConfig } from './types.ts';

/**
 * A finding inside a view is named after the view's id, as the author knows it
 * (`view "cv": select[0].kind`); elsewhere by its path (`profiles.large-print.display`).
 */
export function viewLabel(path: YamlPath, value: unknown): string | undefined {
  if (path[0] !== 'views' || typeof path[1] !== 'number' || !isObj(value) || !Array.isArray(value.views)) return undefined;
  const view: unknown = value.views[path[1]];
  const id = isObj(view) && Object.hasOwn(view, 'id') ? view.id : undefined;
  if (typeof id !== 'string' || !id.trim() || id.length > 80) return undefined;
  const rest = path.length > 2 ? pathLabel(path.slice(2), '') : '';
  return rest ? `view "${id}": ${rest}` : `view "${id}"`;
}

/** The config document: its schema, its codes and how its findings are worded. */
export const CONFIG_DOCUMENT: DocumentSchema = {
  name: 'vitrine.config.schema.json',
  schema: CONFIG_SCHEMA,
  code: () => 'ConfigInvalid',
  root: 'config',
  keyWord: 'key',
  listAllowed: true,
  label: viewLabel,
};

/** What reading a config finds: the views, and the site's theme and url. */
export interface ConfigValues {
  views: ViewConfig[];
  theme?: ThemeConfig;
  url?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

interface Cx extends ProfileContext {
  found: SchemaFindings;
}

/**
 * Checks a located config document (`document` is the schema to check it against: the config's,
 * or a narrower one) and reads its views; `[]` views when the file has no usable shape.
 */
export function readConfigValues(y: LocatedYaml, bag: DiagnosticBag, document: DocumentSchema = CONFIG_DOCUMENT): ConfigValues {
  const found = checkDocument(document, y, bag);
  const origin = (p: YamlPath): Location => {
    const l = y.at(p);
    return { file: l.file, line: l.line ?? 1, column: l.column ?? 1 };
  };
  const cx: Cx = { bag, at: (p) => y.at(p), origin, found, name: (p) => document.label?.(p, y.value) ?? pathLabel(p, document.root) };
  const out: ConfigValues = { views: [] };
  if (!isObj(y.value)) return out;
  const v = y.value;
  if (v.theme !== undefined && !found.broken(['theme'])) out.theme = readTheme(cx, v.theme, ['theme']);
  if (typeof v.url === 'string' && !found.broken(['url'])) {
    const why = siteUrlProblem(v.url);
    if (why) bag.add('ConfigInvalid', `url: ${why}`, y.at(['url']));
    else out.url = normalizeSiteUrl(v.url);
  }
  const profiles = new Map<string, AudienceProfile>();
  for (const [name, p] of Object.entries(isObj(v.profiles) ? v.profiles : {})) {
    // A refused profile is left out; a view naming it is then told the name is not defined.
    const badName = found.problems.some((q) => q.path.length === 1 && q.path[0] === 'profiles' && q.key === name);
    if (badName || found.broken(['profiles', name])) continue;
    const profile = readProfile(cx, p, name, ['profiles', name]);
    if (profile) profiles.set(name, profile);
  }
  if (!Array.isArray(v.views)) return out;
  const seen = new Map<string, Location>();
  v.views.forEach((item, i) => {
    const view = readView(cx, item, ['views', i], profiles);
    if (!view) return;
    const first = seen.get(view.id);
    if (first) {
      bag.add('ViewIdDuplicate', `view id "${view.id}" is already used at line ${first.line ?? '?'}; each view needs its own folder`, y.at(['views', i, 'id']));
      return;
    }
    seen.set(view.id, y.at(['views', i]));
    out.views.push(view);
  });
  return out;
}

function readView(cx: Cx, v: unknown, path: YamlPath, profiles: Map<string, AudienceProfile>): ViewConfig | undefined {
  if (!isObj(v) || typeof v.id !== 'string') return undefined;
  const name = `view "${v.id}"`;
  let ok = !cx.found.broken(path);
  const view: ViewConfig = { id: v.id, access: (v.access as Access | undefined) ?? 'public', select: [], origin: cx.origin(path) };
  for (const key of ['title', 'description', 'lang'] as const) if (typeof v[key] === 'string') view[key] = v[key];
  if (typeof v.passphraseEnv === 'string') {
    // Checked here: whether a field belongs depends on another field's value.
    if (view.access !== 'protected') {
      cx.bag.add('ConfigInvalid', `${name}: passphraseEnv is only for views with access: protected`, cx.at([...path, 'passphraseEnv']));
      ok = false;
    } else view.passphraseEnv = v.passphraseEnv;
  }
  if (typeof v.package === 'boolean') view.package = v.package;
  if (v.xsl !== undefined) {
    const origin = cx.origin([...path, 'xsl']);
    if (typeof v.xsl === 'string') view.xsl = { file: v.xsl, origin };
    else if (isObj(v.xsl) && typeof v.xsl.package === 'string') view.xsl = { package: v.xsl.package, origin };
    else if (isObj(v.xsl) && typeof v.xsl.osp === 'string') view.xsl = { osp: v.xsl.osp, origin };
  }
  if (v.theme !== undefined) view.theme = readTheme(cx, v.theme, [...path, 'theme']);
  if (isObj(v.tags)) view.tags = { hide: v.tags.hide === undefined ? [] : asList(v.tags.hide).map(String) };
  if (typeof v.profile === 'string') {
    const ref = resolveViewProfile(cx, v.profile, [...path, 'profile'], profiles, name);
    if (ref) view.profile = ref;
    else ok = false;
  } else if (isObj(v.profile)) {
    const p = readProfile(cx, v.profile, `view-${v.id}`, [...path, 'profile']);
    if (p) view.profile = { profile: p };
    else ok = false;
  }
  if (Array.isArray(v.select)) v.select.forEach((s, i) => view.select.push(readSelector(cx, s, [...path, 'select', i])));
  return ok ? view : undefined;
}

function readSelector(cx: Cx, v: unknown, path: YamlPath): Selector {
  const o = isObj(v) ? v : {};
  const sel: Selector = { origin: cx.origin(path) };
  for (const key of ['id', 'tag', 'status'] as const) if (typeof o[key] === 'string') sel[key] = o[key];
  if (typeof o.kind === 'string') sel.kind = o.kind as PartKind;
  if (typeof o.sort === 'string') sel.sort = o.sort as SortOrder;
  // `with: evidence` is a one-item list, as the issue writes it in prose.
  if (o.with !== undefined) sel.with = [...new Set(asList(o.with) as Follow[])];
  return sel;
}

function readTheme(cx: Cx, v: unknown, path: YamlPath): ThemeConfig | undefined {
  const origin = cx.origin(path);
  if (typeof v === 'string') return { use: v, origin };
  if (!isObj(v)) return undefined;
  const theme: ThemeConfig = { origin };
  for (const key of ['use', 'templates'] as const) if (typeof v[key] === 'string') theme[key] = v[key];
  if (isObj(v.settings)) {
    const s: ThemeSettings = {};
    for (const key of ['accent', 'ink', 'paper'] as const) if (typeof v.settings[key] === 'string') s[key] = v.settings[key].toLowerCase();
    if (typeof v.settings.font === 'string') s.font = v.settings.font;
    if (typeof v.settings.density === 'string') s.density = v.settings.density as ThemeSettings['density'];
    if (typeof v.settings.layout === 'string') s.layout = v.settings.layout as ThemeSettings['layout'];
    theme.settings = s;
  }
  return theme;
}
