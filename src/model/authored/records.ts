/**
 * Readers of the structured values an authored part or relation may hold: dates, status,
 * descriptions, source ids, and the data `vitrine pack` writes to keep what has no friendly
 * field (`ims:`, `extensions:`), as the schema check (check.ts) found them sound.
 */
import type { Location } from '../../diagnostics/index.ts';
import type { YamlPath } from '../../formats/authored/index.ts';
import type { Extension, ImsPartRecord, Part, PartDescription, ResumeRecord, SourcedId } from '../types.ts';
import { isRichHtml, sanitizeRichText } from '../sanitize.ts';
import { readFiles, type FileScope } from './files.ts';
import { date, invalid, isObj, str, strings, term, text, type Cx } from './convert.ts';
import { RESUME_LIST_FIELDS, RESUME_TEXT_FIELDS } from './schema.ts';
import { maharaPageOf } from '../leap2a/mahara-view.ts';

/** A location with its line and column filled in, as parts and relations record their origin. */
export function originAt(l: Location): Location {
  return { file: l.file, line: l.line ?? 1, column: l.column ?? 1 };
}

/** Extensions kept verbatim by `pack --format authored`: a list of mappings. */
export function extensions(v: unknown): Extension[] {
  if (!Array.isArray(v) || !v.every((x) => isObj(x) && typeof x.path === 'string' && isObj(x.element))) return [];
  // An `origin` written into the file is not where the extension was read from: it is dropped.
  return (structuredClone(v) as Extension[]).map(({ origin: _o, ...x }) => x);
}

/** `ims: { element, record }`: IMS detail kept by `vitrine pack`, taken as data. */
export function imsRecord(v: unknown): ImsPartRecord | undefined {
  if (!isObj(v) || typeof v.element !== 'string' || !isObj(v.record)) return undefined;
  return structuredClone(v) as unknown as ImsPartRecord;
}

/** `dates:` as a mapping of type to date, or a list of `{ type, date, description }`. */
export function readDates(cx: Cx, path: YamlPath, v: unknown, scope: FileScope): Part['dates'] {
  const out: Part['dates'] = [];
  if (isObj(v)) {
    // The short form: { Start: 2021-09-01, Finish: 2022-06-30 }.
    for (const [k, x] of Object.entries(v)) {
      const value = date(cx, [...path, k], x);
      if (value !== undefined) out.push({ type: { value: k, sourceType: 'imsdefault' }, value });
    }
    return out;
  }
  if (!Array.isArray(v)) return out;
  v.forEach((x, i) => {
    const d = readDate(cx, [...path, i], x, scope);
    if (d) out.push(d);
  });
  return out;
}

export function readDate(cx: Cx, path: YamlPath, v: unknown, scope: FileScope): Part['dates'][number] | undefined {
  if (!isObj(v)) {
    const value = date(cx, path, v);
    return value === undefined ? undefined : { value };
  }
  const value = date(cx, [...path, 'date'], v.date);
  if (value === undefined) return undefined;
  const d: Part['dates'][number] = { value };
  if (v.type !== undefined) {
    const t = term(v.type, true);
    if (t) d.type = t;
  }
  if (v.description !== undefined) {
    const desc = readDescription(cx, [...path, 'description'], v.description, scope);
    if (desc) d.description = desc;
  }
  return d;
}

export function readStatus(cx: Cx, path: YamlPath, v: unknown, scope: FileScope): Part['status'] {
  if (!isObj(v)) {
    const t = term(v, true);
    return t ? { type: t } : undefined;
  }
  const s: NonNullable<Part['status']> = {};
  if (v.type !== undefined) {
    const t = term(v.type, true);
    if (t) s.type = t;
  }
  if (v.date !== undefined) {
    const d = readDate(cx, [...path, 'date'], v.date, scope);
    if (d) s.date = d;
  }
  if (v.description !== undefined) {
    const desc = readDescription(cx, [...path, 'description'], v.description, scope);
    if (desc) s.description = desc;
  }
  return s;
}

/** A description written in YAML (dates, status, relations): short, long (plain or HTML as written), files. */
export function readDescription(cx: Cx, path: YamlPath, v: unknown, scope: FileScope): PartDescription | undefined {
  // A single text ({ text, lang } too) is the short description.
  if (!isObj(v) || v.text !== undefined) {
    const t = text(cx, v);
    return t ? { short: t, full: [] } : undefined;
  }
  const d: PartDescription = { full: [] };
  for (const k of ['short', 'long'] as const) {
    if (v[k] === undefined) continue;
    const t = text(cx, v[k]);
    // A long text written as HTML is kept as sanitized HTML, as IMS descriptions are.
    if (t) d[k] = k === 'long' && isRichHtml(t.value) ? { ...t, value: sanitizeRichText(t.value).html } : t;
  }
  if (v.files !== undefined) d.full = readFiles(cx, [...path, 'files'], v.files, scope);
  if (v.filesComment !== undefined) {
    const c = text(cx, v.filesComment);
    if (c) d.fullComment = c;
  }
  return d;
}

/** `sourcedId: { source, id }`: the id another system gave a part or relation. */
export function readSourcedId(v: unknown): SourcedId | undefined {
  if (isObj(v) && typeof v.source === 'string' && typeof v.id === 'string') return { source: v.source, id: v.id };
  return undefined;
}

/**
 * `Part.page` from the `<mahara:view>` element a Leap2A import keeps in `leap2a.elements`, read
 * as the Leap2A reader reads it. The elements come from the file as data: a shape the reader
 * cannot walk is reported and the part gets no page.
 */
export function pageFromLeap2a(cx: Cx, part: Part): void {
  try {
    const page = maharaPageOf(part);
    if (page) part.page = page;
  } catch {
    invalid(cx, ['leap2a', 'elements'], 'leap2a.elements holds a Mahara page (mahara:view) that is not shaped as vitrine pack writes it; the page is shown without its layout');
  }
}

/** `resume: { section, organisation, role, highlights: [...] }`: how a CV shows the part (checked by the schema). */
export function readResume(v: unknown): ResumeRecord | undefined {
  if (!isObj(v)) return undefined;
  const section = str(v.section);
  if (!section) return undefined;
  const out: ResumeRecord = { section };
  for (const k of RESUME_TEXT_FIELDS) {
    if (k === 'section') continue;
    const s = str(v[k]);
    if (s !== undefined) out[k] = s;
  }
  for (const k of RESUME_LIST_FIELDS) if (v[k] !== undefined) out[k] = strings(v[k]);
  return out;
}
