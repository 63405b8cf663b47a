/**
 * The view document of an XSL view: valid against docs/schema/xsl-view.xsd (real xmllint), each
 * part's IMS element valid against the IMS schemas, and nothing of an unselected part in it.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { readPortfolio } from '../../src/index.ts';
import { planViews, readSiteConfig } from '../../src/views/index.ts';
import { buildViewDocument } from '../../src/xsl-view-document.ts';
import { loadMessages } from '../../src/render/messages.ts';
import { defaultTemplatesDir } from '../../src/render/render-site.ts';
import { hasXmllint, hasXsds, schemaForDocument, validateWithXsd } from '../support/xsd.ts';
import { needs, skipNote } from '../support/env.ts';

const content = resolve(import.meta.dirname, '../../content');
const xsd = resolve(import.meta.dirname, '../../docs/schema/xsl-view.xsd');

async function documents() {
  const portfolio = (await readPortfolio(content)).value!;
  const config = (await readSiteConfig(content)).value;
  const plans = planViews(portfolio, config).value;
  return { portfolio, plans, docs: plans.map((plan) => buildViewDocument({ plan, images: new Map(), messages: loadMessages(plan.lang, [defaultTemplatesDir]) })) };
}

function xmllint(xml: string, schema: string) {
  return spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, '-'], { input: xml, encoding: 'utf8' });
}

describe('view document', () => {
  const lint = needs('xmllint', hasXmllint());
  it.skipIf(!lint)(`validates against docs/schema/xsl-view.xsd${skipNote('xmllint', lint)}`, async () => {
    const { docs } = await documents();
    expect(docs.length).toBeGreaterThan(1);
    for (const doc of docs) {
      const r = xmllint(doc, xsd);
      expect(r.stderr).toContain('- validates');
      expect(r.status).toBe(0);
    }
  });

  it.skipIf(!lint)(`the schema refuses a relation to a part outside the view${skipNote('xmllint', lint)}`, async () => {
    const { docs } = await documents();
    const broken = docs[0]!.replace(/<to part="[^"]+"/, '<to part="not_in_this_view"');
    expect(broken).not.toBe(docs[0]);
    const r = xmllint(broken, xsd);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/keyref|No match found/i);
  });

  const ims = needs('../shared IMS XSDs', hasXsds()) && lint;
  it.skipIf(!ims)(`each part's IMS element is valid IMS LIP / ePortfolio${skipNote('../shared IMS XSDs', ims)}`, async () => {
    const { docs } = await documents();
    let checked = 0;
    for (const doc of docs) {
      // The IMS elements are the children of <part> and <relation> in another namespace.
      for (const m of doc.matchAll(/<((?:lip|assert|reflex|participation|rubric):[a-z]+)[\s>][\s\S]*?<\/\1>/g)) {
        const prefix = m[1]!.split(':')[0]!;
        const ns = /xmlns:(\w+)="([^"]+)"/g;
        const decls = [...doc.slice(0, 1000).matchAll(ns)].filter((d) => d[1] === prefix || d[1] === 'lip').map((d) => ` xmlns:${d[1]}="${d[2]}"`);
        const fragment = m[0].replace(/^<([\w:]+)/, (s) => `${s}${[...new Set(decls)].join('')}`);
        const schema = schemaForDocument(fragment);
        expect(schema, m[1]).toBeDefined();
        const r = validateWithXsd(fragment, schema!);
        expect(r.errors).toBe('');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('holds every selected part and nothing of the parts left out', async () => {
    const { portfolio, plans, docs } = await documents();
    plans.forEach((plan, i) => {
      const doc = docs[i]!;
      const selected = new Set(plan.parts.map((p) => p.id));
      for (const p of plan.parts) expect(doc).toContain(`<part id="${p.id}"`);
      for (const p of portfolio.parts) {
        if (selected.has(p.id)) continue;
        // No id, no source id, no short description of an unselected part, anywhere.
        expect(doc, `${plan.id} leaks ${p.id}`).not.toMatch(new RegExp(`["> ]${p.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["< ]`));
        const short = p.description?.short?.value;
        if (short && short.length > 12 && !plan.parts.some((q) => JSON.stringify(q).includes(short))) expect(doc, `${plan.id} leaks the text of ${p.id}`).not.toContain(short.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      }
      for (const f of portfolio.files) if (!plan.files.some((g) => g.path === f.path)) expect(doc).not.toContain(`path="${f.path}"`);
    });
  });

  it('names the owner and the profile only when the view has them', async () => {
    const { plans } = await documents();
    const withOwner = plans.find((p) => p.owner)!;
    const without = plans.find((p) => !p.owner)!;
    expect(buildViewDocument({ plan: withOwner, images: new Map() })).toContain(`<owner part="${withOwner.owner!.id}"/>`);
    expect(buildViewDocument({ plan: without, images: new Map() })).not.toContain('<owner');
    const plain = { ...without };
    delete plain.profile;
    expect(buildViewDocument({ plan: plain, images: new Map() })).not.toContain('<profile');
    const profile = { name: 'large-print', title: 'Large print', display: { fontSize: 1.5, oneColumn: true }, content: { captions: true, languages: ['fr', 'en'] }, control: { keyboard: true } };
    const doc = buildViewDocument({ plan: { ...plain, profile }, images: new Map() });
    expect(doc.replace(/>\s+</g, '><')).toContain('<profile id="large-print" title="Large print"><display fontSize="1.5" oneColumn="true"/><content captions="true" languages="fr en"/><control keyboard="true"/></profile>');
  });

  it('gives each rich text as sanitized XHTML nodes and as plain text', async () => {
    const { plans } = await documents();
    const plan = plans.find((p) => p.id === 'studio-nord')!;
    const poster = plan.parts.find((p) => p.id === 'product_poster_nord')!;
    const hostile = { ...poster, description: { ...poster.description!, long: { value: '<p>Set in <strong>one</strong> grotesque &amp; <a href="javascript:alert(1)" onclick="x()">more</a>.</p><script>alert(1)</script><ul><li>A</li></ul>' } } };
    const doc = buildViewDocument({ plan: { ...plan, parts: plan.parts.map((p) => (p === poster ? hostile : p)) }, images: new Map() });
    const part = /<part id="product_poster_nord"[\s\S]*?<\/part>/.exec(doc)![0];
    const description = /<description>[\s\S]*?<\/description>/.exec(part)![0].replace(/>\s+</g, '><');
    expect(description).toContain('<h:p>Set in <h:strong>one</h:strong> grotesque &amp; <h:a>more</h:a>.</h:p><h:ul><h:li>A</h:li></h:ul>');
    expect(doc).toContain('xmlns:h="http://www.w3.org/1999/xhtml"');
    expect(description).not.toMatch(/<h:script|javascript:|onclick|alert\(/);
    expect(/<text>([\s\S]*?)<\/text>/.exec(description)![1]).toBe('Set in one grotesque &amp; more.\n\nA');
  });
});
