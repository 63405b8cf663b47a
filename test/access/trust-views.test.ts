/**
 * Unlisted and protected views against the owner's own slips and odd names (issue 12): a view
 * named `constructor` keeps its folder across builds; a protected view made unlisted or public
 * never reuses its token; a secrets file kept inside the input never reaches a site or a
 * package, and one kept outside is never packed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { main } from '../../src/cli/main.ts';
import { createImageProcessor } from '../../src/render/image-processor.ts';
import { loadSecrets } from '../../src/views/secrets.ts';
import { listFiles } from '../site/site-helpers.ts';

const quiet = (cwd: string) => ({ stdout: { write: () => true }, stderr: { write: () => true }, cwd });

/** A starter portfolio (vitrine init) with the given views in its vitrine.config.yaml. */
async function starter(views: string): Promise<{ cwd: string; input: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'vitrine-trust-'));
  expect(await main(['init', 'p'], quiet(cwd))).toBe(0);
  const input = join(cwd, 'p');
  writeConfig(input, views);
  return { cwd, input };
}
function writeConfig(input: string, views: string): void {
  writeFileSync(join(input, 'vitrine.config.yaml'), `views:\n${views}`);
}
const view = (id: string, access: string) => `  - id: ${id}\n    access: ${access}\n    title: ${id}\n    select:\n      - kind: competency\n`;

async function buildIt(cwd: string, input: string, secrets: string, out = join(cwd, 'site')) {
  return build(input, { out, secrets, env: {}, render: { processImage: createImageProcessor(join(cwd, 'cache')) } });
}

/** Every byte of a built site, zips opened, as one searchable text. */
function siteText(out: string): string {
  let text = '';
  for (const f of listFiles(out)) {
    const bytes = readFileSync(join(out, f));
    text += `\n${f}\n${bytes.toString('latin1')}`;
    if (f.endsWith('.zip')) for (const e of new AdmZip(bytes).getEntries()) text += `\n${f}!/${e.entryName}\n${e.getData().toString('latin1')}`;
  }
  return text;
}

describe('view ids are looked up as own keys only', () => {
  it('a view named constructor keeps one folder across builds, and the secrets file stays valid', async () => {
    const { cwd, input } = await starter(view('constructor', 'unlisted') + view('portfolio', 'public'));
    const secrets = join(cwd, 'secrets.json');
    const first = await buildIt(cwd, input, secrets);
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const folder = first.value.views.find((v) => v.id === 'constructor')?.folder;
    expect(folder).toMatch(/^[a-z2-7]{26}$/);
    const loaded = await loadSecrets(secrets);
    expect(loaded.diagnostics).toEqual([]);
    expect(new Map(Object.entries(loaded.value!.views)).get('constructor')?.token).toBe(folder);
    const second = await buildIt(cwd, input, secrets);
    expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(second.value.views.find((v) => v.id === 'constructor')?.folder).toBe(folder);
    expect(existsSync(join(cwd, 'site', folder!, 'index.html'))).toBe(true);
  }, 60_000);
});

describe('a protected view made unlisted or public', () => {
  it('gets a new token and a warning, so the link sent with a passphrase never opens it bare', async () => {
    const { cwd, input } = await starter(view('assessor', 'protected'));
    const secrets = join(cwd, 'secrets.json');
    const locked = await buildIt(cwd, input, secrets);
    expect(locked.value.written).toBe(true);
    const protectedFolder = locked.value.views[0]!.folder;

    writeConfig(input, view('assessor', 'unlisted'));
    const open = await buildIt(cwd, input, secrets);
    expect(open.value.written).toBe(true);
    const warning = open.diagnostics.find((d) => d.code === 'AccessLowered');
    expect(warning?.severity).toBe('warning');
    expect(warning?.location?.file).toBe(join(input, 'vitrine.config.yaml'));
    const unlistedFolder = open.value.views[0]!.folder;
    expect(unlistedFolder).toMatch(/^[a-z2-7]{26}$/);
    expect(unlistedFolder).not.toBe(protectedFolder);
    expect(existsSync(join(cwd, 'site', protectedFolder))).toBe(false);
    const kept = JSON.parse(readFileSync(secrets, 'utf8')) as { views: Record<string, { passphrase?: string; access?: string }> };
    expect(kept.views.assessor).toMatchObject({ access: 'unlisted' });
    expect(kept.views.assessor!.passphrase).toBeUndefined();
    // Built again as unlisted: stable, no second warning.
    const again = await buildIt(cwd, input, secrets);
    expect(again.value.views[0]!.folder).toBe(unlistedFolder);
    expect(again.diagnostics.map((d) => d.code)).not.toContain('AccessLowered');
  }, 60_000);

  it('through public and back to unlisted, the protected token is not reused either', async () => {
    const { cwd, input } = await starter(view('assessor', 'protected'));
    const secrets = join(cwd, 'secrets.json');
    const protectedFolder = (await buildIt(cwd, input, secrets)).value.views[0]!.folder;
    writeConfig(input, view('assessor', 'public'));
    const pub = await buildIt(cwd, input, secrets);
    expect(pub.diagnostics.map((d) => d.code)).toContain('AccessLowered');
    expect(pub.value.views[0]!.folder).toBe('assessor');
    writeConfig(input, view('assessor', 'unlisted'));
    const back = await buildIt(cwd, input, secrets);
    expect(back.value.views[0]!.folder).not.toBe(protectedFolder);
  }, 60_000);
});

describe('the secrets file never reaches a site or a package', () => {
  it('inside the input under any name: left out of the site, its package.zip and vitrine pack', async () => {
    const { cwd, input } = await starter(view('portfolio', 'public') + view('recruiter', 'unlisted'));
    const secrets = join(input, 'keys.json');
    const built = await buildIt(cwd, input, secrets);
    expect(built.value.written).toBe(true);
    const token = (JSON.parse(readFileSync(secrets, 'utf8')) as { views: Record<string, { token: string }> }).views.recruiter!.token;
    // Built again: the file now exists inside the input when it is read.
    const again = await buildIt(cwd, input, secrets);
    expect(again.value.written).toBe(true);
    const text = siteText(join(cwd, 'site'));
    expect(text).not.toContain('keys.json');
    expect(text.split(token).length - 1).toBe(listFiles(join(cwd, 'site')).filter((f) => f.startsWith(`${token}/`)).length);
    expect(text).not.toContain('"views"');
    // Packed by hand in every format: not there either.
    for (const format of ['ims', 'leap2a', 'authored']) {
      const out = join(cwd, `packed-${format}${format === 'authored' ? '' : '.zip'}`);
      expect(await main(['pack', input, '--format', format, '--out', out], quiet(cwd))).toBe(0);
      const packed = format === 'authored' ? listFiles(out).map((f) => `${f}\n${readFileSync(join(out, f), 'latin1')}`).join('\n') : new AdmZip(out).getEntries().map((e) => `${e.entryName}\n${e.getData().toString('latin1')}`).join('\n');
      expect(packed, format).not.toContain(token);
      expect(packed, format).not.toContain('keys.json');
    }
    // Said once per build, at the file.
    expect(again.diagnostics.find((d) => d.code === 'SecretsInInput')?.location?.file).toBe(join(input, 'keys.json'));
  }, 120_000);

  it('outside the input (--secrets elsewhere): neither the site nor vitrine pack carries it', async () => {
    const { cwd, input } = await starter(view('portfolio', 'public') + view('recruiter', 'unlisted'));
    mkdirSync(join(cwd, 'elsewhere'));
    const secrets = join(cwd, 'elsewhere', 'secrets.json');
    const built = await buildIt(cwd, input, secrets);
    expect(built.value.written).toBe(true);
    const token = (JSON.parse(readFileSync(secrets, 'utf8')) as { views: Record<string, { token: string }> }).views.recruiter!.token;
    const text = siteText(join(cwd, 'site'));
    expect(text).not.toContain('secrets.json');
    expect(text).not.toContain('"views"');
    const out = join(cwd, 'packed.zip');
    expect(await main(['pack', input, '--format', 'ims', '--out', out], quiet(cwd))).toBe(0);
    const packed = new AdmZip(out).getEntries().map((e) => `${e.entryName}\n${e.getData().toString('latin1')}`).join('\n');
    expect(packed).not.toContain(token);
  }, 60_000);
});
