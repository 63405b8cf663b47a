/**
 * Reading plain YAML values of the authored format into model values, reporting each mistake
 * at the `file:line:col` of the value (or key) it is about. Every reader returns undefined after
 * reporting, and the caller carries on, so that one run lists every mistake of every file.
 */
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import type { LocatedYaml, YamlPath } from '../../formats/authored/index.ts';
import { didYouMean } from '../../views/suggest.ts';
import type { Term, Text } from '../types.ts';

type Obj = Record<string, unknown>;

/** What a reader needs: the located document, the diagnostics, and the part's default language. */
export interface Cx {
  y: LocatedYaml;
  bag: DiagnosticBag;
  /** Language of texts written without one (the part's `lang:`). */
  lang?: string;
}

export const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** Reports a value of the wrong kind. */
export function invalid(cx: Cx, path: YamlPath, message: string): undefined {
  cx.bag.add('AuthoredValueInvalid', message, cx.y.at(path));
  return undefined;
}

function name(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Reports keys of a mapping that are not in `known`, with a "did you mean". */
export function checkKeys(cx: Cx, path: YamlPath, value: Obj, known: readonly string[], where: string, extra: readonly string[] = []): void {
  for (const k of Object.keys(value)) {
    if (known.includes(k) || extra.includes(k)) continue;
    cx.bag.add('AuthoredFieldUnknown', `${where}: unknown field "${k}".${didYouMean(k, [...known, ...extra])}`, cx.y.keyAt([...path, k]));
  }
}

/** A string, or a number/boolean written without quotes (`title: 2024`), as text. */
export function str(cx: Cx, path: YamlPath, v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return invalid(cx, path, `${name(path)} must be text, not ${describe(v)}`);
}

/** Describes a value for messages. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/**
 * A text: `title: Poster` (in the part's language) or `title: { text: Affiche, lang: fr }`.
 * `lang: ''` marks a text with no language when the part has one.
 */
export function text(cx: Cx, path: YamlPath, v: unknown): Text | undefined {
  if (isObj(v)) {
    checkKeys(cx, path, v, ['text', 'lang'], name(path));
    const value = v.text === undefined ? undefined : str(cx, [...path, 'text'], v.text);
    if (value === undefined) return v.text === undefined ? invalid(cx, path, `${name(path)} needs text:`) : undefined;
    const lang = v.lang === undefined ? cx.lang : str(cx, [...path, 'lang'], v.lang);
    return lang ? { value, lang } : { value };
  }
  const value = str(cx, path, v);
  if (value === undefined) return undefined;
  return cx.lang ? { value, lang: cx.lang } : { value };
}

/** A list of texts (or one text). */
export function texts(cx: Cx, path: YamlPath, v: unknown): Text[] {
  const list = Array.isArray(v) ? v : [v];
  return list.map((x, i) => text(cx, Array.isArray(v) ? [...path, i] : path, x)).filter((x): x is Text => !!x);
}

/**
 * A vocabulary term: `Essay`, or `{ value, lang, source, sourceType }`. Where `imsDefault` is
 * set (date types, status), a bare word is a term of the IMS default vocabulary.
 */
export function term(cx: Cx, path: YamlPath, v: unknown, imsDefault = false): Term | undefined {
  if (isObj(v)) {
    checkKeys(cx, path, v, ['value', 'lang', 'source', 'sourceType'], name(path));
    const value = str(cx, [...path, 'value'], v.value);
    if (value === undefined) return undefined;
    const t: Term = { value };
    for (const k of ['lang', 'source', 'sourceType'] as const) {
      if (v[k] !== undefined) {
        const s = str(cx, [...path, k], v[k]);
        if (s !== undefined) t[k] = s;
      }
    }
    return t;
  }
  const value = str(cx, path, v);
  if (value === undefined) return undefined;
  return imsDefault ? { value, sourceType: 'imsdefault' } : { value };
}

/** A list of strings (or one string). */
export function strings(cx: Cx, path: YamlPath, v: unknown): string[] {
  if (!Array.isArray(v)) {
    const s = str(cx, path, v);
    return s === undefined ? [] : [s];
  }
  return v.map((x, i) => str(cx, [...path, i], x)).filter((x): x is string => x !== undefined);
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

/** Tells whether a string is an ISO 8601 date or date-time that exists (no 2024-02-30). */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, se] = m.map((x) => (x === undefined ? undefined : Number(x)));
  if (mo !== undefined && (mo < 1 || mo > 12)) return false;
  if (d !== undefined) {
    const days = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
    if (d < 1 || d > days) return false;
  }
  if (h !== undefined && (h > 24 || mi! > 59 || (se ?? 0) > 60)) return false;
  return true;
}

/** A date as written (kept as the author wrote it); `2024` unquoted is a number in YAML and is taken as a year; `{ text }` is free text. */
export function date(cx: Cx, path: YamlPath, v: unknown): string | undefined {
  // A date another system wrote as free text ("Sept 2017", Mahara's "2/09/2017"), kept as written.
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { text?: unknown }).text === 'string' && (v as { text: string }).text.trim()) return (v as { text: string }).text.trim();
  const s = typeof v === 'number' && Number.isInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : undefined;
  if (s === undefined || !isIsoDate(s)) {
    cx.bag.add('AuthoredDateInvalid', `${name(path)}: ${describe(v)} is not a date; write it as 2024-05-14 (or 2024-05, 2024, 2024-05-14T14:00:00+02:00)`, cx.y.at(path));
    return undefined;
  }
  return s;
}
