/**
 * Media alternatives for a view's audience: the text alternative of an image (never its file
 * name), captions tracks (the audience's language marked default), a transcript (shown inline
 * when the audience needs it), a long description (expanded when needed) and a sign-language
 * version. What the owner said about a file (`PortfolioFile.about`) comes first; the file-name
 * conventions (`talk.vtt`, `talk-transcript.txt` beside `talk.mp4`) fill in the rest. A missing
 * alternative the audience needs is reported (AlternativeMissing), once per file and view.
 */
import type { AudienceProfile } from '../audience/types.ts';
import type { DiagnosticBag, Location } from '../diagnostics/index.ts';
import { isRichHtml, sanitizeRichText } from '../model/sanitize.ts';
import type { Part, PortfolioFile } from '../model/types.ts';
import type { MediaData } from './types.ts';

/** What choosing alternatives needs from the view. */
export interface AlternativesContext {
  files: Map<string, PortfolioFile>;
  profile?: AudienceProfile;
  bag?: DiagnosticBag;
  lang: string;
  href: (path: string) => string;
  /** Files already reported in this view. */
  reported?: Set<string>;
}

const stemOf = (path: string) => path.replace(/\.[^./]+$/, '');
const baseName = (path: string) => path.split('/').pop() ?? path;

/** True when a text is only a file's name (with or without extension): not an alternative. */
export function isFileName(text: string, path: string): boolean {
  const t = text.trim().toLowerCase();
  const name = baseName(path).toLowerCase();
  return t === name || t === stemOf(name) || /^[\w.-]+\.(jpe?g|png|gif|webp|avif|tiff?|svg|bmp|heic)$/i.test(t);
}

function where(part: Part, file: PortfolioFile): Location {
  return part.origin ?? { file: file.path };
}

function missing(cx: AlternativesContext, part: Part, file: PortfolioFile, what: string): void {
  if (!cx.bag || !cx.profile) return;
  const key = `${file.path}\u0000${what}`;
  if (cx.reported?.has(key)) return;
  cx.reported?.add(key);
  cx.bag.add('AlternativeMissing', `${baseName(file.path)} (part ${part.id}) has no ${what}, which the audience of profile "${cx.profile.name}" needs`, where(part, file));
}

/** The text of a file as plain text or sanitized HTML, for showing it inline. */
function inlineText(file: PortfolioFile): { text?: string; html?: string } {
  const s = new TextDecoder().decode(file.bytes);
  if (/html/i.test(file.mediaType) || /\.html?$/i.test(file.path) || isRichHtml(s)) return { html: sanitizeRichText(s).html };
  return { text: s.trim() };
}

/** The alt text of an image: the owner's, else the part's short description; never a file name. */
export function imageAlt(cx: AlternativesContext, part: Part, file: PortfolioFile): string {
  const own = file.about?.alt?.value;
  // '' is the owner marking the image decorative; a file name is no alternative at all.
  if (own !== undefined && !isFileName(own, file.path)) return own;
  const short = part.description?.short?.value;
  if (short && !isFileName(short, file.path)) return short;
  if (cx.profile?.content.altText) missing(cx, part, file, 'text alternative (alt text)');
  return '';
}

/** Adds the long description of an image or video; expanded when the audience needs it. */
export function addLongDescription(cx: AlternativesContext, part: Part, file: PortfolioFile, m: MediaData): void {
  const path = file.about?.longDescription;
  const desc = path ? cx.files.get(path) : undefined;
  if (desc) {
    m.longDescription = { href: cx.href(desc.path), name: baseName(desc.path), expanded: cx.profile?.content.longDescription === true, ...inlineText(desc) };
  } else if (cx.profile?.content.longDescription) missing(cx, part, file, 'long description');
}

/** Captions, transcript and sign-language version of audio or video. */
export function addTimedAlternatives(cx: AlternativesContext, part: Part, file: PortfolioFile, m: MediaData, transcriptName: string): void {
  const stem = stemOf(file.path);
  const declared = (file.about?.captions ?? []).filter((c) => cx.files.has(c.path));
  const tracks: NonNullable<MediaData['tracks']> = declared.map((c) => ({ href: cx.href(c.path), kind: c.kind === 'subtitles' ? 'subtitles' : 'captions', ...(c.lang ? { lang: c.lang } : {}), ...(c.label ? { label: c.label } : {}) }));
  const named = new Set(declared.map((c) => c.path));
  for (const p of part.files) if (p.startsWith(stem) && /\.vtt$/i.test(p) && !named.has(p) && cx.files.has(p)) tracks.push({ href: cx.href(p), kind: 'captions' });
  // One default track: the first in a language the audience prefers, else the first captions.
  const prefs = [...(cx.profile?.content.languages ?? []), cx.lang].map((l) => l.toLowerCase());
  const rank = (l?: string) => (l ? prefs.findIndex((p) => p === l.toLowerCase() || p.split('-')[0] === l.toLowerCase().split('-')[0]) : -1);
  const ranked = tracks.map((t, i) => ({ i, r: rank(t.lang), captions: t.kind === 'captions' })).sort((a, b) => (a.r < 0 ? 99 : a.r) - (b.r < 0 ? 99 : b.r) || Number(b.captions) - Number(a.captions) || a.i - b.i);
  if (ranked.length) tracks[ranked[0]!.i]!.default = true;
  m.tracks = tracks;
  if (cx.profile?.content.captions && tracks.length === 0 && file.mediaType.startsWith('video/')) missing(cx, part, file, 'captions track');
  // By name: `talk-transcript.txt` beside `talk.mp4`; or the part's only transcript when the part
  // has only one audio or video file (`talk-transcript.txt` beside `talk-excerpt.wav`).
  const transcripts = part.files.filter((p) => /transcript[^/]*\.(txt|html?)$/i.test(p));
  const timed = part.files.filter((p) => /^(audio|video)\//.test(cx.files.get(p)?.mediaType ?? ''));
  const tPath = file.about?.transcript ?? transcripts.find((p) => p.startsWith(stem)) ?? (timed.length === 1 ? transcripts[0] : undefined);
  const transcript = tPath ? cx.files.get(tPath) : undefined;
  if (transcript) {
    m.transcript = { href: cx.href(transcript.path), name: transcriptName, ...(cx.profile?.content.transcript ? { inline: inlineText(transcript) } : {}) };
  } else if (cx.profile?.content.transcript || (cx.profile?.content.captions && file.mediaType.startsWith('audio/'))) missing(cx, part, file, 'transcript');
  const sign = file.about?.signLanguage ? cx.files.get(file.about.signLanguage) : undefined;
  if (sign) m.signLanguage = { href: cx.href(sign.path), name: baseName(sign.path), mediaType: sign.mediaType, shown: cx.profile?.content.signLanguage === true };
  else if (cx.profile?.content.signLanguage) missing(cx, part, file, 'sign-language version');
}
