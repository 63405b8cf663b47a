/**
 * Nothing about an unlisted or protected view is in clear outside its folder (issue 12): its
 * audience profile's stylesheet (which names the view, `profile-view-<id>`, and its reader's
 * needs) lives inside the folder, encrypted with a protected view; and encrypted chunks are
 * padded to 4 KiB multiples so their sizes do not identify public files of the same site.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { PAD_BLOCK } from '../../src/render/protect/encrypt.ts';
import { buildTo, listFiles } from '../site/site-helpers.ts';
import { decryptView, lockData } from './decrypt.ts';

const passphrase = 'padding and profiles';
let out = '';
let folders: Map<string, string>;

beforeAll(async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'vitrine-leaks-'));
  expect(await main(['init', 'p'], { stdout: { write: () => true }, stderr: { write: () => true }, cwd })).toBe(0);
  const input = join(cwd, 'p');
  writeFileSync(
    join(input, 'vitrine.config.yaml'),
    `views:
  - id: portfolio
    access: public
    select: [{ kind: product }]
  - id: panel-secret
    access: protected
    passphraseEnv: LEAKS_PASS
    profile:
      display: { fontSize: 2, lineSpacing: 2 }
    select: [{ kind: competency }, { kind: product }]
  - id: recruiter-only
    access: unlisted
    profile: dyslexia-friendly
    select: [{ kind: product }]
profiles:
  dyslexia-friendly:
    display: { letterSpacing: 0.12 }
`,
  );
  const built = await buildTo(input, { env: { LEAKS_PASS: passphrase } });
  expect(built.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  out = built.out;
  folders = new Map(built.result.value.views.map((v) => [v.id, v.folder]));
}, 120_000);

describe('hidden views leave nothing in clear outside their folder', () => {
  it('keeps their profile stylesheets inside their folders', () => {
    const hidden = [folders.get('panel-secret')!, folders.get('recruiter-only')!];
    const outside = listFiles(out).filter((f) => !hidden.some((h) => f.startsWith(`${h}/`)));
    expect(outside.filter((f) => f.includes('profile'))).toEqual([]);
    const text = outside.map((f) => `${f}\n${readFileSync(join(out, f), 'latin1')}`).join('\n');
    for (const word of ['panel-secret', 'profile-view', 'dyslexia', 'recruiter-only']) expect(text, word).not.toContain(word);
    // The unlisted view links its own copy, relative to the page.
    const unlisted = listFiles(join(out, folders.get('recruiter-only')!));
    const sheet = unlisted.find((f) => /^theme\/profile-dyslexia-friendly\.[0-9a-f]{10}\.css$/.test(f));
    expect(sheet, unlisted.join(', ')).toBeDefined();
    expect(readFileSync(join(out, folders.get('recruiter-only')!, 'index.html'), 'utf8')).toContain(`href="${sheet}"`);
    // The protected view's is among its encrypted files.
    const files = new Map(listFiles(join(out, folders.get('panel-secret')!)).map((f) => [f, new Uint8Array(readFileSync(join(out, folders.get('panel-secret')!, f)))] as const));
    expect([...decryptView(files, passphrase).keys()].some((p) => /^theme\/profile-view-panel-secret\.[0-9a-f]{10}\.css$/.test(p))).toBe(true);
  });

  it('pads every encrypted chunk and the sealed manifest to a multiple of 4 KiB', () => {
    const dir = join(out, folders.get('panel-secret')!);
    const chunks = listFiles(dir).filter((f) => f.startsWith('c/'));
    expect(chunks.length).toBeGreaterThan(3);
    const sizes = chunks.map((f) => Buffer.from(/"([A-Za-z0-9+/=]*)"\);/.exec(readFileSync(join(dir, f), 'latin1'))![1]!, 'base64').length - 28);
    for (const s of sizes) expect(s % PAD_BLOCK, `${s}`).toBe(0);
    expect(PAD_BLOCK).toBe(4096);
    const manifest = Buffer.from(lockData(readFileSync(join(dir, 'index.html'), 'utf8')).manifest, 'base64').length - 28;
    expect(manifest % 4096).toBe(0);
    // And padding comes off: the files decrypt to what a public view of the same parts holds.
    const files = new Map(listFiles(dir).map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))] as const));
    const open = decryptView(files, passphrase);
    const productPage = [...open.keys()].find((p) => p.endsWith('.html') && p !== 'index.html');
    expect(new TextDecoder().decode(open.get(productPage!)).trimEnd()).toMatch(/<\/html>$/);
  });
});
