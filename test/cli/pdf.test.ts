/**
 * `vitrine pdf`: the example's résumé view (`cv`, résumé theme), printed by Chromium, read
 * back with pdftotext: the owner's name and the title of every selected part are in it.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { needs, skipNote } from '../support/env.ts';
import { runCli } from '../support/cli.ts';
import { readPortfolio } from '../../src/index.ts';
import { planViews, readViewConfig } from '../../src/views/index.ts';
import { partTitle } from '../../src/render/page-data.ts';
import { runPdf } from '../../src/cli/commands/pdf.ts';

const content = resolve(import.meta.dirname, '../../content');
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const browserOk = needs('chromium at /usr/bin/chromium', existsSync('/usr/bin/chromium'));
const popplerOk = needs('pdftotext (poppler-utils)', hasPdftotext);
const quiet = { json: false, quiet: true, debug: false, strict: false };

/**
 * Prints one view of the example and reads it back: the owner's name and every selected part's
 * title must be in the text; returns the number of sheets.
 */
async function printAndRead(view: string): Promise<{ pages: number; parts: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-pdf-test-'));
  const out = join(dir, `${view}.pdf`);
  const r = await runCli(['pdf', content, '--view', view, '--out', out, '--secrets', join(dir, 'secrets.json'), '--cache', join(dir, 'cache')]);
  expect(r.code, r.err).toBe(0);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
  // Line breaks and hyphenation at line ends differ between fonts: compare without them.
  const normal = (s: string) => s.replace(/[\s\u00ad-]+/g, '');
  expect(normal(text)).toContain(normal('Léa Moreau-Lindqvist'));
  const portfolio = (await readPortfolio(content)).value!;
  const plan = planViews(portfolio, (await readViewConfig(content)).value).value.find((p) => p.id === view)!;
  expect(plan.owner).toBeDefined();
  const t = (k: string, f?: string) => f ?? k;
  for (const part of plan.parts) {
    const { title } = partTitle(part, t, plan.lang);
    expect(normal(text), `${part.id}: ${title}`).toContain(normal(title));
  }
  return { pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))?.[1]), parts: plan.parts.length };
}

describe('vitrine pdf', () => {
  const both = browserOk && popplerOk;
  it.skipIf(!both)(`prints the résumé view (cv) as a CV with the owner's name and every selected part${skipNote('chromium and pdftotext', both)}`, async () => {
    const { pages } = await printAndRead('cv');
    // The résumé theme prints a CV: its front page on one or two sheets, not a sheet per part.
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  }, 180_000);

  it.skipIf(!both)(`prints another theme's view as its front page and every part page${skipNote('chromium and pdftotext', both)}`, async () => {
    const { pages, parts } = await printAndRead('studio-nord');
    expect(pages).toBeGreaterThan(parts); // every part starts on a sheet of its own
  }, 180_000);

  it('PdfViewProtected: a protected view is refused, and no file is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-pdf-test-'));
    const out = join(dir, 'x.pdf');
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, cwd: dir };
    // Any existing file stands in for the browser: the refusal comes before printing.
    const code = await runPdf(content, { view: 'assessor-private', out, secrets: join(dir, 's.json'), cache: join(dir, 'cache') }, quiet, io, { VITRINE_CHROMIUM: process.execPath });
    expect(code).toBe(1);
    expect(err).toContain('[PdfViewProtected]');
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('PdfFailed: a "browser" that cannot print gives an error and leaves no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-pdf-test-'));
    const out = join(dir, 'x.pdf');
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, cwd: dir };
    // A program that exits at once stands in for a broken browser install.
    const code = await runPdf(content, { view: 'accessibility-assessment', out, secrets: join(dir, 's.json'), cache: join(dir, 'cache') }, quiet, io, { VITRINE_CHROMIUM: process.execPath });
    expect(code).toBe(1);
    expect(err).toContain('[PdfFailed]');
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('PdfBrowserMissing: no browser gives an error saying how to install one, before any work', async () => {
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, cwd: tmpdir() };
    const code = await runPdf(content, { view: 'cv' }, quiet, io, { VITRINE_CHROMIUM: '/nonexistent/chrome' });
    expect(code).toBe(1);
    expect(err).toContain('[PdfBrowserMissing]');
    expect(err).toContain('apt-get install chromium');
  });

  it('wrong usage exits 2: --view missing, unknown option with a suggestion', async () => {
    const a = await runCli(['pdf', content]);
    expect(a.code).toBe(2);
    expect(a.err).toContain('--view is required');
    const b = await runCli(['pdf', content, '--veiw', 'cv']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('did you mean "--view"?');
  });
});
