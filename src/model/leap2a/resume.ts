/**
 * Mahara's résumé as neutral résumé records. Mahara writes one education or employment record
 * as three entries (`htdocs/artefact/resume/export/leap/lib.php`,
 * `LeapExportElementResumeCompositeChildEducationhistory`): an activity (the course or job,
 * category `life_area` Education or Work, free-text start and end dates), an organization
 * (the institution or employer) that supports it, and for education an achievement (the
 * qualification type, e.g. "BSc") it supports. Here the activity gets `resume` with the
 * organisation and qualification, and the two sibling entries are nested in it, so a site
 * shows one item, not three pages.
 */
import { LEAP2, VITRINE } from '../../formats/leap2a/index.ts';
import { childElements, el, ownText, text, type XmlElement } from '../../formats/xml/tree.ts';
import type { Part, Relation, ResumeRecord } from '../types.ts';

const SECTION_OF_LIFE_AREA: Readonly<Record<string, string>> = { education: 'education', work: 'employment' };

/** Mahara's education and employment records: the record a part's entries give, and the sibling entries it holds. */
export function maharaResumes(parts: readonly Part[], relations: readonly Relation[]): Map<string, { resume: ResumeRecord; siblings: Part[] }> {
  const out = new Map<string, { resume: ResumeRecord; siblings: Part[] }>();
  const byId = new Map(parts.map((p) => [p.id, p]));
  const isType = (p: Part | undefined, t: string) => !!p?.leap2a?.types.includes(`${LEAP2}${t}`);
  for (const p of parts) {
    const area = p.leap2a?.categories.find((c) => /life_area#?$/.test(c.scheme ?? ''))?.term.toLowerCase();
    const section = area ? SECTION_OF_LIFE_AREA[area] : undefined;
    if (!section || !isType(p, 'activity')) continue;
    const linked = relations.filter((r) => /^supports?$|supported_by/.test(r.type) && (r.from === p.id || r.to.includes(p.id))).flatMap((r) => (r.from === p.id ? r.to : [r.from]));
    const org = linked.map((id) => byId.get(id)).find((x) => isType(x, 'organization'));
    const award = linked.map((id) => byId.get(id)).find((x) => isType(x, 'achievement'));
    const resume: ResumeRecord = { section };
    if (org?.title?.value) resume.organisation = org.title.value;
    if (award?.title?.value) resume.role = award.title.value;
    out.set(p.id, { resume, siblings: [org, award].filter((x): x is Part => !!x) });
  }
  return out;
}

/**
 * Fills `resume` on Mahara's education and employment records and nests their sibling entries
 * in them. A record Vitrine wrote itself (`vitrine:resume`, already read into `resume`) wins:
 * it is the neutral field as it was when written.
 */
export function readMaharaResume(parts: Part[], relations: Relation[]): void {
  const byId = new Map(parts.map((p) => [p.id, p]));
  for (const [id, { resume, siblings }] of maharaResumes(parts, relations)) {
    const p = byId.get(id)!;
    p.resume ??= resume;
    // Siblings belong to their record: nested, they are shown with it, never on their own.
    for (const s of siblings) if (s.parent === undefined) s.parent = p.id;
  }
}

const TEXT_FIELDS = ['section', 'organisation', 'role', 'area', 'location', 'url', 'level', 'score'] as const;
/** List fields of a record and the name of the element holding one item of each. */
const LIST_ITEMS = { highlights: 'highlight', courses: 'course', keywords: 'keyword', roles: 'role' } as const;

/** `<vitrine:resume section="…" organisation="…"><vitrine:highlight>…</vitrine:highlight></vitrine:resume>`: a résumé record Leap2A has no term for. */
export function resumeElement(r: ResumeRecord): XmlElement {
  const attrs = TEXT_FIELDS.filter((k) => r[k] !== undefined).map((k) => ({ ns: '', name: k, value: r[k]! }));
  const items = Object.entries(LIST_ITEMS).flatMap(([k, name]) => (r[k as keyof typeof LIST_ITEMS] ?? []).map((v) => ({ ...el(VITRINE, name, [], [text(v)]), prefix: 'vitrine' })));
  return { ...el(VITRINE, 'resume', attrs, items), prefix: 'vitrine' } as XmlElement;
}

/** Reads a `vitrine:resume` element back; undefined without a section. */
export function resumeFromElement(x: XmlElement): ResumeRecord | undefined {
  const attr = (k: string) => x.attrs.find((a) => a.ns === '' && a.name === k)?.value;
  const section = attr('section');
  if (!section) return undefined;
  const r: ResumeRecord = { section };
  for (const k of TEXT_FIELDS) if (k !== 'section' && attr(k) !== undefined) r[k] = attr(k)!;
  const kids = childElements(x).filter((c) => c.ns === VITRINE);
  for (const [k, name] of Object.entries(LIST_ITEMS)) {
    const values = kids.filter((c) => c.name === name).map((c) => ownText(c));
    if (values.length) r[k as keyof typeof LIST_ITEMS] = values;
  }
  return r;
}

/** Whether two résumé records say the same (field by field, lists in order). */
export function sameResume(a: ResumeRecord | undefined, b: ResumeRecord | undefined): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(r: ResumeRecord | undefined): unknown {
  return r && Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined).sort(([x], [y]) => (x < y ? -1 : 1)));
}
