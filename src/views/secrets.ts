/**
 * The owner's local secrets: the unguessable folder token of each unlisted or protected view,
 * and the passphrases Vitrine generated for protected views. They live in `.vitrine-secrets.json`
 * in the input folder (beside an input file), never in the portfolio (readers skip dot-files)
 * and never in a site or package. Tokens are stable across builds so links keep working, and
 * change only when the owner asks (`vitrine build --rotate VIEW`).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { DiagnosticBag, type Result } from '../diagnostics/index.ts';
import type { ViewConfig } from './types.ts';

/** The file name of the secrets file. */
export const SECRETS_NAME = '.vitrine-secrets.json';

/** What the secrets file keeps for one view. */
export interface ViewSecret {
  /** The view's folder name: 128 random bits, lowercase base32 (26 characters). */
  token: string;
  /** A passphrase Vitrine generated (absent when it comes from an environment variable). */
  passphrase?: string;
  /** The view's access when the token was last used: a protected view made unlisted or public gets a new token. */
  access?: 'public' | 'unlisted' | 'protected';
}

/** The secrets file's content. */
export interface Secrets {
  version: 1;
  views: Record<string, ViewSecret>;
}

/** What a view's build uses: its folder and, for a protected view, its passphrase. */
export interface ViewAccessSecrets {
  folder: string;
  passphrase?: string;
}

/** Where the secrets of `input` are kept: inside an input folder, beside an input file. */
export function secretsPathFor(input: string, override?: string): string {
  if (override) return override;
  const isDir = existsSync(input) && statSync(input).isDirectory();
  return join(isDir ? input : dirname(input), SECRETS_NAME);
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A fresh folder token: 128 random bits as 26 lowercase base32 characters (safe on every file system). */
export function newToken(): string {
  const bytes = randomBytes(17); // 136 bits read; the first 130 become 26 characters
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** A token as written by newToken(). */
export const TOKEN_PATTERN = /^[a-z2-7]{26}$/;

/** Words in a generated passphrase: 8 words of a 2,048-word list give 88 bits. */
export const PASSPHRASE_WORDS = 8;

/** The strength of a generated passphrase, in bits. */
export const PASSPHRASE_BITS = PASSPHRASE_WORDS * Math.log2(wordlist.length);

/**
 * A passphrase of random words from the BIP-39 English list (2,048 common, distinct words,
 * maintained and audited in @scure/bip39), each drawn with a uniform cryptographic random index.
 */
export function generatePassphrase(): string {
  return Array.from({ length: PASSPHRASE_WORDS }, () => wordlist[randomInt(wordlist.length)]).join(' ');
}

/** Reads the secrets file; a missing file is an empty one. A broken file is an error, never overwritten. */
export async function loadSecrets(path: string): Promise<Result<Secrets | undefined>> {
  const bag = new DiagnosticBag();
  if (!existsSync(path)) return { value: { version: 1, views: {} }, diagnostics: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    bag.add('SecretsInvalid', `the secrets file could not be read: ${(e as Error).message}; it is left as it is`, { file: path });
    return { value: undefined, diagnostics: bag.items };
  }
  const problem = secretsProblem(raw);
  if (problem) {
    bag.add('SecretsInvalid', `the secrets file ${problem}; it is left as it is`, { file: path });
    return { value: undefined, diagnostics: bag.items };
  }
  // View ids are the owner's: kept without a prototype, so a view named `constructor` or
  // `__proto__` finds its own entry and nothing inherited.
  const views = Object.create(null) as Record<string, ViewSecret>;
  for (const [id, v] of Object.entries((raw as Secrets).views)) views[id] = v;
  return { value: { version: 1, views }, diagnostics: [] };
}

function secretsProblem(raw: unknown): string | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'is not a JSON object';
  const r = raw as Record<string, unknown>;
  if (r.version !== 1) return `has version ${JSON.stringify(r.version)}, expected 1`;
  if (!r.views || typeof r.views !== 'object' || Array.isArray(r.views)) return 'has no "views" object';
  for (const [id, v] of Object.entries(r.views as Record<string, unknown>)) {
    const s = v as Record<string, unknown> | null;
    if (!s || typeof s !== 'object' || typeof s.token !== 'string' || !TOKEN_PATTERN.test(s.token)) return `has no valid token for view "${id}" (26 characters a-z, 2-7)`;
    if (s.passphrase !== undefined && (typeof s.passphrase !== 'string' || s.passphrase.length === 0)) return `has an invalid passphrase for view "${id}"`;
    if (s.access !== undefined && s.access !== 'public' && s.access !== 'unlisted' && s.access !== 'protected') return `has an invalid access for view "${id}"`;
  }
  return undefined;
}

/** Writes the secrets file atomically, readable by its owner only. */
export async function saveSecrets(path: string, secrets: Secrets): Promise<void> {
  const tmp = `${path}.${process.pid}-${Date.now()}.tmp`;
  await writeFile(tmp, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

/** What resolving the views' secrets decided. */
export interface ResolvedSecrets {
  /** Folder and passphrase per non-public view id. */
  byView: Map<string, ViewAccessSecrets>;
  /** The secrets file content to keep, and whether it changed. */
  secrets: Secrets;
  changed: boolean;
  /** Passphrases generated by this build, to print once. */
  generated: { view: string; passphrase: string }[];
  /** Views whose folder token was rotated by this build. */
  rotated: string[];
  /** Views that were protected and no longer are: their token was rotated (the caller warns). */
  lowered: { view: string; access: ViewConfig['access'] }[];
}

/**
 * The folder and passphrase of every unlisted and protected view: tokens kept from the secrets
 * file (new ones made when missing or rotated); a protected view's passphrase from the
 * environment variable its config names when set, else the generated one kept in the file
 * (made when missing or rotated). Public views need nothing. Pure apart from randomness.
 */
export function resolveSecrets(views: ViewConfig[], previous: Secrets, options: { rotate?: string[]; env?: Record<string, string | undefined> } = {}): ResolvedSecrets {
  const env = options.env ?? process.env;
  const rotate = new Set(options.rotate ?? []);
  const kept = Object.create(null) as Record<string, ViewSecret>;
  for (const [id, v] of Object.entries(previous.views)) kept[id] = v;
  const secrets: Secrets = { version: 1, views: kept };
  const byView = new Map<string, ViewAccessSecrets>();
  const generated: ResolvedSecrets['generated'] = [];
  const rotated: string[] = [];
  const lowered: ResolvedSecrets['lowered'] = [];
  let changed = false;
  for (const view of views) {
    const before = Object.hasOwn(secrets.views, view.id) ? { ...secrets.views[view.id]! } : undefined;
    // A link sent with a passphrase must never open the view without one: a protected view
    // made unlisted or public leaves its token (and passphrase) behind.
    const wasProtected = before?.access === 'protected' || (before?.access === undefined && before?.passphrase !== undefined);
    if (view.access === 'public') {
      if (before && wasProtected) {
        secrets.views[view.id] = { token: newToken(), access: 'public' };
        lowered.push({ view: view.id, access: view.access });
        changed = true;
      }
      continue;
    }
    let entry = before;
    if (entry && view.access !== 'protected' && wasProtected) {
      lowered.push({ view: view.id, access: view.access });
      entry = undefined;
    }
    if (!entry || rotate.has(view.id)) {
      if (entry) rotated.push(view.id);
      entry = { token: newToken() };
      changed = true;
    }
    if (entry.access !== view.access) {
      entry.access = view.access;
      changed = true;
    }
    const access: ViewAccessSecrets = { folder: entry.token };
    if (view.access === 'protected') {
      const fromEnv = view.passphraseEnv ? env[view.passphraseEnv] : undefined;
      if (fromEnv) access.passphrase = fromEnv;
      else {
        if (!entry.passphrase) {
          entry.passphrase = generatePassphrase();
          generated.push({ view: view.id, passphrase: entry.passphrase });
          changed = true;
        }
        access.passphrase = entry.passphrase;
      }
    }
    secrets.views[view.id] = entry;
    byView.set(view.id, access);
  }
  return { byView, secrets, changed, generated, rotated, lowered };
}
