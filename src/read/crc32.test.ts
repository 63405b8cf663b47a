import { describe, expect, it } from 'vitest';
import { crc32, crc32Table } from './crc32.ts';

describe('crc32', () => {
  const hello = new TextEncoder().encode('hello');
  it('matches the known value for "hello"', () => {
    expect(crc32(hello)).toBe(0x3610a686);
    expect(crc32Table(hello)).toBe(0x3610a686);
  });
  it('continues across chunks the same way in both implementations', () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31) & 0xff);
    const whole = crc32Table(bytes);
    expect(crc32Table(bytes.subarray(4321), crc32Table(bytes.subarray(0, 4321)))).toBe(whole);
    expect(crc32(bytes.subarray(4321), crc32(bytes.subarray(0, 4321)))).toBe(whole);
  });
});
