/**
 * Entry content → model rich text. XHTML content becomes an HTML string; Mahara's embedded
 * images (`<img rel="leap2:has_part" href="portfolio:artefactN">`, no `src`) are taken out of
 * the text and returned as references, so the image is shown through the image pipeline
 * (metadata stripped) rather than by a raw `src`.
 */
import { escapeAttr, escapeText } from '../../formats/xml/serialize.ts';
import type { XmlElement, XmlNode } from '../../formats/xml/tree.ts';
import { XHTML } from '../../formats/leap2a/index.ts';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** An embedded image that names an entry instead of a file. */
export interface EmbeddedRef {
  href: string;
  alt?: string;
}

function isEmbed(e: XmlElement): boolean {
  return e.name === 'img' && !e.attrs.some((a) => a.name === 'src') && e.attrs.some((a) => a.name === 'href');
}

/** Serializes XHTML nodes as HTML, collecting and removing embedded entry images. */
export function xhtmlToHtml(nodes: XmlNode[], refs: EmbeddedRef[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') {
      out += escapeText(n.text);
      continue;
    }
    if (isEmbed(n)) {
      const ref: EmbeddedRef = { href: n.attrs.find((a) => a.name === 'href')!.value };
      const alt = n.attrs.find((a) => a.name === 'alt')?.value;
      if (alt !== undefined) ref.alt = alt;
      refs.push(ref);
      continue;
    }
    const name = n.ns === XHTML || n.ns === '' ? n.name : n.name;
    const attrs = n.attrs.map((a) => ` ${a.name}="${escapeAttr(a.value)}"`).join('');
    if (VOID.has(name) && n.children.length === 0) out += `<${name}${attrs} />`;
    else out += `<${name}${attrs}>${xhtmlToHtml(n.children, refs)}</${name}>`;
  }
  return out;
}

/** Takes embedded entry images out of HTML text (content type `html`). */
export function takeHtmlEmbeds(html: string, refs: EmbeddedRef[]): string {
  return html.replace(/<img\b([^>]*)>/gi, (tag, body: string) => {
    const get = (n: string) => new RegExp(`\\s${n}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(body);
    if (get('src')) return tag;
    const href = get('href');
    if (!href) return tag;
    const alt = get('alt');
    const ref: EmbeddedRef = { href: (href[2] ?? href[3] ?? '').replace(/&amp;/g, '&') };
    if (alt) ref.alt = (alt[2] ?? alt[3] ?? '').replace(/&amp;/g, '&');
    refs.push(ref);
    return '';
  });
}
