/**
 * Link preview cards (1200x630 PNG) and favicons, composed as SVG and rasterised by sharp at
 * build time. Every text drawn comes from the portfolio, so all of it is escaped; images are
 * decoded by sharp under its pixel limit and re-encoded, so no metadata reaches the card.
 */
import sharp from 'sharp';
import type { CardColours } from './colours.ts';

/** Size of a link preview card, as Open Graph and Twitter recommend. */
export const CARD = { width: 1200, height: 630 } as const;

/** What a card shows; a card with neither name nor title is the neutral card of a protected view. */
export interface CardContent {
  name?: string;
  title?: string;
  /** The owner's photo or the view's lead image, as the source bytes. */
  image?: Uint8Array;
  colours: CardColours;
}

/** Escapes text for SVG content and attributes. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * Breaks text into at most `maxLines` lines of about `perLine` characters, at spaces; the last
 * line ends with an ellipsis when text was left out. Character counts stand in for measuring:
 * good enough for a card, and it needs no font metrics.
 */
export function wrapText(text: string, perLine: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    if (w.length > perLine) w = w.slice(0, perLine - 1) + '…';
    if (!cur) cur = w;
    else if (cur.length + 1 + w.length <= perLine) cur += ' ' + w;
    else {
      lines.push(cur);
      cur = w;
    }
    if (lines.length === maxLines) {
      const last = lines[maxLines - 1]!;
      lines[maxLines - 1] = (last.length >= perLine ? last.slice(0, perLine - 1) : last) + '…';
      return lines;
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

/** The initials of a name: first letters of the first and last words, upper-cased. */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  if (!words.length) return '';
  const first = [...words[0]!].find((c) => /\p{L}/u.test(c)) ?? '';
  const last = words.length > 1 ? ([...words.at(-1)!].find((c) => /\p{L}/u.test(c)) ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

const FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
// Average advance of a character, in em, of the fonts above (regular and bold): an estimate
// that keeps long words inside the text column without measuring glyphs.
const EM = 0.58;
const BOLD_EM = 0.68;

/** The largest font size from `max` down to `min` at which the longest word fits the width. */
function fitSize(text: string, width: number, max: number, min: number): number {
  const longest = Math.max(1, ...text.split(/\s+/).map((w) => [...w].length));
  return Math.max(min, Math.min(max, Math.floor(width / (longest * BOLD_EM))));
}

/** A view title without the owner's name in front ("Name — Portfolio" → "Portfolio"): the card shows the name already. */
export function withoutName(title: string, name: string): string {
  if (!title.startsWith(name)) return title;
  const rest = title.slice(name.length).replace(/^[\s,:;|·–—-]+/u, '');
  return rest || title;
}

function tspans(lines: string[], x: number, y: number, lineHeight: number): string {
  return lines.map((l, i) => `<tspan x="${x}" y="${y + i * lineHeight}">${escapeXml(l)}</tspan>`).join('');
}

/** The card's SVG (without its image, which sharp composites), exported for tests. */
export function cardSvg(content: CardContent, withImage: boolean): string {
  const { width, height } = CARD;
  const c = content.colours;
  const textWidth = withImage ? 640 : 1000;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="${c.background}"/>`,
    `<rect width="24" height="${height}" fill="${c.accent}"/>`,
  ];
  if (!content.name && !content.title) {
    // Neutral card: the mark alone, nothing that says whose portfolio or what it holds.
    parts.push(markShapes(c, width / 2 - 120, height / 2 - 120, 240));
  } else {
    let y = 140;
    if (content.name) {
      const size = fitSize(content.name, textWidth, 68, 40);
      const lines = wrapText(content.name, Math.floor(textWidth / (size * BOLD_EM)), 2);
      parts.push(`<text font-family="${FONT}" font-size="${size}" font-weight="700" fill="${c.text}">${tspans(lines, 90, y, size * 1.18)}</text>`);
      y += lines.length * size * 1.18 + 40;
    }
    const title = content.title && content.name ? withoutName(content.title, content.name) : content.title;
    if (title) {
      const size = fitSize(title, textWidth, 44, 30);
      const lines = wrapText(title, Math.floor(textWidth / (size * EM)), content.name ? 4 : 6);
      parts.push(`<text font-family="${FONT}" font-size="${size}" fill="${c.muted}">${tspans(lines, 90, y + 10, size * 1.3)}</text>`);
    }
    parts.push(`<rect x="90" y="${height - 70}" width="160" height="10" fill="${c.accent}"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The default mark: a framed window pane, the "vitrine" itself. */
function markShapes(c: CardColours, x: number, y: number, size: number): string {
  const s = size / 10;
  return `<g transform="translate(${x} ${y})"><rect x="${s}" y="${s}" width="${8 * s}" height="${8 * s}" rx="${s}" fill="none" stroke="${c.accent}" stroke-width="${s}"/><rect x="${4.5 * s}" y="${s}" width="${s}" height="${8 * s}" fill="${c.accent}"/><rect x="${s}" y="${4.5 * s}" width="${8 * s}" height="${s}" fill="${c.accent}"/></g>`;
}

/** Renders a card to PNG: the composed SVG, and the image (cover-cropped, rounded) on the right. */
export async function renderCard(content: CardContent): Promise<Uint8Array> {
  let picture: Buffer | undefined;
  if (content.image && (content.name || content.title)) {
    try {
      const size = 420;
      const mask = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="${size}" height="${size}" rx="28" fill="#fff"/></svg>`);
      picture = await sharp(Buffer.from(content.image), { limitInputPixels: 50_000_000 })
        .rotate()
        .resize(size, size, { fit: 'cover', position: 'attention' })
        .composite([{ input: mask, blend: 'dest-in' }])
        .png()
        .toBuffer();
    } catch {
      picture = undefined; // an image sharp cannot read: the card goes without it
    }
  }
  const base = sharp(Buffer.from(cardSvg(content, !!picture)));
  const img = picture ? base.composite([{ input: picture, left: CARD.width - 420 - 90, top: (CARD.height - 420) / 2 }]) : base;
  return new Uint8Array(await img.png({ compressionLevel: 9 }).toBuffer());
}

/** A favicon: the owner's initials on the accent colour, or the theme's mark when there are none. */
export function faviconSvg(colours: CardColours, initials: string | undefined): string {
  if (!initials) return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${colours.background}"/>${markShapes(colours, 4, 4, 56)}</svg>\n`;
  const size = initials.length > 1 ? 30 : 38;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${colours.accent}"/><text x="32" y="33" text-anchor="middle" dominant-baseline="central" font-family="${FONT}" font-size="${size}" font-weight="700" fill="${colours.background}">${escapeXml(initials)}</text></svg>\n`;
}
