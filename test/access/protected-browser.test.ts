/**
 * A protected view opened in real Chromium from file://, as its recipient would: the entry page
 * shows only the form; the right passphrase (pasted text is fine, the page never blocks it)
 * shows the view, its images (decrypted into blob: URLs) and its other pages; a wrong one shows
 * the error and nothing of the content. Reloading in the same tab opens the view without asking
 * again (the key is kept in sessionStorage); a new browser context asks again.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, repoRoot, skipNote } from '../support/env.ts';
import { buildTo } from '../site/site-helpers.ts';
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
    // Loading the entry page again in this tab opens the view without asking (sessionStorage);
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
