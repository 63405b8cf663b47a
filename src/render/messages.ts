/** The theme's words, one messages file per language, falling back to English key by key. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Loads the messages for a BCP 47 language from the template folders (user folders first). */
export function loadMessages(lang: string, folders: string[]): Record<string, string> {
  const base = lang.toLowerCase().split('-')[0]!;
  const merged: Record<string, string> = {};
  // Least specific first, so later reads win: English defaults, then the language, then the region.
  for (const name of ['en', base, lang.toLowerCase()]) {
    for (const dir of [...folders].reverse()) {
      const file = join(dir, 'messages', `${name}.json`);
      if (existsSync(file)) Object.assign(merged, JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
    }
  }
  return merged;
}

/** Formats an ISO date for a language without shifting it across time zones (the date as written). */
export function formatDate(iso: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  if (Number.isNaN(date.getTime())) return iso;
  try {
    const opts: Intl.DateTimeFormatOptions = d ? { dateStyle: 'long', timeZone: 'UTC' } : { year: 'numeric', month: 'long', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(lang, opts).format(date);
  } catch {
    return iso;
  }
}

/** Formats a byte count for people. */
export function formatBytes(n: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: i ? 1 : 0 }).format(v)} ${units[i]}`;
}
