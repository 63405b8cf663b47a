/**
 * Checks a parsed config document field by field against the schema
 * (docs/schema/vitrine.config.schema.json) and turns it into ViewConfig values. Every error
 * points at the YAML/JSON node it is about, as `file:line:col`. Validation goes on after an
 * error so that one run reports every mistake.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { PART_KINDS, type PartKind } from '../model/types.ts';
import type { Location } from '../diagnostics/index.ts';
import type { Access, Follow, Selector, ThemeConfig, ViewConfig } from './types.ts';
import { validateSort, validateTags, validateTheme } from './config-theme.ts';
import { FOLLOWS } from './follow.ts';
import { normalizeSiteUrl, siteUrlProblem } from './site-url.ts';
import { validateProfiles, validateViewProfile } from '../audience/config.ts';
import type { AudienceProfile } from '../audience/types.ts';

/** The access levels a view may have. */
export const ACCESS_LEVELS: readonly Access[] = ['public', 'unlisted', 'protected'];
/** Keys allowed at the top of the config file. */
export const TOP_KEYS = ['$schema', 'url', 'views', 'profiles', 'theme'] as const;
/** Keys allowed in a view. */
export const VIEW_KEYS = ['id', 'title', 'description', 'access', 'lang', 'select', 'theme', 'package', 'passphraseEnv', 'profile', 'xsl', 'tags'] as const;
/** Keys allowed in a `select` entry. */
export const SELECTOR_KEYS = ['id', 'kind', 'tag', 'status', 'with', 'sort'] as const;
export { VIEW_ID_PATTERN, LANG_PATTERN, MAX_ID_LENGTH } from '../audience/names.ts';
export { nodeLocation, originOf, fail, deref, describe, entries, text, oneOf } from '../diagnostics/yaml-node.ts';
import { VIEW_ID_PATTERN, LANG_PATTERN, MAX_ID_LENGTH } from '../audience/names.ts';
import { nodeLocation, originOf, fail, deref, ConfigTooDeep, describe, entries, text, oneOf, NODE_BUDGET, type ValidateContext as NodeContext } from '../diagnostics/yaml-node.ts';

/** View ids taken by the site root (`_site/theme/` holds the theme's CSS and fonts). */
export const RESERVED_VIEW_IDS = ['theme'];

/** What validating a config needs, and what it finds besides the views: the site's theme and url. */
export interface ValidateContext extends NodeContext {
  /** Set by validation: the site-wide `theme:`. */
  theme?: ThemeConfig;
  /** The site's public base URL (`url:`), set by validation when the file gives a valid one. */
  url?: string;
}

/**
 * The site's public base URL: absolute http(s), without credentials, query or fragment, kept
 * with one trailing slash so page paths can be appended. Anything else would put a wrong or
 * hostile address into every page's link preview.
 */
export function siteUrl(cx: ValidateContext, node: Node | null, pair: Pair): string | undefined {
  const s = text(cx, node, 'url', pair);
  if (s === undefined) return undefined;
  const why = siteUrlProblem(s);
  if (why) return void fail(cx, node ?? pair, `url: ${why}`);
  return normalizeSiteUrl(s);
}

/** Validates the whole document; returns the views, or undefined when the file has no usable shape. */
export function validateConfig(cx: ValidateContext): ViewConfig[] | undefined {
  try {
    return validateTop(cx);
  } catch (e) {
    if (!(e instanceof ConfigTooDeep)) throw e;
    fail(cx, cx.doc.contents, `the file expands to more than ${NODE_BUDGET} values (aliases within aliases?)`);
    return undefined;
  }
}

function validateTop(cx: ValidateContext): ViewConfig[] | undefined {
  const root = deref(cx, cx.doc.contents);
  if (!isMap(root)) {
    fail(cx, root, `the config must be a mapping with a "views:" list, not ${describe(root)}`);
    return undefined;
  }
  const top = entries(cx, root, TOP_KEYS, 'config');
  const schema = top.get('$schema');
  if (schema) text(cx, schema.value, '$schema', schema.pair);
  const siteTheme = top.get('theme');
  if (siteTheme) {
    const t = validateTheme(cx, siteTheme.value, siteTheme.pair, 'config');
    if (t) cx.theme = t;
  }
  const url = top.get('url');
  if (url) {
    const valid = siteUrl(cx, url.value, url.pair);
    if (valid) cx.url = valid;
  }
  const declared = top.get('profiles');
  const profiles = declared ? validateProfiles(cx, declared.value, declared.pair) : new Map<string, AudienceProfile>();
  const list = top.get('views');
  if (!list) {
    fail(cx, root, 'config: "views:" is missing; it lists the views to build');
    return undefined;
  }
  if (!isSeq(list.value)) {
    fail(cx, list.value ?? list.pair, `views must be a list of views, not ${describe(list.value)}`);
    return undefined;
  }
  if (list.value.items.length === 0) {
    fail(cx, list.value, 'views is empty; list at least one view, or remove the file to build the preview');
    return undefined;
  }
  const views: ViewConfig[] = [];
  const seen = new Map<string, Location>();
  list.value.items.forEach((item, i) => {
    const node = deref(cx, item);
    const view = validateView(cx, node, `views[${i}]`, profiles);
    if (!view) return;
    const first = seen.get(view.id);
    if (first) {
      const idNode = isMap(node) ? deref(cx, node.get('id', true)) : node;
      cx.bag.add('ViewIdDuplicate', `view id "${view.id}" is already used at line ${first.line ?? '?'}; each view needs its own folder`, nodeLocation(cx, idNode));
      return;
    }
    seen.set(view.id, nodeLocation(cx, node));
    views.push(view);
  });
  return views;
}

function validateView(cx: ValidateContext, node: Node | null, where: string, profiles: Map<string, AudienceProfile>): ViewConfig | undefined {
  if (!isMap(node)) {
    fail(cx, node, `${where} must be a mapping with id, select, ... not ${describe(node)}`);
    return undefined;
  }
  const errorsBefore = cx.bag.items.length;
  const f = entries(cx, node, VIEW_KEYS, where);
  const idEntry = f.get('id');
  let id: string | undefined;
  if (!idEntry) fail(cx, node, `${where}: "id" is missing; it names the view's folder`);
  else id = viewId(cx, idEntry.value, `${where}.id`, idEntry.pair);
  const name = id ? `view "${id}"` : where;
  const view: Partial<ViewConfig> = { id, access: 'public', select: [], origin: originOf(cx, node) };
  for (const key of ['title', 'description', 'lang'] as const) {
    const e = f.get(key);
    if (!e) continue;
    const s = text(cx, e.value, `${name}: ${key}`, e.pair);
    if (s === undefined) continue;
    if (key === 'lang' && !LANG_PATTERN.test(s)) fail(cx, e.value, `${name}: lang "${s}" is not a language tag such as en, fr or pt-BR`);
    else view[key] = s;
  }
  const access = f.get('access');
  if (access) {
    const a = oneOf(cx, access.value, ACCESS_LEVELS, `${name}: access`, access.pair);
    if (a) view.access = a;
  }
  const env = f.get('passphraseEnv');
  if (env) {
    const s = text(cx, env.value, `${name}: passphraseEnv`, env.pair);
    // The name of a variable, never the passphrase itself: the config file is often shared.
    if (s !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) fail(cx, env.value, `${name}: passphraseEnv must name an environment variable (letters, digits, _), such as VITRINE_PASSPHRASE, not hold the passphrase itself`);
    else if (s !== undefined) view.passphraseEnv = s;
  }
  if (view.passphraseEnv && view.access !== 'protected') fail(cx, env!.value, `${name}: passphraseEnv is only for views with access: protected`);
  const pkg = f.get('package');
  if (pkg) {
    if (isScalar(pkg.value) && typeof pkg.value.value === 'boolean') view.package = pkg.value.value;
    else fail(cx, pkg.value ?? pkg.pair, `${name}: package must be true or false, not ${describe(pkg.value)}`);
  }
  const xsl = f.get('xsl');
  if (xsl) {
    const origin = originOf(cx, xsl.value);
    if (isMap(xsl.value)) {
      const x = entries(cx, xsl.value, ['package', 'osp'], `${name}: xsl`);
      const res = x.get('package');
      const osp = x.get('osp');
      if (!res === !osp) fail(cx, xsl.value, `${name}: xsl needs one of "package: RESOURCE-ID" (an ims-epView resource of the input package) or "osp: TEMPLATE.xsl" (a Sakai OSP presentation template)`);
      else if (res) {
        const s = text(cx, res.value, `${name}: xsl.package`, res.pair);
        if (s !== undefined) view.xsl = { package: s, origin };
      } else if (osp) {
        const s = text(cx, osp.value, `${name}: xsl.osp`, osp.pair);
        if (s !== undefined) view.xsl = { osp: s, origin };
      }
    } else {
      const s = text(cx, xsl.value, `${name}: xsl (a stylesheet such as xsl/my-view.xsl, or { package: RESOURCE-ID })`, xsl.pair);
      if (s !== undefined) {
        if (!/\.(xsl|xslt)$/i.test(s)) fail(cx, xsl.value, `${name}: xsl "${s}" must name an XSLT file ending in .xsl or .xslt`);
        else view.xsl = { file: s, origin };
      }
    }
  }
  const theme = f.get('theme');
  if (theme) {
    const t = validateTheme(cx, theme.value, theme.pair, name);
    if (t) view.theme = t;
  }
  const tags = f.get('tags');
  if (tags) {
    const t = validateTags(cx, tags.value, tags.pair, `${name}: tags`);
    if (t) view.tags = t;
  }
  const profile = f.get('profile');
  if (profile) {
    const ref = validateViewProfile(cx, profile.value, profile.pair, profiles, name, id);
    if (ref) view.profile = ref;
  }
  const select = f.get('select');
  if (!select) fail(cx, node, `${name}: "select" is missing; it lists the parts the view shows`);
  else if (!isSeq(select.value)) fail(cx, select.value ?? select.pair, `${name}: select must be a list of entries such as "- kind: competency", not ${describe(select.value)}`);
  else if (select.value.items.length === 0) fail(cx, select.value, `${name}: select is empty; a view must show at least one part`);
  else {
    select.value.items.forEach((item, i) => {
      const s = validateSelector(cx, deref(cx, item), `${name}: select[${i}]`);
      if (s) view.select!.push(s);
    });
  }
  // A view with a broken field is not built at all: half a view could show the wrong parts.
  return cx.bag.items.slice(errorsBefore).some((d) => d.code === 'ConfigInvalid') || !id ? undefined : (view as ViewConfig);
}

function viewId(cx: ValidateContext, node: Node | null, where: string, pair: Pair): string | undefined {
  const s = text(cx, node, where, pair);
  if (s === undefined) return undefined;
  if (!VIEW_ID_PATTERN.test(s) || s.length > MAX_ID_LENGTH) {
    const safe = s.toLowerCase().replace(/[^a-z0-9-_]+/g, '-').replace(/^[-_]+/, '').slice(0, MAX_ID_LENGTH);
    fail(cx, node, `${where} "${s}" is not a safe folder name: use lowercase letters, digits, - and _, starting with a letter or digit, at most ${MAX_ID_LENGTH} characters${safe ? ` (such as "${safe}")` : ''}`);
    return undefined;
  }
  if (RESERVED_VIEW_IDS.includes(s)) {
    fail(cx, node, `${where} "${s}" is reserved: the site root's ${s}/ folder holds the theme`);
    return undefined;
  }
  return s;
}

function validateSelector(cx: ValidateContext, node: Node | null, where: string): Selector | undefined {
  if (!isMap(node)) {
    fail(cx, node, `${where} must be a mapping such as "kind: competency" or "id: my_part", not ${describe(node)}`);
    return undefined;
  }
  const f = entries(cx, node, SELECTOR_KEYS, where);
  const sel: Selector = { origin: originOf(cx, node) };
  let ok = true;
  for (const key of ['id', 'tag', 'status'] as const) {
    const e = f.get(key);
    if (!e) continue;
    const s = text(cx, e.value, `${where}.${key}`, e.pair);
    if (s === undefined) ok = false;
    else sel[key] = s;
  }
  const kind = f.get('kind');
  if (kind) {
    const k = oneOf<PartKind>(cx, kind.value, PART_KINDS, `${where}.kind`, kind.pair);
    if (k) sel.kind = k;
    else ok = false;
  }
  const sort = f.get('sort');
  if (sort) {
    const o = validateSort(cx, sort.value, sort.pair, `${where}.sort`);
    if (o) sel.sort = o;
    else ok = false;
  }
  const w = f.get('with');
  if (w) {
    const follows = validateWith(cx, w.value, `${where}.with`, w.pair);
    if (follows) sel.with = follows;
    else ok = false;
  }
  if (!f.has('id') && !f.has('kind') && !f.has('tag') && !f.has('status')) {
    fail(cx, node, `${where} needs at least one of id, kind, tag, status to say which parts it selects`);
    return undefined;
  }
  return ok ? sel : undefined;
}

function validateWith(cx: ValidateContext, node: Node | null, where: string, pair: Pair): Follow[] | undefined {
  // `with: evidence` is accepted as a one-item list, as the issue writes it in prose.
  const items = isSeq(node) ? node.items.map((n) => deref(cx, n)) : [node];
  if (isSeq(node) && items.length === 0) return [];
  const out: Follow[] = [];
  let ok = true;
  for (const item of items) {
    const f = oneOf(cx, item, FOLLOWS, where, pair);
    if (f === undefined) ok = false;
    else if (!out.includes(f)) out.push(f);
  }
  return ok ? out : undefined;
}
