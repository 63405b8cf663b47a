/**
 * PNG text chunks (PNG 3rd edition §11.3.3: tEXt, zTXt, iTXt), read and written, for baked
 * badges. Reading stops at IEND, checks every chunk's length against the file, and inflates
 * compressed text with a size cap, so a hostile PNG cannot make it allocate without bound.
 */
import { crc32, inflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Largest badge text read from one chunk (a credential with a long proof is a few KiB). */
export const MAX_TEXT_BYTES = 1024 * 1024;

/** Tells whether bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The text chunks of a PNG keyed as asked (`openbadges`, `openbadgecredential`), in file order. */
export function readPngText(bytes: Uint8Array, keys: string[]): { key: string; text: string }[] {
  if (!isPng(bytes)) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: { key: string; text: string }[] = [];
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const start = at + 8;
    const end = start + length;
    if (end + 4 > bytes.length) break; // a chunk that runs past the file: stop, nothing more is trustworthy
    if (type === 'IEND') break;
    if (type === 'iTXt' || type === 'tEXt' || type === 'zTXt') {
      const found = textChunk(type, bytes.subarray(start, end));
      if (found && keys.includes(found.key)) out.push(found);
    }
    at = end + 4;
  }
  return out;
}

function textChunk(type: string, data: Uint8Array): { key: string; text: string } | undefined {
  const nul = data.indexOf(0);
  if (nul < 1 || nul > 79) return undefined;
  const key = new TextDecoder('latin1').decode(data.subarray(0, nul));
  try {
    if (type === 'tEXt') return { key, text: new TextDecoder('latin1').decode(data.subarray(nul + 1)) };
    if (type === 'zTXt') return { key, text: new TextDecoder('latin1').decode(inflate(data.subarray(nul + 2))) };
    // iTXt: keyword \0 flag method language \0 translated keyword \0 text
    const compressed = data[nul + 1] === 1;
    const lang = data.indexOf(0, nul + 3);
    const translated = lang < 0 ? -1 : data.indexOf(0, lang + 1);
    if (translated < 0) return undefined;
    const body = data.subarray(translated + 1);
    return { key, text: new TextDecoder('utf-8', { fatal: true }).decode(compressed ? inflate(body) : body) };
  } catch {
    return undefined; // undecodable text: not a badge
  }
}

function inflate(bytes: Uint8Array): Uint8Array {
  return inflateSync(bytes, { maxOutputLength: MAX_TEXT_BYTES });
}

/** A copy of the PNG with an uncompressed iTXt chunk `key` holding `text`, before IEND (baking). */
export function writePngText(bytes: Uint8Array, key: string, text: string): Uint8Array {
  if (!isPng(bytes)) throw new Error('not a PNG');
  const enc = new TextEncoder();
  const data = new Uint8Array([...enc.encode(key), 0, 0, 0, 0, 0, ...enc.encode(text)]);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(enc.encode('iTXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const iend = bytes.length - 12; // IEND is the last chunk: length 0, type, CRC
  return new Uint8Array([...bytes.subarray(0, iend), ...chunk, ...bytes.subarray(iend)]);
}
