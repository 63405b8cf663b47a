/**
 * Buffer to Uint8Array without copying. @types/node 20.9 declares Buffer in a way TypeScript
 * 5.9 no longer accepts as a `Uint8Array` (its `.buffer` may be a SharedArrayBuffer), so
 * Buffers from fs and yauzl are viewed as plain bytes at the edge of `read/`.
 */

/** A Uint8Array view over the same memory as `buf`. */
export function bytesOf(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

