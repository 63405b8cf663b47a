/** Theme options: template overrides file by file, AVIF on request, the root of a one-view site. */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { listFiles, page } from './site-helpers.ts';

const content = resolve(import.meta.dirname, '../../content');

async function vitrine(args: string[], cwd: string) {
  let err = '';
  const code = await main([...args, '--cache', join(cwd, '.cache')], { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, cwd });
  return { code, err };
}

/** A copy of the example whose config the test rewrites. */
function copyOfExample(config: string): { cwd: string; input: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'vitrine-theme-'));
  const input = join(cwd, 'portfolio');
  cpSync(content, input, { recursive: true });
  writeFileSync(join(input, 'vitrine.config.yaml'), config);
  return { cwd, input };
}

describe('theme options', () => {
  it('overrides templates file by file: --templates for all views, theme.templates for one', async () => {
    const { cwd, input } = copyOfExample(
      [
        'views:',
        '  - id: plain',
        '    select: [{ kind: competency }]',
        '  - id: styled',
        '    theme: { templates: styled-templates/ }',
        '    select: [{ kind: competency }]',
      ].join('\n'),
    );
    // A user folder overriding one partial for every view, and one message.
    const mine = join(cwd, 'my-templates');
    mkdirSync(join(mine, 'partials'), { recursive: true });
    mkdirSync(join(mine, 'messages'), { recursive: true });
    writeFileSync(join(mine, 'messages', 'en.json'), JSON.stringify({ generator: 'Built by hand-picked words' }));
    // A view's own folder (relative to the config file) overriding the layout for that view only.
    const own = join(input, 'styled-templates', 'layouts');
    mkdirSync(own, { recursive: true });
    const base = readFileSync(resolve(import.meta.dirname, '../../templates/layouts/base.njk'), 'utf8');
    writeFileSync(join(own, 'base.njk'), base.replace('<body class="', '<body class="styled-by-view '));
    const out = join(cwd, 'site');
    const r = await vitrine(['build', input, '--out', out, '--templates', mine], cwd);
    expect(r.code, r.err).toBe(0);
    const plain = page(out, 'plain/index.html');
    const styled = page(out, 'styled/index.html');
    expect(plain.querySelector('footer')?.text).toContain('Built by hand-picked words');
    expect(styled.querySelector('footer')?.text).toContain('Built by hand-picked words');
    expect(styled.querySelector('body')?.classList.contains('styled-by-view')).toBe(true);
    expect(plain.querySelector('body')?.classList.contains('styled-by-view')).toBe(false);
  }, 60_000);

  it('publishes AVIF variants only when asked', async () => {
    const { cwd, input } = copyOfExample('views:\n  - id: work\n    select: [{ id: product_poster_nord }]\n');
    await vitrine(['build', input, '--out', join(cwd, 'a')], cwd);
    expect(listFiles(join(cwd, 'a')).some((f) => f.endsWith('.avif'))).toBe(false);
    await vitrine(['build', input, '--out', join(cwd, 'b'), '--avif'], cwd);
    const avif = listFiles(join(cwd, 'b')).filter((f) => f.endsWith('.avif'));
    expect(avif.length).toBeGreaterThan(0);
    const sources = page(join(cwd, 'b'), 'work/product-poster-nord/index.html').querySelectorAll('source').map((s) => s.getAttribute('type'));
    expect(sources).toContain('image/avif');
  }, 120_000);

  it('opens the one public view from the root, which holds no content', async () => {
    const { cwd, input } = copyOfExample('views:\n  - id: only\n    title: Only view\n    select: [{ kind: competency }]\n');
    const out = join(cwd, 'site');
    expect((await vitrine(['build', input, '--out', out], cwd)).code).toBe(0);
    const root = page(out, 'index.html');
    expect(root.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=only/index.html');
    expect(root.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain('only/index.html');
    expect(root.querySelector('main')?.text.trim()).toBe('Only view');
  }, 60_000);
});

describe('mistakes in a theme or a config', () => {
  it('TemplateInvalid: a broken template override is a coded error (exit 1), not an internal error', async () => {
    const { cwd, input } = copyOfExample('views:\n  - id: only\n    select: [{ kind: competency }]\n');
    const mine = join(cwd, 'tpl', 'pages');
    mkdirSync(mine, { recursive: true });
    writeFileSync(join(mine, 'view.njk'), '{% if %}broken');
    const r = await vitrine(['build', input, '--out', join(cwd, 'site'), '--templates', join(cwd, 'tpl')], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[TemplateInvalid]');
    expect(r.err).not.toContain('[InternalError]');
  }, 60_000);

  it('check validates the view configuration too', async () => {
    const { cwd, input } = copyOfExample('views:\n  - id: only\n    selct: [{ kind: competency }]\n');
    let err = '';
    const code = await main(['check', input], { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, cwd });
    expect(code).toBe(1);
    expect(err).toMatch(/vitrine\.config\.yaml:3:\d+ {2}error .*\[ConfigInvalid\]/);
  });
});
