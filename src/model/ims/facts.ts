/**
 * IMS record → neutral qualification, résumé line and labelled facts: what pages show of a
 * qcl, an activity's units and evaluations, an affiliation's roles, a participation's group,
 * an accessibility preference or a security key. Then `neutralFromIms` fills every neutral
 * field a part's IMS record gives, for the IMS reader and for authored parts that keep one.
 */
import type { Fact, Part, Qualification } from '../types.ts';
import { lipStr, personFromRecord, typeWord } from './person.ts';
import { rubricFromRecord } from './rubric.ts';

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as unknown[]).filter(isObj) : []);
const items = (r: Obj): { el: string; value: Obj }[] => (Array.isArray(r.items) ? (r.items as { el: string; value: Obj }[]) : []);
const descShort = (v: unknown): string | undefined => (isObj(v) ? lipStr(v.short) : undefined);
const label = (word: string | undefined): { label?: string } => (word === undefined ? {} : { label: word });

/** A LIP level, nested levels joined outermost first. */
export function levelText(v: unknown): string | undefined {
  const parts: string[] = [];
  let cur = isObj(v) ? v : undefined;
  while (cur) {
    const s = lipStr(cur.text);
    if (s) parts.push(s);
    cur = isObj(cur.level) ? cur.level : undefined;
  }
  return parts.length ? parts.join(' — ') : undefined;
}

/** A qcl record's awarding body, level and registration number; undefined when it has none. */
export function qualificationFromRecord(r: Obj): Qualification | undefined {
  const q: Qualification = {};
  const body = descShort(isObj(r.organization) ? r.organization.description : undefined);
  if (body) q.awardingBody = body;
  const level = levelText(r.level);
  if (level) q.level = level;
  const lang = isObj(r.level) && isObj(r.level.text) && typeof r.level.text.lang === 'string' ? r.level.text.lang : undefined;
  if (level && lang) q.lang = lang;
  const reg = lipStr(r.registrationno);
  if (reg) q.registrationNo = reg;
  return Object.keys(q).length ? q : undefined;
}

const fields = (v: unknown): Fact[] => list(v).map((f) => ({ key: 'field', label: typeWord(isObj(f.label) ? f.label.typename : undefined) ?? '', value: String(f.data ?? '') }));

function evaluation(v: Obj): Fact {
  const scores: Fact[] = [];
  const walk = (res: Obj) => {
    for (const it of items(res)) {
      if (it.el === 'result') walk(it.value);
      else scores.push({ key: 'score', label: typeWord(isObj(it.value.label) ? it.value.label.typename : undefined) ?? it.el, value: String(it.value.data ?? '') });
    }
  };
  for (const res of list(v.results)) walk(res);
  return { key: 'evaluation', ...label(typeWord(v.typename)), value: descShort(v.description) ?? '', facts: scores };
}

function activityFacts(r: Obj): Fact[] {
  const out: Fact[] = [];
  const units = fields(isObj(r.units) ? r.units.fields : undefined);
  if (units.length) out.push({ key: 'units', value: '', facts: units });
  for (const { el, value: v } of items(r)) {
    if (el === 'learningactivityref') {
      for (const x of items(v)) out.push({ key: 'learningactivityref', value: x.el === 'text' ? (lipStr(x.value) ?? '') : String(x.value.id ?? '') });
    }
    if (el === 'definition') out.push({ key: 'definition', ...label(typeWord(v.typename)), value: descShort(v.description) ?? '', facts: fields(v.fields) });
    if (el === 'evaluation') out.push(evaluation(v));
  }
  return out;
}

function affiliationFacts(r: Obj): Fact[] {
  const out: Fact[] = [
    { key: 'organization', value: descShort(isObj(r.organization) ? r.organization.description : undefined) ?? '' },
    { key: 'classification', value: lipStr(r.classification) ?? '' },
    { key: 'affiliationid', value: lipStr(r.affiliationid) ?? '' },
  ];
  for (const role of list(r.roles)) {
    const short = descShort(role.description);
    const word = typeWord(role.typename);
    if (short) out.push({ key: 'role', value: short, ...(word ? { note: word } : {}) });
    else if (word) out.push({ key: 'role', value: '', valueTerm: word, inline: true });
  }
  return out.filter((f) => f.value || f.valueTerm);
}

function exrefFacts(v: unknown): Fact[] {
  if (!isObj(v)) return [];
  const fmt = (f: unknown) => (isObj(f) ? (lipStr(f.value) ?? lipStr(f.uri)) : undefined);
  const value = [fmt(v.recformat), fmt(v.recdata)].filter(Boolean).join(' · ');
  return value ? [{ key: 'record', value }] : [];
}

function participationFacts(r: Obj): Fact[] {
  const g = isObj(r.group) ? r.group : {};
  const d = isObj(g.description) ? g.description : {};
  const out: Fact[] = [
    { key: 'group', value: [lipStr(d.short), lipStr(d.long)].filter(Boolean).join(' — ') },
    { key: 'email', value: lipStr(g.email) ?? '', link: 'email' },
    { key: 'web', value: lipStr(g.url) ?? '', link: 'web' },
  ];
  return out.filter((f) => f.value);
}

/** The labelled facts of a part's IMS record, by kind. */
export function factsFromRecord(kind: Part['kind'], r: Obj): Fact[] {
  switch (kind) {
    case 'activity':
      return activityFacts(r);
    case 'affiliation':
      return affiliationFacts(r);
    case 'competency':
    case 'transcript':
      return exrefFacts(r.exrefrecord);
    case 'accessibility':
      return items(r).map(({ el, value: v }) => ({
        key: el,
        value: lipStr(v.prefcode) ?? '',
        ...(typeWord(v.typename) ? { valueTerm: typeWord(v.typename)! } : {}),
        facts: list(v.proficiencies).map((p) => ({ key: 'proficiency', label: String(p.profmode ?? ''), value: String(p.value ?? '') })),
        inline: true,
      }));
    case 'securitykey':
      return fields(r.keyfields).map((f) => ({ ...f, key: 'key' }));
    case 'participation':
      return participationFacts(r);
    default:
      return [];
  }
}

/**
 * Fills the neutral fields a part's IMS record gives (person, qualification, rubric, facts,
 * a participation's group as its résumé line). The record is not changed.
 */
export function neutralFromIms(part: Part): void {
  const r = (part.ims?.record ?? {}) as Obj;
  const person = personFromRecord(r);
  if (person) part.person = person;
  else delete part.person;
  if (part.kind === 'qcl') {
    const q = qualificationFromRecord(r);
    if (q) part.qualification = q;
  }
  if (part.kind === 'rubric') {
    const rubric = rubricFromRecord(r);
    if (rubric) part.rubric = rubric;
  }
  if (part.kind === 'participation') {
    const group = isObj(r.group) && isObj(r.group.description) ? lipStr(r.group.description.short) : undefined;
    if (group) part.resume = { section: 'membership', organisation: group };
  }
  const facts = factsFromRecord(part.kind, r);
  if (facts.length) part.facts = facts;
}

/**
 * Which neutral fields the part's IMS record does not say as they are (a résumé line from JSON
 * Resume or Mahara, an edited rubric). Exports that write the record (IMS, authored `ims:`)
 * would lose them, and report it.
 */
export function notInImsRecord(part: Part): { resume: boolean; rubric: boolean } {
  const said = { id: part.id, kind: part.kind, ...(part.ims ? { ims: part.ims } : {}) } as Part;
  neutralFromIms(said);
  // Key order aside: the same record read by another format's mapping lists its keys in another order.
  const sorted = (_k: string, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v);
  const same = (a: unknown, b: unknown) => JSON.stringify(a, sorted) === JSON.stringify(b, sorted);
  return { resume: !!part.resume && !same(part.resume, said.resume), rubric: !!part.rubric && !same(part.rubric, said.rubric) };
}
