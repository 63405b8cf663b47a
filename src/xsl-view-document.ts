/**
 * The view document: the XML an XSL view stylesheet receives (docs/xsl-views.md,
 * docs/schema/xsl-view.xsd). Written here, in the pipeline, because it is format code (IMS
 * LIP elements, XML serialization): render/ receives it through XslInputs and knows no format. It is built from the planned, scrubbed view only: each selected
 * part in its own IMS LIP / ePortfolio element (written by model/ims like an export), the
 * view's relations with their ends resolved to parts of the view, the URLs of the view's files
 * in the built site, the owner, and the audience profile's name when the view has one.
 */
import { DiagnosticBag } from './diagnostics/index.ts';
import { portfolioToIms } from './model/index.ts';
import { isRichHtml, sanitizeRichText, textOf } from './model/sanitize.ts';
import { writeLipDocument } from './formats/lip/index.ts';
import { ASSERT, LIP, PARTICIPATION, REFLEX, RUBRIC } from './formats/lip/namespaces.ts';
import { parseXmlText } from './formats/xml/parse.ts';
import { serializeXml } from './formats/xml/serialize.ts';
import { xmlDomTree, type XmlDomElement } from './formats/xml/dom-tree.ts';
import { el, text, type XmlAttr, type XmlElement, type XmlNode } from './formats/xml/tree.ts';
import type { Part, Portfolio, Relation } from './model/types.ts';
import type { AudienceProfile } from './audience/types.ts';
import { downloadVariant } from './render/assets.ts';
import { fileHref, partTitle } from './render/page-data.ts';
import type { ViewDocumentInput } from './render/xsl/inputs.ts';

export type { ViewDocumentInput } from './render/xsl/inputs.ts';

/** The XHTML namespace. */
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Namespace of the view document's own elements. */
export const VIEW_NS = 'urn:vitrine:xsl-view:1';

/** The audience profile as the view document carries it: every preference as an attribute. */
function profileElement(profile: AudienceProfile): XmlElement {
  const attrs = (o: object) =>
    Object.entries(o)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => attr(k, Array.isArray(x) ? x.join(' ') : String(x)));
  const head = [attr('id', profile.name), ...(profile.title ? [attr('title', profile.title)] : [])];
  return v('profile', head, [v('display', attrs(profile.display)), v('content', attrs(profile.content)), v('control', attrs(profile.control))]);
}

const attr = (name: string, value: string): XmlAttr => ({ ns: '', name, value });
const v = (name: string, attrs: XmlAttr[] = [], children: XmlElement['children'] = []) => el(VIEW_NS, name, attrs, children);

/** The IMS element of one part alone (nested parts are parts of their own in the document). */
function imsElementOf(part: Part, files: Portfolio['files']): XmlElement | undefined {
  const alone: Part = { ...part, ims: { ...(part.ims ?? { element: part.kind, record: {} }), file: 'part.xml', position: 0 } };
  delete alone.parent;
  const portfolio: Portfolio = { id: 'view', parts: [alone], relations: [], files, extensions: [] };
  // Fields IMS cannot carry are reported by exports; here the wrapper carries title and tags.
  const pkg = portfolioToIms(portfolio, new DiagnosticBag());
  const doc = pkg.parts[0]?.doc;
  return doc ? writeLipDocument(doc) : undefined;
}

function imsRelationOf(rel: Relation, files: Portfolio['files']): XmlElement | undefined {
  const alone: Relation = { ...rel, ims: { ...(rel.ims ?? { element: 'relationship', record: {} }), file: 'relation.xml', position: 0 } };
  const pkg = portfolioToIms({ id: 'view', parts: [], relations: [alone], files, extensions: [] }, new DiagnosticBag());
  const doc = pkg.parts[0]?.doc;
  return doc ? writeLipDocument(doc) : undefined;
}

/** Builds the view document as an element tree. */
export function buildViewElement(input: ViewDocumentInput): XmlElement {
  const { plan, images } = input;
  const t = (key: string, fallback?: string) => input.messages?.[key] ?? fallback ?? key;
  const root = v('view', [attr('id', plan.id), attr('folder', plan.folder), attr('lang', plan.lang), attr('access', plan.access)]);
  root.children.push(v('title', [], [text(plan.title)]));
  if (plan.description) root.children.push(v('description', [], [text(plan.description)]));
  if (plan.owner) root.children.push(v('owner', [attr('part', plan.owner.id)]));
  if (plan.profile) root.children.push(profileElement(plan.profile));
  const parts = v('parts');
  for (const part of plan.parts) {
    const title = partTitle(part, t, plan.lang);
    const attrs = [attr('id', part.id), attr('kind', part.kind), attr('slug', part.slug), attr('href', `${encodeURIComponent(part.slug)}/index.html`), attr('title', title.title)];
    if (part.parent) attrs.push(attr('parent', part.parent));
    const kids: XmlElement[] = part.tags.map((tag) => v('tag', [], [text(tag)]));
    for (const f of part.files) kids.push(v('uses', [attr('file', f)]));
    // The long description as formatted text and as plain text (the IMS element below has it as
    // written, which prints literal tags through xsl:value-of).
    const long = part.description?.long?.value;
    if (long?.trim()) {
      const rich = richText(long);
      const lang = part.description?.long?.lang;
      kids.push(v('description', lang ? [attr('lang', lang)] : [], [v('html', [], xhtmlNodes(rich.html)), v('text', [], [text(rich.text)])]));
    }
    const ims = imsElementOf(part, plan.files);
    if (ims) kids.push(ims);
    parts.children.push(v('part', attrs, kids));
  }
  root.children.push(parts);
  const inView = new Set(plan.parts.map((p) => p.id));
  const relations = v('relations');
  for (const rel of plan.relations) {
    const ends = rel.to.map((to) => v('to', inView.has(to) ? [attr('part', to)] : [attr('relation', to)]));
    const ims = imsRelationOf(rel, plan.files);
    relations.children.push(v('relation', [attr('id', rel.id), attr('type', rel.type), attr('from', rel.from)], [...ends, ...(ims ? [ims] : [])]));
  }
  root.children.push(relations);
  const files = v('files');
  for (const f of plan.files) {
    const attrs = [attr('path', f.path), attr('media-type', f.mediaType), attr('size', String(f.bytes.byteLength))];
    const img = images.get(f.path);
    const kids: XmlElement[] = [];
    if (img) {
      const original = downloadVariant(img.variants);
      if (original) attrs.push(attr('href', `images/${original.fileName}`));
      attrs.push(attr('width', String(img.width)), attr('height', String(img.height)));
      for (const vr of img.variants) kids.push(v('variant', [attr('href', `images/${vr.fileName}`), attr('media-type', vr.mediaType), attr('width', String(vr.width)), attr('height', String(vr.height))]));
    } else if (!isUnpublishedImage(f.mediaType)) attrs.push(attr('href', fileHref(f.path, f.mediaType, f.bytes)));
    files.children.push(v('file', attrs, kids));
  }
  root.children.push(files);
  return root;
}

/** Raster images are published only as processed variants: without variants they have no URL. */
function isUnpublishedImage(mediaType: string): boolean {
  return mediaType.startsWith('image/') && mediaType !== 'image/svg+xml';
}

/** The prefixes the view document declares on its root. */
const VIEW_PREFIXES = { [VIEW_NS]: '', [XHTML_NS]: 'h', [LIP]: 'lip', [ASSERT]: 'assert', [REFLEX]: 'reflex', [PARTICIPATION]: 'participation', [RUBRIC]: 'rubric' };

/** The view document as XML text. */
export function buildViewDocument(input: ViewDocumentInput): string {
  return serializeXml(buildViewElement(input), { prefixes: VIEW_PREFIXES });
}

/**
 * The view document as a DOM-ready tree: the document buildViewDocument's text parses to,
 * which the stylesheet process builds without parsing (formats/xml/dom-tree.ts).
 */
export function buildViewTree(input: ViewDocumentInput): { tree: XmlDomElement } {
  return { tree: xmlDomTree(buildViewElement(input), { prefixes: VIEW_PREFIXES }) };
}

// A part's rich text for XSL stylesheets: the same sanitized HTML the theme shows, as XHTML
// nodes (for `xsl:copy-of`, or a mode that rebuilds them without their namespace) and as plain
// text (for `xsl:value-of`). sanitize-html writes well-formed markup (every element closed,
// void elements self-closed, only the predefined entities), so it parses as XML; what does not
// is left out of the html and kept as text.


const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Sanitized HTML and plain text of a long description as written (HTML or plain paragraphs). */
export function richText(long: string): { html: string; text: string } {
  if (isRichHtml(long)) {
    const html = sanitizeRichText(long).html;
    return { html, text: textOf(html) };
  }
  const paras = long.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
  return { html: paras.map((p) => `<p>${escape(p)}</p>`).join(''), text: paras.join('\n\n') };
}

/** The XHTML nodes of sanitized HTML; empty when it does not parse (never expected). */
export function xhtmlNodes(html: string): XmlNode[] {
  const parsed = parseXmlText(`<div xmlns="${XHTML_NS}">${html.replace(/&#39;/g, '&#x27;')}</div>`, 'rich-text');
  if (!parsed.root) return [];
  return parsed.root.children.map((n) => (n.type === 'element' ? clean(n) : text(n.text)));
}

/** Drops what parsing recorded about the source (declarations), keeping names, attributes and text. */
function clean(e: XmlElement): XmlElement {
  return el(e.ns, e.name, e.attrs.map(({ ns, name, value }) => ({ ns, name, value })), e.children.map((c) => (c.type === 'element' ? clean(c) : text(c.text))));
}
