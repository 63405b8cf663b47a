/**
 * CRC-32 (the zip polynomial, APPNOTE 4.4.7). yauzl checks sizes but never checksums, so the
 * reader does. Node's `zlib.crc32` (from 20.15; about 10x faster) is used when present;
 * `engines` allows 20.11, so a table-driven fallback stays.
 */
import * as zlib from 'node:zlib';

/** `zlib.crc32`, which the pinned @types/node 20.9 does not declare yet. */
const native = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

const table: Uint32Array = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** Continues a CRC-32 over more bytes; start with `crc32(bytes)` (previous = 0). */
export function crc32(bytes: Uint8Array, previous = 0): number {
  if (native) return native(bytes, previous);
  return crc32Table(bytes, previous);
}

/** The portable CRC-32, exported so tests can check it against Node's. */
export function crc32Table(bytes: Uint8Array, previous = 0): number {
  let c = ~previous >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    c = (table[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  }
  return ~c >>> 0;
}
