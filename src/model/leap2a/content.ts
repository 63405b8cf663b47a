/**
 * Entry content → model rich text. XHTML content becomes an HTML string. Images and links
 * inside the text that name an entry or a file of the export (Mahara's `<img
 * rel="leap2:has_part" href="portfolio:artefactN">` without `src`, Moodle's `<img
 * rel="enclosure" src="portfolio:file7">` and `<a href="portfolio:file8">`, a plain `<img
 * src="files/photo.jpg">`) are returned as references: images are taken out of the text and
 * shown through the image pipeline (metadata stripped), links keep their words.
 */
import { escapeAttr, escapeText } from '../../formats/xml/serialize.ts';
import type { XmlElement, XmlNode } from '../../formats/xml/tree.ts';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** An image or link inside the text that names an entry or a file of the export. */
export interface EmbeddedRef {
  href: string;
  alt?: string;
}

/** Tells whether a reference inside the text names an entry or a file of the export. */
export type IsTarget = (ref: string) => boolean;

const get = (e: XmlElement, n: string) => e.attrs.find((a) => a.name === n)?.value;

/** Serializes XHTML nodes as HTML, collecting references and removing embedded images. */
export function xhtmlToHtml(nodes: XmlNode[], refs: EmbeddedRef[], isTarget: IsTarget): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') {
      out += escapeText(n.text);
      continue;
    }
    const src = get(n, 'src');
    const href = get(n, 'href');
    if (n.name === 'img' && ((src === undefined && href !== undefined) || (src !== undefined && isTarget(src)))) {
      const ref: EmbeddedRef = { href: src ?? href! };
      const alt = get(n, 'alt');
      if (alt !== undefined) ref.alt = alt;
      refs.push(ref);
      continue;
    }
    let attrs = n.attrs;
    if (n.name === 'a' && href !== undefined && isTarget(href)) {
      refs.push({ href });
      attrs = attrs.filter((a) => a.name !== 'href' && a.name !== 'rel');
    }
    const a = attrs.map((x) => ` ${x.name}="${escapeAttr(x.value)}"`).join('');
    if (VOID.has(n.name) && n.children.length === 0) out += `<${n.name}${a} />`;
    else out += `<${n.name}${a}>${xhtmlToHtml(n.children, refs, isTarget)}</${n.name}>`;
  }
  return out;
}

const attrRe = (n: string) => new RegExp(`\\s${n}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i');
const valueOf = (m: RegExpExecArray) => (m[2] ?? m[3] ?? '').replace(/&amp;/g, '&');

/** The same for HTML text (content type `html`). */
export function takeHtmlEmbeds(html: string, refs: EmbeddedRef[], isTarget: IsTarget): string {
  const withoutImages = html.replace(/<img\b([^>]*)>/gi, (tag, body: string) => {
    const src = attrRe('src').exec(body);
    const href = attrRe('href').exec(body);
    const ref = src ? valueOf(src) : href ? valueOf(href) : undefined;
    if (ref === undefined || (src && !isTarget(ref))) return tag;
    const alt = attrRe('alt').exec(body);
    refs.push(alt ? { href: ref, alt: valueOf(alt) } : { href: ref });
    return '';
  });
  return withoutImages.replace(/<a\b([^>]*)>/gi, (tag, body: string) => {
    const href = attrRe('href').exec(body);
    if (!href || !isTarget(valueOf(href))) return tag;
    refs.push({ href: valueOf(href) });
    return `<a${body.replace(attrRe('href'), '').replace(attrRe('rel'), '')}>`;
  });
}
