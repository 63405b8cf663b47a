import { beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readPortfolio } from '../index.ts';
import type { Part, PartKind, Portfolio, Relation } from '../model/types.ts';
import { parseSiteConfig } from './config.ts';
import { planViews, viewFolder } from './plan.ts';
import type { Selector, SiteConfig, ViewConfig, ViewPlan } from './types.ts';

let content: Portfolio;
beforeAll(async () => {
  // The IMS example: these expectations spell out its exact part and relation order.
  content = (await readPortfolio(resolve(import.meta.dirname, '../../test/fixtures/ims-example'))).value!;
});

const CANONICAL = `views:
  - id: studio-nord
    title: Portfolio for Studio Nord
    access: public
    lang: en
    select:
      - kind: identification
      - id: competency_typography
        with: [evidence, reflections, assertions]
      - tag: branding
      - kind: goal
        status: Active
    theme: { templates: my-templates/ }
`;

/** Plans one view selecting these entries from the example portfolio. */
function planOne(select: Selector[], extra: Partial<ViewConfig> = {}, portfolio = content): ViewPlan {
  const r = planViews(portfolio, { views: [{ id: 'v', access: 'public', select, ...extra }], file: '/site/vitrine.config.yaml' });
  expect(r.value).toHaveLength(1);
  return r.value[0]!;
}

const ids = (plan: ViewPlan) => plan.parts.map((p) => p.id);
const record = (p: Part) => p.ims!.record as Record<string, unknown>;

describe('planViews: a configured view', () => {
  it('plans the canonical example: parts, relations narrowed to the view, files, owner', () => {
    const config = parseSiteConfig(CANONICAL, '/home/lea/site/vitrine.config.yaml').value;
    const r = planViews(content, config);
    expect(r.diagnostics).toEqual([]);
    const plan = r.value[0]!;
    expect(plan).toMatchObject({
      id: 'studio-nord',
      folder: 'studio-nord',
      title: 'Portfolio for Studio Nord',
      lang: 'en',
      access: 'public',
      noindex: false,
      preview: false,
      package: false,
      theme: { templates: '/home/lea/site/my-templates' },
    });
    expect(ids(plan)).toEqual([
      'identification_lea',
      'competency_typography',
      'product_poster_nord',
      'assertion_tutor_poster',
      'reflexion_poster_process',
      'rubric_poster_critique',
      'product_brand_sauvage',
      'goal_accessible_curriculum', // by date, newest first: targets 2027,
      'goal_accessible_curriculum_workshops', // 2026,
      'goal_accessible_curriculum_certificate', // 2025
    ]);
    expect(plan.relations.map((x) => `${x.id}: ${x.from} -> ${x.to.join(' ')}`)).toEqual([
      'rel_goal_aims_at_competencies: goal_accessible_curriculum -> competency_typography',
      'rel_tutor_attests_poster: assertion_tutor_poster -> product_poster_nord',
      'rel_poster_evidences_typography: product_poster_nord -> competency_typography',
      'rel_reflexion_claims_typography: reflexion_poster_process -> rel_poster_evidences_typography',
      'rel_rubric_evaluates_poster: rubric_poster_critique -> product_poster_nord',
      'rel_reflexion_reflects_on_poster: reflexion_poster_process -> product_poster_nord',
    ]);
    expect(plan.files.map((f) => f.path).sort()).toEqual(['files/brand-sauvage-guidelines.pdf', 'files/logo-sauvage.jpg', 'files/poster-nord.jpg']);
    expect(plan.owner?.id).toBe('identification_lea');
    expect(plan.owner).toBe(plan.parts[0]);
    expect(plan.personalData.map((d) => d.kind)).toEqual(expect.arrayContaining(['email', 'phone', 'address', 'birth-date', 'identifier']));
  });

  it('copies the parts: editing a plan leaves the portfolio alone', () => {
    const plan = planOne([{ id: 'activity_editorial_studio' }]);
    const original = content.parts.find((p) => p.id === 'activity_editorial_studio')!;
    expect(plan.parts[0]).not.toBe(original);
    plan.parts[0]!.description!.short!.value = 'changed';
    expect(original.description!.short!.value).not.toBe('changed');
    // The portfolio still names its nested parts.
    expect(JSON.stringify(original.ims!.record)).toContain('activity_zine_nord');
  });

  it('drops parent when the parent is not in the view', () => {
    expect(planOne([{ id: 'activity_zine_nord' }]).parts[0]!.parent).toBeUndefined();
    expect(planOne([{ id: 'goal_accessible_curriculum_workshops' }]).parts[0]!.parent).toBeUndefined();
    const both = planOne([{ id: 'goal_accessible_curriculum', with: ['parts'] }]);
    expect(both.parts.map((p) => p.parent)).toEqual([undefined, 'goal_accessible_curriculum', 'goal_accessible_curriculum']);
  });

  it('removes placeholders of nested parts that are not in the view', () => {
    const alone = planOne([{ id: 'activity_editorial_studio' }]).parts[0]!;
    const items = record(alone).items as { el: string }[];
    expect(items.map((i) => i.el)).toEqual(['learningactivityref', 'definition', 'evaluation']);
    const withParts = planOne([{ id: 'activity_editorial_studio', with: ['parts'] }]).parts[0]!;
    expect((record(withParts).items as { el: string }[]).map((i) => i.el)).toEqual(['learningactivityref', 'definition', 'product', 'testimonial', 'evaluation']);
    // Only one of two sub-goals selected: only that one stays named.
    const goal = planOne([{ id: 'goal_accessible_curriculum' }, { id: 'goal_accessible_curriculum_workshops' }]).parts[0]!;
    expect(record(goal).goals).toEqual([{ ref: 'goal_accessible_curriculum_workshops' }]);
    const interest = planOne([{ id: 'interest_letterpress' }]).parts[0]!;
    expect(record(interest).product).toBeUndefined();
    expect(record(planOne([{ id: 'interest_letterpress', with: ['parts'] }]).parts[0]!).product).toEqual({ ref: 'interest_letterpress_cards' });
  });

  it('keeps relations from the view, narrows their ends, drops those left without one', () => {
    const plan = planOne([{ id: 'goal_accessible_curriculum' }, { id: 'competency_accessibility' }, { id: 'participation_design_educators' }]);
    expect(plan.relations.map((x) => [x.id, x.to])).toEqual([
      ['rel_goal_aims_at_competencies', ['competency_accessibility']],
      ['rel_participation_supports_goal', ['goal_accessible_curriculum']],
    ]);
    // The goal alone: its AimsAt has no end left.
    expect(planOne([{ id: 'goal_accessible_curriculum' }]).relations).toEqual([]);
    // A relation into the view from a part outside it is not the view's.
    expect(planOne([{ id: 'competency_typography' }]).relations).toEqual([]);
  });

  it('a Claims of a relation is kept only when that relation is', () => {
    const without = planOne([{ id: 'reflexion_poster_process' }, { id: 'product_poster_nord' }]);
    expect(without.relations.map((x) => x.id)).toEqual(['rel_reflexion_reflects_on_poster']);
    const withIt = planOne([{ id: 'reflexion_poster_process' }, { id: 'product_poster_nord' }, { id: 'competency_typography' }]);
    expect(withIt.relations.map((x) => x.id)).toEqual(['rel_poster_evidences_typography', 'rel_reflexion_claims_typography', 'rel_reflexion_reflects_on_poster']);
  });

  it('relations that only name each other are not kept', () => {
    const p: Portfolio = {
      id: 'p',
      parts: [bare('a', 'reflexion'), bare('b', 'reflexion'), bare('c', 'product')],
      relations: [rel('x1', 'Claims', 'a', 'x2'), rel('x2', 'Claims', 'b', 'x1'), rel('x3', 'Claims', 'a', 'x4'), rel('x4', 'Evidences', 'b', 'c')],
      files: [],
      extensions: [],
    };
    expect(planOne([{ id: 'a' }, { id: 'b' }], {}, p).relations).toEqual([]);
    expect(planOne([{ id: 'a' }, { id: 'b' }, { id: 'c' }], {}, p).relations.map((x) => x.id)).toEqual(['x3', 'x4']);
  });

  it('has only the files its parts use', () => {
    expect(planOne([{ id: 'activity_zine_nord' }]).files.map((f) => f.path)).toEqual(['files/poster-nord.jpg']);
    expect(planOne([{ id: 'product_brand_sauvage' }]).files.map((f) => f.path)).toEqual(['files/brand-sauvage-guidelines.pdf', 'files/logo-sauvage.jpg']);
    expect(planOne([{ kind: 'competency' }]).files).toEqual([]);
    const talk = planOne([{ id: 'product_talk_lire' }]).files;
    expect(talk.map((f) => f.path).sort()).toEqual(['files/talk-lire-excerpt.vtt', 'files/talk-lire-excerpt.wav', 'files/talk-lire-transcript.txt']);
    expect(talk[0]!.bytes.byteLength).toBeGreaterThan(0);
  });

  it('leaves out an extension that names a part outside the view', () => {
    const ext = (id: string, text: string) => ({ path: '', slot: 'unknown' as const, element: { type: 'element' as const, ns: 'urn:x', name: id, attrs: [], children: [{ type: 'text' as const, text }] } });
    const p: Portfolio = {
      id: 'p',
      parts: [bare('a', 'product', { extensions: [ext('seeAlso', ' b '), ext('note', 'b is nice')] }), bare('b', 'product')],
      relations: [],
      files: [],
      extensions: [],
    };
    expect(planOne([{ id: 'a' }], {}, p).parts[0]!.extensions.map((x) => x.element.name)).toEqual(['note']);
    expect(planOne([{ id: 'a' }, { id: 'b' }], {}, p).parts[0]!.extensions.map((x) => x.element.name)).toEqual(['seeAlso', 'note']);
  });

  it('defaults: title is the id, lang the portfolio language else en; no identification, no owner', () => {
    const plan = planOne([{ kind: 'competency' }]);
    expect(plan).toMatchObject({ title: 'v', lang: 'en', theme: {} });
    expect(plan.owner).toBeUndefined();
    expect(planOne([{ kind: 'competency' }], {}, { ...content, lang: 'fr' }).lang).toBe('fr');
    expect(planOne([{ kind: 'competency' }], { description: 'd', package: true })).toMatchObject({ description: 'd', package: true });
  });

  it('unlisted and protected views are noindex, in an unguessable folder; protected ones carry a passphrase', () => {
    const u = planOne([{ kind: 'goal' }], { access: 'unlisted' });
    expect(u).toMatchObject({ noindex: true, access: 'unlisted' });
    expect(u.folder).toMatch(/^[a-z2-7]{26}$/);
    expect(u.passphrase).toBeUndefined();
    const p = planOne([{ kind: 'goal' }], { access: 'protected' });
    expect(p.noindex).toBe(true);
    expect(p.folder).toMatch(/^[a-z2-7]{26}$/);
    expect(p.passphrase!.split(' ')).toHaveLength(8);
    expect(viewFolder({ id: 'studio-nord', access: 'public' })).toBe('studio-nord');
    expect(viewFolder({ id: 'x', access: 'unlisted' }, { folder: 'abcdefghijklmnopqrstuvwxyz' })).toBe('abcdefghijklmnopqrstuvwxyz');
  });

  it('personal data comes from the view\'s parts only', () => {
    const plan = planOne([{ id: 'assertion_tutor_poster' }, { id: 'product_poster_nord' }]);
    expect(plan.personalData).toEqual([{ kind: 'email', partId: 'assertion_tutor_poster', value: 'h.alund@ecole-lumiere.example' }]);
  });

  it('reports entries that select nothing, at their place in the config', () => {
    const config = parseSiteConfig('views:\n  - id: v\n    select:\n      - kind: goal\n      - tag: nowhere\n', 'c.yaml').value;
    const r = planViews(content, config);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'ViewSelectsNothing', location: { file: 'c.yaml', line: 5, column: 9 } })]);
    expect(ids(r.value[0]!)).toHaveLength(3);
  });
});

describe('planViews: no view configured', () => {
  const none: SiteConfig = { views: [], expected: 'content/vitrine.config.yaml' };

  it('builds one noindex preview of everything but security keys', () => {
    const plan = planViews(content, none).value;
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ id: 'preview', folder: 'preview', noindex: true, preview: true, access: 'public' });
    // Security keys are never published by default: a view must name them by id.
    expect(ids(plan[0]!)).toEqual(content.parts.filter((p) => p.kind !== 'securitykey').map((p) => p.id));
    expect(ids(plan[0]!)).not.toContain('securitykey_openpgp');
    expect(plan[0]!.relations).toHaveLength(content.relations.length);
    // Every file a part uses; a file of the package no part uses is not published.
    const used = new Set(content.parts.filter((p) => p.kind !== 'securitykey').flatMap((p) => p.files));
    expect(plan[0]!.files.map((f) => f.path)).toEqual(content.files.map((f) => f.path).filter((f) => used.has(f)));
    expect(plan[0]!.owner?.id).toBe('identification_lea');
  });

  it('PreviewOnly: says what personal data the preview exposes and where a config would go', () => {
    const r = planViews(content, none);
    const d = r.diagnostics.find((x) => x.code === 'PreviewOnly');
    expect(d).toMatchObject({ severity: 'info', location: { file: 'content/vitrine.config.yaml' } });
    expect(d!.hint).toContain('vitrine.config.yaml');
    for (const word of ['e-mail', 'phone', 'postal address', 'birth date', 'identifier']) expect(d!.message).toContain(word);
    // Kinds and parts, not the values: diagnostics land in logs.
    expect(d!.message).not.toContain('lea@moreau-lindqvist.example');
    const kinds = new Set(r.value[0]!.personalData.map((x) => x.kind));
    for (const k of ['email', 'phone', 'address', 'birth-date', 'identifier', 'name', 'web'] as const) expect(kinds.has(k), k).toBe(true);
    expect(kinds.has('security-key'), 'security keys are left out of the preview').toBe(false);
  });

  it('a config file whose views all failed plans nothing rather than everything', () => {
    expect(planViews(content, { views: [], file: 'vitrine.config.yaml' })).toEqual({ value: [], diagnostics: [] });
  });
});

function bare(id: string, kind: PartKind, extra: Partial<Part> = {}): Part {
  return { id, kind, slug: id, dates: [], rationale: [], tags: [], files: [], extensions: [], ...extra };
}

function rel(id: string, type: string, from: string, ...to: string[]): Relation {
  return { id, type, from, to, extensions: [] };
}
