// Every XML file generatePackage writes validates against its IMS XSD, chosen by root element
// (manifest → imsportfoliocp, learnerinformation → LIP, assertion, reflexion, participation,
// rubric), for the IMS example and for each ../shared sample input; and a product carrying an
// <ext_product> extension still validates.
// Needs xmllint and the XSDs in ../shared: skipped with a reason without them, an error in CI.
import { describe, expect, it } from 'vitest';
import { generatePackage, readPortfolio, type Portfolio } from '../../src/index.ts';
import { needs, skipNote } from '../support/env.ts';
import { hasXmllint, hasXsds, rootElementName, schemaForDocument, validateWithXsd, type XsdSchema } from '../support/xsd.ts';
import { imsExampleDir, hasImsSamples, part, reflectDir, sampleInputs, textOf } from './helpers.ts';

// Both checks run (no short-circuit) so each missing thing is reported.
const hasLint = needs('xmllint', hasXmllint());
const hasSchemas = needs('../shared/samples/ims-eportfolio/xsd', hasXsds());
const ok = hasLint && hasSchemas;
const note = skipNote('xmllint and ../shared (IMS XSDs)', ok);
const samplesOk = ok && needs('../shared/samples (IMS ePortfolio and LIP samples)', hasImsSamples());

const LIP = 'http://www.imsglobal.org/xsd/imslip_v1p0';

async function readOk(input: string): Promise<Portfolio> {
  const r = await readPortfolio(input);
  expect(r.diagnostics.filter((d) => d.severity === 'error'), `errors reading ${input}`).toEqual([]);
  expect(r.value).toBeDefined();
  return r.value!;
}

/**
 * Validates every XML file of a generated package. Collects every failure (file, schema, the
 * xmllint messages) so one run shows them all, then fails with the list.
 */
function expectPackageValid(files: Map<string, Uint8Array>): XsdSchema[] {
  const failures: string[] = [];
  const schemas: XsdSchema[] = [];
  for (const [path, bytes] of files) {
    if (!path.toLowerCase().endsWith('.xml')) continue;
    const schema = schemaForDocument(bytes);
    if (!schema) {
      failures.push(`${path}: no schema for root element <${rootElementName(bytes)}>`);
      continue;
    }
    schemas.push(schema);
    const r = validateWithXsd(bytes, schema);
    if (!r.valid || r.errors !== '') failures.push(`${path} (${schema}):\n${r.errors}`);
  }
  expect(failures.join('\n\n')).toBe('');
  return schemas;
}

describe('XSD validity of exports: the IMS example', () => {
  it.skipIf(!ok)(`every generated XML file validates, with every part schema used${note}`, async () => {
    const files = generatePackage(await readOk(imsExampleDir));
    const schemas = expectPackageValid(files);
    // the IMS example exercises every root: manifest, LIP, assertion, reflexion, participation, rubric.
    expect(new Set(schemas)).toEqual(new Set(['manifest', 'lip', 'assert', 'reflex', 'participation', 'rubric']));
  });
});

describe('XSD validity of exports: a portfolio without kept IMS manifest detail', () => {
  // As a portfolio from another format, or from a folder of part files, has: no `ims.manifest`.
  it.skipIf(!ok)(`the IMS example with portfolio.ims removed: the generated manifest still validates${note}`, async () => {
    const p = await readOk(imsExampleDir);
    delete p.ims;
    expectPackageValid(generatePackage(p));
  });

  it.skipIf(!ok)(`an empty portfolio built in code${note}`, () => {
    const p: Portfolio = { id: 'empty', title: 'Empty', parts: [], relations: [], files: [], extensions: [] };
    expectPackageValid(generatePackage(p));
  });
});

describe('XSD validity of exports: the ../shared samples', () => {
  const inputs = samplesOk ? sampleInputs() : [];
  if (inputs.length > 0) {
    it.each(inputs.map((x) => [x.name, x.input]))('%s', async (_name, input) => {
      const files = generatePackage(await readOk(input));
      expect(files.has('imsmanifest.xml')).toBe(true);
      expectPackageValid(files);
    });
  } else {
    it.skip(`each sample input${skipNote('xmllint and ../shared (IMS XSDs and samples)', false)}`, () => {});
  }
});

describe('XSD validity of exports: a product with an ext_product extension', () => {
  it.skipIf(!ok)(`the IMS example with ext_product added to a product (foreign and LIP children, escaped text)${note}`, async () => {
    const p = await readOk(imsExampleDir);
    const prod = part(p, 'product_poster_nord');
    expect(prod.extensions).toEqual([]);
    prod.extensions.push({
      path: '',
      slot: 'ext',
      element: {
        type: 'element',
        ns: LIP,
        name: 'ext_product',
        attrs: [],
        children: [
          {
            type: 'element',
            ns: 'urn:x-vitrine-test:review',
            name: 'rating',
            attrs: [{ ns: '', name: 'stars', value: '5' }],
            children: [{ type: 'text', text: 'Five & <more> "stars"' }],
          },
          { type: 'element', ns: LIP, name: 'short', attrs: [], children: [{ type: 'text', text: 'Any combination of text and elements' }] },
        ],
      },
    });
    const files = generatePackage(p);
    const xml = textOf(files, 'parts/product-poster-nord.xml');
    expect(xml).toMatch(/<ext_product>[\s\S]*rating[\s\S]*<short>Any combination of text and elements<\/short>[\s\S]*<\/ext_product>\s*<\/product>/);
    expect(xml).toContain('Five &amp; &lt;more&gt;');
    expectPackageValid(files);
  });

  it.skipIf(!samplesOk)(`the ReflectNassert package, whose product has <ext_product> and <ext_contentype>${note}`, async () => {
    const p = await readOk(reflectDir);
    expect(part(p, 'Assgt3').extensions.map((x) => x.element.name).sort()).toEqual(['ext_contentype', 'ext_product']);
    const files = generatePackage(p);
    expect(textOf(files, 'Product.xml')).toMatch(/<ext_product>\s*<short>Any combination of text and elements<\/short>\s*<\/ext_product>/);
    expectPackageValid(files);
  });
});
