/**
 * A part's rich text for XSL stylesheets: the same sanitized HTML the theme shows, as XHTML
 * nodes (for `xsl:copy-of`, or a mode that rebuilds them without their namespace) and as plain
 * text (for `xsl:value-of`). sanitize-html writes well-formed markup (every element closed,
 * void elements self-closed, only the predefined entities), so it parses as XML; what does not
 * is left out of the html and kept as text.
 */
import { isRichHtml, sanitizeRichText, textOf } from '../../model/sanitize.ts';
import { parseXmlText } from '../../formats/xml/parse.ts';
import { el, text, type XmlElement, type XmlNode } from '../../formats/xml/tree.ts';

/** The XHTML namespace. */
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

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
