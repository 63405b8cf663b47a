/**
 * Neutral `Rubric` → an IMS rubric record, on export (the inverse of `rubric.ts`). The rule is
 * the one `person-out.ts` follows: the record is the lossless copy of what was read, the neutral
 * rubric is the truth. When the rubric still says what the record says, the record is written
 * as it is. When they differ (an edit, or a rubric from another format), the record is rebuilt
 * from the neutral fields, element by element: a criterion, level or outcome is matched to the
 * record's by identifier (else by position), and each of its title, description, statements
 * and rules is kept as the record has it where it still agrees, so what the neutral model does
 * not say (extra descriptions, a definition's model, statement ids, criteria of rules) stays.
 */
import { NS, childElements, el, text, type XmlElement } from '../../formats/xml/tree.ts';
import { RDCEO } from '../../formats/lip/index.ts';
import type { Rubric, RubricDimensionModel, RubricOutcomeModel, Text } from '../types.ts';
import { firstText, rdceoText, rubricFromRecord } from './rubric.ts';

type Obj = Record<string, unknown>;
type Level = RubricDimensionModel['levels'][number];
type Rule = RubricOutcomeModel['rules'][number];

const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as unknown[]).filter(isObj) : []);
/** JSON with keys sorted and undefined left out, so that equal values compare equal whatever their key order. */
const key = (v: unknown): string => JSON.stringify(v ?? null, (_k, x: unknown) => (isObj(x) ? Object.fromEntries(Object.entries(x).filter(([, y]) => y !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
const same = (a: unknown, b: unknown) => key(a) === key(b);
/** requiresTotalScore and criteriaAtNumberRequired are xs:integer: anything else is not written (and reported). */
const isInteger = (s: string | undefined): s is string => !!s && /^[+-]?\d+$/.test(s.trim());

function langstrings(t: Text): XmlElement[] {
  return [t, ...(t.translations ?? [])].map((x) => el(RDCEO, 'langstring', x.lang ? [{ ns: NS.xml, name: 'lang', prefix: 'xml', value: x.lang }] : [], [text(x.value)]));
}

/** An RDCEO element holding a text as langstrings (its name is set by the codec that writes it). */
const textElement = (name: string, t: Text): XmlElement => el(RDCEO, name, [], langstrings(t));

function setIdentifier(r: Obj, id: string | undefined): void {
  if (id !== undefined) r.identifier = id;
  else delete r.identifier;
}

function setTitle(r: Obj, t: Text | undefined): void {
  if (same(t, rdceoText(r.title))) return;
  if (t) r.title = textElement('title', t);
  else delete r.title;
}

/** The description that shows (the first with text) is replaced; the record's others stay. */
function setDescription(r: Obj, t: Text | undefined): void {
  const all = list(r.descriptions);
  if (same(t, firstText(all))) return;
  const at = all.findIndex((d) => rdceoText(d) !== undefined);
  if (!t) r.descriptions = all.filter((d) => rdceoText(d) === undefined);
  else if (at < 0) r.descriptions = [textElement('description', t), ...all];
  else r.descriptions = all.map((d, i) => (i === at ? textElement('description', t) : d));
}

/** Record elements matched to neutral items: same identifier first, else the one at the same position. */
function match<T extends { identifier?: string }>(want: T[], have: Obj[]): (Obj | undefined)[] {
  const used = new Set<number>();
  const byId = want.map((w) => {
    if (w.identifier === undefined) return -1;
    const i = have.findIndex((h, j) => !used.has(j) && h.identifier !== undefined && String(h.identifier) === w.identifier);
    if (i >= 0) used.add(i);
    return i;
  });
  return want.map((w, n) => {
    if (byId[n]! >= 0) return structuredClone(have[byId[n]!]);
    const h = have[n];
    if (!h || used.has(n) || (w.identifier !== undefined && h.identifier !== undefined)) return undefined;
    used.add(n);
    return structuredClone(h);
  });
}

/** The child elements called `name` of a record's definitions (elements the codec kept whole). */
const definitionChildren = (definitions: Obj[], name: string): XmlElement[] =>
  definitions.flatMap((d) => (Array.isArray(d.children) ? childElements(d as unknown as XmlElement) : [])).filter((c) => c.name === name);

function statementsOf(definitions: Obj[]): Text[] {
  return definitionChildren(definitions, 'statement')
    .map(rdceoText)
    .filter((x): x is Text => !!x);
}

/** Statements that changed are written as one definition, keeping the record's first `model`. */
function setStatements(r: Obj, statements: Text[]): void {
  const defs = list(r.definitions);
  if (same(statements, statementsOf(defs))) return;
  if (!statements.length) {
    r.definitions = [];
    return;
  }
  const model = definitionChildren(defs, 'model').slice(0, 1);
  const stmts = statements.map((s) => el(RDCEO, 'statement', [], [textElement('statementtext', s)]));
  r.definitions = [el(RDCEO, 'definition', [], [...structuredClone(model), ...stmts])];
}

function ruleRecord(want: Rule, have: Obj | undefined): Obj {
  const r: Obj = have ? structuredClone(have) : {};
  if (isInteger(want.totalScore)) r.requiresTotalScore = want.totalScore.trim();
  else delete r.requiresTotalScore;
  const c = isObj(r.requiresCriteria) ? r.requiresCriteria : undefined;
  if (want.criteriaRequired !== undefined || want.criteria !== undefined || want.criteriaText !== undefined) {
    const next: Obj = { ...(c ?? {}), includeCriteria: [...(want.criteria ?? [])] };
    if (isInteger(want.criteriaRequired)) next.criteriaAtNumberRequired = want.criteriaRequired.trim();
    else next.criteriaAtNumberRequired = '1';
    // A criterion is a whole RDCEO record: kept while its text agrees, never made up from a text.
    if (!same(want.criteriaText ?? [], list(c?.criteria).map(rdceoText).filter(Boolean))) next.criteria = [];
    else next.criteria ??= [];
    r.requiresCriteria = next;
  } else delete r.requiresCriteria;
  if (want.complex) r.requiresComplex ??= el('', 'requiresComplex');
  else delete r.requiresComplex;
  return r;
}

function levelRecord(want: Level, have: Obj | undefined): Obj {
  const r: Obj = have ?? { descriptions: [], definitions: [], rules: [] };
  setIdentifier(r, want.identifier);
  setTitle(r, want.title);
  setDescription(r, want.description);
  setStatements(r, want.statements);
  return r;
}

function outcomeRecord(want: RubricOutcomeModel, have: Obj | undefined): Obj {
  const r: Obj = have ?? { descriptions: [], definitions: [], rules: [] };
  setIdentifier(r, want.identifier);
  setTitle(r, want.title);
  setDescription(r, want.description);
  const rules = list(r.rules);
  r.rules = want.rules.map((x, i) => ruleRecord(x, rules[i]));
  return r;
}

function dimensionRecord(want: RubricDimensionModel, have: Obj | undefined): Obj {
  const r: Obj = have ?? { descriptions: [], outcomes: [], dimensions: [] };
  setIdentifier(r, want.identifier);
  setTitle(r, want.title);
  setDescription(r, want.description);
  const levels = match(want.levels, list(r.outcomes));
  r.outcomes = want.levels.map((l, i) => levelRecord(l, levels[i]));
  const dims = match(want.dimensions, list(r.dimensions));
  r.dimensions = want.dimensions.map((d, i) => dimensionRecord(d, dims[i]));
  return r;
}

/**
 * Writes a neutral rubric into a rubric record where they differ (see the module comment).
 * An undefined rubric leaves the record as it is: a reader that gives no rubric has not
 * removed the record's.
 */
export function applyRubric(rubric: Rubric | undefined, r: Obj): void {
  if (!rubric || same(rubric, rubricFromRecord(r))) return;
  setTitle(r, rubric.title);
  setDescription(r, rubric.description);
  const outcomes = match(rubric.outcomes, list(r.outcomes));
  r.outcomes = rubric.outcomes.map((o, i) => outcomeRecord(o, outcomes[i]));
  const dims = match(rubric.dimensions, list(r.dimensions));
  r.dimensions = rubric.dimensions.map((d, i) => dimensionRecord(d, dims[i]));
}

/**
 * Whether a written record fails to say the part's rubric (a score that is no integer, a rule's
 * criterion text with no RDCEO record behind it, text the reader would normalise): the export
 * reports it (ExportFieldDropped) instead of changing it silently.
 */
export function rubricNotWritten(rubric: Rubric | undefined, written: Obj): boolean {
  return !!rubric && !same(rubric, rubricFromRecord(written));
}
