/**
 * Cost of a protected view at build time: the key derivation (PBKDF2-SHA-256, 600,000
 * iterations, once per view and build) and the encryption of the view's files (AES-256-GCM,
 * base64 inside script files). Prints medians and the size ratio of output to input.
 *
 *     npm run bench:protect [-- --mb 20 --files 200 --runs 5]
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { deriveKey, KDF_ITERATIONS, protectView } from '../src/render/protect/encrypt.ts';
import { loadMessages } from '../src/render/messages.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const mb = arg('mb', 20);
const count = arg('files', 200);
const runs = arg('runs', 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const derive: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  deriveKey('correct horse battery staple orbit lantern quiet meadow', randomBytes(16), KDF_ITERATIONS);
  derive.push(performance.now() - t);
}
console.log(`PBKDF2-SHA-256 ${KDF_ITERATIONS.toLocaleString('en')} iterations: median ${median(derive).toFixed(0)} ms (${runs} runs)`);

const size = Math.floor((mb * 1024 * 1024) / count);
const files = new Map<string, Uint8Array>();
for (let i = 0; i < count; i++) files.set(`images/f${i}.jpg`, randomBytes(size));
files.set('index.html', new TextEncoder().encode('<!doctype html><title>x</title>'));
const inBytes = [...files.values()].reduce((n, b) => n + b.byteLength, 0);
const templates = [resolve(import.meta.dirname, '../templates')];
const t = loadMessages('en', templates);
// Encryption alone: the key derivation cut to one iteration (the option tests use).
const total: number[] = [];
let outBytes = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const out = protectView(files, { passphrase: 'bench', templateDirs: templates, t, lang: 'en', iterations: 1 });
  total.push(performance.now() - start);
  outBytes = [...out.values()].reduce((n, b) => n + b.byteLength, 0);
}
const enc = median(total);
console.log(`encrypt ${count + 1} files, ${(inBytes / 1048576).toFixed(1)} MiB: median ${enc.toFixed(0)} ms (${(inBytes / 1048576 / (enc / 1000)).toFixed(0)} MiB/s), plus the key derivation above once per view`);
console.log(`output / input size: ${(outBytes / inBytes).toFixed(3)} (base64 in script files)`);
