/**
 * The view document reaches the stylesheet process as a DOM-ready tree (formats/xml/dom-tree.ts),
 * built without parsing. It must be the very document saxon-js's parser makes of the text
 * serializeXml writes: the same nodes, names, namespaces in scope, attributes and text, and
 * the same output from a real stylesheet. Checked on a tree made to be awkward and on every
 * view document of the example.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readPortfolio } from '../../src/index.ts';
import { planViews, readSiteConfig } from '../../src/views/index.ts';
import { buildViewDocument, buildViewTree } from '../../src/xsl-view-document.ts';
import { serializeXml } from '../../src/formats/xml/serialize.ts';
import { xmlDomTree } from '../../src/formats/xml/dom-tree.ts';
import { el, text } from '../../src/formats/xml/tree.ts';
import { loadMessages } from '../../src/render/messages.ts';
import { defaultTemplatesDir } from '../../src/render/render-site.ts';

interface DomNode {
  nodeType: number;
  nodeName: string;
  namespaceURI?: string | null;
  localName?: string | null;
  prefix?: string | null;
  nodeValue?: string | null;
  attributes?: { length: number; item(i: number): DomNode & { value: string } };
  firstChild?: DomNode | null;
  nextSibling?: DomNode | null;
}
interface Child {
  compile(text: string, uri: string): object;
  link(sef: object): void;
  documentOf(tree: unknown): DomNode;
  platform: { parseXmlFromString(s: string, strip: boolean): DomNode };
  SaxonJS: { checkOptions(o: object): { principalResult?: unknown }; internalTransform(sef: object, doc: DomNode, o: object): void };
}
const child = createRequire(import.meta.url)('../../src/render/xsl/child.cjs') as Child;

/** Every node with what XPath can see of it, in document order. */
function dump(n: DomNode, out: unknown[] = []): unknown[] {
  const attrs: unknown[] = [];
  for (let i = 0; i < (n.attributes?.length ?? 0); i++) {
    const a = n.attributes!.item(i);
    attrs.push([a.nodeName, a.namespaceURI ?? null, a.localName ?? null, a.value]);
  }
  out.push([n.nodeType, n.nodeName, n.namespaceURI ?? null, n.localName ?? null, n.prefix ?? null, n.nodeType === 1 ? null : (n.nodeValue ?? null), attrs]);
  for (let c = n.firstChild; c; c = c.nextSibling) dump(c, out);
  return out;
}

/** What a stylesheet sees: every node's name, namespace, namespaces in scope, attributes and text. */
const PROBE = `<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text"/>
<xsl:template match="/">
  <xsl:for-each select="//node()">
    <xsl:value-of select="path(.)"/>|<xsl:value-of select="node-name(.)"/>|<xsl:value-of select="namespace-uri(.)"/>|<xsl:value-of select="string-join(if (self::*) then (for $p in in-scope-prefixes(.) return $p || '=' || namespace-uri-for-prefix($p, .)) else (), ' ')"/>|<xsl:value-of select="string-join(@* ! (name() || '=' || .), ' ')"/>|<xsl:value-of select="self::text()"/><xsl:text>&#10;</xsl:text>
  </xsl:for-each>
  <xsl:value-of select="count(id('k1'))"/>
</xsl:template>
</xsl:stylesheet>`;

const compiled = new Map<string, object>();

function transform(sheet: string, doc: DomNode): string {
  let sef = compiled.get(sheet);
  if (!sef) {
    sef = child.compile(sheet, pathToFileURL(resolve(import.meta.dirname, 'probe.xsl')).href);
    child.link(sef);
    compiled.set(sheet, sef);
  }
  const options = child.SaxonJS.checkOptions({ isDynamicStylesheet: true, destination: 'serialized', stylesheetParams: { 'view-id': 'v' }, outputProperties: {}, resultDocuments: {}, deliverResultDocument: () => ({ destination: 'serialized', save: () => undefined }) });
  child.SaxonJS.internalTransform(sef, doc, options);
  return String(options.principalResult);
}

function same(textDoc: string, tree: unknown) {
  const parsed = child.platform.parseXmlFromString(textDoc, false);
  const built = child.documentOf(JSON.parse(JSON.stringify(tree)));
  expect(dump(built)).toEqual(dump(parsed));
  expect(transform(PROBE, built)).toBe(transform(PROBE, parsed));
  return { parsed, built };
}

describe('the DOM-ready tree of a document', () => {
  it('builds the document parsing its text gives, on an awkward tree', () => {
    const A = 'urn:a';
    const B = 'urn:b';
    const root = el(A, 'root', [{ ns: '', name: 'id', value: '  k1 \t x ' }, { ns: 'http://www.w3.org/XML/1998/namespace', name: 'lang', value: 'fr' }], [
      el(A, 'mixed', [{ ns: '', name: 'note', value: 'tab\there\nline "q" <&> \r end' }], [text('a < b & c > d "e" \'f\''), el(B, 'inner', [], [text('x')]), text('  tail\r\nnext\rlast')]),
      el('', 'nons', [], [el(A, 'back', [], [])]),
      el(B, 'b', [{ ns: B, name: 'attr', value: 'v' }, { ns: 'urn:c', name: 'other', value: 'w' }], [el(B, 'deeper', [], [text('\u0001 control and \uFFFF')])]),
      el(A, 'empty', [], []),
      el(A, 'texts', [], [text('one'), text(''), text('two')]),
      { ...el('urn:p', 'prefixed', [], [text('kept prefix')]), prefix: 'pre' },
    ]);
    const options = { prefixes: { [A]: '', [B]: 'b' } };
    same(serializeXml(root, options), xmlDomTree(root, options));
    // Without preferred prefixes or indentation: generated prefixes, no whitespace nodes.
    same(serializeXml(root, { indent: '' }), xmlDomTree(root, { indent: '' }));
  });

  it('builds every view document of the example as parsing would, and the example stylesheet says the same on both', async () => {
    const portfolio = (await readPortfolio(resolve(import.meta.dirname, '../../content'))).value!;
    const config = (await readSiteConfig(resolve(import.meta.dirname, '../../content'))).value;
    const plans = planViews(portfolio, config).value;
    expect(plans.length).toBeGreaterThan(1);
    const sheet = readFileSync(resolve(import.meta.dirname, '../../xsl/portfolio.xsl'), 'utf8');
    for (const plan of plans) {
      const input = { plan, images: new Map(), messages: loadMessages(plan.lang, [defaultTemplatesDir]) };
      const { parsed, built } = same(buildViewDocument(input), buildViewTree(input).tree);
      const out = transform(sheet, built);
      expect((out.match(/class="xsl-part /g) ?? []).length).toBe(plan.parts.length);
      expect(out).toBe(transform(sheet, parsed));
    }
  }, 60_000);
});
