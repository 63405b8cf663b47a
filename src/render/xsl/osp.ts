/**
 * The Sakai OSP adapter: runs Open Source Portfolio presentation templates
 * (../shared/samples/osp/freeform_template.xsl and the like) on a view. OSP templates read an
 * `ospiPresentation` document: a layout (an XHTML page with `osp:region` and `osp:sequence`
 * placeholders, loaded by the template with `document()`), navigation, and regions of content
 * typed text, richtext, link, inline (an image) or form. The adapter builds that document from
 * the view's plan, and writes the layout the view uses:
 *
 *   <h1><osp:region id="title"/></h1>
 *   <osp:sequence firstChild="part"> <section><osp:region id="part"/></section> </osp:sequence>
 *   <osp:sequence firstChild="file"> <p><osp:region id="file"/></p> </osp:sequence>
 *
 * `title` is a text region; every part is a richtext region `part` (its title, dates and words
 * as sanitized HTML), in page order; every published file is a region `file`: an inline region
 * for an image, a link region otherwise.
 */
import { isRichHtml, sanitizeRichText } from '../../model/sanitize.ts';
import type { ViewPlan } from '../../views/types.ts';
import { downloadVariant } from '../assets.ts';
import { escapeXml } from '../meta/card.ts';
import { fileHref, partTitle, type ImageInfo } from '../page-data.ts';

const escapeText = escapeXml;
const escapeAttr = escapeXml;

/** The namespace of OSP layout placeholders. */
export const OSP_NS = 'http://www.osportfolio.org/OspML';

/** The layout XHTML the adapter writes for a view; `root` is the relative URL of the site root. */
export function ospLayout(plan: ViewPlan, root = '../'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:osp="${OSP_NS}" lang="${escapeAttr(plan.lang)}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${escapeText(plan.title)}</title>
${plan.noindex ? '<meta name="robots" content="noindex, nofollow"/>\n' : ''}<link rel="stylesheet" href="${escapeAttr(root)}theme/vitrine.css"/>
</head>
<body>
<main id="main" class="wrap osp-presentation">
<h1><osp:region id="title"/></h1>
<osp:sequence firstChild="part"><section class="osp-part"><osp:region id="part"/></section></osp:sequence>
<osp:sequence firstChild="file"><p class="osp-file"><osp:region id="file"/></p></osp:sequence>
</main>
</body>
</html>
`;
}

const el = (name: string, body: string, attrs = '') => `<${name}${attrs}>${body}</${name}>`;

function artifact(id: string, displayName: string, uri: string, mime?: { primary: string; sub: string }): string {
  const node = mime ? el('repositoryNode', el('mimeType', el('primary', escapeText(mime.primary)) + el('sub', escapeText(mime.sub)))) : '';
  return el('artifact', el('metaData', el('id', escapeText(id)) + el('displayName', escapeText(displayName)) + el('type', el('id', 'file') + el('description', 'file')) + node) + el('fileArtifact', el('uri', escapeText(uri))));
}

/** The HTML of one part for a richtext region: title, short and long description. */
function partHtml(part: ViewPlan['parts'][number], title: string): string {
  const out = [`<h2>${escapeText(title)}</h2>`];
  const short = part.description?.short?.value;
  if (short && short !== title) out.push(`<p>${escapeText(short)}</p>`);
  const long = part.description?.long?.value;
  if (long) out.push(isRichHtml(long) ? sanitizeRichText(long).html : long.split(/\n{2,}/).map((p) => `<p>${escapeText(p.trim())}</p>`).join(''));
  return out.join('');
}

/** Builds the `ospiPresentation` document of a view; `layoutUri` is where its layout file is. */
export function buildOspPresentation(plan: ViewPlan, images: Map<string, ImageInfo>, layoutUri: string, messages: Record<string, string> = {}): string {
  const t = (key: string, fallback?: string) => messages[key] ?? fallback ?? key;
  const regions: string[] = [el('region', el('value', escapeText(plan.title)), ' id="title" type="text"')];
  plan.parts.forEach((part, i) => {
    const title = partTitle(part, t, plan.lang).title;
    regions.push(el('region', el('value', escapeText(partHtml(part, title))), ` id="part" sequence="${i}" type="richtext"`));
  });
  let n = 0;
  for (const f of plan.files) {
    const img = images.get(f.path);
    const original = img ? downloadVariant(img.variants) : undefined;
    if (img && original) {
      const [primary, sub] = original.mediaType.split('/') as [string, string];
      regions.push(el('region', el('itemProperties', el('itemWidth', String(original.width)) + el('itemHeight', String(original.height))) + artifact(f.path, imageAlt(plan, f), `images/${original.fileName}`, { primary, sub }), ` id="file" sequence="${n++}" type="inline"`));
    } else if (!f.mediaType.startsWith('image/') || f.mediaType === 'image/svg+xml') {
      const [primary, sub] = f.mediaType.split('/') as [string, string];
      regions.push(el('region', el('itemProperties', el('linkTarget', '_self')) + artifact(f.path, f.path.split('/').pop()!, fileHref(f.path, f.mediaType, f.bytes), { primary, sub: sub ?? '' }), ` id="file" sequence="${n++}" type="link"`));
    }
  }
  const layout = el('layout', artifact('layout', 'layout.xhtml', layoutUri, { primary: 'text', sub: 'xml' }));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ospiPresentation>${layout}<navigation/>${el('regions', regions.join(''))}</ospiPresentation>\n`;
}

/**
 * The alt text of an inline image region (Sakai's template uses `displayName` as `alt`): the
 * owner's own alt text, else the title of the part showing it; never the file name.
 */
function imageAlt(plan: ViewPlan, f: ViewPlan['files'][number]): string {
  return f.about?.alt?.value ?? plan.parts.find((p) => p.files.includes(f.path))?.description?.short?.value ?? '';
}
