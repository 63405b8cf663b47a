/**
 * A part's `files:`: attachments beside the Markdown file or in the portfolio's `files/`
 * folder, with what the author says about each (alt text, caption, caption tracks, transcript,
 * long description, sign language), which goes to `PortfolioFile.about`.
 */
import { posix } from 'node:path';
import type { YamlPath } from '../../formats/authored/index.ts';
import type { AuthoredSource } from '../../formats/authored/index.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import type { CaptionTrack, FileDescription, MediaItem, PortfolioFile } from '../types.ts';
import { invalid, isObj, str, text, type Cx } from './convert.ts';

/** Where paths of one part file are resolved, and the files it used besides its media. */
export interface FileScope {
  src: AuthoredSource;
  files: Map<string, PortfolioFile>;
  /** Folder of the Markdown file inside the portfolio ('' at the root). */
  dir: string;
  /** Caption tracks, transcripts, ... the part uses (package paths). */
  used: string[];
}

/** The folder looked in when a path is not found beside the Markdown file. */
export const FILES_FOLDER = 'files';

/**
 * Resolves a path written in a part: relative to the Markdown file's folder, else relative to
 * `files/`. Undefined (reported) when it leaves the portfolio or names no file.
 */
export function resolvePath(cx: Cx, path: YamlPath, written: string, scope: FileScope): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('/')) {
    return invalid(cx, path, `"${written}" is not a path inside the portfolio; write a relative path (links go in url:)`);
  }
  const candidates = [posix.normalize(posix.join(scope.dir, written)), posix.normalize(posix.join(FILES_FOLDER, written))];
  for (const c of candidates) if (!c.startsWith('..') && scope.files.has(c)) return c;
  const near = didYouMean(posix.basename(written), [...scope.files.keys()].map((p) => posix.basename(p)));
  cx.bag.add('AuthoredFileMissing', `no file "${written}" beside ${scope.dir ? `${scope.dir}/` : 'the portfolio root'} or in ${FILES_FOLDER}/.${near}`, cx.y.at(path));
  return undefined;
}

/** Reads `files:` (a list, or one entry) into media items, and records what the author says about each file. */
export function readFiles(cx: Cx, path: YamlPath, v: unknown, scope: FileScope): MediaItem[] {
  const list = Array.isArray(v) ? v : [v];
  const out: MediaItem[] = [];
  list.forEach((x, i) => {
    const p = Array.isArray(v) ? [...path, i] : path;
    const item = readFile(cx, p, x, scope);
    if (item) out.push(item);
  });
  return out;
}

function readFile(cx: Cx, path: YamlPath, v: unknown, scope: FileScope): MediaItem | undefined {
  if (typeof v === 'string') {
    const file = resolvePath(cx, path, v, scope);
    return file ? { carrier: 'uri', file } : undefined;
  }
  if (!isObj(v)) return undefined;
  // Exactly one of path:, url: or text: (the schema check reported any other count).
  const sources = (['path', 'url', 'text'] as const).filter((k) => v[k] !== undefined);
  if (sources.length !== 1) return undefined;
  let item: MediaItem;
  if (v.path !== undefined) {
    const written = str(v.path);
    const file = written === undefined ? undefined : resolvePath(cx, [...path, 'path'], written, scope);
    if (!file) return undefined;
    item = { carrier: v.inline === true ? 'base64' : 'uri', file };
    const about = readAbout(cx, path, v, scope);
    const f = scope.files.get(file)!;
    if (about && !f.about) f.about = about;
  } else if (v.url !== undefined) {
    const url = str(v.url);
    if (url === undefined) return undefined;
    item = { carrier: 'uri', text: url };
  } else {
    const t = str(v.text);
    if (t === undefined) return undefined;
    item = { carrier: 'text', text: t };
  }
  if (v.mode !== undefined) {
    const m = str(v.mode);
    if (m) item.mode = m;
  }
  if (v.mediaType !== undefined) {
    const m = str(v.mediaType);
    if (m) item.mimeType = m;
  }
  if (v.refType !== undefined) {
    const m = str(v.refType);
    if (m) item.refType = m;
  }
  return item;
}

function readAbout(cx: Cx, path: YamlPath, v: Record<string, unknown>, scope: FileScope): FileDescription | undefined {
  const about: FileDescription = {};
  for (const k of ['title', 'alt', 'caption'] as const) {
    if (v[k] === undefined) continue;
    const t = text(cx, v[k]);
    if (t) about[k] = t;
  }
  for (const k of ['transcript', 'longDescription', 'signLanguage'] as const) {
    if (v[k] === undefined) continue;
    const w = str(v[k]);
    const f = w === undefined ? undefined : resolvePath(cx, [...path, k], w, scope);
    if (f) {
      about[k] = f;
      scope.used.push(f);
    }
  }
  if (v.captions !== undefined) {
    const list = Array.isArray(v.captions) ? v.captions : [v.captions];
    const tracks: CaptionTrack[] = [];
    list.forEach((c, i) => {
      const p = Array.isArray(v.captions) ? [...path, 'captions', i] : [...path, 'captions'];
      const t = readTrack(cx, p, c, scope);
      if (t) tracks.push(t);
    });
    if (tracks.length) about.captions = tracks;
  }
  return Object.keys(about).length ? about : undefined;
}

const TRACK_KINDS = ['captions', 'subtitles', 'descriptions'] as const;

function readTrack(cx: Cx, path: YamlPath, v: unknown, scope: FileScope): CaptionTrack | undefined {
  const written = isObj(v) ? v.path : v;
  const w = str(written);
  const file = w === undefined ? undefined : resolvePath(cx, isObj(v) ? [...path, 'path'] : path, w, scope);
  if (!file) return undefined;
  scope.used.push(file);
  const track: CaptionTrack = { path: file };
  if (isObj(v)) {
    for (const k of ['lang', 'label'] as const) {
      if (v[k] === undefined) continue;
      const s = str(v[k]);
      if (s) track[k] = s;
    }
    if (v.kind !== undefined) {
      if ((TRACK_KINDS as readonly unknown[]).includes(v.kind)) track.kind = v.kind as CaptionTrack['kind'] & string;
    }
  }
  return track;
}
