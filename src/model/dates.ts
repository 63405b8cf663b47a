/**
 * One reading of dates for every format. A date is kept as the source wrote it (`PartDate.value`,
 * `Person.birthDate`, `Qualification.date`); this module says what it means: an exact partial
 * date (`2014`, `2014-06`, `2014-06-30`, a timestamp with or without zone) or free text as
 * written (Mahara's "Sept 2017", "2/09/2017"), which is never guessed at. Pages show dates only
 * through `displayWhen` (never a raw ISO timestamp) and sort them only with `compareWhen`.
 */

/** What a written date means: exact to some precision, or free text. */
export type When =
  | { kind: 'exact'; precision: 'year' | 'month' | 'day' | 'time'; year: number; month?: number; day?: number; /** `YYYY[-MM[-DD]]`, safe for a `datetime` attribute. */ iso: string }
  | { kind: 'text'; text: string };

const EXACT = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** Reads a date as written: exact when it is ISO 8601 (partial allowed) and a real calendar date, else free text. */
export function parseWhen(written: string): When {
  const text = written.trim();
  const m = EXACT.exec(text);
  if (!m) return { kind: 'text', text };
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return { kind: 'text', text };
  if (day !== undefined) {
    const d = new Date(Date.UTC(year, month! - 1, day));
    if (d.getUTCMonth() !== month! - 1 || d.getUTCDate() !== day) return { kind: 'text', text };
  }
  const precision = m[4] ? 'time' : day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  // A timestamp is shown and sorted by the calendar date its writer wrote, not shifted by zone.
  const iso = [m[1], m[2], m[3]].filter(Boolean).join('-');
  return { kind: 'exact', precision, year, ...(month ? { month } : {}), ...(day ? { day } : {}), iso };
}

/** Formatters for one language, made once per view (building Intl formatters is costly). */
export interface DateFormatters {
  day: Intl.DateTimeFormat;
  month: Intl.DateTimeFormat;
}

/** Date formatters for a BCP 47 language (UTC, so a date never moves across zones); English when Intl rejects the tag. */
export function dateFormatters(lang: string): DateFormatters {
  try {
    return { day: new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }), month: new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }) };
  } catch {
    return dateFormatters('en');
  }
}

/** The one display rule: exact dates in the reader's words at their precision (a timestamp as its day); free text as written. */
export function displayWhen(when: When, f: DateFormatters): string {
  if (when.kind === 'text') return when.text;
  if (when.month === undefined) return String(when.year);
  const date = new Date(Date.UTC(when.year, when.month - 1, when.day ?? 1));
  return (when.day === undefined ? f.month : f.day).format(date);
}

/** The `datetime` attribute for a date: only for exact dates, never for free text. */
export function machineWhen(when: When): string | undefined {
  return when.kind === 'exact' ? when.iso : undefined;
}

/**
 * The one sort rule, newest first: exact dates by their calendar value (a year sorts as its
 * start, so `2014-06` comes before `2014`), then free-text dates in the order given, then
 * undated. Stable sorts keep the source order among equals.
 */
export function compareWhen(a: When | undefined, b: When | undefined): number {
  const rank = (w: When | undefined) => (!w ? 2 : w.kind === 'text' ? 1 : 0);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb || ra !== 0) return ra - rb;
  const key = (w: Extract<When, { kind: 'exact' }>) => w.year * 10000 + (w.month ?? 0) * 100 + (w.day ?? 0);
  return key(b as Extract<When, { kind: 'exact' }>) - key(a as Extract<When, { kind: 'exact' }>);
}
