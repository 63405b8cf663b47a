/**
 * The `profiles:` map of the site config and a view's `profile:` (a name, `portfolio`, or a
 * profile written inline), checked field by field with `file:line:col` errors like the rest of
 * the config (docs/views.md, docs/accessibility-profiles.md).
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { deref, describe, entries, fail, oneOf, originOf, text, type ValidateContext } from '../diagnostics/yaml-node.ts';
import { LANG_PATTERN, VIEW_ID_PATTERN, MAX_ID_LENGTH } from './names.ts';
import { didYouMean } from '../diagnostics/suggest.ts';
import { FONT_FACES, HAZARDS, type AudienceProfile, type ContentPrefs, type ControlPrefs, type DisplayPrefs, type Hazard, type ProfileRef } from './types.ts';

/** Keys of a profile. */
export const PROFILE_KEYS = ['title', 'display', 'content', 'control'] as const;
/** Keys of a profile's `display`. */
export const DISPLAY_KEYS = ['fontSize', 'fontFace', 'foreground', 'background', 'highlight', 'link', 'highContrast', 'invert', 'lineSpacing', 'letterSpacing', 'oneColumn', 'reducedMotion'] as const;
/** Keys of a profile's `content`. */
export const CONTENT_KEYS = ['altText', 'longDescription', 'captions', 'transcript', 'signLanguage', 'hazards', 'languages'] as const;
/** Keys of a profile's `control`. */
export const CONTROL_KEYS = ['keyboard'] as const;
/** The profile name a view uses to ask for the portfolio's own accessibility preferences. */
export const PORTFOLIO_PROFILE = 'portfolio';
/** Ranges of the numeric display fields: far enough for real needs, near enough to catch typos. */
export const NUMBER_RANGES = { fontSize: [0.75, 4], lineSpacing: [1, 3], letterSpacing: [0, 0.5] } as const;
const COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** `#abc` → `#aabbcc`, lower case. */
export function normaliseColour(s: string): string {
  const h = s.slice(1).toLowerCase();
  return `#${h.length === 3 ? [...h].map((c) => c + c).join('') : h}`;
}

function bool(cx: ValidateContext, node: Node | null, where: string, pair: Pair): boolean | undefined {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  fail(cx, node ?? pair, `${where} must be true or false, not ${describe(node)}`);
  return undefined;
}

function num(cx: ValidateContext, node: Node | null, where: string, pair: Pair, [min, max]: readonly [number, number]): number | undefined {
  let v: number | undefined;
  if (isScalar(node) && typeof node.value === 'number') v = node.value;
  // `150%` reads as text; it means 1.5 as well.
  else if (isScalar(node) && typeof node.value === 'string' && /^\d+(\.\d+)?%$/.test(node.value.trim())) v = Number(node.value.trim().slice(0, -1)) / 100;
  if (v === undefined || !Number.isFinite(v)) {
    fail(cx, node ?? pair, `${where} must be a number, not ${describe(node)}`);
    return undefined;
  }
  if (v < min || v > max) {
    fail(cx, node, `${where} ${v} is outside ${min}–${max}`);
    return undefined;
  }
  return v;
}

function colour(cx: ValidateContext, node: Node | null, where: string, pair: Pair): string | undefined {
  if (isScalar(node) && node.value === null) {
    // `foreground: #000000` is a YAML comment: the value is gone before we see it.
    fail(cx, node.range ? node : pair, `${where} is empty; in YAML a colour must be quoted ("#1b1b1f"), or # starts a comment`);
    return undefined;
  }
  const s = text(cx, node, where, pair);
  if (s === undefined) return undefined;
  if (!COLOUR.test(s.trim())) {
    fail(cx, node, `${where} "${s}" is not a colour written as #rrggbb or #rgb`);
    return undefined;
  }
  return normaliseColour(s.trim());
}

function list<T>(cx: ValidateContext, node: Node | null, where: string, pair: Pair, item: (n: Node | null) => T | undefined): T[] | undefined {
  const nodes = isSeq(node) ? node.items.map((n) => deref(cx, n)) : [node];
  const out: T[] = [];
  let ok = true;
  for (const n of nodes) {
    const v = item(n);
    if (v === undefined) ok = false;
    else if (!out.includes(v)) out.push(v);
  }
  return ok ? out : undefined;
}

/** Reads one profile mapping; undefined (after errors) when any field is wrong. */
export function validateProfile(cx: ValidateContext, node: Node | null, name: string, where: string): AudienceProfile | undefined {
  if (!isMap(node)) {
    fail(cx, node, `${where} must be a mapping with display, content and control, not ${describe(node)}`);
    return undefined;
  }
  const before = cx.bag.items.length;
  const f = entries(cx, node, PROFILE_KEYS, where);
  const profile: AudienceProfile = { name, display: {}, content: {}, control: {}, origin: originOf(cx, node) };
  const title = f.get('title');
  if (title) {
    const s = text(cx, title.value, `${where}: title`, title.pair);
    if (s !== undefined) profile.title = s;
  }
  const section = (key: 'display' | 'content' | 'control', keys: readonly string[]) => {
    const e = f.get(key);
    if (!e) return undefined;
    if (!isMap(e.value)) {
      fail(cx, e.value ?? e.pair, `${where}: ${key} must be a mapping, not ${describe(e.value)}`);
      return undefined;
    }
    return entries(cx, e.value, keys, `${where}: ${key}`);
  };
  const d = section('display', DISPLAY_KEYS);
  if (d) {
    const out: DisplayPrefs = profile.display;
    for (const [key, { value, pair }] of d) {
      const w = `${where}: display.${key}`;
      if (key === 'fontSize' || key === 'lineSpacing' || key === 'letterSpacing') {
        const v = num(cx, value, w, pair, NUMBER_RANGES[key]);
        if (v !== undefined) out[key] = v;
      } else if (key === 'fontFace') {
        const v = oneOf(cx, value, FONT_FACES, w, pair);
        if (v) out.fontFace = v;
      } else if (key === 'foreground' || key === 'background' || key === 'highlight' || key === 'link') {
        const v = colour(cx, value, w, pair);
        if (v) out[key] = v;
      } else {
        const v = bool(cx, value, w, pair);
        if (v !== undefined) out[key as 'highContrast' | 'invert' | 'oneColumn' | 'reducedMotion'] = v;
      }
    }
  }
  const c = section('content', CONTENT_KEYS);
  if (c) {
    const out: ContentPrefs = profile.content;
    for (const [key, { value, pair }] of c) {
      const w = `${where}: content.${key}`;
      if (key === 'hazards') {
        const v = list<Hazard>(cx, value, w, pair, (n) => oneOf(cx, n, HAZARDS, w, pair));
        if (v) out.hazards = v;
      } else if (key === 'languages') {
        const v = list(cx, value, w, pair, (n) => {
          const s = text(cx, n, w, pair);
          if (s !== undefined && !LANG_PATTERN.test(s)) return void fail(cx, n, `${w} "${s}" is not a language tag such as en, fr or pt-BR`);
          return s;
        });
        if (v) out.languages = v;
      } else {
        const v = bool(cx, value, w, pair);
        if (v !== undefined) out[key as 'altText' | 'longDescription' | 'captions' | 'transcript' | 'signLanguage'] = v;
      }
    }
  }
  const k = section('control', CONTROL_KEYS);
  if (k) {
    const out: ControlPrefs = profile.control;
    for (const [key, { value, pair }] of k) {
      const v = bool(cx, value, `${where}: control.${key}`, pair);
      if (v !== undefined) out[key as 'keyboard'] = v;
    }
  }
  return cx.bag.items.slice(before).some((x) => x.code === 'ConfigInvalid') ? undefined : profile;
}

/** Reads the top-level `profiles:` map. Names are checked like view ids (they name CSS files). */
export function validateProfiles(cx: ValidateContext, node: Node | null, pair: Pair): Map<string, AudienceProfile> {
  const out = new Map<string, AudienceProfile>();
  if (!isMap(node)) {
    fail(cx, node ?? pair, `profiles must be a mapping of names to profiles, not ${describe(node)}`);
    return out;
  }
  for (const item of node.items) {
    const key = deref(cx, item.key);
    if (!isScalar(key) || typeof key.value !== 'string' || !VIEW_ID_PATTERN.test(key.value) || key.value.length > MAX_ID_LENGTH) {
      fail(cx, key ?? item, `profiles: the name ${isScalar(key) ? `"${String(key.value)}"` : describe(key)} must use lowercase letters, digits, - and _, starting with a letter or digit`);
      continue;
    }
    if (key.value === PORTFOLIO_PROFILE) {
      fail(cx, key, `profiles: the name "${PORTFOLIO_PROFILE}" is reserved for the portfolio's own accessibility preferences`);
      continue;
    }
    const p = validateProfile(cx, deref(cx, item.value), key.value, `profile "${key.value}"`);
    if (p) out.set(key.value, p);
  }
  return out;
}

/**
 * Reads a view's `profile:`: a name from `profiles:`, `portfolio`, or an inline mapping. An
 * unknown name is an error: a view built for the wrong audience is worse than no build.
 */
export function validateViewProfile(cx: ValidateContext, node: Node | null, pair: Pair, profiles: Map<string, AudienceProfile>, viewName: string, viewId: string | undefined): ProfileRef | undefined {
  if (isMap(node)) {
    const p = validateProfile(cx, node, `view-${viewId ?? 'inline'}`, `${viewName}: profile`);
    return p ? { profile: p } : undefined;
  }
  const s = text(cx, node, `${viewName}: profile`, pair);
  if (s === undefined) return undefined;
  if (s === PORTFOLIO_PROFILE) return { fromPortfolio: true, origin: originOf(cx, node) };
  const p = profiles.get(s);
  if (p) return { profile: p };
  const names = [...profiles.keys(), PORTFOLIO_PROFILE];
  fail(cx, node, `${viewName}: profile "${s}" is not defined under profiles:.${didYouMean(s, names) || ` Defined: ${names.join(', ')}.`}`);
  return undefined;
}
