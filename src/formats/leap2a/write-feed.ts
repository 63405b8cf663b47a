/**
 * Leap2aFeed → XML text, in the canonical 2010-07 form: Atom as the default namespace, Leap2A
 * terms with the `leap2:` prefix (in element names and inside attribute values alike),
 * categories with `categories:`, Mahara's extensions with `mahara:`, Vitrine's with `vitrine:`.
 */
import { NS, el, text, type XmlAttr, type XmlElement, type XmlNode } from '../xml/tree.ts';
import { serializeXml } from '../xml/serialize.ts';
import type { Leap2aContent, Leap2aEntry, Leap2aFeed, Leap2aPerson } from './feed.ts';
import { ATOM, CATEGORIES, LEAP2, MAHARA, RDF, VITRINE, XHTML } from './namespaces.ts';

const PREFIXES: Record<string, string> = {
  [ATOM]: '',
  [RDF]: 'rdf',
  [LEAP2]: 'leap2',
  [CATEGORIES]: 'categories',
  [MAHARA]: 'mahara',
  [VITRINE]: 'vitrine',
  [XHTML]: 'xhtml',
};

/** The version URI Vitrine writes (`leap2:version`). */
export const LEAP2A_VERSION = 'http://www.leapspecs.org/2010-07/2A/';

/** Writes a full URI of a known namespace as a prefixed term (`leap2:has_part`). */
export function compactTerm(uri: string): string {
  for (const [ns, prefix] of Object.entries(PREFIXES)) {
    if (prefix && uri.startsWith(ns) && uri.length > ns.length) return `${prefix}:${uri.slice(ns.length)}`;
  }
  return uri;
}

const a = (name: string, value: string, ns = '', prefix?: string): XmlAttr => (prefix ? { ns, name, value, prefix } : { ns, name, value });
const atom = (name: string, attrs: XmlAttr[] = [], children: XmlNode[] = []) => el(ATOM, name, attrs, children);
const leap = (name: string, attrs: XmlAttr[] = [], children: XmlNode[] = []) => ({ ...el(LEAP2, name, attrs, children), prefix: 'leap2' });

function person(tag: string, p: Leap2aPerson): XmlElement {
  const kids = [atom('name', [], [text(p.name)])];
  if (p.email) kids.push(atom('email', [], [text(p.email)]));
  if (p.uri) kids.push(atom('uri', [], [text(p.uri)]));
  return atom(tag, [], kids);
}

function content(tag: string, c: Leap2aContent): XmlElement {
  const e = contentBody(tag, c);
  if (c.lang) e.attrs.push({ ns: NS.xml, name: 'lang', value: c.lang, prefix: 'xml' });
  return e;
}

function contentBody(tag: string, c: Leap2aContent): XmlElement {
  if (c.src !== undefined) return atom(tag, [a('type', c.type), a('src', c.src)]);
  // Unprefixed, as Mahara reads it: its importer takes the content only when the child's
  // serialization starts with exactly `<div xmlns="http://www.w3.org/1999/xhtml">`
  // (htdocs/import/leap/lib.php, get_entry_content); an `xhtml:div` falls back to raw text.
  if (c.type === 'xhtml') return atom(tag, [a('type', 'xhtml')], [{ ...el(XHTML, 'div', [], c.xhtml ?? []), prefix: '' }]);
  const attrs = c.type === 'text' ? [] : [a('type', c.type)];
  return atom(tag, attrs, c.text ? [text(c.text)] : []);
}

function entryElement(e: Leap2aEntry): XmlElement {
  const titleAttrs = e.titleType ? [a('type', e.titleType)] : [];
  if (e.titleLang) titleAttrs.push(a('lang', e.titleLang, NS.xml, 'xml'));
  const kids: XmlElement[] = [atom('title', titleAttrs, [text(e.title)]), atom('id', [], [text(e.id)])];
  if (e.updated) kids.push(atom('updated', [], [text(e.updated)]));
  if (e.published) kids.push(atom('published', [], [text(e.published)]));
  for (const p of e.authors) kids.push(person('author', p));
  for (const p of e.contributors) kids.push(person('contributor', p));
  if (e.summary) kids.push(content('summary', e.summary));
  kids.push(e.content ? content('content', e.content) : atom('content'));
  for (const t of e.types) kids.push({ ...el(RDF, 'type', [a('resource', compactTerm(t), RDF, 'rdf')]), prefix: 'rdf' });
  for (const c of e.categories) {
    const attrs = [a('term', c.term)];
    if (c.scheme) attrs.push(a('scheme', compactTerm(c.scheme)));
    if (c.label) attrs.push(a('label', c.label));
    kids.push(atom('category', attrs));
  }
  for (const l of e.links) {
    const attrs = [a('rel', compactTerm(l.rel)), a('href', l.href)];
    if (l.type) attrs.push(a('type', l.type));
    if (l.title) attrs.push(a('title', l.title));
    if (l.length) attrs.push(a('length', l.length));
    if (l.displayOrder !== undefined) attrs.push(a('display_order', String(l.displayOrder), LEAP2, 'leap2'));
    kids.push(atom('link', attrs));
  }
  for (const d of e.dates) {
    const attrs: XmlAttr[] = [];
    if (d.point) attrs.push(a('point', d.point, LEAP2, 'leap2'));
    if (d.label) attrs.push(a('label', d.label, LEAP2, 'leap2'));
    kids.push(leap('date', attrs, d.value ? [text(d.value)] : []));
  }
  kids.push(...e.elements);
  return atom('entry', [], kids);
}

/** Serializes a feed as a Leap2A 2010-07 document. */
export function writeFeed(feed: Leap2aFeed): string {
  const kids: XmlElement[] = [leap('version', [], [text(feed.version ?? LEAP2A_VERSION)]), atom('id', [], [text(feed.id)]), atom('title', [], [text(feed.title)])];
  if (feed.updated) kids.push(atom('updated', [], [text(feed.updated)]));
  for (const p of feed.authors) kids.push(person('author', p));
  kids.push(...feed.elements);
  for (const e of feed.entries) kids.push(entryElement(e));
  // XHTML is not declared on the root: each content div declares it as its default namespace.
  const rootPrefixes = Object.fromEntries(Object.entries(PREFIXES).filter(([ns]) => ns !== XHTML));
  return serializeXml(atom('feed', [], kids), { prefixes: rootPrefixes });
}

/** The files of a Leap2A package: `leap2a.xml` and the files beside it. */
export function generateLeap2aPackage(pkg: { feed: Leap2aFeed; files: Map<string, Uint8Array> }): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>([['leap2a.xml', new TextEncoder().encode(writeFeed(pkg.feed))]]);
  for (const [path, bytes] of pkg.files) out.set(path, bytes);
  return out;
}
