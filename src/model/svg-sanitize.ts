/**
 * SVG files from an input are sanitized before they are published (docs/access.md, "Trust"):
 * an SVG opened from the site runs its scripts on the site's origin. The file is parsed with
 * the strict XML reader (no DTD, so no entities), and written back with only the SVG elements
 * and presentation attributes that draw: no script, no foreignObject, no event handler, no
 * animation (`<set attributeName="href" to="javascript:…">`), no link or reference leaving the
 * file (`href` only to `#id`, `<image>` only from a `data:` raster image), no CSS that loads
 * anything (`url()` only to `#id`, no `@import`, no escapes).
 */
import { parseXml } from '../formats/xml/parse.ts';
import { serializeXml } from '../formats/xml/serialize.ts';
import type { XmlAttr, XmlElement, XmlNode } from '../formats/xml/tree.ts';

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';

/** Elements that only draw or group (SVG 1.1/2); everything else goes, with its content. */
const ELEMENTS = new Set(
  `svg g defs symbol use title desc metadata path rect circle ellipse line polyline polygon text tspan textPath
image switch marker pattern clipPath mask linearGradient radialGradient stop filter style
feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap
feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode
feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence`.split(/\s+/),
);

/** A value that loads or runs something: a URL function to anything but `#id`, imports, escapes, script URLs. */
function loadsSomething(value: string): boolean {
  const v = value.toLowerCase();
  if (/\\|@import|expression\s*\(|javascript:|vbscript:|image-set|-moz-binding|behavior\s*:/.test(v)) return true;
  for (const m of v.matchAll(/url\s*\(\s*(['"]?)([^'")]*)/g)) if (!m[2]!.trim().startsWith('#')) return true;
  return false;
}

/** Whether an attribute may stay on a kept element. */
function keepAttr(e: XmlElement, a: XmlAttr): boolean {
  const name = a.name.toLowerCase();
  if (name.startsWith('on')) return false;
  if (a.ns === XLINK || (a.ns === '' && name === 'href')) {
    if (name !== 'href') return a.ns === XLINK && (name === 'title' || name === 'type');
    const v = a.value.trim();
    if (v.startsWith('#')) return true;
    return e.name === 'image' && /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i.test(v);
  }
  if (a.ns !== '' && a.ns !== 'http://www.w3.org/XML/1998/namespace') return false;
  // Attributes naming an animation target or event, or a URL for the browser to resolve.
  if (['attributename', 'begin', 'end', 'src', 'action', 'formaction', 'from', 'to', 'values', 'by'].includes(name)) return false;
  return !loadsSomething(a.value);
}

/** Counts what was removed, so the build can say that a file changed. */
interface Removed {
  count: number;
}

function clean(e: XmlElement, removed: Removed): XmlElement | undefined {
  if (e.ns !== SVG || !ELEMENTS.has(e.name)) {
    removed.count++;
    return undefined;
  }
  const attrs = e.attrs.filter((a) => keepAttr(e, a));
  removed.count += e.attrs.length - attrs.length;
  const children: XmlNode[] = [];
  for (const c of e.children) {
    if (c.type === 'text') {
      if (e.name === 'style' && loadsSomething(c.text)) removed.count++;
      else children.push(c);
    } else {
      const kept = clean(c, removed);
      if (kept) children.push(kept);
    }
  }
  return { type: 'element', ns: SVG, name: e.name, attrs, children };
}

/** The result of sanitizing one SVG file. */
export interface SanitizedSvg {
  /** The safe SVG, or undefined when the file is not an SVG document at all. */
  bytes?: Uint8Array;
  /** Something was removed. */
  changed: boolean;
  /** Why the file could not be read as SVG. */
  problem?: string;
}

/** Sanitizes SVG bytes (see the file comment); `file` names the file in messages. */
export function sanitizeSvg(bytes: Uint8Array, file: string): SanitizedSvg {
  const parsed = parseXml(bytes, file);
  if (!parsed.root) return { changed: true, problem: parsed.diagnostic.message };
  if (parsed.root.ns !== SVG || parsed.root.name !== 'svg') return { changed: true, problem: 'its root element is not an SVG <svg>' };
  const removed: Removed = { count: 0 };
  const root = clean(parsed.root, removed)!;
  const text = serializeXml(root, { prefixes: { [SVG]: '', [XLINK]: 'xlink' }, indent: '' });
  return { bytes: new TextEncoder().encode(text), changed: removed.count > 0 };
}
