import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, readInSandbox } from '../../test/fixtures/hostile/zip-helpers.ts';
import { deflatedZeros, deflateRaw, forgeZip, type ForgedEntry } from '../../test/fixtures/hostile/forge-zip.ts';
import { crc32 } from './crc32.ts';
import { openSandbox, type Sandbox } from '../../test/fixtures/hostile/sandbox.ts';
import { defaultReadLimits, type ReadLimits } from './types.ts';
import { readZip } from './zip.ts';

let box: Sandbox;
let bomb: Awaited<ReturnType<typeof deflatedZeros>>;
beforeAll(async () => {
  box = openSandbox('zip-limits');
  bomb = await deflatedZeros(200); // 200 MiB of zeros, ~200 KB deflated
}, 30_000);
afterAll(() => box.dispose());

const read = (name: string, bytes: Uint8Array, limits?: ReadLimits) => readInSandbox(box, name, bytes, limits);

/** Memory growth while `fn` ran, in MiB: resident set (after and peak) and array buffers (peak). */
interface Measured<T> {
  value: T;
  rssAfter: number;
  rssPeak: number;
  buffersPeak: number;
  ms: number;
}

/**
 * Runs `fn`, sampling memory every 2 ms. RSS alone misleads here: a garbage collection during
 * the read can free more than the read allocates. Array-buffer memory is where inflated bytes
 * would live, so its peak is the figure that would show a bomb being expanded.
 */
async function measure<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  const start = process.memoryUsage();
  let rssPeak = start.rss;
  let buffersPeak = start.arrayBuffers;
  const sample = () => {
    const now = process.memoryUsage();
    rssPeak = Math.max(rssPeak, now.rss);
    buffersPeak = Math.max(buffersPeak, now.arrayBuffers);
  };
  const timer = setInterval(sample, 2);
  const t0 = performance.now();
  try {
    const value = await fn();
    sample();
    const mib = (n: number) => Math.round((n / 1024 ** 2) * 10) / 10;
    return {
      value,
      rssAfter: mib(process.memoryUsage().rss - start.rss),
      rssPeak: mib(rssPeak - start.rss),
      buffersPeak: mib(buffersPeak - start.arrayBuffers),
      ms: Math.round(performance.now() - t0),
    };
  } finally {
    clearInterval(timer);
  }
}

/** One line for the test log: the figures behind the memory assertions. */
function report(label: string, m: Measured<unknown>): void {
  console.log(`${label}: ${m.ms} ms, rss +${m.rssAfter} MiB after / +${m.rssPeak} MiB peak, array buffers +${m.buffersPeak} MiB peak`);
}

const manifest: ForgedEntry = { name: 'imsmanifest.xml', data: '<manifest/>' };

describe('readZip: limits checked on the central directory, before inflating', () => {
  it('refuses 20,001 entries with the default limits', async () => {
    const entries = Array.from({ length: 20_001 }, (_, i): ForgedEntry => ({ name: `f${i}.txt`, data: 'x', method: 0 }));
    const { file, result } = await read('many.zip', forgeZip(entries));
    expect(result.value).toBeUndefined();
    expect(codes(result)).toEqual([['ZipTooManyEntries', file]]);
  });

  it('refuses more entries than a lowered limit, and accepts exactly the limit', async () => {
    const entries = [manifest, { name: 'a.xml', data: 'a' }, { name: 'b.xml', data: 'b' }];
    const limits = { ...defaultReadLimits, maxEntries: 2 };
    const { file, result } = await read('three.zip', forgeZip(entries), limits);
    expect(codes(result)).toEqual([['ZipTooManyEntries', file]]);
    const ok = await read('two.zip', forgeZip(entries.slice(0, 2)), limits);
    expect(ok.result.value?.files.size).toBe(2);
  });

  it('refuses one entry declared larger than maxEntryBytes (never inflated)', async () => {
    const huge: ForgedEntry = { name: 'huge.bin', data: 'tiny', uncompressedSize: 600 * 1024 ** 2 };
    const { file, result } = await read('huge.zip', forgeZip([manifest, huge]));
    expect(result.value).toBeUndefined();
    expect(codes(result)).toEqual([['ZipTooLarge', `${file}!/huge.bin`]]);
  });

  it('refuses a package whose declared sizes sum past maxTotalBytes', async () => {
    const entries = [{ name: 'a.txt', data: 'a'.repeat(60) }, { name: 'b.txt', data: 'b'.repeat(60) }];
    const { file, result } = await read('total.zip', forgeZip(entries), { ...defaultReadLimits, maxTotalBytes: 100 });
    expect(codes(result)).toEqual([['ZipTooLarge', file]]);
  });

  it('refuses a compression ratio over the limit above 1 MiB', async () => {
    const zeros = new Uint8Array(2 * 1024 ** 2);
    const { file, result } = await read('ratio.zip', forgeZip([manifest, { name: 'zeros.bin', data: zeros }]));
    expect(result.value).toBeUndefined();
    expect(codes(result)).toEqual([['ZipCompressionRatio', `${file}!/zeros.bin`]]);
  });

  it('does not judge the ratio of entries up to 1 MiB (repetitive XML compresses well)', async () => {
    const zeros = new Uint8Array(1024 ** 2);
    const { result } = await read('ratio-small.zip', forgeZip([{ name: 'zeros.bin', data: zeros }]));
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.files.get('zeros.bin')?.bytes.length).toBe(1024 ** 2);
  });

  it('refuses a real 200 MiB deflate bomb without inflating it', async () => {
    const bytes = forgeZip([manifest, { name: 'bomb.bin', payload: bomb.payload, crc: bomb.crc, uncompressedSize: bomb.size }]);
    expect(bytes.length).toBeLessThan(400_000);
    const m = await measure(() => read('bomb.zip', bytes));
    report(`200 MiB bomb (${bytes.length} bytes zipped) refused`, m);
    // Memory and codes first: if the bomb were accepted, printing the bundle would exhaust memory.
    expect(m.buffersPeak).toBeLessThan(50);
    expect(m.rssPeak).toBeLessThan(300);
    expect(codes(m.value.result)).toEqual([['ZipCompressionRatio', `${m.value.file}!/bomb.bin`]]);
    expect(m.value.result.value).toBeUndefined();
  });

  it('refuses 2,000 entries of 1 MiB of zeros: no entry is judged alone, the package as a whole is', async () => {
    // Issue 12: each entry sits at the 1 MiB floor, so only the total ratio (~1,000x over 2 GB) shows it.
    const zeros = new Uint8Array(1024 ** 2);
    const payload = deflateRaw(zeros);
    const crc = crc32(zeros);
    const entries: ForgedEntry[] = [manifest, ...Array.from({ length: 2000 }, (_, i): ForgedEntry => ({ name: `z${i}.bin`, payload, crc, uncompressedSize: zeros.length }))];
    const bytes = forgeZip(entries);
    expect(bytes.length).toBeLessThan(3_000_000);
    const m = await measure(() => read('many-zeros.zip', bytes));
    report(`2,000 x 1 MiB of zeros (${bytes.length} bytes zipped) refused`, m);
    expect(m.buffersPeak).toBeLessThan(50);
    expect(codes(m.value.result)).toEqual([['ZipCompressionRatio', m.value.file]]);
    expect(m.value.result.value).toBeUndefined();
  });

  it('accepts a well-compressing package under 100 MiB in all; a lowered floor refuses it', async () => {
    const zeros = new Uint8Array(1024 ** 2);
    const payload = deflateRaw(zeros);
    const crc = crc32(zeros);
    const small = Array.from({ length: 90 }, (_, i): ForgedEntry => ({ name: `z${i}.bin`, payload, crc, uncompressedSize: zeros.length }));
    const { result } = await read('ninety.zip', forgeZip([manifest, ...small]));
    expect(codes(result)).toEqual([]);
    expect(result.value?.files.size).toBe(91);
    // The floor and the ratio are both needed to refuse: a lowered floor refuses the same zip.
    const lowered = await read('ninety-low.zip', forgeZip([manifest, ...small]), { ...defaultReadLimits, totalRatioFloor: 10 * 1024 ** 2 });
    expect(codes(lowered.result)).toEqual([['ZipCompressionRatio', lowered.file]]);
  });

  it('refuses overlapping entries (many records sharing one compressed kernel)', async () => {
    const entries: ForgedEntry[] = [{ name: 'a.xml', data: 'x'.repeat(1000) }, { name: 'b.xml', data: 'x'.repeat(1000), pointAt: 0 }];
    const { file, result } = await read('overlap.zip', forgeZip(entries));
    expect(result.value).toBeUndefined();
    expect(codes(result)).toEqual([['ZipEntryCorrupt', `${file}!/b.xml`]]);
  });
});

// Both ways of inflating: a zip held in memory (one zlib call an entry, the default up to
// 256 MiB) and one streamed from its file (larger zips; holdZipBytes 0 forces it here).
describe.each([
  ['held in memory', defaultReadLimits.holdZipBytes],
  ['streamed from the file', 0],
])('readZip: lies found while inflating, zip %s', (_, holdZipBytes) => {
  const readOn = (name: string, bytes: Uint8Array) => read(name, bytes, { ...defaultReadLimits, holdZipBytes });

  it('stops inflating a header that understates the size (200 MiB declared as 1,000 bytes)', async () => {
    const liar: ForgedEntry = { name: 'liar.xml', payload: bomb.payload, crc: bomb.crc, uncompressedSize: 1000 };
    const bytes = forgeZip([manifest, liar]);
    const m = await measure(() => readOn('liar.zip', bytes));
    report('understated header (200 MiB declared as 1,000 bytes) refused', m);
    expect(m.buffersPeak).toBeLessThan(50);
    expect(m.rssPeak).toBeLessThan(300);
    expect(codes(m.value.result)).toEqual([['ZipEntryCorrupt', `${m.value.file}!/liar.xml`]]);
    expect(m.value.result.value).toBeUndefined();
  });

  it('refuses a header that overstates the size', async () => {
    const { file, result } = await readOn('over.zip', forgeZip([{ name: 'over.xml', data: 'hello', uncompressedSize: 10 }]));
    expect(result.value).toBeUndefined();
    expect(codes(result)).toEqual([['ZipEntryCorrupt', `${file}!/over.xml`]]);
  });

  it('refuses data that fails its CRC-32', async () => {
    const { file, result } = await readOn('crc.zip', forgeZip([manifest, { name: 'bad.xml', data: '<cv/>', crc: 0x12345678 }]));
    expect(codes(result)).toEqual([['ZipEntryCorrupt', `${file}!/bad.xml`]]);
  });

  it('refuses deflate data that is not deflate', async () => {
    const junk = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]);
    const { file, result } = await readOn('junk.zip', forgeZip([{ name: 'junk.xml', data: 'hello', payload: junk }]));
    expect(codes(result)).toEqual([['ZipEntryCorrupt', `${file}!/junk.xml`]]);
  });

  it('refuses a stored entry whose two sizes disagree (caught by yauzl while walking)', async () => {
    const { file, result } = await readOn('stored.zip', forgeZip([{ name: 's.xml', data: 'hello', method: 0, uncompressedSize: 3 }]));
    expect(result.value).toBeUndefined();
    expect(codes(result)).toEqual([['ZipEntryCorrupt', file]]);
  });

  it('refuses an unsupported compression method and an encrypted entry', async () => {
    const bz = await readOn('bzip2.zip', forgeZip([{ name: 'a.xml', data: 'a', method: 12, payload: deflateRaw(new Uint8Array(1)) }]));
    expect(codes(bz.result)).toEqual([['ZipEntryUnsupported', `${bz.file}!/a.xml`]]);
    const enc = await readOn('encrypted.zip', forgeZip([{ name: 'a.xml', data: 'a', flags: 1 }]));
    expect(codes(enc.result)).toEqual([['ZipEntryUnsupported', `${enc.file}!/a.xml`]]);
  });
});
