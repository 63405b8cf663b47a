/**
 * Files from an input that a browser would run as a page on the site's origin are never
 * published as they came (docs/access.md, "Trust"). A static host chooses the content type by
 * the file name and cannot send `Content-Disposition`, so:
 *
 * - SVG is sanitized (model/svg-sanitize.ts), under its own name;
 * - HTML (transcripts, long descriptions, attached pages) becomes a sanitized page with a
 *   Content-Security-Policy that allows no script; `.xhtml`, `.xht` and `.shtml` get `.html`
 *   added, since an XML parse of the sanitized page could fail;
 * - other types a browser renders actively (XML, which runs XHTML script and XSLT processing
 *   instructions; XSLT; MHTML; JavaScript; compressed SVG; Flash) are published with `.txt`
 *   added: readable, never run; so is markup under a name that tells no passive type.
 *
 * Links follow: page-data's fileHref names the published file.
 */
import type { DiagnosticBag } from '../diagnostics/index.ts';
import { sanitizePresentationHtml } from '../model/sanitize.ts';
import { sanitizeSvg } from '../model/svg-sanitize.ts';

const HTML = /\.(html?|xhtml|xht|shtml)$/i;
const SVG = /\.svg$/i;
const AS_TEXT = /\.(xml|xsl|xslt|rdf|mht|mhtml|js|mjs|cjs|svgz|swf|xbl|htc|hta)$/i;
/**
 * Names every host serves with a type no browser runs. A file with another name (or none) that
 * starts like markup is published as text: a host that sends no type lets the browser sniff it.
 */
const PASSIVE = /\.(txt|csv|tsv|vtt|srt|json|md|css|pdf|png|jpe?g|gif|webp|avif|tiff?|bmp|mp3|wav|ogg|oga|opus|m4a|aac|flac|mp4|m4v|webm|mov|ogv|zip|docx?|xlsx?|pptx?|od[tsp]|rtf|epub)$/i;

/**
 * The first character past a byte-order mark and white space is `<`. A UTF-16 mark is read
 * as the browser reads it: an XML document in UTF-16 runs its XHTML script like one in UTF-8.
 */
function startsLikeMarkup(bytes: Uint8Array): boolean {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const head = new TextDecoder(encoding, { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '');
  return /^\s*</.test(head);
}

/** How a file of the input is published: `sanitize-svg`, `sanitize-html`, `as-text` or `as-is`. */
export function publishingOf(path: string, mediaType: string, bytes?: Uint8Array): 'sanitize-svg' | 'sanitize-html' | 'as-text' | 'as-is' {
  const type = mediaType.toLowerCase();
  if (SVG.test(path) || type === 'image/svg+xml') return 'sanitize-svg';
  if (HTML.test(path) || type === 'text/html' || type === 'application/xhtml+xml') return 'sanitize-html';
  if (AS_TEXT.test(path) || /(^|\/|\+)xml$|javascript|ecmascript|x-shockwave/.test(type)) return 'as-text';
  if (bytes && !PASSIVE.test(path) && startsLikeMarkup(bytes)) return 'as-text';
  return 'as-is';
}

/** The path a file of the input is published under, inside the view's `files/` folder. */
export function publishedFilePath(path: string, mediaType = '', bytes?: Uint8Array): string {
  const how = publishingOf(path, mediaType, bytes);
  if (how === 'as-text') return `${path}.txt`;
  if (how === 'sanitize-html' && !/\.html?$/i.test(path)) return `${path}.html`;
  if (how === 'sanitize-svg' && !SVG.test(path)) return `${path}.svg`;
  return path;
}

/** The policy of a sanitized attachment page: no script, nothing loaded from another host. */
const PAGE_POLICY = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'";

/** The body of an HTML document, or the text as it is when it has none. */
function bodyOf(html: string): string {
  const m = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return m ? m[1]! : html;
}

/** The bytes to publish for a file of the input; undefined when it cannot be published safely. */
export function publishAttachment(path: string, mediaType: string, bytes: Uint8Array, bag: DiagnosticBag, lang = 'en'): Uint8Array | undefined {
  const how = publishingOf(path, mediaType, bytes);
  if (how === 'as-is') return bytes;
  if (how === 'as-text') {
    bag.add('AttachmentPublishedAsText', `${path} is published as ${publishedFilePath(path, mediaType, bytes).split('/').pop()}: a browser would run it as a page of the site`, { file: path });
    return bytes;
  }
  if (how === 'sanitize-svg') {
    const svg = sanitizeSvg(bytes, path);
    if (!svg.bytes) {
      bag.add('AttachmentSanitized', `${path} was left out: it could not be read as SVG (${svg.problem}), so it could not be cleaned of script`, { file: path }, { severity: 'warning' });
      return undefined;
    }
    if (svg.changed) bag.add('AttachmentSanitized', `${path}: script, event handlers, animations or external references were removed from the SVG`, { file: path });
    return svg.bytes;
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim() || path.split('/').pop()!;
  // The page's own language when it names one (a BCP 47 tag), else the view's.
  const own = /<html[^>]*\slang\s*=\s*["']?([A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*)/i.exec(text)?.[1];
  const clean = sanitizePresentationHtml(bodyOf(text));
  if (clean.changed) bag.add('AttachmentSanitized', `${path}: script and unsafe markup were removed from the HTML file`, { file: path });
  const page = `<!DOCTYPE html>\n<html lang="${own ?? lang.replace(/[^A-Za-z0-9-]/g, '')}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}">\n<title>${title.replace(/[<>&"]/g, '')}</title>\n</head>\n<body>\n${clean.html}\n</body>\n</html>\n`;
  return new TextEncoder().encode(page);
}
