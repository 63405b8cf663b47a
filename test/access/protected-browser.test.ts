/**
 * A protected view opened in real Chromium from file://, as its recipient would: the entry page
 * shows only the form; the right passphrase (pasted text is fine, the page never blocks it)
 * shows the view, its images (decrypted into blob: URLs) and its other pages; a wrong one shows
 * the error and nothing of the content. Reloading in the same tab opens the view without asking
 * again (the key is kept in IndexedDB, as a non-extractable CryptoKey); a new browser context
 * (another profile) asks again.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, repoRoot, skipNote } from '../support/env.ts';
import { main } from '../../src/cli/main.ts';
import { decryptView } from './decrypt.ts';
import { buildTo, listFiles } from '../site/site-helpers.ts';
import { formatViolations, hasChromium, launchBrowser, runAxe } from '../a11y/browser.ts';

const ok = needs('chromium', hasChromium());
const passphrase = 'orbit lantern quiet meadow violet anchor';

describe.skipIf(!ok)(`a protected view in Chromium${skipNote('chromium', ok)}`, () => {
  let browser: Browser | undefined;
  let entry = '';

  beforeAll(async () => {
    const [built, launched] = await Promise.all([buildTo(join(repoRoot, 'content'), { env: { VITRINE_ASSESSOR_PASSPHRASE: passphrase } }), launchBrowser()]);
    browser = launched;
    const view = built.result.value.views.find((v) => v.id === 'assessor-private');
    expect(view?.access).toBe('protected');
    entry = pathToFileURL(join(built.out, view!.folder, 'index.html')).href;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens with the right passphrase: content, images, other pages; a reload keeps it open', async () => {
    const context = await browser!.newContext();
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(entry);
    await expect.poll(() => tab.locator('#vitrine-unlock').isVisible()).toBe(true);
    expect(await tab.title()).toBe('Protected page');
    // Inserted in one go, as a paste is: nothing on the page blocks it.
    await tab.locator('#vitrine-pass').focus();
    await tab.keyboard.insertText(passphrase);
    await tab.getByRole('button', { name: 'Open' }).click();
    await tab.locator('h1', { hasText: 'private evidence for the assessor' }).waitFor({ timeout: 30_000 });
    expect(await tab.title()).toContain('private evidence for the assessor');
    expect(await tab.locator('#vitrine-unlock').count()).toBe(0);
    // The front page's profile stylesheet comes from the view's own (decrypted) files.
    await expect.poll(() => tab.locator('link[rel="stylesheet"][href^="blob:"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The decrypted page is as accessible as a public one (same axe rules, none turned off).
    const opened = await runAxe(tab);
    expect(opened, formatViolations('decrypted index.html', opened)).toEqual([]);
    // Images come from decrypted blobs and really load.
    const imgs = tab.locator('img');
    expect(await imgs.count()).toBeGreaterThan(0);
    const first = imgs.first();
    await first.scrollIntoViewIfNeeded();
    await expect.poll(() => first.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await first.getAttribute('src')).toMatch(/^blob:/);
    // Another page of the view, through its link.
    const link = tab.locator('a[href^="#/"]').filter({ hasText: /accessib/i }).first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await expect.poll(() => tab.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)).toBe(href);
    await expect.poll(() => tab.locator('main').innerText()).not.toContain('Protected page');
    // Loading the entry page again in this tab opens the view without asking (IndexedDB);
    // the package link is a decrypted blob named package.zip.
    await tab.goto(entry);
    await tab.locator('h1', { hasText: 'private evidence for the assessor' }).waitFor({ timeout: 30_000 });
    const pkg = tab.locator('a[download="package.zip"]');
    expect(await pkg.count()).toBe(1);
    expect(await pkg.getAttribute('href')).toMatch(/^blob:/);
    expect(errors).toEqual([]);
    // A new context (another browser session) asks for the passphrase again.
    const other = await browser!.newContext();
    const fresh = await other.newPage();
    await fresh.goto(entry);
    await expect.poll(() => fresh.locator('#vitrine-unlock').isVisible()).toBe(true);
    await other.close();
    await context.close();
  }, 120_000);

  it('shows the error and no content with a wrong passphrase', async () => {
    const context = await browser!.newContext();
    const tab = await context.newPage();
    await tab.goto(entry);
    await expect.poll(() => tab.locator('#vitrine-unlock').isVisible()).toBe(true);
    await tab.locator('#vitrine-pass').fill(`${passphrase} wrong`);
    await tab.getByRole('button', { name: 'Open' }).click();
    const alert = tab.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 30_000 }).toContain('does not open this page');
    expect(await tab.locator('#vitrine-pass').getAttribute('aria-invalid')).toBe('true');
    expect(await tab.locator('#vitrine-pass').getAttribute('aria-describedby')).toContain('vitrine-error');
    // Focus goes back to the field, and the page with its error passes axe.
    expect(await tab.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('vitrine-pass');
    const failed = await runAxe(tab);
    expect(failed, formatViolations('entry page with error', failed)).toEqual([]);
    const text = await tab.locator('body').innerText();
    expect(text).not.toMatch(/assessor|accessib|Léa|Moreau/i);
    expect(await tab.locator('img').count()).toBe(0);
    await context.close();
  }, 120_000);

  it('says what is needed when JavaScript is off', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(entry);
    const text = await tab.locator('body').innerText();
    expect(text).toContain('needs JavaScript');
    expect(await tab.locator('#vitrine-unlock').isVisible()).toBe(false);
    await context.close();
  }, 60_000);
});

/**
 * Issue 12: a protected view whose portfolio brings hostile markup (an HTML attachment with an
 * `onerror` handler that reads the stored key), opened in real Chromium. Nothing of it runs;
 * the key is a non-extractable CryptoKey in IndexedDB (never bytes in Web Storage) and the Lock
 * button deletes it; the view's profile stylesheet is inside the view, not in clear beside it.
 */
describe.skipIf(!ok)(`a protected view with hostile markup in Chromium${skipNote('chromium', ok)}`, () => {
  let browser: Browser | undefined;
  let entry = '';
  let out = '';
  let folder = '';
  const secret = 'hostile markup passphrase';

  beforeAll(async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-hostile-view-'));
    expect(await main(['init', 'p'], { stdout: { write: () => true }, stderr: { write: () => true }, cwd })).toBe(0);
    const input = join(cwd, 'p');
    mkdirSync(join(input, 'files'), { recursive: true });
    // What a stolen key would be posted as: the handler records what it could read.
    const steal = `window.__stolen = JSON.stringify({ s: Object.assign({}, sessionStorage), l: Object.assign({}, localStorage) })`;
    writeFileSync(join(input, 'files', 'transcript.html'), `<!doctype html><html><head><title>Transcript</title></head><body><main id="main"><h1>Talk transcript</h1><img src="missing.png" alt="" onerror="${steal}"><a id="js" href="java&#9;script:${steal}">more</a><svg><a href="#"><animate attributeName="href" to="javascript:${steal}"/><text y="10">x</text></a></svg><iframe srcdoc="<script>parent.${steal}</script>"></iframe><script>${steal}</script></main></body></html>`);
    const part = join(input, 'parts', 'work', 'site-redesign.md');
    writeFileSync(part, readFileSync(part, 'utf8').replace('evidences: [teamwork]', 'evidences: [teamwork]\nfiles:\n  - path: transcript.html\n    title: Talk transcript'));
    writeFileSync(join(input, 'vitrine.config.yaml'), `views:\n  - id: assessor\n    access: protected\n    passphraseEnv: HOSTILE_PASS\n    title: Assessor view\n    profile:\n      display:\n        fontSize: 1.5\n    select:\n      - kind: product\n`);
    const [built, launched] = await Promise.all([buildTo(input, { env: { HOSTILE_PASS: secret } }), launchBrowser()]);
    browser = launched;
    expect(built.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    out = built.out;
    folder = built.result.value.views[0]!.folder;
    entry = pathToFileURL(join(out, folder, 'index.html')).href;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the profile stylesheet of the view inside its encrypted folder', () => {
    const outside = listFiles(out).filter((f) => !f.startsWith(`${folder}/`));
    expect(outside.filter((f) => /profile/.test(f))).toEqual([]);
    expect(outside.join('\n')).not.toContain('assessor');
  });

  it('runs nothing of the decrypted markup, keeps only a non-extractable key, and forgets it on Lock', async () => {
    const context = await browser!.newContext();
    const tab = await context.newPage();
    await tab.goto(entry);
    await expect.poll(() => tab.locator('#vitrine-unlock').isVisible()).toBe(true);
    await tab.locator('#vitrine-pass').fill(secret);
    await tab.getByRole('button', { name: 'Open' }).click();
    await tab.locator('h1').first().waitFor({ timeout: 30_000 });
    // Open the attachment as the view links it (a `#/` route of the entry page), then try each
    // way its markup could run.
    const files = new Map(listFiles(join(out, folder)).map((f) => [f, new Uint8Array(readFileSync(join(out, folder, f)))] as const));
    const attachment = [...decryptView(files, secret).keys()].find((p) => p.endsWith('transcript.html'))!;
    expect(attachment).toBeDefined();
    await tab.evaluate((hash) => ((globalThis as unknown as { location: { hash: string } }).location.hash = hash), `#/${attachment}`);
    await tab.locator('h1', { hasText: 'Talk transcript' }).waitFor({ timeout: 30_000 });
    await tab.waitForTimeout(500);
    type Win = { __stolen?: string; document: { querySelector(s: string): { click(): void } | null } };
    expect(await tab.evaluate(() => (globalThis as unknown as Win).__stolen)).toBeUndefined();
    expect(await tab.locator('[onerror], script, iframe, animate').count()).toBe(0);
    expect(await tab.locator('a#js').getAttribute('href')).toBeNull();
    await tab.evaluate(() => (globalThis as unknown as Win).document.querySelector('a#js')?.click());
    await tab.waitForTimeout(200);
    expect(await tab.evaluate(() => (globalThis as unknown as Win).__stolen)).toBeUndefined();
    // No key bytes in Web Storage; in IndexedDB a CryptoKey whose bytes cannot be exported.
    const stored = await tab.evaluate(async () => {
      const g = globalThis as unknown as { sessionStorage: { length: number }; localStorage: { length: number }; indexedDB: { open(n: string): { onsuccess: (() => void) | null; onerror: (() => void) | null; result: { transaction(s: string): { objectStore(s: string): { getAll(): { onsuccess: (() => void) | null; result: { key: { extractable: boolean; type: string; algorithm: { name: string } } }[] } } } } } }; crypto: { subtle: { exportKey(f: string, k: unknown): Promise<unknown> } } };
      const db = await new Promise<ReturnType<typeof g.indexedDB.open>['result']>((ok, fail) => {
        const r = g.indexedDB.open('vitrine');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(new Error('no database'));
      });
      const all = await new Promise<{ key: { extractable: boolean; type: string; algorithm: { name: string } } }[]>((ok) => {
        const q = db.transaction('keys').objectStore('keys').getAll();
        q.onsuccess = () => ok(q.result);
      });
      const exported = await g.crypto.subtle.exportKey('raw', all[0]?.key).then(() => 'exported', (e: Error) => e.name);
      return { session: g.sessionStorage.length, local: g.localStorage.length, keys: all.map((r) => ({ extractable: r.key.extractable, type: r.key.type, alg: r.key.algorithm.name })), exported };
    });
    expect(stored).toEqual({ session: 0, local: 0, keys: [{ extractable: false, type: 'secret', alg: 'AES-GCM' }], exported: 'InvalidAccessError' });
    // A reload opens the view without asking; Lock forgets the key and shows the form again.
    await tab.goto(entry);
    await tab.locator('#vitrine-relock').waitFor({ timeout: 30_000 });
    expect(await tab.locator('#vitrine-unlock').count()).toBe(0);
    // The front page's profile stylesheet comes from the view's own (decrypted) files.
    await expect.poll(() => tab.locator('link[rel="stylesheet"][href^="blob:"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await tab.getByRole('button', { name: 'Lock this page' }).click();
    await expect.poll(() => tab.locator('#vitrine-unlock').isVisible(), { timeout: 10_000 }).toBe(true);
    const left = await tab.evaluate(async () => {
      const g = globalThis as unknown as { indexedDB: { open(n: string): { onsuccess: (() => void) | null; result: { transaction(s: string): { objectStore(s: string): { count(): { onsuccess: (() => void) | null; result: number } } } } } } };
      const db = await new Promise<ReturnType<typeof g.indexedDB.open>['result']>((ok) => {
        const r = g.indexedDB.open('vitrine');
        r.onsuccess = () => ok(r.result);
      });
      return new Promise<number>((ok) => {
        const q = db.transaction('keys').objectStore('keys').count();
        q.onsuccess = () => ok(q.result);
      });
    });
    expect(left).toBe(0);
    await context.close();
  }, 120_000);
});
