/** Portfolio files: media types from names, content hashes. */
import { createHash } from 'node:crypto';
import type { PortfolioFile } from './types.ts';

const types: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif',
  svg: 'image/svg+xml', tif: 'image/tiff', tiff: 'image/tiff', bmp: 'image/bmp',
  pdf: 'application/pdf', doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text', ppt: 'application/vnd.ms-powerpoint', xls: 'application/vnd.ms-excel',
  txt: 'text/plain', html: 'text/html', htm: 'text/html', css: 'text/css', xml: 'application/xml', xsl: 'application/xslt+xml',
  json: 'application/json', md: 'text/markdown', vtt: 'text/vtt', srt: 'application/x-subrip', csv: 'text/csv',
  mp3: 'audio/mpeg', wav: 'audio/wav', ogg: 'audio/ogg', oga: 'audio/ogg', m4a: 'audio/mp4', flac: 'audio/flac',
  mp4: 'video/mp4', webm: 'video/webm', ogv: 'video/ogg', mov: 'video/quicktime', zip: 'application/zip',
};

/** Guesses a media type from a file name's extension. */
export function mediaTypeOf(path: string): string {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  return types[ext] ?? 'application/octet-stream';
}

/** A file extension for a media type, for files decoded from inline Base-64. */
export function extensionFor(mediaType: string | undefined): string {
  if (!mediaType) return 'bin';
  for (const [ext, t] of Object.entries(types)) if (t === mediaType.toLowerCase()) return ext;
  return 'bin';
}

/** Builds a portfolio file record with its hash. */
export function makeFile(path: string, bytes: Uint8Array): PortfolioFile {
  return {
    path,
    mediaType: mediaTypeOf(path),
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes,
  };
}
