// Reading the project's own IMS quirks fixtures (test/fixtures/ims-quirks/, see its README):
// every part kind, relation and quirk that the real samples of ../shared exercise, checked here
// on files we wrote, so the checks run on any clone. test/ims/samples.test.ts keeps proving the
// same on the real files where ../shared is there.
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Part, Portfolio } from '../../src/index.ts';
import { repoRoot } from '../support/env.ts';
import { itemsOf, part, readOnce, relation, xmlFilesIn, type Loose } from './helpers.ts';

const quirks = join(repoRoot, 'test', 'fixtures', 'ims-quirks');
const pkg = join(quirks, 'package');
const lip = join(quirks, 'lip');

const LIP = 'http://www.imsglobal.org/xsd/imslip_v1p0';
const imsdefault = (value: string) => ({ value, sourceType: 'imsdefault' });
const lipType = (value: string) => ({ source: { sourcetype: 'imsdefault' }, value: { value } });
const lipDate = (type: string, datetime: string) => ({ typename: lipType(type), datetime });
const label = (value: string) => ({ typename: { value: { value } } });

async function read(input: string): Promise<{ p: Portfolio; diagnostics: Diagnostic[] }> {
  const r = await readOnce(input);
  expect(r.diagnostics.filter((d) => d.severity === 'error'), `errors reading ${input}`).toEqual([]);
  expect(r.value).toBeDefined();
  return { p: r.value!, diagnostics: r.diagnostics };
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();

// ---------------------------------------------------------------------------------------------
// An IMS ePortfolio package: manifest, LIP and ePortfolio parts, two files it does not hold
// ---------------------------------------------------------------------------------------------

function expectProduct(prod: Part, file: string): void {
  expect(prod.id).toBe('bench7');
  expect(prod.kind).toBe('product');
  // The <activity> wrapper has no id: the product is a top-level part, not a child.
  expect(prod.parent).toBeUndefined();
  expect(prod.sourcedId).toEqual({ source: 'Guild Workshop Register', id: 'Bench 7' });
  expect(prod.type).toEqual({ value: 'Joinery piece', lang: 'en', source: 'Guild Work Catalogue', sourceType: 'proprietary' });
  expect(prod.comment).toEqual({ value: 'Made over one winter term.', lang: 'en' });
  expect(prod.dates).toEqual([{ type: imsdefault('Birth'), value: '2023-03-14T09:30:00+01:00' }]);
  expect(prod.description?.short).toEqual({ value: 'Oak workbench', lang: 'en' });
  expect(prod.description?.full).toEqual([{ carrier: 'uri', mode: 'Text', mimeType: 'application/word', text: 'bench-plans.odt' }]);
  expect(prod.files).toEqual([]); // the .odt is named but absent: a reference only
  expect(prod.ims?.element).toBe('product');
  expect(prod.ims?.file).toBe(file);
  const ext = prod.extensions.find((x) => x.slot === 'ext' && x.element.name === 'ext_product');
  expect(ext).toMatchObject({ path: '', element: { ns: LIP, name: 'ext_product' } });
  expect(ext!.element.children.filter((c) => c.type === 'element')).toEqual([
    expect.objectContaining({ type: 'element', ns: LIP, name: 'short', children: [{ type: 'text', text: 'Kept as the exporter wrote it' }] }),
  ]);
  expect(prod.extensions.find((x) => x.element.name === 'ext_contentype')).toMatchObject({ path: '/contentype', slot: 'ext', element: { ns: LIP, children: [] } });
  expect(prod.extensions).toHaveLength(2);
}

function expectIdentification(id: Part, file: string): void {
  expect([id.id, id.kind, id.ims?.file]).toEqual(['ident_1', 'identification', file]);
  const [formname, ...more] = itemsOf(id.ims?.record, 'formname');
  expect(more).toEqual([]);
  expect(formname.text).toEqual({ value: 'Ines Varga-Holm' });
  expect(formname.typename).toEqual(lipType('Contact'));
  expect(formname.contentype.items).toEqual([{ el: 'referential', value: { indexid: 'formname_1' } }]);
}

function expectAssertion(a: Part): void {
  expect([a.id, a.kind, a.ims?.element, a.ims?.file]).toEqual(['assertion_1', 'assertion', 'assertion', 'Assertion.xml']);
  expect(a.author).toEqual({ value: 'M. Quist (workshop master)', lang: 'en-GB' });
  expect(a.rationale).toEqual([{ value: 'Sign-off of the journeyman piece', lang: 'en-GB' }]);
  expect(a.dates).toEqual([{ type: { value: 'Create', source: 'GuildDates', sourceType: 'standard' }, value: '2023-04-02T16:05:00' }]);
  expect(a.description?.short).toEqual({ value: "Ines's workbench" });
  // Two spaces inside the text stay as written.
  expect(a.description?.long).toEqual({ value: 'I watched the bench being built and confirm every joint was cut by hand by Ines.  The drawbore pegs are exemplary.' });
  // An ePortfolio part root has no <learnerinformation> wrapper.
  expect(a.ims?.document).toBeUndefined();
}

function expectReflexion(r: Part): void {
  expect([r.id, r.kind, r.ims?.element, r.ims?.file]).toEqual(['reflexion_1', 'reflexion', 'reflexion', 'Reflexion.xml']);
  expect(r.author).toBeUndefined();
  expect(r.rationale).toEqual([{ value: 'Self-review', lang: 'en-GB' }]);
  expect(r.dates).toEqual([{ type: { value: 'Create', source: 'GuildDates', sourceType: 'standard' }, value: '2023-04-10T20:15:00' }]);
  expect(r.description?.short).toEqual({ value: 'What I would change' });
  expect(r.description?.long).toEqual({ value: 'The vice chop should have been thicker; next time I will laminate it.' });
}

describe('IMS quirks fixture: the package folder', () => {
  it('reads the parts in manifest order and the package metadata', async () => {
    const { p } = await read(pkg);
    expect(p.id).toBe('MANIFEST-QUIRKS-0001');
    expect(p.title).toBe('Workshop Portfolio');
    expect(p.ims?.manifest).toMatchObject({ metadata: { schema: 'Portfolio Package', schemaversion: '1.0' } });
    expect(p.ims?.manifest?.version).toBeUndefined(); // "1.0" is the default every export writes
    expect(p.parts.map((x) => [x.id, x.kind])).toEqual([
      ['ident_1', 'identification'],
      ['bench7', 'product'],
      ['assertion_1', 'assertion'],
      ['reflexion_1', 'reflexion'],
    ]);
    expect(p.files).toEqual([]);
  });

  it('maps every field of each part', async () => {
    const { p } = await read(pkg);
    expectIdentification(part(p, 'ident_1'), 'Identification.xml');
    expectProduct(part(p, 'bench7'), 'Product.xml');
    expectAssertion(part(p, 'assertion_1'));
    expectReflexion(part(p, 'reflexion_1'));
  });

  it('resolves a relation end that names a part by its sourcedid id', async () => {
    const { p } = await read(pkg);
    expect(p.relations).toHaveLength(1);
    const rel = relation(p, 'rel_1');
    expect([rel.from, rel.type, rel.to]).toEqual(['bench7', 'isCommentedOnBy', ['reflexion_1', 'assertion_1']]);
    expect(rel.category).toEqual(imsdefault('feedback'));
    expect(rel.description?.short).toEqual({ value: 'What others and I said about the bench' });
    expect(rel.implicit).toBeUndefined();
    expect(rel.ims?.file).toBe('Relationship.xml');
  });

  it('reports the absent files, the unregistered media type and the unknown relation name, and nothing else', async () => {
    const { diagnostics } = await read(pkg);
    const manifest = join(pkg, 'imsmanifest.xml');
    const fromManifest = diagnostics.filter((d) => d.code === 'ResourceFileMissing' && d.location?.file === manifest);
    expect(fromManifest.map((d) => d.severity)).toEqual(['warning', 'warning']);
    for (const f of ['bench-plans.odt', 'Accessibility.xml']) expect(fromManifest.some((d) => d.message.includes(`"${f}"`)), f).toBe(true);
    const fromProduct = diagnostics.filter((d) => d.code === 'ResourceFileMissing' && d.location?.file === join(pkg, 'Product.xml'));
    expect(fromProduct.map((d) => d.message)).toEqual([expect.stringContaining('"bench-plans.odt"')]);
    const mime = diagnostics.filter((d) => d.code === 'MimeTypeSuspicious');
    expect(mime.map((d) => [d.severity, d.location?.file])).toEqual([['warning', join(pkg, 'Product.xml')]]);
    expect(mime[0]!.message).toContain('application/msword');
    const unknown = diagnostics.filter((d) => d.code === 'RelationTypeUnknown');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ severity: 'info', location: { file: join(pkg, 'Relationship.xml'), line: 4, column: 3 } });
    expect(unknown[0]!.message).toContain('isCommentedOnBy');
    expect(codes(diagnostics)).toEqual(['MimeTypeSuspicious', 'RelationTypeUnknown', 'ResourceFileMissing', 'ResourceFileMissing', 'ResourceFileMissing']);
  });
});

describe('IMS quirks fixture: package files read alone', () => {
  it('a part file alone is a portfolio named after the file', async () => {
    const id = await read(join(pkg, 'Identification.xml'));
    expect([id.p.id, id.p.title, id.p.parts.length]).toEqual(['Identification', 'Identification', 1]);
    expectIdentification(id.p.parts[0]!, 'Identification.xml');
    expect(id.diagnostics).toEqual([]);
    const prod = await read(join(pkg, 'Product.xml'));
    expectProduct(prod.p.parts[0]!, 'Product.xml');
    expect(prod.diagnostics.map((d) => [d.code, d.location?.file]).sort()).toEqual([
      ['MimeTypeSuspicious', join(pkg, 'Product.xml')],
      ['ResourceFileMissing', join(pkg, 'Product.xml')],
    ]);
    const a = await read(join(pkg, 'Assertion.xml'));
    expectAssertion(a.p.parts[0]!);
    expect(a.diagnostics).toEqual([]);
    const r = await read(join(pkg, 'Reflexion.xml'));
    expectReflexion(r.p.parts[0]!);
    expect(r.diagnostics).toEqual([]);
  });

  it('a relationship alone keeps its ends as written and reports each as missing', async () => {
    const { p, diagnostics } = await read(join(pkg, 'Relationship.xml'));
    expect(p.parts).toEqual([]);
    const rel = relation(p, 'rel_1');
    expect([rel.from, rel.to]).toEqual(['Bench 7', ['reflexion_1', 'assertion_1']]);
    const missing = diagnostics.filter((d) => d.code === 'RelationTargetMissing');
    expect(missing.map((d) => d.severity)).toEqual(['warning', 'warning', 'warning']);
    for (const end of ['Bench 7', 'reflexion_1', 'assertion_1']) expect(missing.some((d) => d.message.includes(`"${end}"`)), end).toBe(true);
    expect(codes(diagnostics)).toEqual(['RelationTargetMissing', 'RelationTargetMissing', 'RelationTargetMissing', 'RelationTypeUnknown']);
  });

  it('the manifest alone: the package metadata, no parts, every resource file missing', async () => {
    const { p, diagnostics } = await read(join(pkg, 'imsmanifest.xml'));
    expect([p.id, p.title, p.parts, p.relations]).toEqual(['MANIFEST-QUIRKS-0001', 'Workshop Portfolio', [], []]);
    for (const d of diagnostics) expect([d.code, d.severity]).toEqual(['ResourceFileMissing', 'warning']);
    for (const f of ['Identification.xml', 'Product.xml', 'Assertion.xml', 'Reflexion.xml', 'Relationship.xml', 'Accessibility.xml', 'bench-plans.odt']) {
      expect(diagnostics.some((d) => d.message.includes(`"${f}"`)), f).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// IMS LIP part files, one segment each, in a folder with no manifest
// ---------------------------------------------------------------------------------------------

interface LipFile {
  p: Portfolio;
  top: Part | undefined;
  kids: Part[];
}

function lipFile(p: Portfolio, file: string): LipFile {
  const tops = p.parts.filter((x) => x.ims?.file === file && !x.parent);
  expect(tops.length, `top-level parts from ${file}`).toBeLessThanOrEqual(1);
  const top = tops[0];
  return { p, top, kids: top ? p.parts.filter((x) => x.parent === top.id) : [] };
}

/** Each file's <learnerinformation> comment and document sourcedid. */
const lipDocuments: Record<string, { comment: string; source: string; id: string }> = {
  'accessibility.xml': { comment: 'Fixture: one accessibility preference.', source: 'Vitrine_Fixture', id: 'acc_1' },
  'activity-apprenticeship.xml': { comment: 'Fixture: an apprenticeship with its piece and a reference.', source: 'Vitrine_Fixture', id: 'act_doc_1' },
  'activity-second-export.xml': { comment: 'Fixture: the same ids again, from a second export.', source: 'Vitrine_Fixture', id: 'act_doc_2' },
  'affiliation.xml': { comment: 'Fixture: a guild membership.', source: 'Vitrine_Fixture', id: 'aff_doc_1' },
  'competency.xml': { comment: 'Fixture: competencies held elsewhere.', source: 'Vitrine_Fixture', id: 'comp_doc_1' },
  'goal.xml': { comment: 'Fixture: a goal with two steps.', source: 'Vitrine_Fixture', id: 'goal_doc_1' },
  'identification-full.xml': { comment: 'Fixture: who the learner is.', source: 'Vitrine_Fixture', id: 'iden_doc_1' },
  'identification-name-only.xml': { comment: 'Fixture: a name alone, under an id used before.', source: 'vitrine_fixture_b', id: 'iden_doc_2' },
  'interest.xml': { comment: 'Fixture: a pastime with a picture.', source: 'Vitrine_Fixture', id: 'intt_doc_1' },
  'qcl.xml': { comment: 'Fixture: a certificate.', source: 'Vitrine_Fixture', id: 'qcl_doc_1' },
  'relationship.xml': { comment: 'Fixture: the certificate rests on the transcript.', source: 'Vitrine_Fixture', id: 'rel_doc_1' },
  'transcript.xml': { comment: 'Fixture: the marks behind the certificate.', source: 'Vitrine_Fixture', id: 'trns_doc_1' },
};

/** The ids of each file's parts when read alone. */
const lipIds: Record<string, { top?: string; kids: string[] }> = {
  'accessibility.xml': { top: 'access_1', kids: [] },
  'activity-apprenticeship.xml': { top: 'act_1', kids: ['act_piece_1', 'act_reference_1'] },
  'activity-second-export.xml': { top: 'act_1', kids: ['act_piece_1'] },
  'affiliation.xml': { top: 'affil_1', kids: [] },
  'competency.xml': { top: 'comp_1', kids: [] },
  'goal.xml': { top: 'goal_1', kids: ['goal_1_step_1', 'goal_1_step_2'] },
  'identification-full.xml': { top: 'ident_1', kids: [] },
  'identification-name-only.xml': { top: 'ident_1', kids: [] },
  'interest.xml': { top: 'interest_1', kids: ['interest_photo_1'] },
  'qcl.xml': { top: 'qcl_1', kids: [] },
  'relationship.xml': { kids: [] },
  'transcript.xml': { top: 'transcript_1', kids: [] },
};

/** The distinctive fields of each LIP fixture, whether read alone or in the folder. */
const lipChecks: Record<string, (f: LipFile) => void> = {
  'accessibility.xml': ({ top }) => {
    expect(top!.kind).toBe('accessibility');
    const prefs = itemsOf(top!.ims?.record, 'preference');
    expect(prefs).toHaveLength(1);
    expect(prefs[0].prefcode).toEqual({ value: 'Screen magnifier at 200%' });
    expect(prefs[0].typename).toEqual(lipType('OutputTech'));
    expect(prefs[0].contentype.items).toEqual([{ el: 'referential', value: { indexid: 'pref_1' } }]);
  },

  'activity-apprenticeship.xml': ({ top, kids }) => {
    const a = top!;
    expect(a.kind).toBe('activity');
    expect(a.type).toEqual(imsdefault('Work'));
    expect(a.dates).toEqual([{ type: imsdefault('Award'), value: '2022-07-01T00:00:00' }]);
    expect(a.status).toEqual({ type: imsdefault('Completed'), date: { type: imsdefault('Finish'), value: '2022-06-20T00:00:00' } });
    expect(a.description?.short).toEqual({ value: 'Second year of the apprenticeship.' });
    const r = a.ims!.record as Loose;
    expect(r.units.fields).toEqual([{ label: label('Hours'), data: '1200' }]);
    expect(r.items.map((x: Loose) => x.el)).toEqual(['learningactivityref', 'definition', 'product', 'testimonial', 'evaluation']);
    expect(itemsOf(r, 'learningactivityref')[0].items).toEqual([{ el: 'text', value: { value: 'Joinery apprenticeship, year two' } }]);
    const def = itemsOf(r, 'definition')[0];
    expect(def.typename).toEqual(lipType('Curriculum'));
    expect(def.contentype.items).toEqual([{ el: 'referential', value: { indexid: 'joinery_course' } }]);
    expect(def.fields).toEqual([{ label: label('Years'), data: '2' }]);
    const ev = itemsOf(r, 'evaluation')[0];
    expect(ev.contentype.items).toEqual([{ el: 'referential', value: { indexid: 'act_eval_1' } }]);
    expect(ev.results[0].items).toEqual([
      { el: 'interpretscore', value: { label: label('Lowest'), data: '1' } },
      { el: 'interpretscore', value: { label: label('Highest'), data: '5' } },
      { el: 'score', value: { label: label('Mark'), data: '4' } },
    ]);
    // A nested product and testimonial become parts of their own, referenced from the record.
    expect(kids.map((k) => [k.kind, k.ims?.element, k.ims?.position, k.parent, k.ims?.file])).toEqual([
      ['product', 'product', 0, a.id, undefined],
      ['assertion', 'testimonial', 1, a.id, undefined],
    ]);
    const [prod, testimonial] = kids as [Part, Part];
    expect(itemsOf(r, 'product')).toEqual([{ ref: prod.id }]);
    expect(itemsOf(r, 'testimonial')).toEqual([{ ref: testimonial.id }]);
    expect(prod.type).toEqual(imsdefault('Coursework'));
    expect(prod.description?.short).toEqual({ value: 'Dovetailed tool chest' });
    expect(prod.description?.full).toEqual([{ carrier: 'uri', mode: 'Image', mimeType: 'image/jpg', text: 'pieces/chest.jpg' }]);
    expect(testimonial.type).toEqual(imsdefault('Employer'));
    expect(testimonial.description?.full).toEqual([{ carrier: 'uri', mode: 'Text', mimeType: 'application/pdf', text: 'letters/reference.pdf' }]);
  },

  'activity-second-export.xml': ({ top, kids }) => {
    const a = top!;
    expect(a.kind).toBe('activity');
    expect(a.dates).toEqual([{ type: imsdefault('Create'), value: '2021-09-01T08:00:00' }]);
    expect(a.description).toBeUndefined();
    expect(kids).toHaveLength(1);
    const prod = kids[0]!;
    expect(itemsOf(a.ims?.record, 'product')).toEqual([{ ref: prod.id }]);
    expect(prod.description?.short).toEqual({ value: 'Mortise gauge' });
    // The media text runs onto the next line (and this file ends its lines with CR alone).
    expect(prod.description?.full).toEqual([{ carrier: 'uri', mode: 'Text', mimeType: 'text/doc', text: 'pieces/gauge-notes.doc' }]);
  },

  'affiliation.xml': ({ top }) => {
    const a = top!;
    expect(a.kind).toBe('affiliation');
    expect(a.type).toEqual(imsdefault('Professional'));
    expect(a.dates).toEqual([{ type: imsdefault('Join'), value: '2022-08-15T00:00:00' }]);
    expect(a.status).toEqual({ type: imsdefault('Active') });
    expect(a.description?.short).toEqual({ value: 'Dues paid to 2025' });
    const r = a.ims!.record as Loose;
    expect(r.classification).toEqual({ value: 'Journeyman' });
    expect(r.affiliationid).toBe('GW-0447');
    expect(r.roles).toHaveLength(1);
    expect(r.roles[0]).toMatchObject({
      typename: lipType('Member'),
      contentype: { items: [{ el: 'referential', value: { indexid: 'affil_role_1' } }] },
      dates: [lipDate('Start', '2022-09-01T00:00:00'), lipDate('Finish', '2024-08-31T00:00:00')],
      description: { short: { value: "Secretary of the young members' circle" } },
    });
    expect(r.organization).toEqual({ typename: lipType('Professional'), description: { short: { value: 'Guild of Woodworkers, North Chapter' } } });
  },

  'competency.xml': ({ top }) => {
    expect(top!.kind).toBe('competency');
    expect(top!.type).toBeUndefined();
    expect(top!.description?.short).toEqual({ value: 'Hand-tool joinery skills' });
    expect((top!.ims!.record as Loose).exrefrecord).toEqual({
      recformat: { uri: 'formats/guild-skills.pdf' },
      recdata: { uri: 'records/ines-skills.pdf' },
      dates: [lipDate('Award', '2023-01-20T10:00:00')],
    });
  },

  'goal.xml': ({ top, kids }) => {
    const g = top!;
    expect(g.kind).toBe('goal');
    expect(g.type).toEqual(imsdefault('Work'));
    expect(g.dates).toEqual([{ type: imsdefault('Start'), value: '2024-01-01T00:00:00' }]);
    expect(g.priority).toEqual({ value: 'Main aim' });
    expect(g.status).toEqual({ type: imsdefault('Active'), date: { type: imsdefault('Create'), value: '2024-01-02T00:00:00' } });
    expect(g.description?.full).toEqual([{ carrier: 'uri', mode: 'Image', mimeType: 'image/png', text: 'plans/floor.png' }]);
    expect(kids.map((k) => [k.id, k.kind, k.parent, k.type?.value, k.description?.short?.value, k.ims?.position])).toEqual([
      ['goal_1_step_1', 'goal', g.id, 'Work', 'Find a space with three-phase power', 0],
      ['goal_1_step_2', 'goal', g.id, 'Work', 'Buy a second-hand planer-thicknesser', 1],
    ]);
    expect((g.ims!.record as Loose).goals).toEqual([{ ref: 'goal_1_step_1' }, { ref: 'goal_1_step_2' }]);
  },

  'identification-full.xml': ({ top }) => {
    const i = top!;
    expect(i.kind).toBe('identification');
    expect(i.comment).toEqual({ value: '--- identification ---' });
    const r = i.ims!.record;
    expect((r as Loose).items.map((x: Loose) => x.el)).toEqual(['formname', 'name', 'address', 'contactinfo', 'demographics', 'agent']);
    expect(itemsOf(r, 'formname')[0]).toMatchObject({ text: { value: 'Ms Ines Varga-Holm' }, typename: lipType('Preferred') });
    expect(itemsOf(r, 'name')[0].partnames).toEqual([
      { typename: lipType('First'), text: { value: 'Ines' } },
      { typename: lipType('Last'), text: { value: 'Varga-Holm' } },
    ]);
    const address = itemsOf(r, 'address')[0];
    expect(address.street).toEqual({ streetname: { value: 'Sawmill Lane' }, aptnumber: { value: '4' }, aptnumsuffix: { value: 'c' } });
    expect([address.city, address.country]).toEqual([{ value: 'Eastwick' }, { value: 'Nowhere Land' }]);
    expect(itemsOf(itemsOf(r, 'contactinfo')[0], 'telephone')).toEqual([{ countrycode: '99', areacode: '012', indnumber: '5550147' }]);
    const demo = itemsOf(r, 'demographics')[0];
    expect(demo.gender).toEqual({ gender: 'F' });
    expect(demo.dates).toEqual([lipDate('Birth', '1999-11-23T00:00:00')]);
    const agent = itemsOf(r, 'agent')[0];
    expect([agent.agentid, agent.agentdomain, agent.comment]).toEqual(['M.Quist', { typename: lipType('Workshop') }, { value: '--- agent ---' }]);
  },

  'identification-name-only.xml': ({ top }) => {
    const r = top!.ims!.record;
    expect(top!.comment).toBeUndefined();
    expect(itemsOf(r, 'formname')).toEqual([]);
    const names = itemsOf(r, 'name');
    expect(names).toHaveLength(1);
    expect(names[0].contentype.items).toEqual([{ el: 'referential', value: { indexid: 'name_2' } }]);
    expect(names[0].partnames.map((x: Loose) => x.text.value)).toEqual(['Ina', 'Holm']);
  },

  'interest.xml': ({ top, kids }) => {
    const i = top!;
    expect(i.kind).toBe('interest');
    expect(i.type).toEqual(imsdefault('Recreational'));
    expect(kids).toHaveLength(1);
    const prod = kids[0]!;
    expect((i.ims!.record as Loose).product).toEqual({ ref: prod.id });
    expect([prod.id, prod.kind, prod.parent]).toEqual(['interest_photo_1', 'product', i.id]);
    expect(prod.dates).toEqual([{ type: imsdefault('Create'), value: '2023-06-11T00:00:00' }]);
    expect(prod.description?.full).toEqual([{ carrier: 'uri', mode: 'Image', mimeType: 'image/jpeg', text: 'hobby/canoe.jpg' }]);
  },

  'qcl.xml': ({ top }) => {
    const q = top!;
    expect(q.kind).toBe('qcl');
    expect(q.type).toEqual(imsdefault('Certification'));
    expect(q.title).toEqual({ value: 'Journeyman Joiner' });
    expect(q.dates).toEqual([{ type: imsdefault('Award'), value: '2023-02-28T00:00:00' }]);
    const r = q.ims!.record as Loose;
    expect(r.level).toEqual({ text: { value: 'Level 3' } });
    expect(r.organization).toEqual({ typename: lipType('Vocational'), description: { short: { value: 'Northern Craft Chamber' } } });
  },

  'relationship.xml': ({ p, top }) => {
    expect(top).toBeUndefined();
    const rels = p.relations.filter((r) => r.ims?.file === 'relationship.xml');
    expect(rels.map((r) => [r.id, r.from, r.type, r.to, r.category])).toEqual([['rel_qcl_1', 'qcl_1', 'based_on', ['transcript_1'], imsdefault('Qcl')]]);
    // The ends' sourcedids have no neutral field: they stay in the record.
    const sid = { source: 'Vitrine_Fixture', id: 'cert-7' };
    expect((rels[0]!.ims!.record as Loose).ends).toEqual({ source: sid, dests: [sid] });
  },

  'transcript.xml': ({ top }) => {
    expect(top!.kind).toBe('transcript');
    expect(top!.type).toEqual(imsdefault('Vocational'));
    expect((top!.ims!.record as Loose).exrefrecord).toEqual({
      recformat: { value: 'CraftChamberXML' },
      recdata: { uri: 'records/marks.xml' },
      dates: [lipDate('Award', '2023-02-15T00:00:00')],
    });
  },
};

function expectLipDocument(f: LipFile, file: string): void {
  const want = lipDocuments[file]!;
  const holder = f.top ?? f.p.relations.find((r) => r.ims?.file === file);
  const doc = holder?.ims?.document as Loose;
  expect(doc, `ims.document of ${file}`).toBeDefined();
  expect(doc.comment).toEqual({ value: want.comment });
  expect(doc.contentype.items).toEqual([{ el: 'referential', value: { sourcedid: { source: want.source, id: want.id } } }]);
  for (const k of f.kids) expect(k.ims?.document).toBeUndefined();
}

const lipNames = Object.keys(lipChecks).sort();

describe('IMS quirks fixture: LIP files alone', () => {
  it('every file of the folder has checks here', () => {
    expect(xmlFilesIn(lip).map((f) => basename(f))).toEqual(lipNames);
  });

  it.each(lipNames)('%s', async (file) => {
    const { p, diagnostics } = await read(join(lip, file));
    const name = file.replace(/\.xml$/, '');
    expect([p.id, p.title]).toEqual([name, name]);
    const f = lipFile(p, file);
    expect(f.top?.id).toBe(lipIds[file]!.top);
    expect(f.kids.map((k) => k.id)).toEqual(lipIds[file]!.kids);
    expect(p.parts).toHaveLength((f.top ? 1 : 0) + f.kids.length);
    lipChecks[file]!(f);
    expectLipDocument(f, file);
    const warned = diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code);
    expect(warned.filter((c) => !['ResourceFileMissing', 'MimeTypeSuspicious', 'RelationTargetMissing'].includes(c))).toEqual([]);
  });

  it('a file with CR-only line endings reports at the right line', async () => {
    const { diagnostics } = await read(join(lip, 'activity-second-export.xml'));
    const mime = diagnostics.find((d) => d.code === 'MimeTypeSuspicious');
    expect(mime?.location).toMatchObject({ file: join(lip, 'activity-second-export.xml'), line: 5, column: 3 });
  });

  it('the lone relationship reports both ends missing', async () => {
    const { diagnostics } = await read(join(lip, 'relationship.xml'));
    expect(codes(diagnostics)).toEqual(['RelationTargetMissing', 'RelationTargetMissing', 'RelationTypeUnknown']);
  });
});

describe('IMS quirks fixture: the LIP folder', () => {
  it('reads every segment, nested parts after their parent, named after the folder', async () => {
    const { p } = await read(lip);
    expect([p.id, p.title]).toEqual(['lip', 'lip']);
    expect(p.parts.map((x) => [x.id, x.kind, x.parent ?? null])).toEqual([
      ['access_1', 'accessibility', null],
      ['act_1', 'activity', null],
      ['act_piece_1', 'product', 'act_1'],
      ['act_reference_1', 'assertion', 'act_1'],
      ['act_1~2', 'activity', null],
      ['act_piece_1~2', 'product', 'act_1~2'],
      ['affil_1', 'affiliation', null],
      ['comp_1', 'competency', null],
      ['goal_1', 'goal', null],
      ['goal_1_step_1', 'goal', 'goal_1'],
      ['goal_1_step_2', 'goal', 'goal_1'],
      ['ident_1', 'identification', null],
      ['ident_1~2', 'identification', null],
      ['interest_1', 'interest', null],
      ['interest_photo_1', 'product', 'interest_1'],
      ['qcl_1', 'qcl', null],
      ['transcript_1', 'transcript', null],
    ]);
    expect(new Set(p.parts.map((x) => x.slug)).size).toBe(p.parts.length);
    expect(p.relations.map((r) => [r.id, r.from, r.to])).toEqual([['rel_qcl_1', 'qcl_1', ['transcript_1']]]);
    expect(p.files).toEqual([]);
  });

  it.each(lipNames)('%s: same fields as alone', async (file) => {
    const { p } = await read(lip);
    const f = lipFile(p, file);
    lipChecks[file]!(f);
    expectLipDocument(f, file);
  });

  it('renames ids used twice across files, with a warning at the second file', async () => {
    const { p, diagnostics } = await read(lip);
    const dup = diagnostics.filter((d) => d.code === 'DuplicatePartId');
    expect(dup.map((d) => [d.severity, basename(d.location?.file ?? '')])).toEqual([
      ['warning', 'activity-second-export.xml'],
      ['warning', 'activity-second-export.xml'],
      ['warning', 'identification-name-only.xml'],
    ]);
    expect(dup.map((d) => /"([^"]+~2)"/.exec(d.message)?.[1])).toEqual(['act_1~2', 'act_piece_1~2', 'ident_1~2']);
    expect(lipFile(p, 'activity-apprenticeship.xml').top?.id).toBe('act_1');
    expect(lipFile(p, 'identification-full.xml').top?.id).toBe('ident_1');
  });

  it('diagnostics: seven absent media, three unregistered types, three renamed ids, one unknown relation name, nothing else', async () => {
    const { diagnostics } = await read(lip);
    const media = diagnostics.filter((d) => d.code === 'ResourceFileMissing');
    for (const ref of ['pieces/chest.jpg', 'letters/reference.pdf', 'pieces/gauge-notes.doc', 'plans/floor.png', 'hobby/canoe.jpg', 'certs/journeyman.png']) {
      expect(media.some((d) => d.message.includes(`"${ref}"`)), ref).toBe(true);
    }
    expect(diagnostics.filter((d) => d.code === 'RelationTargetMissing')).toEqual([]);
    expect(codes(diagnostics)).toEqual([
      'DuplicatePartId',
      'DuplicatePartId',
      'DuplicatePartId',
      'MimeTypeSuspicious',
      'MimeTypeSuspicious',
      'RelationTypeUnknown',
      ...Array<string>(6).fill('ResourceFileMissing'),
    ]);
  });
});
