/**
 * Access levels end to end: unlisted views in an unguessable, stable folder that nothing links
 * or lists, protected views encrypted so that their folder shows nothing but a form, and the
 * secrets file that keeps tokens and generated passphrases out of the portfolio and the site.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import { runCli } from '../support/cli.ts';
import { KDF_ITERATIONS } from '../../src/render/protect/encrypt.ts';
import { PASSPHRASE_BITS, SECRETS_NAME, TOKEN_PATTERN, type Secrets } from '../../src/views/secrets.ts';
import { buildTo, listFiles, page } from '../site/site-helpers.ts';
import { decryptView, lockData } from './decrypt.ts';

const repo = resolve(import.meta.dirname, '../..');
const content = join(repo, 'content');

const run = (args: string[], cwd = repo) => runCli(args, cwd);

/** Every file of a built site, by path. */
function readSite(out: string): Map<string, Uint8Array> {
  return new Map(listFiles(out).map((f) => [f, readFileSync(join(out, f))]));
}

/** A copy of the example in a temp folder, so its secrets file can be written there. */
function exampleCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'vitrine-access-')), 'portfolio');
  cpSync(content, dir, { recursive: true, filter: (src) => !src.endsWith(SECRETS_NAME) });
  return dir;
}

describe('the secrets file', () => {
  it('keeps tokens stable across builds, rotates one on request, prints a generated passphrase once, and never publishes or packs it', async () => {
    const input = exampleCopy();
    const tmp = mkdtempSync(join(tmpdir(), 'vitrine-access-out-'));
    const cache = ['--cache', join(tmp, 'cache')];
    const first = await run(['build', input, '--out', join(tmp, 'a'), ...cache]);
    expect(first.code, first.err).toBe(0);
    const file = join(input, SECRETS_NAME);
    const secrets = JSON.parse(readFileSync(file, 'utf8')) as Secrets;
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    const unlisted = secrets.views['recruiter-link']!;
    const sealed = secrets.views['assessor-private']!;
    expect(unlisted.token).toMatch(TOKEN_PATTERN);
    expect(unlisted.passphrase).toBeUndefined();
    expect(sealed.token).toMatch(TOKEN_PATTERN);
    expect(sealed.token).not.toBe(unlisted.token);
    expect(sealed.passphrase!.split(' ')).toHaveLength(8);
    expect(PASSPHRASE_BITS).toBeGreaterThanOrEqual(77);
    // Printed once, on stdout; diagnostics (CI logs) never carry it.
    expect(first.out).toContain(sealed.passphrase);
    expect(first.err).not.toContain(sealed.passphrase);
    expect(first.err).toContain(`${unlisted.token}/  unlisted (recruiter-link)`);

    const second = await run(['build', input, '--out', join(tmp, 'b'), ...cache]);
    expect(second.code).toBe(0);
    expect(second.out).not.toContain(sealed.passphrase);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(secrets);
    expect(existsSync(join(tmp, 'b', unlisted.token, 'index.html'))).toBe(true);
    expect(existsSync(join(tmp, 'b', sealed.token, 'index.html'))).toBe(true);
    // The command line always derives the key at full cost.
    expect(lockData(readFileSync(join(tmp, 'b', sealed.token, 'index.html'), 'utf8')).iterations).toBe(KDF_ITERATIONS);

    // The site holds no secret: no passphrase, no secrets file, and the second view's token
    // appears only as its own folder name (never inside a file).
    for (const [path, bytes] of readSite(join(tmp, 'b'))) {
      const text = Buffer.from(bytes).toString('latin1');
      expect(text.includes(sealed.passphrase!), path).toBe(false);
      expect(path.includes(SECRETS_NAME), path).toBe(false);
      expect(text.includes(unlisted.token), path).toBe(false);
      expect(text.includes(sealed.token), path).toBe(false);
    }

    // A package the owner makes from the folder skips the dot-file.
    const zipPath = join(tmp, 'p.zip');
    expect((await run(['pack', input, '--format', 'ims', '--out', zipPath])).code).toBe(0);
    const zip = new AdmZip(zipPath);
    expect(zip.getEntries().some((e) => e.entryName.includes('vitrine-secrets'))).toBe(false);
    const all = zip.getEntries().map((e) => e.getData().toString('latin1')).join('\n');
    for (const s of [unlisted.token, sealed.token, sealed.passphrase!]) expect(all.includes(s)).toBe(false);

    // Rotating the protected view: new token and new generated passphrase, printed; the other stays.
    const third = await run(['build', input, '--out', join(tmp, 'b'), '--rotate', 'assessor-private', ...cache]);
    expect(third.code, third.err).toBe(0);
    const rotated = JSON.parse(readFileSync(file, 'utf8')) as Secrets;
    expect(rotated.views['recruiter-link']).toEqual(unlisted);
    expect(rotated.views['assessor-private']!.token).not.toBe(sealed.token);
    expect(rotated.views['assessor-private']!.passphrase).not.toBe(sealed.passphrase);
    expect(third.out).toContain(rotated.views['assessor-private']!.passphrase);
    expect(existsSync(join(tmp, 'b', sealed.token))).toBe(false);
    expect(existsSync(join(tmp, 'b', rotated.views['assessor-private']!.token, 'index.html'))).toBe(true);
  }, 120_000);

  it('uses the passphrase of the variable the view names, without storing it', async () => {
    const built = await buildTo(content, { env: { VITRINE_ASSESSOR_PASSPHRASE: 'from the environment' } });
    expect(built.result.value.generated).toEqual([]);
    const secrets = JSON.parse(readFileSync(built.secrets, 'utf8')) as Secrets;
    expect(secrets.views['assessor-private']!.passphrase).toBeUndefined();
    expect(built.result.diagnostics.some((d) => d.code === 'PassphraseEnvUnset')).toBe(false);
    const folder = built.result.value.views.find((v) => v.id === 'assessor-private')!.folder;
    const files = new Map(listFiles(join(built.out, folder)).map((f) => [f, readFileSync(join(built.out, folder, f))]));
    expect(decryptView(files, 'from the environment').get('index.html')).toBeDefined();
  }, 120_000);

  it('PassphraseEnvUnset: says, at the view, that the generated passphrase is used', async () => {
    const built = await buildTo(content, { env: {} });
    const d = built.result.diagnostics.find((x) => x.code === 'PassphraseEnvUnset');
    expect(d).toMatchObject({ severity: 'info', location: { file: join(content, 'vitrine.config.yaml'), line: expect.any(Number), column: 5 } });
    expect(d!.message).toContain('VITRINE_ASSESSOR_PASSPHRASE');
    expect(built.result.value.generated).toHaveLength(1);
    expect(d!.message).not.toContain(built.result.value.generated[0]!.passphrase);
  }, 120_000);

  it('SecretsInvalid: a broken file stops the build and is left as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-access-bad-'));
    const file = join(dir, 'secrets.json');
    for (const text of ['{ not json', '{"version":1,"views":{"recruiter-link":{"token":"short"}}}', '[]']) {
      writeFileSync(file, text);
      const built = await buildTo(content, { secrets: file });
      const d = built.result.diagnostics.find((x) => x.code === 'SecretsInvalid');
      expect(d).toMatchObject({ severity: 'error', location: { file } });
      expect(built.result.value.written).toBe(false);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  }, 120_000);

  it('SecretsUnwritable: nothing is built when the tokens could not be kept', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vitrine-access-nowrite-')), 'missing-folder', 'secrets.json');
    const built = await buildTo(content, { secrets: file });
    expect(built.result.diagnostics.find((x) => x.code === 'SecretsUnwritable')).toMatchObject({ severity: 'error', location: { file } });
    expect(built.result.value.written).toBe(false);
  }, 120_000);

  it('RotateUnknownView: --rotate of a public or missing view is an error', async () => {
    const r = await run(['build', content, '--out', join(mkdtempSync(join(tmpdir(), 'vitrine-rot-')), 's'), '--rotate', 'studio-nord', '--secrets', join(tmpdir(), `vitrine-rot-${process.pid}.json`), '--json']);
    expect(r.code).toBe(1);
    const d = r.out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { code: string; message: string }).find((x) => x.code === 'RotateUnknownView');
    expect(d?.message).toContain('--rotate studio-nord');
  }, 60_000);
});

describe('unlisted and protected views in the example site', () => {
  it('keeps the unlisted view out of every index and every other view, noindex on each of its pages', async () => {
    const built = await buildTo(content);
    const views = new Map(built.result.value.views.map((v) => [v.id, v]));
    const unlisted = views.get('recruiter-link')!;
    const sealed = views.get('assessor-private')!;
    const site = readSite(built.out);
    const own = [...site.keys()].filter((f) => f.startsWith(`${unlisted.folder}/`));
    expect(own.filter((f) => f.endsWith('.html')).length).toBe(unlisted.parts + 1);
    for (const f of own.filter((x) => x.endsWith('.html'))) {
      expect(page(built.out, f).querySelector('meta[name="robots"]')?.getAttribute('content'), f).toContain('noindex');
      // Following an external link does not send the unguessable address along.
      expect(page(built.out, f).querySelector('meta[name="referrer"]')?.getAttribute('content'), f).toBe('no-referrer');
    }
    // No other file names either folder or either title; the root lists the public views only.
    for (const [path, bytes] of site) {
      const text = Buffer.from(bytes).toString('utf8');
      if (!path.startsWith(`${unlisted.folder}/`)) expect(text.includes(unlisted.folder), path).toBe(false);
      if (!path.startsWith(`${sealed.folder}/`)) expect(text.includes(sealed.folder), path).toBe(false);
      if (!path.startsWith(`${unlisted.folder}/`)) expect(text.includes('Typography work'), path).toBe(false);
      expect(text.includes('private evidence for the assessor'), path).toBe(false);
    }
    const root = page(built.out, 'index.html').querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(root.sort()).toEqual(['#main', 'accessibility-assessment/index.html', 'ecole-design/index.html', 'studio-nord/index.html', 'xsl-overview/index.html']);
    // Public views stay indexable.
    expect(page(built.out, 'studio-nord/index.html').querySelector('meta[name="robots"]')).toBeNull();
    expect(page(built.out, 'studio-nord/index.html').querySelector('meta[name="referrer"]')).toBeNull();
  }, 120_000);

  it('publishes a protected view as a form, scripts and ciphertext only, openable with the passphrase alone', async () => {
    const passphrase = 'tests know this one';
    const built = await buildTo(content, { env: { VITRINE_ASSESSOR_PASSPHRASE: passphrase } });
    const view = built.result.value.views.find((v) => v.id === 'assessor-private')!;
    const dir = join(built.out, view.folder);
    const names = listFiles(dir);
    expect(names.filter((n) => !/^c\/[0-9a-f]{20}\.js$/.test(n))).toEqual(['index.html', 'unlock.js']);
    const entry = readFileSync(join(dir, 'index.html'), 'utf8');
    // The entry page names nobody, no title, no count.
    expect(entry).not.toMatch(/Léa|Moreau|Lindqvist|assessor|accessib|rubric|poster|\b[45]\b parts?/i);
    expect(page(built.out, `${view.folder}/index.html`).querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
    expect(page(built.out, `${view.folder}/index.html`).querySelector('meta[name="referrer"]')?.getAttribute('content')).toBe('no-referrer');
    const lock = lockData(entry);
    expect(lock).toMatchObject({ v: 2, kdf: 'PBKDF2-SHA-256', iterations: KDF_ITERATIONS });
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(Buffer.from(lock.salt, 'base64')).toHaveLength(16);
    const files = new Map(names.map((f) => [f, readFileSync(join(dir, f))]));
    // A fresh nonce per file.
    const nonces = names.filter((n) => n.startsWith('c/')).map((n) => /"([A-Za-z0-9+/=]+)"\);/.exec(files.get(n)!.toString())![1]!.slice(0, 16));
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(() => decryptView(files, 'not the passphrase')).toThrow();
    const open = decryptView(files, passphrase);
    const index = new TextDecoder().decode(open.get('index.html'));
    expect(index).toContain('private evidence for the assessor');
    expect(index).toContain('noindex');
    expect([...open.keys()].filter((p) => p.endsWith('/index.html')).length).toBe(view.parts);
    const pkg = new AdmZip(Buffer.from(open.get('package.zip')!));
    expect(pkg.getEntry('imsmanifest.xml')).toBeTruthy();
    // Another build: the same folder, a fresh salt.
    const again = await buildTo(content, { env: { VITRINE_ASSESSOR_PASSPHRASE: passphrase }, secrets: built.secrets });
    const entry2 = readFileSync(join(again.out, view.folder, 'index.html'), 'utf8');
    expect(lockData(entry2).salt).not.toBe(lock.salt);
  }, 120_000);
});
