/**
 * Protected views: every file of the view's folder (pages, images, CSS, package) is encrypted
 * with AES-256-GCM under a key derived from the view's passphrase with PBKDF2-SHA-256, and the
 * folder then holds only what a stranger may see: an entry page with a passphrase form (no
 * name, title or count), the unlock script, and one script file per encrypted file, named at
 * random. Ciphertext ships as scripts calling a global function because Chromium refuses
 * `fetch` from `file://`; the browser decrypts with WebCrypto (unlock.js).
 *
 * Format (version 2): salt 16 random bytes per view and build; key = PBKDF2-SHA-256(passphrase
 * in NFC, salt, iterations, 32 bytes); each file padded (0x80 then zeros, ISO/IEC 7816-4) to a
 * multiple of 4 KiB, so a chunk's size does not identify a public file of the same site, then
 * sealed as nonce (12 random bytes) ‖ ciphertext ‖ tag, with its chunk id as additional data so
 * chunks cannot be swapped. The manifest (each file's path, chunk id and media type) is itself
 * padded and sealed, under the id `manifest`. Version 1 had no padding.
 */
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import nunjucks from 'nunjucks';
import { mediaTypeOf } from '../../model/files.ts';

/** PBKDF2 iterations: OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const KDF_ITERATIONS = 600_000;

/** The browser side, copied into each protected view's folder. */
const unlockScript = resolve(import.meta.dirname, 'unlock.js');

/** What the entry page carries in clear: how to derive the key, and the sealed manifest. */
export interface LockData {
  v: 2;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  manifest: string;
}

/** One file inside the sealed manifest. */
export interface ManifestEntry {
  id: string;
  type: string;
}

/** Derives the AES-256 key of a view (exported for tests that decrypt a built view). */
export function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Buffer {
  return pbkdf2Sync(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, iterations, 32, 'sha256');
}

/** Sizes of padded plaintexts are multiples of this. */
export const PAD_BLOCK = 4096;

/** Pads to a multiple of PAD_BLOCK: the bytes, 0x80, then zeros (always at least the 0x80). */
export function pad(plain: Uint8Array): Uint8Array {
  const size = Math.ceil((plain.length + 1) / PAD_BLOCK) * PAD_BLOCK;
  const out = new Uint8Array(size);
  out.set(plain);
  out[plain.length] = 0x80;
  return out;
}

/** Removes the padding of pad(); throws on bytes that were not padded so. */
export function unpad(padded: Uint8Array): Uint8Array {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 0x80) throw new Error('bad padding');
  return padded.subarray(0, end);
}

/** Seals bytes: nonce ‖ ciphertext ‖ tag, with `id` as additional authenticated data. */
export function seal(key: Uint8Array, id: string, plain: Uint8Array): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(id, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** A chunk id: random, so names say nothing about the files. */
function chunkId(): string {
  return randomBytes(10).toString('hex');
}

/** The script file of one chunk (base64 needs no escaping inside a JS string; ids are hex). */
function chunkScript(id: string, sealed: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`vitrineChunk("${id}","`, 'latin1'), Buffer.from(sealed.toString('base64'), 'latin1'), Buffer.from('");\n', 'latin1')]);
}

/** What encrypting needs about the view, and the entry page's rendering. */
export interface ProtectOptions {
  passphrase: string;
  /** Lower only in tests; the command line never sets it. */
  iterations?: number;
  /** Template folders, most specific first (the entry page is `pages/locked.njk`). */
  templateDirs: string[];
  /** Messages of the view's language (the entry page's words). */
  t: Record<string, string>;
  lang: string;
}

/**
 * Replaces the files of one view folder (paths relative to the folder) by their encrypted
 * form: `index.html` (the entry page), `unlock.js`, `c/<id>.js` per file.
 */
export function protectView(files: Map<string, Uint8Array>, options: ProtectOptions): Map<string, Uint8Array> {
  const iterations = options.iterations ?? KDF_ITERATIONS;
  const salt = randomBytes(16);
  const key = deriveKey(options.passphrase, salt, iterations);
  const out = new Map<string, Uint8Array>();
  const manifest = Object.create(null) as Record<string, ManifestEntry>;
  const encoder = new TextEncoder();
  for (const [path, bytes] of files) {
    const id = chunkId();
    manifest[path] = { id, type: path.endsWith('.html') ? 'text/html' : mediaTypeOf(path) };
    out.set(`c/${id}.js`, chunkScript(id, seal(key, id, pad(bytes))));
  }
  const data: LockData = {
    v: 2,
    kdf: 'PBKDF2-SHA-256',
    iterations,
    salt: salt.toString('base64'),
    manifest: seal(key, 'manifest', pad(encoder.encode(JSON.stringify({ start: 'index.html', files: manifest })))).toString('base64'),
  };
  key.fill(0);
  out.set('index.html', encoder.encode(renderEntryPage(data, options)));
  out.set('unlock.js', readFileSync(unlockScript));
  return out;
}

/** The entry page: the passphrase form and the lock data, from `pages/locked.njk`. */
function renderEntryPage(data: LockData, options: ProtectOptions): string {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(options.templateDirs), { autoescape: true, trimBlocks: true, lstripBlocks: true });
  // `<` is escaped so the JSON can never close its script element.
  const lock = JSON.stringify(data).replace(/</g, '\\u003c');
  return env.render('pages/locked.njk', { t: options.t, lang: options.lang, root: '../', noindex: true, lock });
}
