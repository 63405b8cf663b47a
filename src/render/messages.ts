/** The theme's words, one messages file per language, falling back to English key by key. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Loads the messages for a BCP 47 language from the template folders (user folders first). */
export function loadMessages(lang: string, folders: string[]): Record<string, string> {
  const base = lang.toLowerCase().split('-')[0]!;
  // No prototype: a `__proto__` key in a messages file is then a word like any other.
  const merged: Record<string, string> = Object.create(null) as Record<string, string>;
  // Least specific first, so later reads win: English defaults, then the language, then the region.
  for (const name of ['en', base, lang.toLowerCase()]) {
    for (const dir of [...folders].reverse()) {
      const file = join(dir, 'messages', `${name}.json`);
      if (existsSync(file)) for (const [k, v] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)) merged[k] = v;
    }
  }
  return merged;
}

/**
 * Date and size formatters for one language. Building an Intl formatter costs far more than
 * using one (a 1,000-part build spent 0.4 s constructing them per date), so a view makes one
 * set and reuses it; nothing is cached beyond the view that asked.
 */
export function createFormatters(lang: string): { date(iso: string): string; bytes(n: number): string } {
  // Made on first use: a view with no dates builds no date formatter.
  let day: Intl.DateTimeFormat | undefined;
  let month: Intl.DateTimeFormat | undefined;
  let numbers: [Intl.NumberFormat, Intl.NumberFormat] | undefined;
  const dateFormat = (fullDate: boolean): Intl.DateTimeFormat =>
    fullDate
      ? (day ??= new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }))
      : (month ??= new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }));
  return {
    date: (iso) => formatDate(iso, dateFormat),
    bytes: (n) => formatBytes(n, (numbers ??= [new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }), new Intl.NumberFormat(lang, { maximumFractionDigits: 1 })])),
  };
}

/** Formats an ISO date without shifting it across time zones (the date as written); anything else as is. */
function formatDate(iso: string, formatter: (fullDate: boolean) => Intl.DateTimeFormat): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return formatter(!!d).format(date);
  } catch {
    return iso; // a language tag Intl rejects
  }
}

/** Formats a byte count for people, with a formatter for whole and for one-decimal numbers. */
function formatBytes(n: number, numbers: [Intl.NumberFormat, Intl.NumberFormat]): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${numbers[i ? 1 : 0].format(v)} ${units[i]}`;
}
