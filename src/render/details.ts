/**
 * Kind-specific details for part pages, read from the part's neutral fields: the person of an
 * identification, a qualification's awarding body and level, a rubric's criteria and outcomes,
 * and the labelled facts a format gave (an activity's units and scores, an affiliation's roles).
 * Everything becomes labelled rows (or rubric data) in the view's language that a template can
 * print. Nothing here knows which format the part came from.
 */
import type { Address, Fact, Part, PersonName, Rubric, Text } from '../model/types.ts';
import type { DetailRow, RubricData, RubricDimension, RubricLevel, RubricOutcome, RubricText } from './types.ts';

type T = (key: string, fallback?: string) => string;

/** A word of an IMS vocabulary (Preferred, MinScore, Active...) in the view's language, else as written. */
export function term(t: T, value: string | undefined): string | undefined {
  return value === undefined ? undefined : t(`term.${value.toLowerCase().replace(/[^a-z0-9]/g, '')}`, value);
}

/** Primary language subtags match ('en' ~ 'en-GB'). */
export function sameLang(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase().split('-')[0] === b.toLowerCase().split('-')[0];
}

/**
 * A text in the view's language: of the text and its translations, the one in `lang` (exact,
 * else the same primary language), else the first. `lang` of the result is set only when it
 * differs from the view's.
 */
export function pickText(text: Text | undefined, lang: string): RubricText | undefined {
  if (!text) return undefined;
  const all = [text, ...(text.translations ?? [])];
  const pick = all.find((s) => s.lang?.toLowerCase() === lang.toLowerCase()) ?? all.find((s) => sameLang(s.lang, lang)) ?? all[0]!;
  if (!pick.value) return undefined;
  return { text: pick.value, ...(pick.lang && !sameLang(pick.lang, lang) ? { lang: pick.lang } : {}) };
}

/** An address as one line, for pages. */
function addressLine(a: Address): string {
  const line1 = [a.unfielded, a.street].filter(Boolean).join(' ');
  return [a.pobox, a.apartment, line1, a.locality, [a.postcode, a.city].filter(Boolean).join(' '), a.state, a.region, a.country, a.text].filter(Boolean).join(', ');
}

const nameParts = (n: PersonName): string[] => (n.parts ?? []).map((p) => p.value);

/** The name to show for an identification: a formatted name, else the name parts joined. */
export function identificationName(part: Part): string | undefined {
  const names = part.person?.names ?? [];
  const full = names.find((n) => n.full)?.full;
  if (full) return full;
  for (const n of names) {
    const parts = nameParts(n).filter(Boolean);
    if (parts.length) return parts.join(' ');
    const joined = [n.prefix, n.given, ...(n.other ?? []), n.family, n.suffix].filter(Boolean).join(' ');
    if (joined) return joined;
  }
  return undefined;
}

const CONTACT_FIELD: Record<string, string> = { email: 'email', web: 'web', phone: 'telephone', mobile: 'mobile', fax: 'facsimile', pager: 'pager', im: 'im', other: 'contact' };

function identificationRows(part: Part, t: T): DetailRow[] {
  const p = part.person;
  if (!p) return [];
  const rows: DetailRow[] = [];
  for (const n of p.names) {
    if (n.full) rows.push({ key: 'name', label: t('field.name'), value: n.full, note: term(t, n.type) } as DetailRow);
    else if (n.parts) {
      const parts = n.parts.map((x) => ({ key: 'namepart', label: term(t, x.type) ?? '', value: x.value }));
      rows.push({ key: 'name', label: t('field.name'), value: parts.map((x) => x.value).join(' '), note: term(t, n.type), rows: parts } as DetailRow);
    } else {
      const joined = [n.prefix, n.given, ...(n.other ?? []), n.family, n.suffix].filter(Boolean).join(' ');
      if (joined) rows.push({ key: 'name', label: t('field.name'), value: joined, note: term(t, n.type) } as DetailRow);
    }
  }
  for (const a of p.addresses) rows.push({ key: 'address', label: t('field.address'), value: addressLine(a), note: term(t, a.label) } as DetailRow);
  for (const c of p.contacts) {
    const el = CONTACT_FIELD[c.kind] ?? c.kind;
    const base = { key: el, label: t(`field.${el}`, el), note: term(t, c.label) };
    if (c.kind === 'email') rows.push({ ...base, value: c.value, ...mailHref(c.value) } as DetailRow);
    else if (c.kind === 'web') rows.push({ ...base, value: c.value, ...webHref(c.value) } as DetailRow);
    else rows.push({ ...base, value: c.value, href: c.kind === 'phone' || c.kind === 'mobile' ? `tel:${c.value.replace(/[^+\d]/g, '')}` : undefined } as DetailRow);
  }
  if (p.gender) rows.push({ key: 'gender', label: t('field.gender'), value: t(`gender.${p.gender.trim().toLowerCase()}`, p.gender) }); // a code (M/F, Mahara's male/female) as a word
  if (p.birthPlace) rows.push({ key: 'placeofbirth', label: t('field.placeofbirth'), value: p.birthPlace });
  for (const id of p.identifiers ?? []) if (id.kind === 'agent') rows.push({ key: 'agent', label: t('field.agent'), value: [id.value, id.domain].filter(Boolean).join(', ') });
  return rows.map(clean);
}

/** Labels of facts whose key names no field of their own. */
const FALLBACK_FIELD: Record<string, string> = { key: 'keyfields' };

function factRow(f: Fact, t: T): DetailRow {
  const label = f.label === undefined || (f.label === '' && FALLBACK_FIELD[f.key]) ? t(`field.${FALLBACK_FIELD[f.key] ?? f.key}`, f.key) : f.label === '' ? '' : (term(t, f.label) ?? '');
  const inline = f.inline ? (f.facts ?? []).map((x) => `${x.label ? (term(t, x.label) ?? '') : ''} ${x.value}`.trim()).join(', ') : '';
  const value = f.inline ? [term(t, f.valueTerm), f.value, inline].filter(Boolean).join(': ') : f.value;
  const row: DetailRow = { key: f.key, label, value };
  if (f.note) row.note = term(t, f.note);
  if (f.link === 'email') Object.assign(row, mailHref(f.value));
  if (f.link === 'web') Object.assign(row, webHref(f.value));
  if (!f.inline && f.facts?.length) row.rows = f.facts.map((x) => factRow(x, t));
  return row;
}

/** Labelled detail rows for a part, by kind, in the view's language. */
export function detailRows(part: Part, t: T): DetailRow[] {
  const row = (key: string, value: string | undefined, label = t(`field.${key}`)): DetailRow => ({ key, label, value: value ?? '' });
  if (part.kind === 'identification') return identificationRows(part, t);
  if (part.kind === 'qcl') {
    const q = part.qualification ?? {};
    return [row('organization', q.awardingBody, t('field.awardedBy')), row('level', q.level), row('registrationno', q.registrationNo)].filter((x) => x.value);
  }
  // A fact shown inline with nothing to show (an empty accessibility preference) is left out.
  return (part.facts ?? []).flatMap((f) => {
    const r = clean(factRow(f, t));
    return f.inline && !r.value ? [] : [r];
  });
}

/** The title of a rubric in the view's language. */
export function rubricTitle(part: Part, lang: string): RubricText | undefined {
  return pickText(part.rubric?.title, lang);
}

/** A rubric as display data: dimensions (sub-dimensions after their parent) with their levels, and the overall outcomes with their rules in words. */
export function rubricData(part: Part, t: T, lang: string): RubricData | undefined {
  const r: Rubric | undefined = part.rubric;
  if (!r) return undefined;
  const text = (e: Text | undefined) => pickText(e, lang);
  const named = new Map<string, string>();
  const dimensions: RubricDimension[] = [];
  const walk = (dims: Rubric['dimensions'], depth: number, prefix: string, parentTitle?: string) => {
    dims.forEach((d, i) => {
      const id = `${prefix}-${i + 1}`;
      const title = text(d.title) ?? { text: d.identifier ?? id };
      const levels: RubricLevel[] = d.levels.map((o) => {
        const statements = o.statements.map(text).filter((x): x is RubricText => !!x);
        const level: RubricLevel = { title: text(o.title) ?? { text: o.identifier ?? '' }, statements };
        const description = text(o.description);
        if (description) level.description = description;
        if (o.identifier) named.set(o.identifier, `${parentTitle ? `${parentTitle} › ` : ''}${title.text}: ${level.title.text}`);
        return level;
      });
      const dim: RubricDimension = { id, depth, title, levels };
      const description = text(d.description);
      if (description) dim.description = description;
      if (d.identifier) named.set(d.identifier, title.text);
      dimensions.push(dim);
      walk(d.dimensions, depth + 1, id, title.text);
    });
  };
  walk(r.dimensions, 0, 'dim');
  const outcomes: RubricOutcome[] = r.outcomes.map((o) => {
    const rules: string[] = [];
    for (const rule of o.rules) {
      if (rule.totalScore) rules.push(t('rubric.rule.total').replace('{n}', rule.totalScore));
      if (rule.criteriaRequired !== undefined) {
        const names = (rule.criteria ?? []).map((id) => named.get(id) ?? id);
        const more = (rule.criteriaText ?? []).map(text).filter(Boolean).map((x) => x!.text);
        rules.push(t('rubric.rule.criteria').replace('{n}', rule.criteriaRequired).replace('{list}', [...names, ...more].join('; ')));
      }
      if (rule.complex) rules.push(t('rubric.rule.complex'));
    }
    const out: RubricOutcome = { title: text(o.title) ?? { text: o.identifier ?? '' }, rules };
    const description = text(o.description);
    if (description) out.description = description;
    return out;
  });
  if (!dimensions.length && !outcomes.length) return undefined;
  const data: RubricData = { dimensions, outcomes, maxLevels: Math.max(0, ...dimensions.map((d) => d.levels.length)) };
  const description = text(r.description);
  if (description) data.description = description;
  return data;
}

/**
 * A link for a web address only when it is http(s): a `javascript:` or `data:` URL written in a
 * contact field would run in the reader's browser, so it is shown as text and never linked.
 */
export function webHref(url: string | undefined): { href?: string } {
  return url && /^https?:\/\/[^\s]+$/i.test(url.trim()) ? { href: url.trim() } : {};
}

/** A mailto link only for something shaped like an e-mail address. */
export function mailHref(address: string | undefined): { href?: string } {
  return address && /^[^\s@<>"']+@[^\s@<>"']+$/.test(address.trim()) ? { href: `mailto:${address.trim()}` } : {};
}

function clean(row: DetailRow): DetailRow {
  const out: DetailRow = { ...(row.key ? { key: row.key } : {}), label: row.label, value: row.value };
  if (row.note) out.note = row.note;
  if (row.href) out.href = row.href;
  if (row.rows?.length) out.rows = row.rows.map(clean);
  return out;
}
