import { beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readPortfolio } from '../index.ts';
import { DiagnosticBag } from '../diagnostics/index.ts';
import type { Part, PartKind, Portfolio, Relation } from '../model/types.ts';
import { parseSiteConfig } from './config.ts';
import { relationKey } from './follow.ts';
import { selectParts } from './select.ts';
import type { Selector } from './types.ts';

let content: Portfolio;
beforeAll(async () => {
  // The IMS example: these expectations spell out its exact part and relation order.
  const r = await readPortfolio(resolve(import.meta.dirname, '../../test/fixtures/ims-example'));
  content = r.value!;
});

const select = (selectors: Selector[], portfolio = content) => selectParts(portfolio, selectors, new DiagnosticBag());

/** A bare part for synthetic portfolios. */
function part(id: string, kind: PartKind, extra: Partial<Part> = {}): Part {
  return { id, kind, slug: id.replace(/_/g, '-'), dates: [], rationale: [], tags: [], files: [], extensions: [], ...extra };
}

/** A bare relation for synthetic portfolios. */
function relation(id: string, type: string, from: string, ...to: string[]): Relation {
  return { id, type, from, to, extensions: [] };
}

const portfolioOf = (parts: Part[], relations: Relation[]): Portfolio => ({ id: 'p', parts, relations, files: [], extensions: [] });

describe('selectParts on the example portfolio', () => {
  it('the canonical example: entries in order, with what each with adds', () => {
    expect(
      select([
        { kind: 'identification' },
        { id: 'competency_typography', with: ['evidence', 'reflections', 'assertions'] },
        { tag: 'branding' },
        { kind: 'goal', status: 'Active' },
      ]),
    ).toEqual([
      'identification_lea',
      'competency_typography',
      'product_poster_nord', // Evidences competency_typography
      'assertion_tutor_poster', // Attests the poster
      'reflexion_poster_process', // ReflectsOn the poster, Claims the evidence link
      'rubric_poster_critique', // Evaluates the poster
      'product_brand_sauvage', // typename "branding"
      'goal_accessible_curriculum', // by date, newest first: targets 2027,
      'goal_accessible_curriculum_workshops', // 2026,
      'goal_accessible_curriculum_certificate', // 2025
    ]);
  });

  it('sort: date (default) is newest first with undated last; title; manual keeps the portfolio order', () => {
    const dated = { ...content, parts: content.parts.map((p) => (p.kind === 'goal' && p.id.endsWith('certificate') ? { ...p, dates: [] } : p)) };
    expect(select([{ kind: 'goal' }], dated)).toEqual(['goal_accessible_curriculum', 'goal_accessible_curriculum_workshops', 'goal_accessible_curriculum_certificate']);
    expect(select([{ kind: 'activity' }])[0]).toBe('activity_workshop_colour');
    const manual = select([{ kind: 'goal', sort: 'manual' }]);
    expect(manual).toEqual(content.parts.filter((p) => p.kind === 'goal').map((p) => p.id));
    const titled = select([{ kind: 'product', sort: 'title' }]);
    const titles = titled.map((id) => { const p = content.parts.find((x) => x.id === id)!; return p.title?.value ?? p.description?.short?.value ?? p.slug; });
    expect(titles).toEqual([...titles].sort(new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare));
    expect(new Set(titled)).toEqual(new Set(select([{ kind: 'product', sort: 'manual' }])));
    // Across entries the select order wins, whatever each entry's sort.
    expect(select([{ kind: 'goal', sort: 'title' }, { kind: 'identification' }]).at(-1)).toBe('identification_lea');
  });

  it('id matches the id as given, the slug, or the source id', () => {
    expect(select([{ id: 'competency_typography' }])).toEqual(['competency_typography']);
    expect(select([{ id: 'competency-typography' }])).toEqual(['competency_typography']);
    expect(select([{ id: 'SAUV-2022-ID' }])).toEqual(['product_brand_sauvage']);
    // Ids compare exactly.
    expect(select([{ id: 'Competency_Typography' }])).toEqual([]);
  });

  it('kind selects every part of the kind, in portfolio order', () => {
    expect(select([{ kind: 'competency' }])).toEqual(['competency_typography', 'competency_branding', 'competency_accessibility']);
  });

  it('tag matches the type value or a tag, case-insensitively; status likewise', () => {
    expect(select([{ tag: 'BRANDING' }])).toEqual(['product_brand_sauvage']);
    expect(select([{ status: 'completed', sort: 'manual' }])).toEqual(['activity_editorial_studio', 'activity_workshop_colour']);
    const tagged = { ...content, parts: content.parts.map((p) => (p.id === 'product_manifesto' ? { ...p, tags: ['Manifestos'] } : p)) };
    expect(select([{ tag: 'manifestos' }], tagged)).toEqual(['product_manifesto']);
  });

  it('the fields of an entry combine: every one must match', () => {
    expect(select([{ kind: 'goal', status: 'Active' }])).toHaveLength(3);
    expect(select([{ kind: 'activity', tag: 'education' }])).toEqual(['activity_editorial_studio']);
    expect(select([{ kind: 'affiliation', status: 'Active' }])).toEqual(['affiliation_typographes']);
    expect(select([{ id: 'competency_typography', kind: 'goal' }])).toEqual([]);
  });

  it('evidence follows Evidences into the part', () => {
    expect(select([{ id: 'competency_typography', with: ['evidence'] }])).toEqual(['competency_typography', 'product_poster_nord']);
    expect(select([{ kind: 'competency', with: ['evidence'] }])).toEqual([
      'competency_typography',
      'product_poster_nord',
      'competency_branding',
      'product_brand_sauvage',
      'competency_accessibility',
      'product_case_study_tisserands',
    ]);
  });

  it('reflections and assertions apply to the part and its evidence, one step', () => {
    // Nothing reflects on the competency itself, and no relation is "among" one part.
    expect(select([{ id: 'competency_typography', with: ['reflections'] }])).toEqual(['competency_typography']);
    expect(select([{ id: 'competency_typography', with: ['evidence', 'reflections'] }])).toEqual([
      'competency_typography',
      'product_poster_nord',
      'reflexion_poster_process',
    ]);
    // A Claims made by a reflexion counts as a reflection, not an assertion.
    expect(select([{ id: 'competency_typography', with: ['evidence', 'assertions'] }])).toEqual([
      'competency_typography',
      'product_poster_nord',
      'assertion_tutor_poster',
      'rubric_poster_critique',
    ]);
    expect(select([{ id: 'product_case_study_tisserands', with: ['reflections'] }])).toEqual([
      'product_case_study_tisserands',
      'reflexion_accessibility_audit',
    ]);
  });

  it('a Claims of a relation among the gathered parts brings the claiming part', () => {
    const noReflectsOn = { ...content, relations: content.relations.filter((r) => r.type !== 'ReflectsOn') };
    expect(select([{ id: 'competency_typography', with: ['evidence', 'reflections'] }], noReflectsOn)).toEqual([
      'competency_typography',
      'product_poster_nord',
      'reflexion_poster_process',
    ]);
  });

  it('parts follows nesting, recursively, each right after its parent', () => {
    expect(select([{ id: 'activity_editorial_studio', with: ['parts'] }])).toEqual([
      'activity_editorial_studio',
      'activity_zine_nord',
      'activity_editorial_testimonial',
    ]);
    expect(select([{ id: 'activity_editorial_studio' }])).toEqual(['activity_editorial_studio']);
    const deep = portfolioOf([part('a', 'activity'), part('b', 'product', { parent: 'a' }), part('c', 'product', { parent: 'b' }), part('d', 'product')], []);
    expect(select([{ id: 'a', with: ['parts'] }], deep)).toEqual(['a', 'b', 'c']);
  });

  it('a part selected twice keeps its first place', () => {
    expect(select([{ id: 'product_poster_nord' }, { id: 'competency_typography', with: ['evidence'] }, { kind: 'competency' }])).toEqual([
      'product_poster_nord',
      'competency_typography',
      'competency_branding',
      'competency_accessibility',
    ]);
  });

  it('relation names compare case-insensitively, and Leap2A names are rows of the table', () => {
    for (const n of ['ReflectsOn', 'reflectson', 'reflects_on', 'leap2:reflects_on', 'Reflects-On']) expect(relationKey(n)).toBe('reflectson');
    const p = portfolioOf(
      [part('c', 'competency'), part('e1', 'product'), part('e2', 'product'), part('e3', 'product'), part('r1', 'reflexion'), part('r2', 'reflexion'), part('a1', 'assertion')],
      [
        relation('x1', 'evidences', 'e1', 'c'),
        relation('x2', 'leap2:is_evidence_of', 'e2', 'c'),
        relation('x3', 'has_evidence', 'c', 'e3'),
        relation('x4', 'REFLECTSON', 'r1', 'e2'),
        relation('x5', 'reflected_on_by', 'e3', 'r2'),
        relation('x6', 'Claims', 'a1', 'x1'),
        relation('x7', 'Supports', 'e1', 'c'),
      ],
    );
    expect(select([{ id: 'c', with: ['evidence'] }], p)).toEqual(['c', 'e1', 'e2', 'e3']);
    expect(select([{ id: 'c', with: ['evidence', 'reflections'] }], p)).toEqual(['c', 'e1', 'e2', 'e3', 'r1', 'r2']);
    expect(select([{ id: 'c', with: ['evidence', 'assertions'] }], p)).toEqual(['c', 'e1', 'e2', 'e3', 'a1']);
  });
});

describe('selection diagnostics', () => {
  const config = `views:
  - id: v
    select:
      - kind: goal
        status: Completed
      - id: competency_typograpy
      - kind: competency
`;

  it('ViewSelectsNothing: an entry that matches no part, located at the entry', () => {
    const view = parseSiteConfig(config, 'vitrine.config.yaml').value.views[0]!;
    const bag = new DiagnosticBag();
    expect(selectParts(content, view.select, bag)).toEqual(['competency_typography', 'competency_branding', 'competency_accessibility']);
    const d = bag.items.find((x) => x.code === 'ViewSelectsNothing');
    expect(d).toMatchObject({ severity: 'warning', location: { file: 'vitrine.config.yaml', line: 4, column: 9 } });
    expect(d!.message).toContain('kind: goal, status: Completed');
  });

  it('ViewPartNotFound: an id no part has, with the nearest id', () => {
    const view = parseSiteConfig(config, 'vitrine.config.yaml').value.views[0]!;
    const bag = new DiagnosticBag();
    selectParts(content, view.select, bag);
    const d = bag.items.find((x) => x.code === 'ViewPartNotFound');
    expect(d).toMatchObject({ severity: 'warning', location: { file: 'vitrine.config.yaml', line: 6, column: 9 } });
    expect(d!.message).toContain('Did you mean "competency_typography"?');
    expect(bag.items).toHaveLength(2);
  });
});
