/**
 * Kind-specific details for part pages, read from the typed IMS record: names and contact
 * details of an identification, scores of an evaluation, a qualification's level and awarding
 * body, a rubric's grid. Everything becomes labelled rows a template can print.
 */
import type { Part } from '../model/types.ts';
import type { DetailRow, PartData } from './types.ts';

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
const fields = (v: unknown): DetailRow[] =>
  (Array.isArray(v) ? (v as Obj[]) : []).map((f) => ({
    label: typeValue((f.label as Obj | undefined)?.typename) ?? '',
    value: String(f.data ?? ''),
  }));

/** Text of an RDCEO-style element (langstring children), for rubric titles and descriptions. */
export function elementText(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const node = e as { type?: string; text?: string; children?: unknown[] };
  if (node.type === 'text') return node.text;
  const parts = (node.children ?? []).map(elementText).filter(Boolean);
  return parts.length ? parts.join(' ').trim() : undefined;
}

function phone(v: Obj): string {
  return [v.countrycode ? `+${String(v.countrycode)}` : '', v.areacode, v.indnumber, v.extnumber ? `ext. ${String(v.extnumber)}` : '']
    .filter(Boolean)
    .join(' ');
}

function address(v: Obj): string {
  const street = (v.street ?? {}) as Obj;
  const line1 = ['nonfieldedstreetaddress', 'complex', 'aptnumber', 'aptnumsuffix', 'streetnumber', 'streetprefix', 'streetname', 'streetype', 'streetsuffix']
    .map((k) => str(street[k]))
    .filter(Boolean)
    .join(' ');
  return [str(v.pobox), line1, str(v.locality), [str(v.postcode), str(v.city)].filter(Boolean).join(' '), str(v.statepr), str(v.region), str(v.country)]
    .filter(Boolean)
    .join(', ');
}

/** The name to show for an identification: a formatted name, else the name parts joined. */
export function identificationName(part: Part): string | undefined {
  const r = (part.ims?.record ?? {}) as Obj;
  for (const it of items(r)) if (it.el === 'formname') return str(it.value.text);
  for (const it of items(r)) {
    if (it.el !== 'name') continue;
    const names = ((it.value.partnames ?? []) as Obj[]).map((p) => str(p.text)).filter(Boolean);
    if (names.length) return names.join(' ');
  }
  return undefined;
}

function identificationRows(r: Obj, t: T): DetailRow[] {
  const rows: DetailRow[] = [];
  for (const { el, value: v } of items(r)) {
    if (el === 'formname' && str(v.text)) rows.push({ label: typeValue(v.typename) ?? t('field.name'), value: str(v.text)! });
    if (el === 'name') {
      const parts = ((v.partnames ?? []) as Obj[]).map((p) => ({ label: typeValue(p.typename) ?? '', value: str(p.text) ?? '' }));
      rows.push({ label: t('field.name'), value: parts.map((p) => p.value).join(' '), rows: parts });
    }
    if (el === 'address') rows.push({ label: t('field.address'), value: address(v) });
    if (el === 'contactinfo') {
      for (const c of items(v)) {
        const label = t(`field.${c.el}`, c.el);
        if (c.el === 'email') rows.push({ label, value: String(c.value), href: `mailto:${String(c.value)}` });
        else if (c.el === 'web') rows.push({ label, value: String(c.value), href: String(c.value) });
        else rows.push({ label, value: phone(c.value), href: c.el === 'telephone' || c.el === 'mobile' ? `tel:${phone(c.value).replace(/[^+\d]/g, '')}` : undefined } as DetailRow);
      }
    }
    if (el === 'demographics') {
      const g = (v.gender as Obj | undefined)?.gender;
      if (g) rows.push({ label: t('field.gender'), value: String(g) });
      if (str(v.placeofbirth)) rows.push({ label: t('date.birth'), value: str(v.placeofbirth)! });
    }
    if (el === 'agent') rows.push({ label: t('field.agent'), value: [String(v.agentid ?? ''), typeValue((v.agentdomain as Obj | undefined)?.typename)].filter(Boolean).join(', ') });
  }
  return rows.map(clean);
}

function evaluationRows(v: Obj, t: T): DetailRow {
  const scores: DetailRow[] = [];
  const walk = (res: Obj) => {
    for (const it of items(res)) {
      if (it.el === 'result') walk(it.value);
      else scores.push({ label: typeValue((it.value.label as Obj | undefined)?.typename) ?? it.el, value: String(it.value.data ?? '') });
    }
  };
  for (const res of (v.results ?? []) as Obj[]) walk(res);
  return { label: typeValue(v.typename) ?? t('field.evaluation'), value: descShort(v.description) ?? '', rows: scores };
}

function activityRows(r: Obj, t: T): DetailRow[] {
  const rows: DetailRow[] = [];
  const units = fields((r.units as Obj | undefined)?.fields);
  if (units.length) rows.push({ label: t('field.units'), value: '', rows: units });
  for (const { el, value: v } of items(r)) {
    if (el === 'learningactivityref') {
      for (const x of items(v)) rows.push({ label: t('field.learningactivityref'), value: x.el === 'text' ? (str(x.value) ?? '') : String(x.value.id ?? '') });
    }
    if (el === 'definition') rows.push({ label: typeValue(v.typename) ?? t('field.definition'), value: descShort(v.description) ?? '', rows: fields(v.fields) });
    if (el === 'evaluation') rows.push(evaluationRows(v, t));
  }
  return rows.map(clean);
}

function organizationName(v: unknown): string | undefined {
  return descShort((v as Obj | undefined)?.description);
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
  return [{ label: t('field.record'), value: [fmt(x.recformat), fmt(x.recdata)].filter(Boolean).join(' · ') }];
}

/** Labelled detail rows for a part, by kind. */
export function detailRows(part: Part, t: T): DetailRow[] {
  const r = (part.ims?.record ?? {}) as Obj;
  switch (part.kind) {
    case 'identification':
      return identificationRows(r, t);
    case 'activity':
      return activityRows(r, t);
    case 'qcl':
      return [
        { label: t('field.organization'), value: organizationName(r.organization) ?? '' },
        { label: t('field.level'), value: levelText(r.level) ?? '' },
        { label: t('field.registrationno'), value: str(r.registrationno) ?? '' },
      ].filter((x) => x.value);
    case 'affiliation': {
      const rows: DetailRow[] = [
        { label: t('field.organization'), value: organizationName(r.organization) ?? '' },
        { label: t('field.classification'), value: str(r.classification) ?? '' },
        { label: t('field.affiliationid'), value: str(r.affiliationid) ?? '' },
      ];
      for (const role of (r.roles ?? []) as Obj[]) rows.push({ label: t('field.role'), value: [typeValue(role.typename), descShort(role.description)].filter(Boolean).join(': ') });
      return rows.filter((x) => x.value);
    }
    case 'competency':
    case 'transcript':
      return exrefRows(r.exrefrecord, t).filter((x) => x.value);
    case 'accessibility':
      return items(r).map(({ el, value: v }) => ({
        label: t(`field.${el}`, el),
        value: [typeValue(v.typename), str(v.prefcode), ((v.proficiencies ?? []) as Obj[]).map((p) => `${String(p.profmode ?? '')} ${String(p.value ?? '')}`.trim()).join(', ')].filter(Boolean).join(': '),
      })).filter((x) => x.value);
    case 'securitykey':
      return fields(r.keyfields).map((f) => ({ ...f, label: f.label || t('field.keyfields') }));
    case 'participation': {
      const g = (r.group ?? {}) as Obj;
      const d = (g.description ?? {}) as Obj;
      return [
        { label: t('field.group'), value: [str(d.short), str(d.long)].filter(Boolean).join(' — ') },
        { label: t('field.email'), value: str(g.email) ?? '', href: g.email ? `mailto:${String(g.email)}` : undefined },
        { label: t('field.web'), value: str(g.url) ?? '', href: str(g.url) },
      ].filter((x) => x.value) as DetailRow[];
    }
    default:
      return [];
  }
}

/** A rubric as a grid: the outcomes across, the dimensions down. */
export function rubricGrid(part: Part): PartData['rubric'] {
  const r = (part.ims?.record ?? {}) as Obj;
  const outcomes = ((r.outcomes ?? []) as Obj[]).map((o) => elementText(o.title) ?? String(o.identifier ?? ''));
  const dims: { title: string; description?: string; cells: string[] }[] = [];
  const walk = (list: Obj[], prefix: string) => {
    for (const d of list) {
      const title = prefix + (elementText(d.title) ?? String(d.identifier ?? ''));
      const cells = ((d.outcomes ?? []) as Obj[]).map((o) => [elementText(o.title), ...((o.descriptions ?? []) as unknown[]).map(elementText)].filter(Boolean).join(': '));
      const description = ((d.descriptions ?? []) as unknown[]).map(elementText).filter(Boolean).join(' ');
      dims.push(description ? { title, description, cells } : { title, cells });
      walk((d.dimensions ?? []) as Obj[], `${title} › `);
    }
  };
  walk((r.dimensions ?? []) as Obj[], '');
  return outcomes.length || dims.length ? { outcomes, dimensions: dims } : undefined;
}

function clean(row: DetailRow): DetailRow {
  const out: DetailRow = { label: row.label, value: row.value };
  if (row.href) out.href = row.href;
  if (row.rows?.length) out.rows = row.rows.map(clean);
  return out;
}
