/**
 * A Leap2A feed in its own terms: Atom entries with their Leap2A types, categories, dates,
 * links and content, read from the namespace-resolved XML tree. Namespaces are canonical
 * (every alias replaced) and terms inside attribute values are resolved to full URIs, so the
 * model mapping never sees which Leap2A draft the file followed. Elements not understood here
 * (Leap2A literals such as persondata and spatial, Mahara's extensions, Mahara's elements
 * written into the Atom namespace) are kept verbatim in `elements`.
 */
import { NS, attr, childElements, ownText, type XmlElement, type XmlNode } from '../xml/tree.ts';
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import { ATOM, LEAP2, MAHARA, RDF, XHTML, canonicalNamespace, resolveTerm, type PrefixScope } from './namespaces.ts';

/** Content or summary of an entry. */
export interface Leap2aContent {
  /** `text`, `html`, `xhtml`, or the media type of out-of-line content (with `src`). */
  type: string;
  /** The text of `text` and `html` content (entities decoded: html content is markup). */
  text?: string;
  /** The children of the XHTML wrapper `div` of `xhtml` content. */
  xhtml?: XmlNode[];
  /** Out-of-line content: a reference to a file of the package or a URL. */
  src?: string;
  /** `xml:lang` of the element. */
  lang?: string;
}

/** An Atom person (author, contributor). */
export interface Leap2aPerson {
  name: string;
  email?: string;
  uri?: string;
}

/** An Atom link. `rel` is resolved: a full URI for Leap2A terms, as written otherwise. */
export interface Leap2aLink {
  rel: string;
  href: string;
  type?: string;
  title?: string;
  length?: string;
  /** `leap2:display_order` on the link. */
  displayOrder?: number;
  line?: number;
  column?: number;
}

/** A Leap2A category (`<category scheme term label>`), the scheme resolved to a full URI. */
export interface Leap2aCategory {
  scheme?: string;
  term: string;
  label?: string;
}

/** `leap2:date`: a point (start, end, target, ...) with a machine date and/or a free label. */
export interface Leap2aDate {
  point?: string;
  label?: string;
  value: string;
}

/** One Atom entry. */
export interface Leap2aEntry {
  id: string;
  title: string;
  /** `text` unless the title said otherwise. */
  titleType?: string;
  titleLang?: string;
  published?: string;
  updated?: string;
  summary?: Leap2aContent;
  content?: Leap2aContent;
  /** `rdf:type` values, resolved (`http://terms.leapspecs.org/selection`). */
  types: string[];
  categories: Leap2aCategory[];
  authors: Leap2aPerson[];
  contributors: Leap2aPerson[];
  links: Leap2aLink[];
  dates: Leap2aDate[];
  /** Every other child, verbatim (canonical namespaces). */
  elements: XmlElement[];
  line?: number;
  column?: number;
}

/** A whole feed. */
export interface Leap2aFeed {
  id: string;
  title: string;
  updated?: string;
  /** `leap2:version`, as written. */
  version?: string;
  authors: Leap2aPerson[];
  entries: Leap2aEntry[];
  /** Other feed-level children (generator, rights, extensions), verbatim. */
  elements: XmlElement[];
}

/** Where reading reports. */
export interface FeedContext {
  file: string;
  diagnostics: DiagnosticBag;
}

/** Tells whether an element is an Atom feed (the root of a Leap2A file). */
export function isFeedRoot(e: XmlElement): boolean {
  return e.ns === ATOM && e.name === 'feed';
}

/** Rewrites every namespace of a tree to its canonical URI (a copy; positions kept). */
export function canonicalTree(e: XmlElement): XmlElement {
  const ns = canonicalNamespace(e.ns);
  const copy: XmlElement = {
    ...e,
    ns,
    attrs: e.attrs.map((a) => {
      const ans = canonicalNamespace(a.ns);
      return CANONICAL_PREFIX[ans] ? { ...a, ns: ans, prefix: CANONICAL_PREFIX[ans] } : { ...a, ns: ans };
    }),
    children: e.children.map((c) => (c.type === 'element' ? canonicalTree(c) : c)),
  };
  if (CANONICAL_PREFIX[ns]) copy.prefix = CANONICAL_PREFIX[ns];
  return copy;
}

/** Prefixes of the canonical namespaces, so that kept elements look the same whichever draft they came from. */
const CANONICAL_PREFIX: Readonly<Record<string, string>> = { [LEAP2]: 'leap2', [MAHARA]: 'mahara', [RDF]: 'rdf' };

function scopeOf(e: XmlElement, parent: PrefixScope): PrefixScope {
  if (!e.declares) return parent;
  const m = new Map(parent);
  for (const [p, ns] of Object.entries(e.declares)) m.set(p, canonicalNamespace(ns));
  return m;
}

/** Reads a feed element (already known to be `atom:feed`). Namespaces may be any alias. */
export function readFeed(root: XmlElement, cx: FeedContext): Leap2aFeed {
  const scope = scopeOf(root, new Map());
  const feed = canonicalTree(root);
  const out: Leap2aFeed = { id: '', title: '', authors: [], entries: [], elements: [] };
  for (const c of childElements(feed)) {
    const cs = scopeOf(c, scope);
    if (c.ns === ATOM && c.name === 'entry') out.entries.push(readEntry(c, cs, cx));
    else if (c.ns === ATOM && c.name === 'id') out.id = ownText(c).trim();
    else if (c.ns === ATOM && c.name === 'title') out.title = textOf(c);
    else if (c.ns === ATOM && c.name === 'updated') out.updated = ownText(c).trim();
    else if (c.ns === ATOM && c.name === 'author') out.authors.push(readPerson(c));
    else if (c.ns === LEAP2 && c.name === 'version') out.version = ownText(c).trim();
    else out.elements.push(c);
  }
  return out;
}

function textOf(e: XmlElement): string {
  let s = '';
  for (const c of e.children) s += c.type === 'text' ? c.text : textOf(c);
  return s;
}

function readPerson(e: XmlElement): Leap2aPerson {
  const p: Leap2aPerson = { name: '' };
  for (const c of childElements(e)) {
    if (c.ns !== ATOM) continue;
    if (c.name === 'name') p.name = ownText(c).trim();
    if (c.name === 'email') p.email = ownText(c).trim();
    if (c.name === 'uri') p.uri = ownText(c).trim();
  }
  return p;
}

function readContent(e: XmlElement): Leap2aContent {
  const c = readContentBody(e);
  const lang = attr(e, 'lang', NS.xml);
  if (lang) c.lang = lang;
  return c;
}

function readContentBody(e: XmlElement): Leap2aContent {
  const type = attr(e, 'type')?.trim() || 'text';
  const src = attr(e, 'src');
  if (src !== undefined) return { type, src: src.trim() };
  if (type === 'xhtml') {
    const wrapper = childElements(e).find((c) => c.ns === XHTML && c.name === 'div');
    return { type, xhtml: wrapper ? wrapper.children : e.children };
  }
  return { type, text: textOf(e) };
}

function readEntry(e: XmlElement, scope: PrefixScope, cx: FeedContext): Leap2aEntry {
  const entry: Leap2aEntry = { id: '', title: '', types: [], categories: [], authors: [], contributors: [], links: [], dates: [], elements: [] };
  if (e.line !== undefined) entry.line = e.line;
  if (e.column !== undefined) entry.column = e.column;
  for (const c of childElements(e)) {
    const cs = scopeOf(c, scope);
    if (c.ns === ATOM) {
      switch (c.name) {
        case 'id': entry.id = ownText(c).trim(); continue;
        case 'title': {
          entry.title = textOf(c).trim();
          const lang = attr(c, 'lang', NS.xml);
          if (lang) entry.titleLang = lang;
          const t = attr(c, 'type');
          if (t && t !== 'text') entry.titleType = t;
          continue;
        }
        case 'published': entry.published = ownText(c).trim(); continue;
        case 'updated': entry.updated = ownText(c).trim(); continue;
        case 'summary': entry.summary = readContent(c); continue;
        case 'content': entry.content = readContent(c); continue;
        case 'author': entry.authors.push(readPerson(c)); continue;
        case 'contributor': entry.contributors.push(readPerson(c)); continue;
        case 'link': {
          const href = attr(c, 'href');
          if (href === undefined) break; // kept verbatim below
          const link: Leap2aLink = { rel: resolveTerm(attr(c, 'rel') ?? 'alternate', cs), href: href.trim() };
          const type = attr(c, 'type');
          if (type) link.type = type;
          const title = attr(c, 'title');
          if (title) link.title = title;
          const length = attr(c, 'length');
          if (length) link.length = length;
          const order = attr(c, 'display_order', LEAP2);
          if (order !== undefined && /^\s*-?\d+\s*$/.test(order)) link.displayOrder = Number(order);
          if (c.line !== undefined) link.line = c.line;
          if (c.column !== undefined) link.column = c.column;
          entry.links.push(link);
          continue;
        }
        case 'category': {
          const term = attr(c, 'term');
          if (term === undefined) break;
          const cat: Leap2aCategory = { term };
          const scheme = attr(c, 'scheme');
          if (scheme) cat.scheme = resolveTerm(scheme, cs);
          const label = attr(c, 'label');
          if (label) cat.label = label;
          entry.categories.push(cat);
          continue;
        }
        default:
          break;
      }
    } else if (c.ns === RDF && c.name === 'type') {
      const r = attr(c, 'resource', RDF) ?? attr(c, 'resource');
      if (r) {
        entry.types.push(resolveTerm(r, cs));
        continue;
      }
    } else if (c.ns === LEAP2 && c.name === 'date') {
      const d: Leap2aDate = { value: ownText(c).trim() };
      const point = attr(c, 'point', LEAP2) ?? attr(c, 'point');
      if (point) d.point = point;
      const label = attr(c, 'label', LEAP2) ?? attr(c, 'label');
      if (label) d.label = label;
      entry.dates.push(d);
      continue;
    }
    entry.elements.push(c);
  }
  if (!entry.id) {
    entry.id = `entry-${entry.line ?? 0}-${entry.column ?? 0}`;
    cx.diagnostics.add('Leap2aEntryIdMissing', `an entry has no <id>; it is called "${entry.id}"`, { file: cx.file, line: e.line ?? 1, column: e.column ?? 1 });
  }
  return entry;
}
