import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXmlBytes, locateInvalidUtf8 } from './decode.ts';
import { NS, type XmlAttr, type XmlElement, type XmlNode } from './tree.ts';
import { diagnostic, type Diagnostic } from '../../diagnostics/index.ts';

/** A parsed XML document: its root element, or the diagnostic saying why there is none. */
export type ParsedXml = { root: XmlElement; diagnostic?: undefined } | { root?: undefined; diagnostic: Diagnostic };

/**
 * fast-xml-parser's preserveOrder output: an array of one-key objects plus `':@'` for
 * attributes. Typed as "unreliable" on purpose and converted field by field below.
 */
type UnreliableNode = Record<string, unknown>;

const metaSymbol = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** Offsets of line starts, to turn a character offset into line and column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * Parses XML bytes into a namespace-resolved tree. Refuses entity declarations (expansion
 * and external-entity attacks) and invalid bytes; reports malformed XML with line:col.
 * `file` is the display path used in diagnostics.
 */
export function parseXml(bytes: Uint8Array, file: string): ParsedXml {
  const decoded = decodeXmlBytes(bytes);
  if (!('text' in decoded)) {
    const loc = decoded.encoding === 'utf-8' ? { file, ...locateInvalidUtf8(bytes) } : { file };
    const code = decoded.reason === 'invalid' ? 'XmlEncodingInvalid' : 'XmlEncodingUnsupported';
    return { diagnostic: diagnostic(code, `${decoded.message}`, loc) };
  }
  // XML 1.0 §2.11: CR LF and lone CR become LF. Old Mac exports (the IMS LIP samples) use CR only.
  const source = decoded.text.replace(/\r\n?/g, '\n');
  return parseXmlText(source, file);
}

/** Parses already-decoded XML text (line endings normalised). */
export function parseXmlText(source: string, file: string): ParsedXml {
  const entity = /<!ENTITY/i.exec(source);
  const doctypeSubset = /<!DOCTYPE[^>[]*\[/i.exec(source);
  const hit = entity ?? doctypeSubset;
  if (hit) {
    const starts = lineStarts(source);
    return {
      diagnostic: diagnostic('XmlEntityDeclared', 'the file declares entities and is refused', {
        file,
        ...position(starts, hit.index),
      }),
    };
  }
  const valid = XMLValidator.validate(source, { allowBooleanAttributes: false });
  if (valid !== true) {
    return {
      diagnostic: diagnostic('XmlMalformed', `not well-formed XML: ${valid.err.msg}`, {
        file,
        line: valid.err.line,
        column: valid.err.col,
      }),
    };
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    htmlEntities: false,
    // The five XML entities and character references (&#39; &#x263A;), in one pass: the
    // parser's own decoder left character references as literal text (Mahara writes &#039;
    // in titles), and its numeric mode doubled the parse time of large files.
    entityDecoder: xmlEntityDecoder,
    captureMetaData: true,
    // No callback of ours reads the path, so the parser need not spell it out for every tag,
    // text and attribute (jPath: true, the default, cost 7% of a 4,000-part package's parse).
    jPath: false,
  });
  let raw: unknown;
  try {
    raw = parser.parse(source);
  } catch (e) {
    return {
      diagnostic: diagnostic('XmlMalformed', `XML could not be parsed: ${(e as Error).message}`, { file }),
    };
  }
  const starts = lineStarts(source);
  const top = Array.isArray(raw) ? (raw as UnreliableNode[]) : [];
  for (const node of top) {
    const converted = convert(node, new Map([['xml', NS.xml]]), starts);
    if (converted?.type === 'element') return { root: converted };
  }
  return { diagnostic: diagnostic('XmlMalformed', 'no root element', { file }) };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Tells whether a code point may appear in XML 1.0 text. */
function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/**
 * Decodes the predefined entities and character references of one text or attribute value.
 * A reference to a character XML does not allow is left as written. (Entity declarations
 * never get here: they are refused before parsing.)
 */
const xmlEntityDecoder = {
  reset(): void {},
  setXmlVersion(): void {},
  addInputEntities(): void {},
  setExternalEntities(): void {},
  decode(value: string): string {
    if (!value.includes('&')) return value;
    return value.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
      if (ref[0] !== '#') return NAMED[ref]!;
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return isXmlChar(code) ? String.fromCodePoint(code) : whole;
    });
  },
};

function splitName(qname: string): [string | undefined, string] {
  const i = qname.indexOf(':');
  return i < 0 ? [undefined, qname] : [qname.slice(0, i), qname.slice(i + 1)];
}

function convert(node: UnreliableNode, scope: Map<string, string>, starts: number[]): XmlNode | undefined {
  const key = Object.keys(node).find((k) => k !== ':@');
  if (key === undefined) return undefined;
  if (key === '#text') {
    const t = node[key];
    return { type: 'text', text: typeof t === 'string' ? t : String(t ?? '') };
  }
  if (key.startsWith('?') || key.startsWith('!') || key === '#comment') return undefined;
  const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
  // Namespace declarations first: they apply to the element's own name and attributes.
  let local = scope;
  let declares: Record<string, string> | undefined;
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (local === scope) local = new Map(scope);
      local.set(name === 'xmlns' ? '' : name.slice(6), String(value));
      (declares ??= {})[name === 'xmlns' ? '' : name.slice(6)] = String(value);
    }
  }
  const attrs: XmlAttr[] = [];
  for (const [qname, value] of Object.entries(rawAttrs)) {
    if (qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
    const [prefix, name] = splitName(qname);
    const a: XmlAttr = { ns: prefix ? (local.get(prefix) ?? '') : '', name, value: String(value) };
    if (prefix) a.prefix = prefix;
    attrs.push(a);
  }
  const [prefix, name] = splitName(key);
  const element: XmlElement = {
    type: 'element',
    ns: local.get(prefix ?? '') ?? '',
    name,
    attrs,
    children: [],
  };
  if (prefix) element.prefix = prefix;
  if (declares) element.declares = declares;
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[metaSymbol];
  if (meta?.startIndex !== undefined) Object.assign(element, position(starts, meta.startIndex));
  const kids = Array.isArray(node[key]) ? (node[key] as UnreliableNode[]) : [];
  for (const k of kids) {
    const c = convert(k, local, starts);
    if (c) element.children.push(c);
  }
  // Whitespace between child elements carries no meaning here; dropping it makes a
  // re-serialized extension compare equal to the one read.
  if (element.children.some((c) => c.type === 'element') && element.children.every((c) => c.type === 'element' || !c.text.trim())) {
    element.children = element.children.filter((c) => c.type === 'element');
  }
  return element;
}
