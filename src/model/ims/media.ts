/** Media of IMS descriptions: `uri` references resolved to package files, inline Base-64 decoded to files. */
import type { Media } from '../../formats/lip/common.ts';
import { dirOf, resolveHref } from '../../formats/ims-package/paths.ts';
import type { DiagnosticBag, Location } from '../../diagnostics/index.ts';
import { extensionFor, makeFile } from '../files.ts';
import { isRichHtml, looksLikeHtml, sanitizeRichText } from '../sanitize.ts';
import type { MediaItem, PortfolioFile } from '../types.ts';
import type { MediaCodec } from './neutral.ts';

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
const mimeSyntax = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
/** Media types real exporters write that are not registered (the IMS sample writes text/word). */
const sloppyMime: Record<string, string> = {
  'text/word': 'application/msword',
  'text/doc': 'application/msword',
  'application/word': 'application/msword',
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'application/x-pdf': 'application/pdf',
};

/** Where a part was read from, for resolving its media and reporting on it. */
export interface MediaReadScope {
  partFile: string;
  display: string;
  /** Where the part starts, for diagnostics about its media. */
  at: Location;
  slug: string;
  files: Map<string, PortfolioFile>;
  bag: DiagnosticBag;
}

/** A media codec that reads media of one part, registering decoded files. */
export function mediaReader(scope: MediaReadScope): MediaCodec {
  let n = 0;
  return {
    read(m: Media): MediaItem {
      const item: MediaItem = { carrier: 'text' };
      if (m.mediamode) item.mode = m.mediamode;
      if (m.mimetype) {
        item.mimeType = m.mimetype;
        const better = sloppyMime[m.mimetype.toLowerCase()];
        if (better || !mimeSyntax.test(m.mimetype)) {
          scope.bag.add('MimeTypeSuspicious', `media type "${m.mimetype}" is not a registered type${better ? ` (did the exporter mean ${better}?)` : ''}; kept as written, and files are typed by their name`, scope.at);
        }
      }
      const content = m.content ?? '';
      const ref = (m.contentreftype ?? '').toLowerCase();
      if (ref === 'uri' || ref === 'url') {
        item.carrier = 'uri';
        if (m.contentreftype !== 'uri') item.refType = m.contentreftype!;
        // Relative to the part file first, then to the package root (exporters do both).
        const fromPart = resolveHref(dirOf(scope.partFile), content);
        const fromRoot = resolveHref('', content);
        const local = fromPart ?? fromRoot;
        const found = [fromPart, fromRoot].find((p) => p !== undefined && scope.files.has(p));
        if (found) item.file = found;
        else {
          item.text = content;
          if (/^[a-z][a-z0-9+.-]*:/i.test(content)) {
            /* an external link: nothing to check */
          } else if (!local) {
            scope.bag.add('HrefOutsidePackage', `media "${content}" leaves the package; kept as written, not followed`, scope.at);
          } else {
            scope.bag.add('ResourceFileMissing', `media file "${content}" is not in the package; kept as a reference`, scope.at);
          }
        }
        return item;
      }
      if (ref === '' || ref === 'base64' || ref === 'base-64') {
        if (ref) item.refType = m.contentreftype!;
        const compact = content.replace(/\s+/g, '');
        if (compact && compact.length % 4 === 0 && base64.test(compact)) {
          const bytes = Buffer.from(compact, 'base64');
          const decodedText = isTextMedia(m) ? utf8(bytes) : undefined;
          if (decodedText !== undefined) {
            // Inline text travels as Base-64 (the schema's only inline form); the model keeps text.
            item.carrier = 'text';
            item.text = decodedText;
            if (ref) item.refType = m.contentreftype!;
            return sanitizeItem(item, scope);
          }
          const path = `media/${scope.slug}-${++n}.${extensionFor(m.mimetype)}`;
          scope.files.set(path, makeFile(path, new Uint8Array(bytes)));
          item.carrier = 'base64';
          item.file = path;
          return item;
        }
        if (compact) {
          scope.bag.add('MediaBase64Invalid', `inline media is not valid Base-64 (the default contentreftype); kept as text`, scope.at);
        }
      } else item.refType = m.contentreftype!;
      item.text = content;
      return sanitizeItem(item, scope);
    },
    write: () => {
      throw new Error('mediaReader cannot write');
    },
    report: (message) => {
      scope.bag.add('HtmlSanitized', message, scope.at);
    },
  };
}

/** Text-like inline media: decoded to text rather than to a file. */
function isTextMedia(m: Media): boolean {
  const mime = (m.mimetype ?? '').toLowerCase();
  return mime === 'text/plain' || mime === 'text/html' || mime === 'text/markdown' || (!mime && (m.mediamode ?? '').toLowerCase() === 'text');
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function sanitizeItem(item: MediaItem, scope: MediaReadScope): MediaItem {
  // HTML only when typed so, or untyped and plainly a fragment: plain text is never rewritten.
  const html = item.mimeType ? item.mimeType.toLowerCase() === 'text/html' : isRichHtml(item.text ?? '');
  if (item.text && html && looksLikeHtml(item.text)) {
    const clean = sanitizeRichText(item.text);
    if (clean.changed) {
      scope.bag.add('HtmlSanitized', 'unsafe HTML removed from inline media', scope.at);
      item.text = clean.html;
    }
  }
  return item;
}

/** Percent-encodes what would end or change a URI path: `%`, `#`, `?`. Reading decodes them. */
export function encodeHref(path: string): string {
  return path.replace(/%/g, '%25').replace(/#/g, '%23').replace(/\?/g, '%3F');
}

/** The LIP mediamode for a media type (the attribute is required). */
function modeFor(mediaType: string | undefined): string {
  const t = (mediaType ?? '').toLowerCase();
  if (t.startsWith('image/')) return 'Image';
  if (t.startsWith('audio/')) return 'Audio';
  if (t.startsWith('video/')) return 'Video';
  if (t.startsWith('text/')) return 'Text';
  return 'Application';
}

/** A media codec that writes media back: files stay references, Base-64 files are encoded again. */
export function mediaWriter(files: Map<string, PortfolioFile>, relativeTo: (path: string) => string): MediaCodec {
  return {
    read: () => {
      throw new Error('mediaWriter cannot read');
    },
    write(item: MediaItem): Media {
      const m: Media = {};
      const f = item.file ? files.get(item.file) : undefined;
      // mediamode and mimetype are required by the schema: derive them when the model has none.
      m.mediamode = item.mode ?? modeFor(item.mimeType ?? f?.mediaType ?? (item.carrier === 'text' ? 'text/plain' : undefined));
      m.mimetype = item.mimeType ?? f?.mediaType ?? (item.carrier === 'text' ? 'text/plain' : 'application/octet-stream');
      if (item.carrier === 'uri') {
        m.contentreftype = item.refType ?? 'uri';
        m.content = item.file ? encodeHref(relativeTo(item.file)) : (item.text ?? '');
      } else if (item.carrier === 'base64') {
        if (item.refType) m.contentreftype = item.refType;
        m.content = f ? Buffer.from(f.bytes).toString('base64') : '';
      } else if (item.refType && !/^base-?64$/i.test(item.refType)) {
        // A source's own inline form (contentreftype="text") is written back as it came.
        m.contentreftype = item.refType;
        m.content = item.text ?? '';
      } else {
        if (item.refType) m.contentreftype = item.refType;
        m.content = Buffer.from(item.text ?? '', 'utf8').toString('base64');
      }
      if (m.content === '') delete m.content;
      return m;
    },
  };
}
