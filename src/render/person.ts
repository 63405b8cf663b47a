/**
 * The owner as every theme shows them: name, headline, summary, portrait and contacts. Read
 * through one accessor so that templates do not care where they came from: the neutral
 * `part.person` when a reader filled it, else the identification's IMS detail and its own
 * fields (title, description, first image) as before.
 */
import type { Part } from '../model/types.ts';
import { sanitizeRichText, isRichHtml } from '../model/sanitize.ts';
import { identificationName, mailHref, webHref } from './details.ts';
import type { MediaData, PartData, PersonData } from './types.ts';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The person data of a view's owner. `part` is the identification as the plan holds it, `data`
 * its PartData (media already resolved to image variants), `t` the view's words.
 */
export function personData(part: Part, data: PartData, t: (key: string, fallback?: string) => string): PersonData {
  const p = part.person;
  const name = p?.names.find((n) => n.full)?.full ?? identificationName(part) ?? part.title?.value ?? data.title;
  const out: PersonData = { name, contacts: [] };
  const nameLang = p?.names.find((n) => n.full)?.lang;
  if (nameLang) out.nameLang = nameLang;
  // A `title:` on the identification is the owner's headline, never a replacement for the name.
  const written = part.title?.value ?? part.description?.short?.value;
  const headline = p?.headline?.value ?? (written && written !== name ? written : undefined);
  if (headline) out.headline = headline;
  const headlineLang = p?.headline?.value ? p.headline.lang : (part.title ?? part.description?.short)?.lang ?? data.lang;
  if (headline && headlineLang) out.headlineLang = headlineLang;
  const summary = p?.summary?.value;
  if (summary) out.summary = isRichHtml(summary) ? sanitizeRichText(summary).html : summary.split(/\n\s*\n/).map((s) => `<p>${escape(s.trim())}</p>`).join('');
  else if (data.html) out.summary = data.html;
  else if (data.paragraphs.length) out.summary = data.paragraphs.map((s) => `<p>${escape(s)}</p>`).join('');
  const images = data.media.filter((m) => m.kind === 'image');
  const photo: MediaData | undefined = (p?.photo && images.find((m) => m.path === p.photo)) || images[0];
  if (photo) out.photo = photo;
  if (p && (p.contacts.length || p.webLinks.length)) {
    for (const c of p.contacts) {
      const kind = c.kind === 'mobile' ? 'phone' : c.kind;
      const href = kind === 'email' ? mailHref(c.value).href : kind === 'web' ? webHref(c.value).href : kind === 'phone' ? `tel:${c.value.replace(/[^+\d]/g, '')}` : undefined;
      out.contacts.push({ kind, label: t(`field.${kind === 'phone' ? 'telephone' : kind}`, c.label ?? kind), value: c.value, ...(href ? { href } : {}) });
    }
    for (const w of p.webLinks) {
      const href = webHref(w.url).href;
      if (!href && !w.username) continue;
      out.contacts.push({ kind: 'web', label: w.network ?? w.label ?? t('field.web'), value: w.username ?? w.url!.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, ''), ...(href ? { href } : {}) });
    }
  } else {
    for (const row of data.details) {
      if (row.key !== 'email' && row.key !== 'web' && row.key !== 'telephone') continue;
      const kind = row.key === 'telephone' ? 'phone' : row.key;
      out.contacts.push({ kind, label: row.label, value: row.key === 'web' ? row.value.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '') : row.value, ...(row.href ? { href: row.href } : {}) });
    }
  }
  const place = p?.addresses.find((a) => a.city || a.locality);
  const city = place?.city ?? place?.locality ?? data.details.find((r) => r.key === 'address')?.rows?.find((r) => r.key === 'city')?.value;
  if (city) out.location = [city, place?.country].filter(Boolean).join(', ');
  return out;
}
