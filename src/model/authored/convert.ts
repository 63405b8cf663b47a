/**
 * Turning plain YAML values of the authored format into model values. The schema check
 * (check.ts, against schema.ts) has already reported every value of the wrong shape, so these
 * converters report nothing about shapes: a value the schema refused is simply not converted.
 * The one thing they check is what a schema cannot say: that a date exists (no 2024-02-30).
 */
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import type { SchemaFindings } from '../../diagnostics/schema-check.ts';
import type { LocatedYaml, YamlPath } from '../../formats/authored/index.ts';
import type { Term, Text } from '../types.ts';

type Obj = Record<string, unknown>;

/** What a reader needs: the located document, what its schema check found, the diagnostics, and the part's default language. */
export interface Cx {
  y: LocatedYaml;
  bag: DiagnosticBag;
  found: SchemaFindings;
  /** Language of texts written without one (the part's `lang:`). */
  lang?: string;
}

/** True for a YAML mapping. */
export const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** Reports a mistake the schema cannot see (a field that belongs to another kind of part, a path outside the portfolio). */
export function invalid(cx: Cx, path: YamlPath, message: string): undefined {
  cx.bag.add('AuthoredValueInvalid', message, cx.y.at(path));
  return undefined;
}

/** A string, or a number/boolean written without quotes (`title: 2024`), as text. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/**
 * A text: `title: Poster` (in the part's language) or `title: { text: Affiche, lang: fr }`.
 * `lang: ''` marks a text with no language when the part has one.
 */
export function text(cx: Cx, v: unknown): Text | undefined {
  if (isObj(v)) {
    const value = str(v.text);
    if (value === undefined) return undefined;
    const lang = v.lang === undefined ? cx.lang : str(v.lang);
    return lang ? { value, lang } : { value };
  }
  const value = str(v);
  if (value === undefined) return undefined;
  return cx.lang ? { value, lang: cx.lang } : { value };
}

/** A list of texts (or one text). */
export function texts(cx: Cx, v: unknown): Text[] {
  return (Array.isArray(v) ? v : [v]).map((x) => text(cx, x)).filter((x): x is Text => !!x);
}

/**
 * A vocabulary term: `Essay`, or `{ value, lang, source, sourceType }`. Where `imsDefault` is
 * set (date types, status), a bare word is a term of the IMS default vocabulary.
 */
export function term(v: unknown, imsDefault = false): Term | undefined {
  if (isObj(v)) {
    const value = str(v.value);
    if (value === undefined) return undefined;
    const t: Term = { value };
    for (const k of ['lang', 'source', 'sourceType'] as const) {
      const s = str(v[k]);
      if (s !== undefined) t[k] = s;
    }
    return t;
  }
  const value = str(v);
  if (value === undefined) return undefined;
  return imsDefault ? { value, sourceType: 'imsdefault' } : { value };
}

/** A list of strings (or one string). */
export function strings(v: unknown): string[] {
  return (Array.isArray(v) ? v : [v]).map(str).filter((x): x is string => x !== undefined);
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
  if (isObj(v)) return typeof v.text === 'string' && v.text.trim() ? v.text.trim() : undefined;
  const s = typeof v === 'number' && Number.isInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : undefined;
  if (s === undefined || !isIsoDate(s)) {
    // The schema checks the form (and has reported a wrong one); only whether the day exists is left.
    if (!cx.found.broken(path)) cx.bag.add('AuthoredDateInvalid', `${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')}: "${String(v)}" is not a date that exists; write it as 2024-05-14 (or 2024-05, 2024, 2024-05-14T14:00:00+02:00)`, cx.y.at(path));
    return undefined;
  }
  return s;
}
