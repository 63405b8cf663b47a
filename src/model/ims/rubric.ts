/**
 * An IMS rubric record (IMS RDCEO-style elements kept as XML in the record) → neutral `Rubric`:
 * criteria with their levels and statements, overall outcomes with their rules. Every
 * `langstring` is kept: the first as the text, the others as its translations, so a page can
 * show the reader's language.
 */
import type { XmlNode } from '../../formats/xml/tree.ts';
import type { Rubric, RubricDimensionModel, RubricOutcomeModel, Text } from '../types.ts';

type Obj = Record<string, unknown>;
type Element = Extract<XmlNode, { type: 'element' }>;

const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

function nodeText(n: XmlNode): string {
  return n.type === 'text' ? n.text : n.children.map(nodeText).join(' ');
}
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of an RDCEO-style element with its translations; undefined when it has no text at all. */
export function rdceoText(e: unknown): Text | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const node = e as XmlNode;
  if (node.type === 'text') return node.text.trim() ? { value: node.text.trim() } : undefined;
  if (node.type !== 'element') return undefined;
  const strings = node.children.filter((c): c is Element => c.type === 'element' && c.name === 'langstring');
  if (!strings.length) {
    // A wrapper (statement → statementtext → langstring): look one level down, else plain text.
    for (const c of node.children) if (c.type === 'element' && c.children.some((g) => g.type === 'element' && g.name === 'langstring')) return rdceoText(c);
    const text = flat(nodeText(node));
    return text ? { value: text } : undefined;
  }
  const texts: Text[] = strings.map((s) => {
    const lang = s.attrs.find((a) => a.name === 'lang')?.value;
    return { value: flat(nodeText(s)), ...(lang ? { lang } : {}) };
  });
  if (!texts.some((t) => t.value)) return undefined;
  const [first, ...rest] = texts;
  return rest.length ? { ...first!, translations: rest } : first!;
}

/** The first of a list of RDCEO elements that has text. */
export const firstText = (es: unknown): Text | undefined => list(es).map(rdceoText).find(Boolean);
const identifier = (v: unknown): { identifier?: string } => (v === undefined || v === null ? {} : { identifier: String(v) });
const opt = <K extends string>(k: K, v: Text | undefined): { [P in K]?: Text } => (v ? ({ [k]: v } as { [P in K]?: Text }) : {});

function dimension(d: Obj): RubricDimensionModel {
  return {
    ...identifier(d.identifier),
    ...opt('title', rdceoText(d.title)),
    ...opt('description', firstText(d.descriptions)),
    levels: list(d.outcomes).map((o) => ({
      ...identifier(o.identifier),
      ...opt('title', rdceoText(o.title)),
      ...opt('description', firstText(o.descriptions)),
      statements: list(o.definitions)
        .flatMap((def) => ((def as { children?: XmlNode[] }).children ?? []).filter((c) => c.type === 'element' && c.name === 'statement'))
        .map(rdceoText)
        .filter((x): x is Text => !!x),
    })),
    dimensions: list(d.dimensions).map(dimension),
  };
}

function outcome(o: Obj): RubricOutcomeModel {
  return {
    ...identifier(o.identifier),
    ...opt('title', rdceoText(o.title)),
    ...opt('description', firstText(o.descriptions)),
    rules: list(o.rules).map((rule) => {
      const c = rule.requiresCriteria as Obj | undefined;
      return {
        ...(rule.requiresTotalScore ? { totalScore: String(rule.requiresTotalScore) } : {}),
        ...(c ? { criteriaRequired: String(c.criteriaAtNumberRequired ?? '1'), criteria: ((c.includeCriteria ?? []) as unknown[]).map(String), criteriaText: list(c.criteria).map(rdceoText).filter((x): x is Text => !!x) } : {}),
        ...(rule.requiresComplex ? { complex: true } : {}),
      };
    }),
  };
}

/** A rubric record's criteria, levels and outcomes; undefined when it has none of them nor a title. */
export function rubricFromRecord(r: Obj): Rubric | undefined {
  const rubric: Rubric = { ...opt('title', rdceoText(r.title)), ...opt('description', firstText(r.descriptions)), dimensions: list(r.dimensions).map(dimension), outcomes: list(r.outcomes).map(outcome) };
  return rubric.title || rubric.description || rubric.dimensions.length || rubric.outcomes.length ? rubric : undefined;
}
