/**
 * The `theme:` of a view or of the whole site, `sort:` of a select entry and a view's `tags:`,
 * checked node by node like the rest of the config (config-validate.ts).
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { SortOrder, ThemeConfig, ThemeSettings } from './types.ts';
import { deref, describe, entries, fail, oneOf, originOf, text, type ValidateContext } from '../diagnostics/yaml-node.ts';

/** Keys allowed in a `theme` mapping. */
export const THEME_KEYS = ['use', 'templates', 'settings'] as const;
/** Keys allowed in a theme's `settings`. */
export const SETTING_KEYS = ['accent', 'ink', 'paper', 'font', 'density', 'layout'] as const;
/** Orders a select entry may ask for. */
export const SORT_ORDERS: readonly SortOrder[] = ['date', 'title', 'manual'];
const COLOUR = /^#[0-9a-fA-F]{6}$/;
/** A font family name as CSS needs it quoted: letters, digits, spaces and hyphens only, so it cannot break out of the stylesheet. */
const FAMILY = /^[\p{L}\p{N}][\p{L}\p{N} -]{0,62}$/u;

/**
 * A theme: `theme: studio` (a bundled theme, a folder or a package) or a mapping with `use`,
 * `templates` and `settings`. Undefined after reporting a mistake.
 */
export function validateTheme(cx: ValidateContext, node: Node | null, pair: Pair, where: string): ThemeConfig | undefined {
  const origin = originOf(cx, node);
  if (isScalar(node)) {
    const s = text(cx, node, `${where}: theme`, pair);
    return s === undefined ? undefined : { use: s, origin };
  }
  if (!isMap(node)) {
    fail(cx, node ?? pair, `${where}: theme must name a theme (studio, ./my-theme, vitrine-theme-x) or be a mapping such as { use: studio, settings: { accent: "#0b5394" } }, not ${describe(node)}`);
    return undefined;
  }
  const errors = cx.bag.items.length;
  const f = entries(cx, node, THEME_KEYS, `${where}: theme`);
  const theme: ThemeConfig = { origin };
  for (const key of ['use', 'templates'] as const) {
    const e = f.get(key);
    if (!e) continue;
    const s = text(cx, e.value, `${where}: theme.${key}`, e.pair);
    if (s !== undefined) theme[key] = s;
  }
  const settings = f.get('settings');
  if (settings) {
    const s = validateSettings(cx, settings.value, settings.pair, `${where}: theme.settings`);
    if (s) theme.settings = s;
  }
  return cx.bag.items.length > errors ? undefined : theme;
}

function validateSettings(cx: ValidateContext, node: Node | null, pair: Pair, where: string): ThemeSettings | undefined {
  if (!isMap(node)) {
    fail(cx, node ?? pair, `${where} must be a mapping such as { accent: "#0b5394", density: compact }, not ${describe(node)}`);
    return undefined;
  }
  const f = entries(cx, node, SETTING_KEYS, where);
  const out: ThemeSettings = {};
  for (const key of ['accent', 'ink', 'paper'] as const) {
    const e = f.get(key);
    if (!e) continue;
    const s = text(cx, e.value, `${where}.${key}`, e.pair);
    if (s === undefined) continue;
    if (!COLOUR.test(s)) fail(cx, e.value, `${where}.${key} "${s}" must be a colour written #rrggbb, such as "#0b5394" (in quotes: YAML reads # as a comment)`);
    else out[key] = s.toLowerCase();
  }
  const font = f.get('font');
  if (font) {
    const s = text(cx, font.value, `${where}.font`, font.pair);
    if (s !== undefined && !FAMILY.test(s)) fail(cx, font.value, `${where}.font "${s}" must be serif, sans, mono or a font family name (letters, digits, spaces, hyphens)`);
    else if (s !== undefined) out.font = s;
  }
  const density = f.get('density');
  if (density) {
    const d = oneOf(cx, density.value, ['compact', 'normal', 'airy'] as const, `${where}.density`, density.pair);
    if (d) out.density = d;
  }
  const layout = f.get('layout');
  if (layout) {
    const l = oneOf(cx, layout.value, ['grid', 'masonry', 'list'] as const, `${where}.layout`, layout.pair);
    if (l) out.layout = l;
  }
  return out;
}

/** A select entry's `sort:`. */
export function validateSort(cx: ValidateContext, node: Node | null, pair: Pair, where: string): SortOrder | undefined {
  return oneOf(cx, node, SORT_ORDERS, where, pair);
}

/** A view's `tags: { hide: [a, b] }`. */
export function validateTags(cx: ValidateContext, node: Node | null, pair: Pair, where: string): { hide: string[] } | undefined {
  if (!isMap(node)) {
    fail(cx, node ?? pair, `${where} must be a mapping such as { hide: [cv, shortlist] }, not ${describe(node)}`);
    return undefined;
  }
  const f = entries(cx, node, ['hide'], where);
  const hide = f.get('hide');
  if (!hide) return { hide: [] };
  const items = isSeq(hide.value) ? hide.value.items.map((n) => deref(cx, n)) : [hide.value];
  const out: string[] = [];
  for (const item of items) {
    const s = text(cx, item, `${where}.hide`, hide.pair);
    if (s !== undefined) out.push(s);
  }
  return { hide: out };
}
