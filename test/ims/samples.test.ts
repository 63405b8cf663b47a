// Reading the real IMS samples of ../shared/samples (see its SOURCES.md): the ReflectNassert
// package, the minimalPortfolio parts, and the IMS LIP 1.0.1 example instances, each as a
// folder and each file alone. Every expected value below was taken from the sample XML itself.
// Needs ../shared: skipped with a reason without it, an error in CI (test/support/env.ts).
//
// These are real-file compatibility proofs: each behaviour checked here is also checked on the
// project's own fixtures in test/ims/quirks.test.ts, which runs on any clone. So the checks of
// one sample set run as one test (see sampleChecks), and every failing check is named.
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import type { Diagnostic, Part, Portfolio } from '../../src/index.ts';
import { needs, skipNote } from '../support/env.ts';
import { hasImsSamples, itemsOf, lipDir, minimalDir, part, readOnce, reflectDir, relation, xmlFilesIn, type Loose } from './helpers.ts';

const ok = needs('../shared/samples (IMS ePortfolio and LIP samples)', hasImsSamples());
const note = skipNote('../shared/samples', ok);

const LIP = 'http://www.imsglobal.org/xsd/imslip_v1p0';
const imsdefault = (value: string) => ({ value, sourceType: 'imsdefault' });

/** Reads an input and checks it produced a portfolio without errors. */
async function read(input: string): Promise<{ p: Portfolio; diagnostics: Diagnostic[] }> {
  const r = await readOnce(input);
  expect(r.diagnostics.filter((d) => d.severity === 'error'), `errors reading ${input}`).toEqual([]);
  expect(r.value, `portfolio read from ${input}`).toBeDefined();
  return { p: r.value!, diagnostics: r.diagnostics };
}

/** A check of a sample set: a name for the failure message, and the assertions. */
type Check = (name: string, fn: () => unknown) => void;

/**
 * One test for the checks of one real sample set: they all run (a failure does not hide the
 * next), and the test fails with the name and message of each check that failed.
 */
function sampleChecks(title: string, build: (check: Check) => void): void {
  const steps: [string, () => unknown][] = [];
  build((name, fn) => steps.push([name, fn]));
  it.skipIf(!ok)(`${title} (${steps.length} checks)${note}`, async () => {
    const failed: string[] = [];
    for (const [name, fn] of steps) {
      try {
        await fn();
      } catch (e) {
        failed.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    expect(failed, `${failed.length} of ${steps.length} checks failed`).toEqual([]);
  });
}

function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => d.code).sort();
}

// ---------------------------------------------------------------------------------------------
// IMS ePortfolio: ReflectNassert and minimalPortfolio
// ---------------------------------------------------------------------------------------------

const missingDoc = 'Midterm_Research_Project_hollandp_Arthur.doc';

/** The ReflectNassert / minimalPortfolio product (same content in both samples). */
function expectProduct(prod: Part, file: string): void {
  expect(prod.id).toBe('Assgt3');
  expect(prod.kind).toBe('product');
  expect(prod.slug).toBe('assgt3');
  expect(prod.parent).toBeUndefined();
  expect(prod.sourcedId).toEqual({ source: 'Gloucester High School Assessment', id: 'Mid Term Assigment' });
  expect(prod.type).toEqual({ value: 'Essay', lang: 'en', source: 'Some Product Vocabulary Somewhere', sourceType: 'proprietary' });
  expect(prod.comment).toEqual({ value: 'A comment.', lang: 'en' });
  expect(prod.dates).toEqual([{ type: imsdefault('Birth'), value: '2004-05-31T13:00:00-05:00' }]);
  expect(prod.description?.short).toEqual({ value: 'Mid Term History Essay', lang: 'en' });
  expect(prod.description?.long).toBeUndefined();
  expect(prod.description?.full).toEqual([{ carrier: 'uri', mode: 'Text', mimeType: 'text/word', text: missingDoc }]);
  // The .doc is not in the package: a reference, not a package file.
  expect(prod.files).toEqual([]);
  expect(prod.ims?.element).toBe('product');
  expect(prod.ims?.file).toBe(file);
  // <ext_product> is kept verbatim as an extension of the part, with its <short> child.
  const ext = prod.extensions.find((x) => x.slot === 'ext' && x.element.name === 'ext_product');
  expect(ext, 'ext_product extension').toBeDefined();
  expect(ext!.path).toBe('');
  expect(ext!.element.ns).toBe(LIP);
  const children = ext!.element.children.filter((c) => c.type === 'element');
  expect(children).toHaveLength(1);
  expect(children[0]).toMatchObject({ type: 'element', ns: LIP, name: 'short', children: [{ type: 'text', text: 'Any combination of text and elements' }] });
}

function expectIdentification(id: Part, file: string): void {
  expect(id.id).toBe('identification_01');
  expect(id.kind).toBe('identification');
  expect(id.ims?.file).toBe(file);
  const [formname, ...more] = itemsOf(id.ims?.record, 'formname');
  expect(more).toEqual([]);
  expect(formname.text).toEqual({ value: 'Gayle Benneville' });
  expect(formname.typename).toEqual({ source: { sourcetype: 'imsdefault' }, value: { value: 'Contact' } });
  expect(formname.contentype.items).toEqual([{ el: 'referential', value: { indexid: 'formname_02' } }]);
}

function expectAssertion(a: Part): void {
  expect(a.id).toBe('assertion_01');
  expect(a.kind).toBe('assertion');
  expect(a.ims?.element).toBe('assertion');
  expect(a.ims?.file).toBe('Assertion.xml');
  expect(a.author).toEqual({ value: 'Dr. A. Brown (tutor)', lang: 'en-GB' });
  expect(a.rationale).toEqual([{ value: 'A statement of quality', lang: 'en-GB' }]);
  expect(a.dates).toEqual([{ type: { value: 'Create', source: 'UKLeaP', sourceType: 'standard' }, value: '2004-05-31T12:25:43' }]);
  expect(a.description?.short).toEqual({ value: "Gayle Benneville's History Essay" });
  expect(a.description?.long).toEqual({
    value: "I supervised Gayle's work on this and can verify that the work has been all of her own.  This work shows exceptional talent.",
  });
  expect(a.description?.full).toEqual([]);
}

function expectReflexion(r: Part): void {
  expect(r.id).toBe('reflexion_01');
  expect(r.kind).toBe('reflexion');
  expect(r.ims?.element).toBe('reflexion');
  expect(r.ims?.file).toBe('Reflexion.xml');
  expect(r.author).toBeUndefined();
  expect(r.rationale).toEqual([{ value: 'Personal Critical Appraisal', lang: 'en-GB' }]);
  expect(r.dates).toEqual([{ type: { value: 'Create', source: 'UKLeaP', sourceType: 'standard' }, value: '2004-02-13T18:12:45' }]);
  expect(r.description?.short).toEqual({ value: 'My Thoughts on the essay' });
  expect(r.description?.long).toEqual({ value: 'Could be improved with discussion of relationship with Norse Culture' });
}

sampleChecks('IMS ePortfolio sample: ReflectNassert package folder', (check) => {
  const manifest = join(reflectDir, 'imsmanifest.xml');

  check(`reads the four parts in manifest order, and the package metadata`, async () => {
    const { p } = await read(reflectDir);
    expect(p.id).toBe('MANIFEST-8058760E-63E2-D91D-8CBF-4F283BFFD6C0');
    expect(p.title).toBe('MinimalPlusPorfolio');
    expect(p.ims?.manifest).toMatchObject({ metadata: { schema: 'Portfolio Package', schemaversion: '1.0' } });
    // version="1.0" is what every export writes, so the model stores it as "no other version".
    expect(p.ims?.manifest?.version).toBeUndefined();
    expect(p.parts.map((x) => [x.id, x.kind])).toEqual([
      ['identification_01', 'identification'],
      ['Assgt3', 'product'],
      ['assertion_01', 'assertion'],
      ['reflexion_01', 'reflexion'],
    ]);
    // Neither the .doc nor Accessibility.xml is in the package: no files.
    expect(p.files).toEqual([]);
  });

  check(`identification_01: formname "Gayle Benneville"`, async () => {
    const { p } = await read(reflectDir);
    expectIdentification(part(p, 'identification_01'), 'Identification.xml');
  });

  check(`product Assgt3: sourcedid, type, comment, date, description, media, ext_product`, async () => {
    const { p } = await read(reflectDir);
    const prod = part(p, 'Assgt3');
    expectProduct(prod, 'Product.xml');
    // Product.xml also has an empty <ext_contentype/> inside contentype.
    const ct = prod.extensions.find((x) => x.element.name === 'ext_contentype');
    expect(ct).toMatchObject({ path: '/contentype', slot: 'ext', element: { ns: LIP, name: 'ext_contentype', children: [] } });
    expect(prod.extensions).toHaveLength(2);
  });

  check(`assertion_01: author, rationale, date, short and long text`, async () => {
    const { p } = await read(reflectDir);
    expectAssertion(part(p, 'assertion_01'));
  });

  check(`reflexion_01: rationale, date, short and long text`, async () => {
    const { p } = await read(reflectDir);
    expectReflexion(part(p, 'reflexion_01'));
  });

  check(`relationship_01 isAnnotadBy: from Assgt3 (named by its sourcedid id) to reflexion_01 and assertion_01`, async () => {
    const { p } = await read(reflectDir);
    expect(p.relations).toHaveLength(1);
    const rel = relation(p, 'relationship_01');
    expect(rel.type).toBe('isAnnotadBy');
    // The source end says <indexid>Mid Term Assigment</indexid>, which is Assgt3's sourcedid id.
    expect(rel.from).toBe('Assgt3');
    expect(rel.to).toEqual(['reflexion_01', 'assertion_01']);
    expect(rel.category).toEqual(imsdefault('reflections'));
    expect(rel.description?.short).toEqual({ value: 'The work is annotated by these comments' });
    expect(rel.implicit).toBeUndefined();
    expect(rel.ims?.file).toBe('Relationship.xml');
  });

  check(`diagnostics: the missing .doc and Accessibility.xml, and the unknown relation name`, async () => {
    const { diagnostics } = await read(reflectDir);
    const fromManifest = diagnostics.filter((d) => d.code === 'ResourceFileMissing' && d.location?.file === manifest);
    expect(fromManifest.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(fromManifest.some((d) => d.message.includes(missingDoc))).toBe(true);
    expect(fromManifest.some((d) => d.message.includes('Accessibility.xml'))).toBe(true);
    // The product's media reference is reported too, at the part file.
    const fromProduct = diagnostics.filter((d) => d.code === 'ResourceFileMissing' && d.location?.file === join(reflectDir, 'Product.xml'));
    expect(fromProduct).toHaveLength(1);
    expect(fromProduct[0]!.message).toContain(missingDoc);
    const unknown = diagnostics.filter((d) => d.code === 'RelationTypeUnknown');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ severity: 'info', location: { file: join(reflectDir, 'Relationship.xml'), line: 9, column: 2 } });
    expect(unknown[0]!.message).toContain('isAnnotadBy');
    // The sample's mimetype "text/word" is not a registered type.
    const mime = diagnostics.filter((d) => d.code === 'MimeTypeSuspicious');
    expect(mime.map((d) => [d.severity, d.location?.file])).toEqual([['warning', join(reflectDir, 'Product.xml')]]);
    expect(mime[0]!.message).toContain('text/word');
    // Nothing else: in particular no RelationTargetMissing (all ends resolve).
    expect(codes(diagnostics)).toEqual(['MimeTypeSuspicious', 'RelationTypeUnknown', 'ResourceFileMissing', 'ResourceFileMissing', 'ResourceFileMissing']);
  });
});

sampleChecks('IMS ePortfolio sample: ReflectNassert files alone', (check) => {
  check(`Identification.xml`, async () => {
    const { p, diagnostics } = await read(join(reflectDir, 'Identification.xml'));
    expect(p.id).toBe('Identification');
    expect(p.title).toBe('Identification');
    expect(p.parts).toHaveLength(1);
    expectIdentification(p.parts[0]!, 'Identification.xml');
    expect(diagnostics).toEqual([]);
  });

  check(`Product.xml`, async () => {
    const { p, diagnostics } = await read(join(reflectDir, 'Product.xml'));
    expect(p.parts).toHaveLength(1);
    expectProduct(p.parts[0]!, 'Product.xml');
    expect(diagnostics.map((d) => [d.code, d.severity, d.location?.file]).sort()).toEqual([
      ['MimeTypeSuspicious', 'warning', join(reflectDir, 'Product.xml')],
      ['ResourceFileMissing', 'warning', join(reflectDir, 'Product.xml')],
    ]);
  });

  check(`Assertion.xml`, async () => {
    const { p, diagnostics } = await read(join(reflectDir, 'Assertion.xml'));
    expect(p.parts).toHaveLength(1);
    expectAssertion(p.parts[0]!);
    // An ePortfolio part root has no <learnerinformation> wrapper.
    expect(p.parts[0]!.ims?.document).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  check(`Reflexion.xml`, async () => {
    const { p, diagnostics } = await read(join(reflectDir, 'Reflexion.xml'));
    expect(p.parts).toHaveLength(1);
    expectReflexion(p.parts[0]!);
    expect(diagnostics).toEqual([]);
  });

  check(`Relationship.xml: ends kept as written, each reported missing`, async () => {
    const { p, diagnostics } = await read(join(reflectDir, 'Relationship.xml'));
    expect(p.parts).toEqual([]);
    const rel = relation(p, 'relationship_01');
    expect(rel.type).toBe('isAnnotadBy');
    expect(rel.from).toBe('Mid Term Assigment');
    expect(rel.to).toEqual(['reflexion_01', 'assertion_01']);
    const missing = diagnostics.filter((d) => d.code === 'RelationTargetMissing');
    expect(missing.map((d) => d.severity)).toEqual(['warning', 'warning', 'warning']);
    for (const end of ['Mid Term Assigment', 'reflexion_01', 'assertion_01']) expect(missing.some((d) => d.message.includes(`"${end}"`))).toBe(true);
    expect(codes(diagnostics)).toEqual(['RelationTargetMissing', 'RelationTargetMissing', 'RelationTargetMissing', 'RelationTypeUnknown']);
  });

  check(`imsmanifest.xml: the package metadata, no parts, every resource file missing`, async () => {
    const { p, diagnostics } = await read(join(reflectDir, 'imsmanifest.xml'));
    expect(p.id).toBe('MANIFEST-8058760E-63E2-D91D-8CBF-4F283BFFD6C0');
    expect(p.title).toBe('MinimalPlusPorfolio');
    expect(p.parts).toEqual([]);
    expect(p.relations).toEqual([]);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect([d.code, d.severity]).toEqual(['ResourceFileMissing', 'warning']);
    for (const f of ['Identification.xml', 'Product.xml', 'Assertion.xml', 'Reflexion.xml', 'Relationship.xml', 'Accessibility.xml', missingDoc]) {
      expect(diagnostics.some((d) => d.message.includes(`"${f}"`)), f).toBe(true);
    }
  });
});

sampleChecks('IMS ePortfolio sample: minimalPortfolio parts', (check) => {
  check(`the folder: identification_01 and product Assgt3, named after the folder`, async () => {
    const { p, diagnostics } = await read(minimalDir);
    expect(p.id).toBe('minimal-parts');
    expect(p.title).toBe('minimal-parts');
    expect(p.parts.map((x) => x.id)).toEqual(['identification_01', 'Assgt3']);
    expectIdentification(part(p, 'identification_01'), 'minimalIdentification.xml');
    const prod = part(p, 'Assgt3');
    expectProduct(prod, 'minimalProduct.xml');
    expect(prod.extensions).toHaveLength(1); // no ext_contentype in this copy
    expect(p.relations).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.location?.file]).sort()).toEqual([
      ['MimeTypeSuspicious', join(minimalDir, 'minimalProduct.xml')],
      ['ResourceFileMissing', join(minimalDir, 'minimalProduct.xml')],
    ]);
  });

  check(`minimalIdentification.xml alone`, async () => {
    const { p, diagnostics } = await read(join(minimalDir, 'minimalIdentification.xml'));
    expect(p.id).toBe('minimalIdentification');
    expect(p.parts).toHaveLength(1);
    expectIdentification(p.parts[0]!, 'minimalIdentification.xml');
    expect(diagnostics).toEqual([]);
  });

  check(`minimalProduct.xml alone`, async () => {
    const { p } = await read(join(minimalDir, 'minimalProduct.xml'));
    expect(p.id).toBe('minimalProduct');
    expect(p.parts).toHaveLength(1);
    expectProduct(p.parts[0]!, 'minimalProduct.xml');
  });
});

// ---------------------------------------------------------------------------------------------
// IMS LIP 1.0.1 examples
// ---------------------------------------------------------------------------------------------

/** What one LIP sample file holds: its top-level part (or relation) and the parts nested in it. */
interface LipFile {
  p: Portfolio;
  /** The top-level part read from the file (undefined for the relationship file). */
  top: Part | undefined;
  /** Parts nested in `top`, in document order. */
  kids: Part[];
}

function lipFile(p: Portfolio, file: string): LipFile {
  const tops = p.parts.filter((x) => x.ims?.file === file && !x.parent);
  expect(tops.length, `top-level parts from ${file}`).toBeLessThanOrEqual(1);
  const top = tops[0];
  const kids = top ? p.parts.filter((x) => x.parent === top.id) : [];
  return { p, top, kids };
}

/** The `<learnerinformation>` wrapper of each file: comment and document sourcedid. */
const lipDocuments: Record<string, { comment: string; source: string; id: string }> = {
  'accs_pref_001.xml': { comment: 'An example of LIP Accessibility information.', source: 'IMS_LIP_V1p0_Example', id: 'basic_1001' },
  'actv_001.xml': { comment: 'An example of LIP Activity information.', source: 'IMS_LIP_V1p0_Example', id: '1001' },
  'actv_prod_001.xml': { comment: 'An example of LIP Activity information.', source: 'IMS_LIP_V1p0_Example', id: '2001' },
  'affl_001.xml': { comment: 'An example of LIP Affiliation information.', source: 'IMS_LIP_V1p0_Example', id: '1001' },
  'comp_001.xml': { comment: 'An example of LIP Competency information.', source: 'IMS_LIP_V1p0_Example', id: '1001' },
  'goal_001.xml': { comment: 'An example of LIP Goal information.', source: 'IMS_LIP_V1p0_Example', id: '1001' },
  'iden_001.xml': { comment: 'An example of LIP Identification information.', source: 'IMS_LIP_V1p0_Example', id: '1001' },
  'iden_name_001.xml': { comment: 'A basic example of creating a compound name.', source: 'ims_lipexample_v1p0', id: 'basic_6002' },
  'intt_001.xml': { comment: 'An example of LIP Interest information.', source: 'IMS_LIP_V1p0_Example', id: '1001' },
  'qcln_001.xml': { comment: 'An example of LIP Qualification, Certification and Licence.', source: 'IMS_LIP_V1p0_Example', id: '1001' },
  'rltp_001.xml': { comment: 'An example of LIP Relationship information.', source: 'IMS_LIP_V1p0_Example', id: '1001' },
  'trns_001.xml': { comment: 'An example of LIP Transcript information.', source: 'IMS_LIP_V1p0_Example', id: '1001' },
};

/** The ids each file's parts have when the file is read alone. */
const lipIds: Record<string, { top?: string; kids: string[] }> = {
  'accs_pref_001.xml': { top: 'accessibility_01', kids: [] },
  'actv_001.xml': { top: 'activity_1', kids: ['activity_product_01', 'activity_testimonial_01'] },
  'actv_prod_001.xml': { top: 'activity_1', kids: ['activity_product_01'] },
  'affl_001.xml': { top: 'affiliation_01', kids: [] },
  'comp_001.xml': { top: 'competency_01', kids: [] },
  'goal_001.xml': { top: 'goal_01', kids: ['goal_01_subgoal_01', 'goal_01_subgoal_02'] },
  'iden_001.xml': { top: 'identification_01', kids: [] },
  'iden_name_001.xml': { top: 'identification_01', kids: [] },
  'intt_001.xml': { top: 'interest_01', kids: ['product_01'] },
  'qcln_001.xml': { top: 'qcl_01', kids: [] },
  'rltp_001.xml': { kids: [] },
  'trns_001.xml': { top: 'transcript_01', kids: [] },
};

/** A LIP date as the record keeps it (dates with no neutral home stay in `ims.record`). */
const lipDate = (type: string, datetime: string) => ({ typename: { source: { sourcetype: 'imsdefault' }, value: { value: type } }, datetime });
const lipType = (value: string) => ({ source: { sourcetype: 'imsdefault' }, value: { value } });
const label = (value: string) => ({ typename: { value: { value } } });

/** The distinctive fields of each LIP sample, checked whether the file is read alone or in the folder. */
const lipChecks: Record<string, (f: LipFile) => void> = {
  'accs_pref_001.xml': ({ top, kids }) => {
    expect(top!.kind).toBe('accessibility');
    expect(kids).toEqual([]);
    const prefs = itemsOf(top!.ims?.record, 'preference');
    expect(prefs).toHaveLength(1);
    expect(prefs[0].prefcode).toEqual({ value: 'Large Font Display Devices' });
    expect(prefs[0].typename).toEqual(lipType('InputTech'));
    expect(prefs[0].contentype.items).toEqual([{ el: 'referential', value: { indexid: 'preference_01' } }]);
  },

  'actv_001.xml': ({ top, kids }) => {
    const a = top!;
    expect(a.kind).toBe('activity');
    expect(a.type).toEqual(imsdefault('Education'));
    expect(a.dates).toEqual([{ type: imsdefault('Award'), value: '1919-10-11T00:00:00' }]);
    expect(a.status).toEqual({ type: imsdefault('Completed'), date: { type: imsdefault('Finish'), value: '1919-06-06T00:00:00' } });
    expect(a.description?.short).toEqual({ value: 'Final degree information.' });
    const r = a.ims!.record as Loose;
    expect(r.units.fields).toEqual([{ label: label('CreditNumber'), data: '10' }]);
    // The activity's items keep their order; nested product and testimonial become references.
    expect(r.items.map((x: Loose) => x.el)).toEqual(['learningactivityref', 'definition', 'product', 'testimonial', 'evaluation']);
    expect(itemsOf(r, 'learningactivityref')[0].items).toEqual([{ el: 'text', value: { value: 'Degree in Philiosphy' } }]);
    const def = itemsOf(r, 'definition')[0];
    expect(def.typename).toEqual(lipType('Curriculum'));
    expect(def.contentype.items).toEqual([{ el: 'referential', value: { indexid: 'degreecourse' } }]);
    expect(def.fields).toEqual([{ label: label('Duration'), data: '3' }]);
    const ev = itemsOf(r, 'evaluation')[0];
    expect(ev.contentype.items).toEqual([{ el: 'referential', value: { indexid: 'activity_evaluation_01' } }]);
    expect(ev.results).toHaveLength(1);
    expect(ev.results[0].items).toEqual([
      { el: 'interpretscore', value: { label: label('MinScore'), data: '0' } },
      { el: 'interpretscore', value: { label: label('MaxScore'), data: '100' } },
      { el: 'score', value: { label: label('Total'), data: '80' } },
    ]);

    expect(kids.map((k) => [k.kind, k.ims?.element, k.ims?.position])).toEqual([
      ['product', 'product', 0],
      ['assertion', 'testimonial', 1],
    ]);
    const [prod, testimonial] = kids as [Part, Part];
    expect(itemsOf(r, 'product')).toEqual([{ ref: prod.id }]);
    expect(itemsOf(r, 'testimonial')).toEqual([{ ref: testimonial.id }]);
    expect(prod.parent).toBe(a.id);
    expect(prod.type).toEqual(imsdefault('Coursework'));
    expect(prod.description?.short).toEqual({ value: 'Thesis on violins' });
    expect(prod.description?.full).toEqual([{ carrier: 'uri', mode: 'Text', mimeType: 'text/word', text: 'sh/thesis.doc' }]);
    expect(prod.ims?.file).toBeUndefined(); // it lives in its parent's file
    expect(testimonial.parent).toBe(a.id);
    expect(testimonial.type).toEqual(imsdefault('Academic'));
    expect(testimonial.description?.short).toEqual({ value: 'Tutors reference' });
    expect(testimonial.description?.full).toEqual([{ carrier: 'uri', mode: 'Text', mimeType: 'text/word', text: 'tutor/ref.doc' }]);
  },

  'actv_prod_001.xml': ({ top, kids }) => {
    const a = top!;
    expect(a.kind).toBe('activity');
    expect(a.type).toEqual(imsdefault('Education'));
    expect(a.dates).toEqual([{ type: imsdefault('Create'), value: '1980-07-31T12:00:00' }]);
    expect(a.description).toBeUndefined();
    expect(kids).toHaveLength(1);
    const prod = kids[0]!;
    expect(prod.kind).toBe('product');
    expect(prod.parent).toBe(a.id);
    expect(itemsOf(a.ims?.record, 'product')).toEqual([{ ref: prod.id }]);
    expect(prod.type).toEqual(imsdefault('Coursework'));
    expect(prod.description?.short).toEqual({ value: 'Thesis' });
    // The media text runs onto the next line in the source; the reference is the trimmed path.
    expect(prod.description?.full).toEqual([{ carrier: 'uri', mode: 'Text', mimeType: 'text/word', text: 'myfile/thesis.doc' }]);
  },

  'affl_001.xml': ({ top }) => {
    const a = top!;
    expect(a.kind).toBe('affiliation');
    expect(a.type).toEqual(imsdefault('Professional'));
    expect(a.dates).toEqual([{ type: imsdefault('Join'), value: '1922-10-01T00:00:00' }]);
    expect(a.status).toEqual({ type: imsdefault('Active') });
    expect(a.description?.short).toEqual({ value: 'All fees paid' });
    const r = a.ims!.record as Loose;
    expect(r.classification).toEqual({ value: 'Fellow' });
    expect(r.affiliationid).toBe('2457923A');
    expect(r.roles).toHaveLength(1);
    expect(r.roles[0]).toMatchObject({
      typename: lipType('Officer'),
      contentype: { items: [{ el: 'referential', value: { indexid: 'affiliation_role_01' } }] },
      dates: [lipDate('Start', '1924-04-01T00:00:00'), lipDate('Finish', '1925-03-31T12:00:00')],
      description: { short: { value: 'Treasurer for the Local Branch of Criminology' } },
    });
    expect(r.organization).toEqual({ typename: lipType('Professional'), description: { short: { value: 'Royal Institution of Criminology: London Branch' } } });
  },

  'comp_001.xml': ({ top }) => {
    const c = top!;
    expect(c.kind).toBe('competency');
    expect(c.type).toBeUndefined();
    expect(c.description?.short).toEqual({ value: 'Competencies in Criminology' });
    expect((c.ims!.record as Loose).exrefrecord).toEqual({
      recformat: { uri: 'compformats/criminology.doc' },
      recdata: { uri: 'holmes/competency.doc' },
      dates: [lipDate('Award', '1927-10-21T12:00:00')],
    });
  },

  'goal_001.xml': ({ top, kids }) => {
    const g = top!;
    expect(g.kind).toBe('goal');
    expect(g.type).toEqual(imsdefault('Work'));
    expect(g.dates).toEqual([{ type: imsdefault('Start'), value: '1925-01-01T00:00:00' }]);
    expect(g.priority).toEqual({ value: 'Primary Objective' });
    expect(g.status).toEqual({ type: imsdefault('Active'), date: { type: imsdefault('Create'), value: '1926-03-30T00:00:00' } });
    expect(g.description?.short).toEqual({ value: 'To arrest Moriarty' });
    expect(g.description?.full).toEqual([{ carrier: 'uri', mode: 'Image', mimeType: 'image/gif', text: 'sh/moriarty.gif' }]);
    expect(kids.map((k) => [k.id, k.kind, k.parent, k.type?.value, k.description?.short?.value, k.ims?.position])).toEqual([
      ['goal_01_subgoal_01', 'goal', g.id, 'Work', 'To locate Moriarty', 0],
      ['goal_01_subgoal_02', 'goal', g.id, 'Work', 'Train Watson to be a competent detective.', 1],
    ]);
    expect((g.ims!.record as Loose).goals).toEqual([{ ref: 'goal_01_subgoal_01' }, { ref: 'goal_01_subgoal_02' }]);
  },

  'iden_001.xml': ({ top }) => {
    const i = top!;
    expect(i.kind).toBe('identification');
    expect(i.comment).toEqual({ value: '-----------------------------------------Identification' });
    const r = i.ims!.record;
    expect((r as Loose).items.map((x: Loose) => x.el)).toEqual(['formname', 'name', 'address', 'contactinfo', 'demographics', 'agent']);
    const formname = itemsOf(r, 'formname')[0];
    expect(formname.text).toEqual({ value: 'Mr Sherlock Holmes' });
    expect(formname.typename).toEqual(lipType('Preferred'));
    expect(formname.contentype.items).toEqual([{ el: 'referential', value: { indexid: 'formname_01' } }]);
    const name = itemsOf(r, 'name')[0];
    expect(name.partnames).toEqual([
      { typename: lipType('First'), text: { value: 'Sherlock' } },
      { typename: lipType('Last'), text: { value: 'Holmes' } },
    ]);
    const address = itemsOf(r, 'address')[0];
    expect(address.typename).toEqual(lipType('Permanent'));
    expect(address.street).toEqual({ streetname: { value: 'Baker Street' }, aptnumber: { value: '22' }, aptnumsuffix: { value: 'b' } });
    expect(address.city).toEqual({ value: 'London' });
    expect(address.country).toEqual({ value: 'England' });
    const contact = itemsOf(r, 'contactinfo')[0];
    expect(contact.typename).toEqual(lipType('Private'));
    expect(itemsOf(contact, 'telephone')).toEqual([{ countrycode: '44', areacode: '020', indnumber: '6472239' }]);
    const demo = itemsOf(r, 'demographics')[0];
    expect(demo.typename).toEqual(lipType('Adult'));
    expect(demo.gender).toEqual({ gender: 'M' });
    expect(demo.dates).toEqual([lipDate('Birth', '1901-04-01T00:00:00')]);
    const agent = itemsOf(r, 'agent')[0];
    expect(agent.typename).toEqual(lipType('Aide'));
    expect(agent.agentid).toBe('Dr.Watson');
    expect(agent.agentdomain).toEqual({ typename: lipType('Medical') });
    expect(agent.comment).toEqual({ value: '------------------------------------Agent details' });
  },

  'iden_name_001.xml': ({ top }) => {
    const i = top!;
    expect(i.kind).toBe('identification');
    expect(i.comment).toBeUndefined();
    const r = i.ims!.record;
    expect(itemsOf(r, 'formname')).toEqual([]);
    const names = itemsOf(r, 'name');
    expect(names).toHaveLength(1);
    expect(names[0].typename).toEqual(lipType('Preferred'));
    expect(names[0].contentype.items).toEqual([{ el: 'referential', value: { indexid: 'name_01' } }]);
    expect(names[0].partnames).toEqual([
      { typename: lipType('First'), text: { value: 'Alan' } },
      { typename: lipType('Last'), text: { value: 'Turing' } },
    ]);
  },

  'intt_001.xml': ({ top, kids }) => {
    const i = top!;
    expect(i.kind).toBe('interest');
    expect(i.type).toEqual(imsdefault('Recreational'));
    expect(i.description?.short).toEqual({ value: 'Music - playing the violin' });
    expect(kids).toHaveLength(1);
    const prod = kids[0]!;
    expect((i.ims!.record as Loose).product).toEqual({ ref: prod.id });
    expect(prod.id).toBe('product_01');
    expect(prod.kind).toBe('product');
    expect(prod.parent).toBe(i.id);
    expect(prod.type).toEqual(imsdefault('Portfolio'));
    expect(prod.dates).toEqual([{ type: imsdefault('Create'), value: '1928-10-21T00:00:00' }]);
    expect(prod.description?.short).toEqual({ value: 'A picture of the violin' });
    expect(prod.description?.full).toEqual([{ carrier: 'uri', mode: 'Image', mimeType: 'image/gif', text: 'sh/violin.gif' }]);
  },

  'qcln_001.xml': ({ top }) => {
    const q = top!;
    expect(q.kind).toBe('qcl');
    expect(q.type).toEqual(imsdefault('Qualification'));
    expect(q.title).toEqual({ value: 'MA Criminology' });
    expect(q.dates).toEqual([{ type: imsdefault('Award'), value: '1920-07-07T00:00:00' }]);
    expect(q.description?.short).toEqual({ value: 'Electronic copy of degree certificate' });
    expect(q.description?.full).toEqual([{ carrier: 'uri', mode: 'Image', mimeType: 'image/gif', text: 'holmes/degree.gif' }]);
    const r = q.ims!.record as Loose;
    expect(r.level).toEqual({ text: { value: 'First Class Honours' } });
    expect(r.organization).toEqual({ typename: lipType('Educational'), description: { short: { value: 'Cambridge University' } } });
  },

  'rltp_001.xml': ({ p, top }) => {
    expect(top).toBeUndefined();
    const rels = p.relations.filter((r) => r.ims?.file === 'rltp_001.xml');
    expect(rels).toHaveLength(1);
    const rel = rels[0]!;
    expect(rel.id).toBe('relationship_01');
    expect(rel.type).toBe('results_from');
    expect(rel.from).toBe('qcl_01');
    expect(rel.to).toEqual(['transcript_01']);
    expect(rel.category).toEqual(imsdefault('Qcl'));
    // The ends' sourcedids have no neutral field: they stay in the record.
    const sid = { source: 'IMS_LIP_V1p0_Example', id: '1001' };
    expect((rel.ims!.record as Loose).ends).toEqual({ source: sid, dests: [sid] });
  },

  'trns_001.xml': ({ top }) => {
    const t = top!;
    expect(t.kind).toBe('transcript');
    expect(t.type).toEqual(imsdefault('Academic'));
    expect(t.description?.short).toEqual({ value: 'Cambridge University Transcript' });
    expect((t.ims!.record as Loose).exrefrecord).toEqual({
      recformat: { value: 'MSWord98' },
      recdata: { uri: 'holmes/cambridge_degree.doc' },
      dates: [lipDate('Award', '1920-09-30T00:00:00')],
    });
  },
};

/** The document-level wrapper (`ims.document`) is kept on the file's top-level part or relation. */
function expectLipDocument(f: LipFile, file: string): void {
  const want = lipDocuments[file]!;
  const holder = f.top ?? f.p.relations.find((r) => r.ims?.file === file);
  expect(holder?.ims?.document, `ims.document of ${file}`).toBeDefined();
  const doc = holder!.ims!.document as Loose;
  expect(doc.comment).toEqual({ value: want.comment });
  expect(doc.contentype.items).toEqual([{ el: 'referential', value: { sourcedid: { source: want.source, id: want.id } } }]);
  // Nested parts do not carry the wrapper again.
  for (const k of f.kids) expect(k.ims?.document).toBeUndefined();
}

const lipNames = Object.keys(lipChecks).sort();

sampleChecks('IMS LIP samples: each file alone', (check) => {
  check(`every file in ims-lip has checks here`, () => {
    expect(xmlFilesIn(lipDir).map((f) => basename(f))).toEqual(lipNames);
  });

  for (const file of lipNames) check(`${file}`, async () => {
    const { p, diagnostics } = await read(join(lipDir, file));
    const name = file.replace(/\.xml$/, '');
    expect(p.id).toBe(name);
    expect(p.title).toBe(name);
    const f = lipFile(p, file);
    const ids = lipIds[file]!;
    expect(f.top?.id).toBe(ids.top);
    expect(f.kids.map((k) => k.id)).toEqual(ids.kids);
    // Nothing else in the file.
    expect(p.parts).toHaveLength((ids.top ? 1 : 0) + ids.kids.length);
    lipChecks[file]!(f);
    expectLipDocument(f, file);
    // Only warnings about missing media, the sample's "text/word" media type, and (for the lone
    // relationship) its missing ends; and infos.
    const warned = diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code);
    expect(warned.filter((c) => !['ResourceFileMissing', 'MimeTypeSuspicious', 'RelationTargetMissing'].includes(c))).toEqual([]);
  });

  check(`actv_001.xml reports its two media references as missing, at the file`, async () => {
    const { diagnostics } = await read(join(lipDir, 'actv_001.xml'));
    const missing = diagnostics.filter((d) => d.code === 'ResourceFileMissing');
    expect(missing.map((d) => d.location?.file)).toEqual([join(lipDir, 'actv_001.xml'), join(lipDir, 'actv_001.xml')]);
    expect(missing[0]!.message).toContain('"sh/thesis.doc"');
    expect(missing[1]!.message).toContain('"tutor/ref.doc"');
  });

  check(`rltp_001.xml alone: both ends reported missing`, async () => {
    const { diagnostics } = await read(join(lipDir, 'rltp_001.xml'));
    expect(codes(diagnostics)).toEqual(['RelationTargetMissing', 'RelationTargetMissing', 'RelationTypeUnknown']);
  });
});

sampleChecks('IMS LIP samples: the folder', (check) => {
  check(`reads every segment, nested parts after their parent, named after the folder`, async () => {
    const { p } = await read(lipDir);
    expect(p.id).toBe('ims-lip');
    expect(p.title).toBe('ims-lip');
    expect(p.parts.map((x) => [x.id, x.kind, x.parent ?? null])).toEqual([
      ['accessibility_01', 'accessibility', null],
      ['activity_1', 'activity', null],
      ['activity_product_01', 'product', 'activity_1'],
      ['activity_testimonial_01', 'assertion', 'activity_1'],
      ['activity_1~2', 'activity', null],
      ['activity_product_01~2', 'product', 'activity_1~2'],
      ['affiliation_01', 'affiliation', null],
      ['competency_01', 'competency', null],
      ['goal_01', 'goal', null],
      ['goal_01_subgoal_01', 'goal', 'goal_01'],
      ['goal_01_subgoal_02', 'goal', 'goal_01'],
      ['identification_01', 'identification', null],
      ['identification_01~2', 'identification', null],
      ['interest_01', 'interest', null],
      ['product_01', 'product', 'interest_01'],
      ['qcl_01', 'qcl', null],
      ['transcript_01', 'transcript', null],
    ]);
    expect(new Set(p.parts.map((x) => x.slug)).size).toBe(p.parts.length);
    expect(p.relations.map((r) => r.id)).toEqual(['relationship_01']);
    expect(p.files).toEqual([]);
  });

  for (const file of lipNames) check(`${file}: same fields as alone`, async () => {
    const { p } = await read(lipDir);
    const f = lipFile(p, file);
    lipChecks[file]!(f);
    expectLipDocument(f, file);
  });

  check(`ids used twice across files are renamed, with a warning at the second file`, async () => {
    const { p, diagnostics } = await read(lipDir);
    const dup = diagnostics.filter((d) => d.code === 'DuplicatePartId');
    expect(dup.map((d) => [d.severity, d.location?.file])).toEqual([
      ['warning', join(lipDir, 'actv_prod_001.xml')],
      ['warning', join(lipDir, 'actv_prod_001.xml')],
      ['warning', join(lipDir, 'iden_name_001.xml')],
    ]);
    expect(dup[0]!.message).toContain('"activity_1~2"');
    expect(dup[1]!.message).toContain('"activity_product_01~2"');
    expect(dup[2]!.message).toContain('"identification_01~2"');
    expect(lipFile(p, 'actv_prod_001.xml').top?.id).toBe('activity_1~2');
    expect(lipFile(p, 'iden_name_001.xml').top?.id).toBe('identification_01~2');
    // The first holder of each id keeps it.
    expect(lipFile(p, 'actv_001.xml').top?.id).toBe('activity_1');
    expect(lipFile(p, 'iden_001.xml').top?.id).toBe('identification_01');
  });

  check(`relationship_01 results_from resolves qcl_01 → transcript_01 (no missing ends)`, async () => {
    const { p, diagnostics } = await read(lipDir);
    const rel = relation(p, 'relationship_01');
    expect([rel.from, rel.type, rel.to]).toEqual(['qcl_01', 'results_from', ['transcript_01']]);
    expect(part(p, 'qcl_01').kind).toBe('qcl');
    expect(part(p, 'transcript_01').kind).toBe('transcript');
    expect(diagnostics.filter((d) => d.code === 'RelationTargetMissing')).toEqual([]);
    const unknown = diagnostics.filter((d) => d.code === 'RelationTypeUnknown');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ severity: 'info', location: { file: join(lipDir, 'rltp_001.xml'), line: 18, column: 2 } });
  });

  check(`diagnostics: six missing media, three "text/word" types, three renamed ids, one unknown relation name, nothing else`, async () => {
    const { diagnostics } = await read(lipDir);
    const media = diagnostics.filter((d) => d.code === 'ResourceFileMissing');
    for (const ref of ['sh/thesis.doc', 'tutor/ref.doc', 'myfile/thesis.doc', 'sh/moriarty.gif', 'sh/violin.gif', 'holmes/degree.gif']) {
      expect(media.some((d) => d.message.includes(`"${ref}"`)), ref).toBe(true);
    }
    expect(codes(diagnostics)).toEqual([
      'DuplicatePartId',
      'DuplicatePartId',
      'DuplicatePartId',
      'MimeTypeSuspicious',
      'MimeTypeSuspicious',
      'MimeTypeSuspicious',
      'RelationTypeUnknown',
      ...Array<string>(6).fill('ResourceFileMissing'),
    ]);
  });
});
