/**
 * An element tree as a DOM builder takes it, with every decision serializeXml makes already
 * made (prefixes, where namespaces are declared, the indentation whitespace): building a DOM
 * from it gives the document that parsing serializeXml's text gives, without parsing. XSL
 * views hand it to the stylesheet process, whose XML parser (saxon-js's, character by
 * character) costs more than the transform itself on a large view.
 *
 * A node is a string (text) or `[qualified name, namespace URI, attributes, ...children]`,
 * attributes flat as `[qualified name, namespace URI, value, ...]`, namespace declarations
 * among them as `xmlns`/`xmlns:p` attributes in the xmlns namespace.
 */
import { prefixFor, type SerializeOptions } from './serialize.ts';
import { NS, type XmlElement } from './tree.ts';

/** A node of the DOM-ready tree (file comment). */
export type XmlDomNode = string | XmlDomElement;
/** An element of the DOM-ready tree (file comment). */
export type XmlDomElement = [string, string, string[], ...XmlDomNode[]];

/** Characters XML 1.0 cannot carry (as in serialize.ts): they become U+FFFD there, so here too. */
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (s: string) => s.replace(notXml, '\uFFFD');
/** A parser turns CR LF and lone CR in text into LF (XML 1.0, 2.11); attribute values keep them (serialize.ts writes them as references). */
const cleanText = (s: string) => clean(s).replace(/\r\n?/g, '\n');

/** The tree serializeXml(root, options) would write, ready for a DOM builder. */
export function xmlDomTree(root: XmlElement, options: SerializeOptions = {}): XmlDomElement {
  const indent = options.indent ?? '  ';
  const scope = new Map<string, string>([[NS.xml, 'xml']]);
  const first: string[] = [];
  for (const [ns, prefix] of Object.entries(options.prefixes ?? {})) {
    scope.set(ns, prefix);
    first.push(prefix ? `xmlns:${prefix}` : 'xmlns', NS.xmlns, clean(ns));
  }
  for (const [q, v] of options.rootAttributes ?? []) {
    const colon = q.indexOf(':');
    const prefix = colon > 0 ? q.slice(0, colon) : '';
    const ns = prefix ? ([...scope].find(([, p]) => p === prefix)?.[0] ?? '') : '';
    first.push(q, ns, clean(v));
  }
  return element(root, scope, 0, indent, first);
}

function element(e: XmlElement, parentScope: Map<string, string>, depth: number, indent: string, first: string[]): XmlDomElement {
  const scope = new Map(parentScope);
  const decls: string[] = [];
  const p = prefixFor(e.ns, e.prefix, scope, decls, false);
  const attrs: string[] = [];
  for (const a of e.attrs) {
    const ap = a.ns ? prefixFor(a.ns, a.prefix, scope, decls, true) : '';
    attrs.push(ap ? `${ap}:${a.name}` : a.name, a.ns, clean(a.value));
  }
  // Declarations come as serialize.ts writes them (` xmlns:p="uri"`): read back the same way.
  const declared: string[] = [];
  for (const d of decls) {
    const m = /^ (xmlns(?::[^=]+)?)="(.*)"$/s.exec(d)!;
    declared.push(m[1]!, NS.xmlns, unescape(m[2]!));
  }
  const out: XmlDomElement = [p ? `${p}:${e.name}` : e.name, e.ns, [...first, ...declared, ...attrs]];
  const onlyElements = e.children.every((c) => c.type === 'element');
  for (const c of e.children) {
    if (onlyElements && indent) out.push('\n' + indent.repeat(depth + 1));
    out.push(c.type === 'text' ? cleanText(c.text) : element(c, scope, depth + 1, indent, []));
  }
  if (e.children.length && onlyElements && indent) out.push('\n' + indent.repeat(depth));
  return out;
}

/** The value of an escaped attribute (escapeAttr's references only). */
function unescape(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#10|#9|#13);/g, (_, r: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#10': '\n', '#9': '\t', '#13': '\r' })[r]!);
}
