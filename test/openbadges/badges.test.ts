/**
 * Open Badges: baked PNG and SVG images and JSON credentials (test/fixtures/badges, made and
 * signed with test keys by test/support/make-badges.mts, the Data Integrity proofs by Digital
 * Bazaar's own signer), each shown with the right verification status, offline.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportPackage, readPortfolio } from '../../src/api.ts';
import { readPngText, writePngText } from '../../src/formats/openbadges/index.ts';
import type { Part } from '../../src/model/types.ts';
import { zipFiles } from '../../src/write/index.ts';
import { runCli } from '../support/cli.ts';
import { repoRoot } from '../support/env.ts';

const fixture = join(repoRoot, 'test', 'fixtures', 'badges', 'portfolio');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-badges-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const badgeParts = (parts: Part[]) => new Map(parts.filter((p) => p.badge).map((p) => [p.id, p]));
const result = (p: Part, check: string) => p.badge!.verification.checks.find((c) => c.check === check)?.result;

describe('reading badges', () => {
  it('gives each badge the status its checks earn, without going online', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const r = await readPortfolio(fixture);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
    const badges = badgeParts(r.value!.parts);
    const status = Object.fromEntries([...badges].map(([id, p]) => [id, p.badge!.verification.status]));
    expect(status).toEqual({
      'badge-typesetting-hosted': 'not-verified', // 2.0 hosted, baked PNG: would need fetching
      'badge-grid-signed': 'verified', // 2.0 signed JWS (RS256), baked PNG, key file beside it
      'badge-brand-hosted': 'not-verified', // 2.0 hosted, baked SVG
      'badge-accessible-eddsa': 'verified', // 3.0 eddsa-rdfc-2022 proof, did:key issuer
      'badge-honours-tampered': 'failed', // the same credential, renamed after signing
      'badge-layout-vcjwt': 'verified', // 3.0 VC-JWT (EdDSA) in a baked SVG
      'badge-workshop-expired': 'failed', // 3.0 VC-JWT in a baked PNG, past its validUntil
    });
    expect(result(badges.get('badge-honours-tampered')!, 'signature')).toBe('fail');
    expect(result(badges.get('badge-workshop-expired')!, 'signature')).toBe('pass');
    expect(result(badges.get('badge-workshop-expired')!, 'expiry')).toBe('fail');
    expect(badges.get('badge-typesetting-hosted')!.badge!.verification.checks[0]!.reason).toMatch(/never fetches/);
    // The hashed recipient e-mail is the owner's (portfolio.yaml's identification has it).
    expect(result(badges.get('badge-accessible-eddsa')!, 'recipient')).toBe('pass');
    expect(result(badges.get('badge-typesetting-hosted')!, 'recipient')).toBe('pass');
    // Each badge is an assertion by its issuer, with its image, dates and what it attests.
    const eddsa = badges.get('badge-accessible-eddsa')!;
    expect(eddsa.kind).toBe('assertion');
    expect(eddsa.author?.value).toBe('Atelier Test Issuer');
    expect(eddsa.badge!.criteria?.narrative).toBe('Assessed on a portfolio of work.');
    const attests = r.value!.relations.filter((x) => x.type === 'Attests' && x.from === 'badge-brand-hosted').flatMap((x) => x.to);
    expect(attests.sort()).toEqual(['brand', 'poster']);
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === 'BadgeVerificationFailed')).toHaveLength(2);
    expect(codes.filter((c) => c === 'BadgeNotVerified')).toHaveLength(2);
  });

  it('says "not verified" when the signing key is not beside the badge, never "verified"', async () => {
    const copy = join(dir, 'no-key');
    await cp(fixture, copy, { recursive: true });
    await rm(join(copy, 'badges', 'grid-signed.pem'));
    const r = await readPortfolio(copy);
    const grid = badgeParts(r.value!.parts).get('badge-grid-signed')!;
    expect(grid.badge!.verification.status).toBe('not-verified');
    expect(result(grid, 'signature')).toBe('unknown');
  });

  it('reports a baked chunk that is not a badge, and keeps the file', async () => {
    const copy = join(dir, 'unreadable');
    await cp(fixture, copy, { recursive: true });
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#333' } }).png().toBuffer();
    await writeFile(join(copy, 'badges', 'garbled.png'), writePngText(png, 'openbadges', 'not json, not a jws, not a url'));
    const r = await readPortfolio(copy);
    const d = r.diagnostics.find((x) => x.code === 'BadgeUnreadable');
    expect(d?.location?.file).toContain('garbled.png');
    expect(r.value!.parts.some((p) => p.id === 'badge-garbled')).toBe(false);
  });

  it('refuses to fetch a context a credential names and says why it is not verified', async () => {
    const copy = join(dir, 'odd-context');
    await cp(fixture, copy, { recursive: true });
    const cred = JSON.parse(readFileSync(join(fixture, 'badges', 'accessible-eddsa.json'), 'utf8')) as { '@context': string[] };
    cred['@context'].push('https://attacker.example/context.json');
    await writeFile(join(copy, 'badges', 'accessible-eddsa.json'), JSON.stringify(cred));
    const r = await readPortfolio(copy);
    const p = badgeParts(r.value!.parts).get('badge-accessible-eddsa')!;
    expect(p.badge!.verification.status).toBe('not-verified');
    expect(p.badge!.verification.checks[0]!.reason).toMatch(/attacker\.example.*not bundled/);
  });
});

describe('baked PNG text chunks', () => {
  it('reads back what was baked, and ignores other keys', async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer();
    const baked = writePngText(writePngText(png, 'Comment', 'hello'), 'openbadges', '{"a":1}');
    expect(readPngText(baked, ['openbadges'])).toEqual([{ key: 'openbadges', text: '{"a":1}' }]);
    expect((await sharp(baked).metadata()).width).toBe(2); // still a valid PNG
  });

  it('caps a compressed chunk that inflates beyond the limit (a text bomb)', async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer();
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    // iTXt with the compression flag set
    const data = Buffer.concat([Buffer.from('openbadges\0\x01\x00\0\0', 'latin1'), bomb]);
    const chunk = Buffer.alloc(12 + data.length);
    chunk.writeUInt32BE(data.length, 0);
    chunk.write('iTXt', 4, 'latin1');
    data.copy(chunk, 8);
    const hostile = Buffer.concat([png.subarray(0, png.length - 12), chunk, png.subarray(png.length - 12)]);
    expect(readPngText(hostile, ['openbadges'])).toEqual([]);
  });

  it('stops at a chunk whose length runs past the file', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x7f, 0xff, 0xff, 0xff, 0x69, 0x54, 0x58, 0x74, 0, 0, 0, 0]);
    expect(readPngText(bytes, ['openbadges'])).toEqual([]);
  });
});

describe('badges in sites and packages', () => {
  it('shows each badge with its status, and a view that does not select badges holds none of them', async () => {
    const out = join(dir, 'site');
    const res = await runCli(['build', fixture, '--out', out]);
    expect(res.code, res.err).toBe(0);
    const page = (id: string) => parse(readFileSync(join(out, 'all', id, 'index.html'), 'utf8'));
    const verification = (id: string) => page(id).querySelectorAll('.details dl > div').find((d) => d.querySelector('dt')?.textContent.trim() === 'Verification')?.querySelector('dd')?.firstChild?.textContent.trim();
    expect(verification('badge-accessible-eddsa')).toBe('Verified');
    expect(verification('badge-typesetting-hosted')).toBe('Not verified');
    expect(verification('badge-honours-tampered')).toBe('Failed verification');
    expect(page('badge-grid-signed').querySelector('img')?.getAttribute('alt')).toContain('Grid systems');
    const { readdirSync } = await import('node:fs');
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    for (const f of walk(join(out, 'no-badges'))) {
      const text = readFileSync(f).toString('latin1');
      for (const name of ['Grid systems', 'Typesetting', 'Atelier Test Issuer', 'openbadges', 'grid-signed']) expect(text, `${f} holds ${name}`).not.toContain(name);
    }
  });

  for (const format of ['ims', 'leap2a'] as const) {
    it(`carries every badge through a ${format} package and reads the same badges back`, async () => {
      const first = await readPortfolio(fixture);
      const zip = join(dir, `badges-${format}.zip`);
      await writeFile(zip, zipFiles(exportPackage(first.value!, format).value));
      const again = await readPortfolio(zip);
      const before = badgeParts(first.value!.parts);
      const after = [...badgeParts(again.value!.parts).values()];
      expect(after.map((p) => p.badge!.name).sort()).toEqual([...before.values()].map((p) => p.badge!.name).sort());
      expect(after.map((p) => p.badge!.verification.status).sort()).toEqual([...before.values()].map((p) => p.badge!.verification.status).sort());
      expect(again.value!.parts.filter((p) => p.kind === 'assertion')).toHaveLength(before.size);
    });
  }
});
