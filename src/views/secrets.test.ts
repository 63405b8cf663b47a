import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { generatePassphrase, loadSecrets, newToken, PASSPHRASE_BITS, resolveSecrets, saveSecrets, secretsPathFor, SECRETS_NAME, TOKEN_PATTERN, type Secrets } from './secrets.ts';
import type { ViewConfig } from './types.ts';
import { build } from '../build.ts';

const view = (id: string, access: ViewConfig['access'], extra: Partial<ViewConfig> = {}): ViewConfig => ({ id, access, select: [{ kind: 'goal' }], ...extra });

describe('secrets', () => {
  it('makes 128-bit tokens, all different, safe as folder names', () => {
    const tokens = Array.from({ length: 2000 }, newToken);
    for (const t of tokens) expect(t).toMatch(TOKEN_PATTERN);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(26 * 5).toBeGreaterThanOrEqual(128);
    // The last character varies too (the encoding does not pad it with constant bits).
    expect(new Set(tokens.map((t) => t[25])).size).toBeGreaterThan(16);
  });

  it('generates passphrases of 8 list words, 88 bits', () => {
    const words = new Set(wordlist);
    const p = generatePassphrase().split(' ');
    expect(p).toHaveLength(8);
    for (const w of p) expect(words.has(w)).toBe(true);
    expect(PASSPHRASE_BITS).toBe(88);
    expect(generatePassphrase()).not.toBe(generatePassphrase());
  });

  it('keeps tokens, makes missing ones, rotates on request, takes passphrases from the environment', () => {
    const views = [view('pub', 'public'), view('u', 'unlisted'), view('p', 'protected', { passphraseEnv: 'PASS' })];
    const first = resolveSecrets(views, { version: 1, views: {} }, { env: {} });
    expect(first.changed).toBe(true);
    expect(first.byView.has('pub')).toBe(false);
    expect(first.generated.map((g) => g.view)).toEqual(['p']);
    expect(first.byView.get('p')!.passphrase).toBe(first.generated[0]!.passphrase);
    const again = resolveSecrets(views, first.secrets, { env: {} });
    expect(again.changed).toBe(false);
    expect(again.byView).toEqual(first.byView);
    const env = resolveSecrets(views, first.secrets, { env: { PASS: 'mine' } });
    expect(env.byView.get('p')).toEqual({ folder: first.byView.get('p')!.folder, passphrase: 'mine' });
    const rotated = resolveSecrets(views, first.secrets, { env: {}, rotate: ['u'] });
    expect(rotated.rotated).toEqual(['u']);
    expect(rotated.byView.get('u')!.folder).not.toBe(first.byView.get('u')!.folder);
    expect(rotated.byView.get('p')).toEqual(first.byView.get('p'));
  });

  it('lives in the input folder, or beside an input file, and round-trips', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-secrets-'));
    expect(secretsPathFor(dir)).toBe(join(dir, SECRETS_NAME));
    expect(secretsPathFor(join(dir, 'portfolio.zip'))).toBe(join(dir, SECRETS_NAME));
    expect(secretsPathFor(dir, '/elsewhere/s.json')).toBe('/elsewhere/s.json');
    const s: Secrets = { version: 1, views: { a: { token: newToken() } } };
    await saveSecrets(join(dir, 's.json'), s);
    expect((await loadSecrets(join(dir, 's.json'))).value).toEqual(s);
    expect(JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'))).toEqual(s);
  });

  it('refuses a secrets file inside the output folder, which each build replaces', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vitrine-secrets-out-')), '_site');
    const r = await build(join(import.meta.dirname, '../../content'), { out, secrets: join(out, 'secrets.json') });
    expect(r.diagnostics.find((d) => d.code === 'OutputOverlapsInput')).toMatchObject({ location: { file: out } });
    expect(r.value.written).toBe(false);
  });
});
