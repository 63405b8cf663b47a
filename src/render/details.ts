/**
 * Kind-specific details for part pages, read from the typed IMS record: names and contact
 * details of an identification, scores of an evaluation, a qualification's level and awarding
 * body, a rubric's dimensions, levels and outcomes. Everything becomes labelled rows (or rubric
 * data) in the view's language that a template can print.
 */
import type { Part } from '../model/types.ts';
import type { XmlNode } from '../formats/xml/tree.ts';
import type { DetailRow, RubricData, RubricDimension, RubricLevel, RubricOutcome, RubricText } from './types.ts';

type Obj = Record<string, unknown>;
type T = (key: string, fallback?: string) => string;

const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v || undefined;
  if (v && typeof v === 'object' && typeof (v as Obj).value === 'string') return ((v as Obj).value as string) || undefined;
  return undefined;
};
const typeValue = (v: unknown): string | undefined => str((v as { value?: unknown } | undefined)?.value);
const descShort = (v: unknown): string | undefined => str((v as { short?: unknown } | undefined)?.short);
const items = (r: Obj): { el: string; value: Obj }[] => (Array.isArray(r.items) ? (r.items as { el: string; value: Obj }[]) : []);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** A word of an IMS vocabulary (Preferred, MinScore, Active...) in the view's language, else as written. */
export function term(t: T, value: string | undefined): string | undefined {
  return value === undefined ? undefined : t(`term.${value.toLowerCase().replace(/[^a-z0-9]/g, '')}`, value);
}

const fields = (v: unknown, t: T): DetailRow[] =>
  list(v).map((f) => ({ key: 'field', label: term(t, typeValue((f.label as Obj | undefined)?.typename)) ?? '', value: String(f.data ?? '') }));

/** Primary language subtags match ('en' ~ 'en-GB'). */
export function sameLang(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase().split('-')[0] === b.toLowerCase().split('-')[0];
}

function nodeText(n: XmlNode): string {
  return n.type === 'text' ? n.text : n.children.map(nodeText).join(' ');
}

/**
 * Text of an RDCEO-style element: of its `langstring`s, the one in `lang` (exact, else the same
 * primary language), else the first; without langstrings, its text. `lang` of the result is the
 * chosen langstring's `xml:lang`.
 */
export function langText(e: unknown, lang: string): RubricText | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const node = e as XmlNode;
  if (node.type === 'text') return node.text.trim() ? { text: node.text.trim() } : undefined;
  if (node.type !== 'element') return undefined;
  const strings = node.children.filter((c) => c.type === 'element' && c.name === 'langstring') as Extract<XmlNode, { type: 'element' }>[];
  if (!strings.length) {
    // A wrapper (statement → statementtext → langstring): look one level down, else plain text.
    for (const c of node.children) if (c.type === 'element' && c.children.some((g) => g.type === 'element' && g.name === 'langstring')) return langText(c, lang);
    const text = nodeText(node).replace(/\s+/g, ' ').trim();
    return text ? { text } : undefined;
  }
  const langOf = (s: (typeof strings)[number]) => s.attrs.find((a) => a.name === 'lang')?.value;
  const pick = strings.find((s) => langOf(s)?.toLowerCase() === lang.toLowerCase()) ?? strings.find((s) => sameLang(langOf(s), lang)) ?? strings[0]!;
  const text = nodeText(pick).replace(/\s+/g, ' ').trim();
  const l = langOf(pick);
  return text ? { text, ...(l && !sameLang(l, lang) ? { lang: l } : {}) } : undefined;
}

/** Plain text of an RDCEO-style element in the view's language (see langText). */
export function elementText(e: unknown, lang: string): string | undefined {
  return langText(e, lang)?.text;
}

function phone(v: Obj): string {
  return [v.countrycode ? `+${String(v.countrycode)}` : '', v.areacode, v.indnumber, v.extnumber ? `ext. ${String(v.extnumber)}` : '']
    .filter(Boolean)
    .join(' ');
}

function address(v: Obj): string {
  const street = (v.street ?? {}) as Obj;
  const s = (k: string) => str(street[k]);
  const apartment = [s('apttype'), s('aptnumber'), s('aptnumsuffix')].filter(Boolean).join(' ');
  const line1 = [s('nonfieldedstreetaddress'), s('complex'), s('streetnumber'), s('streetprefix'), s('streetname'), s('streetype'), s('streetsuffix')].filter(Boolean).join(' ');
  return [str(v.pobox), apartment, line1, str(v.locality), [str(v.postcode), str(v.city)].filter(Boolean).join(' '), str(v.statepr), str(v.region), str(v.country)]
    .filter(Boolean)
    .join(', ');
}

/** The name to show for an identification: a formatted name, else the name parts joined. */
export function identificationName(part: Part): string | undefined {
  const r = (part.ims?.record ?? {}) as Obj;
  for (const it of items(r)) if (it.el === 'formname') return str(it.value.text);
  for (const it of items(r)) {
    if (it.el !== 'name') continue;
    const names = list(it.value.partnames).map((p) => str(p.text)).filter(Boolean);
    if (names.length) return names.join(' ');
  }
  return undefined;
}

function identificationRows(r: Obj, t: T): DetailRow[] {
  const rows: DetailRow[] = [];
  const note = (v: Obj) => term(t, typeValue(v.typename));
  for (const { el, value: v } of items(r)) {
    if (el === 'formname' && str(v.text)) rows.push({ key: 'name', label: t('field.name'), value: str(v.text)!, note: note(v) } as DetailRow);
    if (el === 'name') {
      const parts = list(v.partnames).map((p) => ({ key: 'namepart', label: term(t, typeValue(p.typename)) ?? '', value: str(p.text) ?? '' }));
      rows.push({ key: 'name', label: t('field.name'), value: parts.map((p) => p.value).join(' '), note: note(v), rows: parts } as DetailRow);
    }
    if (el === 'address') rows.push({ key: 'address', label: t('field.address'), value: address(v), note: note(v) } as DetailRow);
    if (el === 'contactinfo') {
      for (const c of items(v)) {
        const base = { key: c.el, label: t(`field.${c.el}`, c.el), note: note(v) };
        if (c.el === 'email') rows.push({ ...base, value: String(c.value), ...mailHref(String(c.value)) } as DetailRow);
        else if (c.el === 'web') rows.push({ ...base, value: String(c.value), ...webHref(String(c.value)) } as DetailRow);
        else rows.push({ ...base, value: phone(c.value), href: c.el === 'telephone' || c.el === 'mobile' ? `tel:${phone(c.value).replace(/[^+\d]/g, '')}` : undefined } as DetailRow);
      }
    }
    if (el === 'demographics') {
      const g = (v.gender as Obj | undefined)?.gender;
      // A code (IMS `M`/`F`, Mahara's `male`/`female`) is shown as a word in the view's language.
      if (g) rows.push({ key: 'gender', label: t('field.gender'), value: t(`gender.${String(g).trim().toLowerCase()}`, String(g)) });
      if (str(v.placeofbirth)) rows.push({ key: 'placeofbirth', label: t('field.placeofbirth'), value: str(v.placeofbirth)! });
    }
    if (el === 'agent') rows.push({ key: 'agent', label: t('field.agent'), value: [String(v.agentid ?? ''), typeValue((v.agentdomain as Obj | undefined)?.typename)].filter(Boolean).join(', ') });
  }
  return rows.map(clean);
}

function evaluationRows(v: Obj, t: T): DetailRow {
  const scores: DetailRow[] = [];
  const walk = (res: Obj) => {
    for (const it of items(res)) {
      if (it.el === 'result') walk(it.value);
      else scores.push({ key: 'score', label: term(t, typeValue((it.value.label as Obj | undefined)?.typename)) ?? it.el, value: String(it.value.data ?? '') });
    }
  };
  for (const res of list(v.results)) walk(res);
  return { key: 'evaluation', label: term(t, typeValue(v.typename)) ?? t('field.evaluation'), value: descShort(v.description) ?? '', rows: scores };
}

function activityRows(r: Obj, t: T): DetailRow[] {
  const rows: DetailRow[] = [];
  const units = fields((r.units as Obj | undefined)?.fields, t);
  if (units.length) rows.push({ key: 'units', label: t('field.units'), value: '', rows: units });
  for (const { el, value: v } of items(r)) {
    if (el === 'learningactivityref') {
      for (const x of items(v)) rows.push({ key: 'learningactivityref', label: t('field.learningactivityref'), value: x.el === 'text' ? (str(x.value) ?? '') : String(x.value.id ?? '') });
    }
    if (el === 'definition') rows.push({ key: 'definition', label: term(t, typeValue(v.typename)) ?? t('field.definition'), value: descShort(v.description) ?? '', rows: fields(v.fields, t) });
    if (el === 'evaluation') rows.push(evaluationRows(v, t));
  }
  return rows.map(clean);
}

function levelText(v: unknown): string | undefined {
  const parts: string[] = [];
  let cur = v as Obj | undefined;
  while (cur) {
    const s = str(cur.text);
    if (s) parts.push(s);
    cur = cur.level as Obj | undefined;
  }
  return parts.length ? parts.join(' — ') : undefined;
}

function exrefRows(v: unknown, t: T): DetailRow[] {
  const x = v as Obj | undefined;
  if (!x) return [];
  const fmt = (f: unknown) => str((f as Obj | undefined)?.value) ?? str((f as Obj | undefined)?.uri as string);
  return [{ key: 'record', label: t('field.record'), value: [fmt(x.recformat), fmt(x.recdata)].filter(Boolean).join(' · ') }];
}

/** Labelled detail rows for a part, by kind, in the view's language. */
export function detailRows(part: Part, t: T): DetailRow[] {
  const r = (part.ims?.record ?? {}) as Obj;
  const row = (key: string, value: string | undefined, label = t(`field.${key}`)): DetailRow => ({ key, label, value: value ?? '' });
  switch (part.kind) {
    case 'identification':
      return identificationRows(r, t);
    case 'activity':
      return activityRows(r, t);
    case 'qcl':
      return [row('organization', descShort((r.organization as Obj | undefined)?.description), t('field.awardedBy')), row('level', levelText(r.level)), row('registrationno', str(r.registrationno))].filter((x) => x.value);
    case 'affiliation': {
      const rows: DetailRow[] = [row('organization', descShort((r.organization as Obj | undefined)?.description)), row('classification', str(r.classification)), row('affiliationid', str(r.affiliationid))];
      for (const role of list(r.roles)) rows.push({ ...row('role', descShort(role.description) ?? term(t, typeValue(role.typename))), ...(descShort(role.description) && typeValue(role.typename) ? { note: term(t, typeValue(role.typename))! } : {}) });
      return rows.filter((x) => x.value);
    }
    case 'competency':
    case 'transcript':
      return exrefRows(r.exrefrecord, t).filter((x) => x.value);
    case 'accessibility':
      return items(r)
        .map(({ el, value: v }) => ({
          key: el,
          label: t(`field.${el}`, el),
          value: [term(t, typeValue(v.typename)), str(v.prefcode), list(v.proficiencies).map((p) => `${term(t, String(p.profmode ?? '')) ?? ''} ${String(p.value ?? '')}`.trim()).join(', ')].filter(Boolean).join(': '),
        }))
        .filter((x) => x.value);
    case 'securitykey':
      return fields(r.keyfields, t).map((f) => ({ ...f, key: 'key', label: f.label || t('field.keyfields') }));
    case 'participation': {
      const g = (r.group ?? {}) as Obj;
      const d = (g.description ?? {}) as Obj;
      return [
        row('group', [str(d.short), str(d.long)].filter(Boolean).join(' — ')),
        { ...row('email', str(g.email)), ...mailHref(str(g.email)) },
        { ...row('web', str(g.url)), ...webHref(str(g.url)) },
      ].filter((x) => x.value);
    }
    default:
      return [];
  }
}

/** The title of a rubric in the view's language. */
export function rubricTitle(part: Part, lang: string): RubricText | undefined {
  return langText(((part.ims?.record ?? {}) as Obj).title, lang);
}

/** A rubric as display data: dimensions (sub-dimensions after their parent) with their levels, and the overall outcomes with their rules in words. */
export function rubricData(part: Part, t: T, lang: string): RubricData | undefined {
  const r = (part.ims?.record ?? {}) as Obj;
  const text = (e: unknown) => langText(e, lang);
  const first = (es: unknown) => list(es).map(text).find(Boolean);
  const named = new Map<string, string>();
  const dimensions: RubricDimension[] = [];
  const walk = (dims: Obj[], depth: number, prefix: string, parentTitle?: string) => {
    dims.forEach((d, i) => {
      const id = `${prefix}-${i + 1}`;
      const title = text(d.title) ?? { text: String(d.identifier ?? id) };
      const levels: RubricLevel[] = list(d.outcomes).map((o) => {
        const statements = list(o.definitions).flatMap((def) => ((def as { children?: XmlNode[] }).children ?? []).filter((c) => c.type === 'element' && c.name === 'statement').map(text).filter((x): x is RubricText => !!x));
        const level: RubricLevel = { title: text(o.title) ?? { text: String(o.identifier ?? '') }, statements };
        const description = first(o.descriptions);
        if (description) level.description = description;
        if (o.identifier) named.set(String(o.identifier), `${parentTitle ? `${parentTitle} › ` : ''}${title.text}: ${level.title.text}`);
        return level;
      });
      const dim: RubricDimension = { id, depth, title, levels };
      const description = first(d.descriptions);
      if (description) dim.description = description;
      if (d.identifier) named.set(String(d.identifier), title.text);
      dimensions.push(dim);
      walk(list(d.dimensions), depth + 1, id, title.text);
    });
  };
  walk(list(r.dimensions), 0, 'dim');
  const outcomes: RubricOutcome[] = list(r.outcomes).map((o) => {
    const rules: string[] = [];
    for (const rule of list(o.rules)) {
      if (rule.requiresTotalScore) rules.push(t('rubric.rule.total').replace('{n}', String(rule.requiresTotalScore)));
      const c = rule.requiresCriteria as Obj | undefined;
      if (c) {
        const names = ((c.includeCriteria ?? []) as string[]).map((id) => named.get(id) ?? id);
        const more = list(c.criteria).map(text).filter(Boolean).map((x) => x!.text);
        rules.push(t('rubric.rule.criteria').replace('{n}', String(c.criteriaAtNumberRequired ?? '1')).replace('{list}', [...names, ...more].join('; ')));
      }
      if (rule.requiresComplex) rules.push(t('rubric.rule.complex'));
    }
    const out: RubricOutcome = { title: text(o.title) ?? { text: String(o.identifier ?? '') }, rules };
    const description = first(o.descriptions);
    if (description) out.description = description;
    return out;
  });
  if (!dimensions.length && !outcomes.length) return undefined;
  const data: RubricData = { dimensions, outcomes, maxLevels: Math.max(0, ...dimensions.map((d) => d.levels.length)) };
  const description = first(r.descriptions);
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
function mailHref(address: string | undefined): { href?: string } {
  return address && /^[^\s@<>"']+@[^\s@<>"']+$/.test(address.trim()) ? { href: `mailto:${address.trim()}` } : {};
}

function clean(row: DetailRow): DetailRow {
  const out: DetailRow = { ...(row.key ? { key: row.key } : {}), label: row.label, value: row.value };
  if (row.note) out.note = row.note;
  if (row.href) out.href = row.href;
  if (row.rows?.length) out.rows = row.rows.map(clean);
  return out;
}
