/**
 * A small, namespace-resolved XML tree. fast-xml-parser's output shapes (`':@'`, `'#text'`)
 * are converted into this at the parser boundary so that no parser shape leaves formats/.
 */

/** An attribute with its resolved namespace ('' for none). */
export interface XmlAttr {
  ns: string;
  name: string;
  /** The prefix as written, kept so that re-serialized extensions look like the source. */
  prefix?: string;
  value: string;
}

/** An element with its resolved namespace and children in document order. */
export interface XmlElement {
  type: 'element';
  ns: string;
  name: string;
  prefix?: string;
  attrs: XmlAttr[];
  children: XmlNode[];
  /** Namespace declarations written on this element (prefix, '' for the default → URI), when parsed. Leap2A needs them to resolve terms inside attribute values. */
  declares?: Record<string, string>;
  /** 1-based position of the start tag in the source, when parsed. */
  line?: number;
  column?: number;
}

/** A run of character data (entities already decoded). */
export interface XmlText {
  type: 'text';
  text: string;
}

/** A node of the tree: comments and processing instructions are not kept. */
export type XmlNode = XmlElement | XmlText;

/** Well-known namespaces. */
export const NS = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** Creates an element node. */
export function el(ns: string, name: string, attrs: XmlAttr[] = [], children: XmlNode[] = []): XmlElement {
  return { type: 'element', ns, name, attrs, children };
}

/** Creates a text node. */
export function text(value: string): XmlText {
  return { type: 'text', text: value };
}

/** Child elements of an element, in order. */
export function childElements(e: XmlElement): XmlElement[] {
  return e.children.filter((c): c is XmlElement => c.type === 'element');
}

/** The concatenated text directly inside an element (not in its child elements). */
export function ownText(e: XmlElement): string {
  let s = '';
  for (const c of e.children) if (c.type === 'text') s += c.text;
  return s;
}

/** The value of an attribute by namespace and local name. */
export function attr(e: XmlElement, name: string, ns = ''): string | undefined {
  return e.attrs.find((a) => a.name === name && a.ns === ns)?.value;
}

/** A copy of a subtree without source positions (for storing extensions and comparing). */
export function stripPositions(e: XmlElement): XmlElement {
  const copy: XmlElement = {
    type: 'element',
    ns: e.ns,
    name: e.name,
    attrs: e.attrs.map((a) => ({ ...a })),
    children: e.children.map((c) => (c.type === 'element' ? stripPositions(c) : { ...c })),
  };
  if (e.prefix !== undefined) copy.prefix = e.prefix;
  return copy;
}
