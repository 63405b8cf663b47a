import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chooseSiteConfig, parseSiteConfig, readSiteConfig } from './config.ts';
import { formatLocation, type Diagnostic } from '../diagnostics/index.ts';

const CANONICAL = `views:
  - id: studio-nord            # folder name for a public view; stable
    title: Portfolio for Studio Nord
    access: public              # public here; unlisted and protected come later
    lang: en
    select:                     # order of the entries is the order on the page
      - kind: identification
      - id: competency_typography   # a part id as the source gave it, or its slug
        with: [evidence, reflections, assertions]
      - tag: branding
      - kind: goal
        status: Active
    theme: { templates: my-templates/ }   # optional overrides, file by file
`;

const strip = <T>(x: T): T => JSON.parse(JSON.stringify(x, (k, v) => (k === 'origin' ? undefined : v)));

const CANONICAL_VALUE = {
  views: [
    {
      id: 'studio-nord',
      title: 'Portfolio for Studio Nord',
      access: 'public',
      lang: 'en',
      select: [
        { kind: 'identification' },
        { id: 'competency_typography', with: ['evidence', 'reflections', 'assertions'] },
        { tag: 'branding' },
        { kind: 'goal', status: 'Active' },
      ],
      theme: { templates: 'my-templates/' },
    },
  ],
};

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The one diagnostic with this code (fails when there is none or several). */
function only(ds: Diagnostic[], code: string): Diagnostic {
  const found = ds.filter((d) => d.code === code);
  expect(found, `${code} in ${JSON.stringify(ds)}`).toHaveLength(1);
  return found[0]!;
}

/** Parses YAML config text and returns `line:col` of every diagnostic with its code. */
function problems(yaml: string): string[] {
  return parseSiteConfig(yaml, 'c.yaml').diagnostics.map((d) => `${d.code}@${d.location?.line}:${d.location?.column}`);
}

describe('parseSiteConfig', () => {
  it('reads the canonical example as written', () => {
    const r = parseSiteConfig(CANONICAL, 'vitrine.config.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(strip(r.value)).toEqual({ ...CANONICAL_VALUE, file: 'vitrine.config.yaml' });
  });

  it('locates every view and entry for later diagnostics', () => {
    const v = parseSiteConfig(CANONICAL, 'cfg.yaml').value.views[0]!;
    expect(formatLocation(v.origin)).toBe('cfg.yaml:2:5');
    expect(v.select.map((s) => formatLocation(s.origin))).toEqual(['cfg.yaml:7:9', 'cfg.yaml:8:9', 'cfg.yaml:10:9', 'cfg.yaml:11:9']);
  });

  it('reads the JSON variant to the same views', () => {
    const json = JSON.stringify(CANONICAL_VALUE, null, '\t');
    const r = parseSiteConfig(json, 'vitrine.config.json', 'json');
    expect(r.diagnostics).toEqual([]);
    expect(strip(r.value)).toEqual({ ...CANONICAL_VALUE, file: 'vitrine.config.json' });
    // Positions come from the JSON text too (tab indentation included).
    const lines = json.split('\n');
    const brace = lines.findIndex((l) => l.includes('"competency_typography"')) - 1;
    expect(lines[brace]).toBe('\t\t\t\t{');
    expect(formatLocation(r.value.views[0]!.select[1]!.origin)).toBe(`vitrine.config.json:${brace + 1}:5`);
  });

  it('reads every YAML and JSON example of docs/views.md without a diagnostic', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../docs/views.md'), 'utf8');
    const blocks = [...doc.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)].filter((m) => /views/.test(m[2]!));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const [, lang, text] of blocks) {
      const r = parseSiteConfig(text!, `docs.${lang}`, lang as 'yaml' | 'json');
      expect(r.diagnostics).toEqual([]);
      expect(strip(r.value.views)).toEqual(CANONICAL_VALUE.views);
    }
  });

  it('defaults access to public and accepts a single word for with', () => {
    const r = parseSiteConfig('views:\n  - id: a\n    select:\n      - kind: competency\n        with: evidence\n', 'c.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(strip(r.value.views)).toEqual([{ id: 'a', access: 'public', select: [{ kind: 'competency', with: ['evidence'] }] }]);
  });

  it('ConfigInvalid: an unknown key, with did-you-mean, at the key', () => {
    const r = parseSiteConfig('views:\n  - id: a\n    titel: T\n    select: [{kind: goal}]\n', 'c.yaml');
    const d = only(r.diagnostics, 'ConfigInvalid');
    expect(d.location).toEqual({ file: 'c.yaml', line: 3, column: 5 });
    expect(d.message).toContain('Did you mean "title"?');
    expect(d.severity).toBe('error');
    // A view with a broken field is not built at all.
    expect(r.value.views).toEqual([]);
    expect(r.value.file).toBe('c.yaml');
  });

  it('did-you-mean for top-level keys, access, kind and with values', () => {
    const msgs = (y: string) => parseSiteConfig(y, 'c.yaml').diagnostics.map((d) => d.message).join('\n');
    expect(msgs('veiws: []\n')).toContain('Did you mean "views"?');
    expect(msgs('views:\n  - id: a\n    access: publc\n    select: [{kind: goal}]\n')).toContain('Did you mean "public"?');
    expect(msgs('views:\n  - id: a\n    select: [{kind: competence}]\n')).toContain('Did you mean "competency"?');
    expect(msgs('views:\n  - id: a\n    select: [{kind: goal, with: [evidences]}]\n')).toContain('Did you mean "evidence"?');
    expect(msgs('views:\n  - id: a\n    select: [{knd: goal}]\n')).toContain('Did you mean "kind"?');
    // Nothing near: the allowed names instead.
    expect(msgs('views:\n  - id: a\n    colour: red\n    select: [{kind: goal}]\n')).toContain('Allowed: id, title,');
  });

  it('ConfigInvalid: wrong types point at the value', () => {
    expect(problems('views:\n  - id: a\n    title: 2024\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@3:12']);
    expect(problems('views:\n  - id: a\n    package: yes please\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@3:14']);
    expect(problems('views:\n  - id: a\n    select: {kind: goal}\n')).toEqual(['ConfigInvalid@3:13']);
    expect(problems('views:\n  - id: a\n    theme: [studio]\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@3:12']);
    expect(problems('views: studio\n')).toEqual(['ConfigInvalid@1:8']);
    expect(problems('- id: a\n')).toEqual(['ConfigInvalid@1:1']);
    expect(problems('views:\n  - just-a-name\n')).toEqual(['ConfigInvalid@2:5']);
    expect(parseSiteConfig('views:\n  - id: a\n    title: 2024\n    select: [{kind: goal}]\n', 'c.yaml').diagnostics[0]!.message).toContain('"2024"');
  });

  it('ConfigInvalid: bad access value, bad lang, bad id, reserved id', () => {
    expect(problems('views:\n  - id: a\n    access: secret\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@3:13']);
    expect(problems('views:\n  - id: a\n    lang: english language\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@3:11']);
    for (const id of ['Studio', 'studio nord', '-a', '../up', 'a/b', 'été', 'x'.repeat(65)]) {
      expect(problems(`views:\n  - id: "${id}"\n    select: [{kind: goal}]\n`), id).toEqual(['ConfigInvalid@2:9']);
    }
    expect(problems('views:\n  - id: theme\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@2:9']);
    expect(problems('views:\n  - id: a_b-1\n    select: [{kind: goal}]\n')).toEqual([]);
  });

  it('ConfigInvalid: missing required fields point at the mapping that lacks them', () => {
    expect(problems('views:\n  - title: T\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@2:5']);
    expect(problems('views:\n  - id: a\n')).toEqual(['ConfigInvalid@2:5']);
    expect(problems('title: x\n')).toEqual(['ConfigInvalid@1:1', 'ConfigInvalid@1:1']);
    expect(problems('views: []\n')).toEqual(['ConfigInvalid@1:8']);
    expect(problems('')).toEqual(['ConfigInvalid@1:1']);
    expect(problems('# only a comment\n')).toEqual(['ConfigInvalid@1:1']);
    expect(problems('views:\n  - id: a\n    select: []\n')).toEqual(['ConfigInvalid@3:13']);
    // An entry must say what it selects.
    expect(problems('views:\n  - id: a\n    select:\n      - with: [evidence]\n')).toEqual(['ConfigInvalid@4:9']);
  });

  it('reports every mistake of a file in one run', () => {
    const y = 'views:\n  - id: A\n    access: publik\n    select:\n      - kind: goals\n      - tag: 3\n';
    expect(problems(y)).toEqual(['ConfigInvalid@2:9', 'ConfigInvalid@3:13', 'ConfigInvalid@5:15', 'ConfigInvalid@6:14']);
  });

  it('ConfigInvalid: YAML syntax errors and duplicate keys are located', () => {
    const bad = parseSiteConfig('views:\n  - id: a\n    select: [{kind: goal}]]\n', 'c.yaml');
    expect(bad.diagnostics).toHaveLength(1);
    expect(bad.diagnostics[0]).toMatchObject({ code: 'ConfigInvalid', severity: 'error', location: { file: 'c.yaml', line: 3, column: 27 } });
    expect(problems('views:\n  - id: a\n    id: b\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@3:5']);
    expect(problems('views:\n  - id: a\n\tselect: x\n')[0]).toMatch(/^ConfigInvalid@3:/);
  });

  it('ConfigInvalid: JSON syntax errors are located from the JSON parser', () => {
    const r = parseSiteConfig('{\n  "views": [\n    { "id": "a", }\n  ]\n}\n', 'c.json', 'json');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'ConfigInvalid', location: { file: 'c.json', line: 3, column: 18 } });
    const end = parseSiteConfig('{"views": [', 'c.json', 'json');
    expect(end.diagnostics[0]!.location).toMatchObject({ line: 1, column: 12 });
  });

  it('follows YAML anchors and aliases, but refuses alias bombs', () => {
    const y = 'views:\n  - id: a\n    select: &mine\n      - kind: goal\n  - id: b\n    select: *mine\n';
    const r = parseSiteConfig(y, 'c.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.value.views.map((v) => v.select.map((s) => s.kind))).toEqual([['goal'], ['goal']]);
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 8; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    bomb += 'views:\n  - id: a\n    select: [{kind: goal}]\n    title: *a7\n';
    const b = parseSiteConfig(bomb, 'bomb.yaml');
    expect(b.diagnostics.some((d) => d.code === 'ConfigInvalid')).toBe(true);
  });

  it('ViewIdDuplicate: the second view with an id, at its id', () => {
    const r = parseSiteConfig('views:\n  - id: a\n    select: [{kind: goal}]\n  - id: a\n    select: [{kind: product}]\n', 'c.yaml');
    const d = only(r.diagnostics, 'ViewIdDuplicate');
    expect(d).toMatchObject({ severity: 'error', location: { file: 'c.yaml', line: 4, column: 9 } });
    expect(d.message).toContain('line 2');
    expect(r.value.views.map((v) => v.select[0]!.kind)).toEqual(['goal']);
  });

  it('accepts unlisted and protected views, and passphraseEnv on protected ones only', () => {
    const p = parseSiteConfig('views:\n  - id: a\n    access: protected\n    passphraseEnv: MY_PASS\n    select: [{kind: goal}]\n', 'c.yaml');
    expect(p.diagnostics).toEqual([]);
    expect(p.value.views[0]).toMatchObject({ access: 'protected', passphraseEnv: 'MY_PASS' });
    const u = parseSiteConfig('views:\n  - id: a\n    access: unlisted\n    select: [{kind: goal}]\n', 'c.yaml');
    expect(u.diagnostics).toEqual([]);
    expect(u.value.views[0]!.access).toBe('unlisted');
    // A passphrase written where a variable name belongs is refused, pointing at it.
    const bad = parseSiteConfig('views:\n  - id: a\n    access: protected\n    passphraseEnv: correct horse battery\n    select: [{kind: goal}]\n', 'c.yaml');
    expect(only(bad.diagnostics, 'ConfigInvalid')).toMatchObject({ location: { file: 'c.yaml', line: 4, column: 20 } });
    const pub = parseSiteConfig('views:\n  - id: a\n    passphraseEnv: MY_PASS\n    select: [{kind: goal}]\n', 'c.yaml');
    expect(only(pub.diagnostics, 'ConfigInvalid').message).toContain('only for views with access: protected');
  });
});

describe('theme, sort and tags', () => {
  it('reads a theme by name or as a mapping, site-wide and per view, with settings', () => {
    const r = parseSiteConfig('theme: studio\nviews:\n  - id: a\n    theme:\n      use: ./my-theme\n      templates: tpl/\n      settings: { accent: "#0B5394", font: Space Grotesk, density: airy, layout: list }\n    tags: { hide: [cv] }\n    select: [{kind: goal, sort: title}]\n', 'c.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.value.theme).toMatchObject({ use: 'studio', origin: { file: 'c.yaml', line: 1, column: 8 } });
    expect(r.value.views[0]).toMatchObject({ theme: { use: './my-theme', templates: 'tpl/', settings: { accent: '#0b5394', font: 'Space Grotesk', density: 'airy', layout: 'list' } }, tags: { hide: ['cv'] }, select: [{ kind: 'goal', sort: 'title' }] });
  });

  it('ConfigInvalid: a colour that is not #rrggbb, a font that could break out of CSS, unknown words', () => {
    expect(problems('views:\n  - id: a\n    theme: { settings: { accent: red } }\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@3:34']);
    expect(problems('views:\n  - id: a\n    theme: { settings: { font: "x; } body { display: none" } }\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@3:32']);
    expect(problems('views:\n  - id: a\n    theme: { settings: { density: tight } }\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@3:35']);
    expect(problems('views:\n  - id: a\n    theme: { colour: red }\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@3:14']);
    expect(problems('views:\n  - id: a\n    select: [{kind: goal, sort: newest}]\n')).toEqual(['ConfigInvalid@3:33']);
    expect(problems('views:\n  - id: a\n    tags: [cv]\n    select: [{kind: goal}]\n')).toEqual(['ConfigInvalid@3:11']);
  });
});

describe('readSiteConfig', () => {
  it('finds vitrine.config.yaml inside the input folder', async () => {
    const dir = tempDir({ 'vitrine.config.yaml': CANONICAL });
    const r = await readSiteConfig(dir);
    expect(r.diagnostics).toEqual([]);
    expect(r.value.file).toBe(join(dir, 'vitrine.config.yaml'));
    expect(formatLocation(r.value.views[0]!.select[0]!.origin)).toBe(`${join(dir, 'vitrine.config.yaml')}:7:9`);
  });

  it('finds vitrine.config.json beside an input file (a zip), never inside it', async () => {
    const dir = tempDir({ 'cv.zip': 'not really a zip', 'vitrine.config.json': JSON.stringify(CANONICAL_VALUE) });
    const r = await readSiteConfig(join(dir, 'cv.zip'));
    expect(r.diagnostics).toEqual([]);
    expect(r.value.file).toBe(join(dir, 'vitrine.config.json'));
    expect(strip(r.value.views)).toEqual(CANONICAL_VALUE.views);
  });

  it('uses the file --config names, wherever it is', async () => {
    const dir = tempDir({ 'in/vitrine.config.yaml': 'views: [broken', 'elsewhere/site.yaml': CANONICAL });
    const r = await readSiteConfig(join(dir, 'in'), join(dir, 'elsewhere/site.yaml'));
    expect(r.diagnostics).toEqual([]);
    expect(r.value.views[0]!.id).toBe('studio-nord');
  });

  it('no config: no views, no file, and where one would go', async () => {
    const dir = tempDir({ 'part.xml': '<x/>' });
    expect((await readSiteConfig(dir)).value).toEqual({ views: [], expected: join(dir, 'vitrine.config.yaml') });
    expect((await readSiteConfig(join(dir, 'part.xml'))).value).toEqual({ views: [], expected: join(dir, 'vitrine.config.yaml') });
    // A missing input is read/'s to report.
    expect((await readSiteConfig(join(dir, 'missing'))).diagnostics).toEqual([]);
  });

  it('ConfigNotFound: --config names a file that does not exist, or a folder', async () => {
    const dir = tempDir();
    const missing = join(dir, 'nope.yaml');
    const r = await readSiteConfig(dir, missing);
    expect(only(r.diagnostics, 'ConfigNotFound')).toMatchObject({ severity: 'error', location: { file: missing } });
    expect(r.value).toEqual({ views: [], file: missing });
    expect(only((await readSiteConfig(dir, dir)).diagnostics, 'ConfigNotFound').location).toEqual({ file: dir });
  });

  it('ConfigAmbiguous: two config files in one folder, the YAML one is used', async () => {
    const dir = tempDir({ 'vitrine.config.yaml': CANONICAL, 'vitrine.config.json': '{"views": []}' });
    const r = await readSiteConfig(dir);
    expect(only(r.diagnostics, 'ConfigAmbiguous')).toMatchObject({ severity: 'warning', location: { file: join(dir, 'vitrine.config.json') } });
    expect(r.value.views).toHaveLength(1);
  });

  it('ConfigInvalid: a file that is not UTF-8 text', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'vitrine.config.yaml'), new Uint8Array([0x76, 0x69, 0xff, 0xfe, 0x0a]));
    const r = await readSiteConfig(dir);
    expect(only(r.diagnostics, 'ConfigInvalid').location).toEqual({ file: join(dir, 'vitrine.config.yaml'), line: 1, column: 1 });
  });
});

describe('chooseSiteConfig', () => {
  const fromPortfolio = parseSiteConfig('views:\n  - id: mine\n    select: [{kind: goal}]\n', 'content/portfolio.yaml').value;

  it('ConfigOverridden: the config file wins over portfolio.yaml, and says so there', () => {
    const fromFile = parseSiteConfig(CANONICAL, 'vitrine.config.yaml').value;
    const r = chooseSiteConfig(fromFile, fromPortfolio);
    expect(r.value).toBe(fromFile);
    expect(only(r.diagnostics, 'ConfigOverridden')).toMatchObject({ severity: 'info', location: { file: 'content/portfolio.yaml', line: 2, column: 5 } });
  });

  it('without a config file, the portfolio views are used', () => {
    const r = chooseSiteConfig({ views: [], expected: 'x/vitrine.config.yaml' }, fromPortfolio);
    expect(r.diagnostics).toEqual([]);
    expect(r.value.views.map((v) => v.id)).toEqual(['mine']);
  });
});
