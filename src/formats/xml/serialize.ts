import { NS, type XmlElement, type XmlNode } from './tree.ts';

/** Options for serializing: preferred prefixes by namespace, and indentation. */
export interface SerializeOptions {
  /** Namespace URI → prefix ('' for the default namespace) declared on the root. */
  prefixes?: Record<string, string>;
  /** Extra attributes on the root, such as xsi:schemaLocation, as [qname, value]. */
  rootAttributes?: [string, string][];
  indent?: string;
}

/** Characters XML 1.0 cannot carry at all, not even escaped (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes character data; characters XML cannot carry become U+FFFD. */
export function escapeText(s: string): string {
  return s.replace(notXml, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (double-quoted). */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;');
}

/**
 * Serializes an element tree to an XML document string. Namespaces get the preferred
 * prefixes when given, the prefix they were read with otherwise, and a generated one last;
 * declarations are placed where first needed. Elements with only element children are
 * indented; text content is written as is.
 */
export function serializeXml(root: XmlElement, options: SerializeOptions = {}): string {
  const indent = options.indent ?? '  ';
  const rootScope = new Map<string, string>([[NS.xml, 'xml']]); // ns → prefix
  const declared: string[] = [];
  for (const [ns, prefix] of Object.entries(options.prefixes ?? {})) {
    rootScope.set(ns, prefix);
    declared.push(prefix ? ` xmlns:${prefix}="${escapeAttr(ns)}"` : ` xmlns="${escapeAttr(ns)}"`);
  }
  const extra = (options.rootAttributes ?? []).map(([q, v]) => ` ${q}="${escapeAttr(v)}"`).join('');
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  writeElement(root, rootScope, 0, out, indent, declared.join('') + extra);
  out.push('\n');
  return out.join('');
}

/** Serializes a fragment (no XML declaration), declaring every namespace it uses. */
export function serializeFragment(e: XmlElement): string {
  const out: string[] = [];
  writeElement(e, new Map([[NS.xml, 'xml']]), 0, out, '', '');
  return out.join('');
}

/** The prefix of a namespace in `scope`, declaring it (into `decls`) when it is not bound yet. */
export function prefixFor(
  ns: string,
  wanted: string | undefined,
  scope: Map<string, string>,
  decls: string[],
  isAttr: boolean,
): string {
  if (ns === '') {
    if (isAttr) return '';
    const boundDefault = [...scope.entries()].find(([u, q]) => q === '' && u !== '');
    if (boundDefault) {
      // The default namespace is bound to something else: undeclare it for this subtree.
      scope.delete(boundDefault[0]);
      scope.set('', '');
      decls.push(' xmlns=""');
    }
    return '';
  }
  const existing = scope.get(ns);
  if (existing !== undefined && !(isAttr && existing === '')) return existing;
  const used = new Set(scope.values());
  let p = wanted ?? (isAttr ? 'ns' : '');
  if (p === '' && isAttr) p = 'ns';
  // An element that asks for the default namespace gets it, rebinding it for its subtree.
  if (used.has(p) && !(p === '' && !isAttr && wanted === '')) {
    let i = 1;
    while (used.has(`${p || 'ns'}${i}`)) i++;
    p = `${p || 'ns'}${i}`;
  }
  // Rebinding a prefix in a child scope is allowed; record the new binding.
  for (const [u, q] of [...scope.entries()]) if (q === p) scope.delete(u);
  scope.set(ns, p);
  decls.push(p === '' ? ` xmlns="${escapeAttr(ns)}"` : ` xmlns:${p}="${escapeAttr(ns)}"`);
  return p;
}

function writeElement(
  e: XmlElement,
  parentScope: Map<string, string>,
  depth: number,
  out: string[],
  indent: string,
  rootExtra: string,
): void {
  const scope = new Map(parentScope);
  const decls: string[] = [];
  const p = prefixFor(e.ns, e.prefix, scope, decls, false);
  const qname = p ? `${p}:${e.name}` : e.name;
  const attrs = e.attrs
    .map((a) => {
      const ap = a.ns ? prefixFor(a.ns, a.prefix, scope, decls, true) : '';
      return ` ${ap ? `${ap}:` : ''}${a.name}="${escapeAttr(a.value)}"`;
    })
    .join('');
  out.push(`<${qname}${rootExtra}${decls.join('')}${attrs}`);
  if (e.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  const onlyElements = e.children.every((c): c is XmlElement => c.type === 'element');
  for (const c of e.children) {
    if (onlyElements && indent) out.push('\n' + indent.repeat(depth + 1));
    writeNode(c, scope, depth + 1, out, indent);
  }
  if (onlyElements && indent) out.push('\n' + indent.repeat(depth));
  out.push(`</${qname}>`);
}

function writeNode(n: XmlNode, scope: Map<string, string>, depth: number, out: string[], indent: string): void {
  if (n.type === 'text') out.push(escapeText(n.text));
  else writeElement(n, scope, depth, out, indent, '');
}
