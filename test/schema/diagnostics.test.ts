/**
 * What the schema check tells an author, on fixtures written here: a misspelt key or word gets
 * "did you mean" at its line and column, a wrong type says what was expected, and a value
 * with alternatives (a theme name or mapping) is judged by the alternative it was meant as.
 * Then hostile documents: alias bombs, `__proto__` keys, huge and deep files give diagnostics,
 * never a crash, a hang or a polluted prototype.
 */
import { describe, expect, it } from 'vitest';
import { readPortfolio } from '../../src/index.ts';
import { parseSiteConfig } from '../../src/views/config.ts';
import { readViewConfig } from '../../src/views/index.ts';
import { concatRewrites, MAX_PROBLEMS } from '../../src/diagnostics/schema-check.ts';
import type { Diagnostic } from '../../src/diagnostics/index.ts';
import { where, writeTree } from '../authored/helpers.ts';

const at = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.location?.line}:${d.location?.column}`);
const config = (text: string) => parseSiteConfig(text, 'c.yaml');
const VIEW = 'views:\n  - id: a\n';

describe('config findings', () => {
  it('a misspelt key: did you mean, at the key', () => {
    const r = config(`${VIEW}    select:\n      - kind: goal\n        sortt: date\n`);
    expect(at(r.diagnostics)).toEqual(['ConfigInvalid@5:9']);
    expect(r.diagnostics[0]!.message).toBe('view "a": select[0]: unknown key "sortt". Did you mean "sort"?');
    expect(r.value.views).toEqual([]);
  });

  it('a wrong type: what was expected and what was there, at the value', () => {
    const r = config(`${VIEW}    package: "yes"\n    select: [{kind: goal}]\n`);
    expect(at(r.diagnostics)).toEqual(['ConfigInvalid@3:14']);
    expect(r.diagnostics[0]!.message).toBe('view "a": package must be true or false, not text "yes"');
  });

  it('an unknown word: the allowed words and the nearest one', () => {
    const r = config(`${VIEW}    theme: { settings: { layout: gird } }\n    select: [{kind: goal}]\n`);
    expect(at(r.diagnostics)).toEqual(['ConfigInvalid@3:34']);
    expect(r.diagnostics[0]!.message).toBe('view "a": theme.settings.layout "gird" is not one of grid, masonry, list. Did you mean "grid"?');
  });

  it('a value with alternatives is judged by the one it was meant as, not "must match exactly one schema"', () => {
    const mapping = config(`${VIEW}    theme: { use: 3 }\n    select: [{kind: goal}]\n`);
    expect(at(mapping.diagnostics)).toEqual(['ConfigInvalid@3:19']);
    expect(mapping.diagnostics[0]!.message).toBe('view "a": theme.use must be text, not number 3 (write it in quotes: "3")');
    const list = config(`${VIEW}    theme: [studio]\n    select: [{kind: goal}]\n`);
    expect(list.diagnostics[0]!.message).toMatch(/^view "a": theme must be a theme name .* not a list$/);
    const words = config(`${VIEW}    select: [{kind: goal, with: [evidence, reflexions]}]\n`);
    expect(at(words.diagnostics)).toEqual(['ConfigInvalid@3:44']);
    expect(words.diagnostics[0]!.message).toContain('Did you mean "reflections"?');
  });

  it('what the schema cannot say is still checked: a percentage out of range, a profile not defined', () => {
    const r = config(`${VIEW}    profile: { display: { lineSpacing: 900% } }\n    select: [{kind: goal}]\n  - id: b\n    profile: toString\n    select: [{kind: goal}]\n`);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['view "a": profile.display.lineSpacing 9 is outside 1–3', 'view "b": profile "toString" is not defined under profiles:. Defined: portfolio.']);
    expect(at(r.diagnostics)).toEqual(['ConfigInvalid@3:40', 'ConfigInvalid@6:14']);
  });
});

describe('authored findings', () => {
  it('front matter: misspelt fields and words anywhere, wrong types, each at its line and column', async () => {
    const dir = writeTree({
      'portfolio.yaml': 'title: T\n',
      'a.md': '---\nkind: product\nfiles:\n  - path: a.jpg\n    alt: An image\n    captoin: A caption\npriority: [high]\ndates: { Start: [2024] }\nformat: markdwn\nstatus: { type: Active, dat: 2024 }\n---\n',
      'a.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
    });
    const r = await readPortfolio(dir);
    expect(where(r.diagnostics, dir)).toEqual([
      'AuthoredFieldUnknown a.md:6:5',
      'AuthoredValueInvalid a.md:7:11',
      'AuthoredDateInvalid a.md:8:17',
      'AuthoredValueInvalid a.md:9:9',
      'AuthoredFieldUnknown a.md:10:25',
    ]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'files[0]: unknown field "captoin". Did you mean "caption"?',
      'priority must be text or a mapping, not a list',
      'dates.Start must be text or a mapping, not a list',
      'format "markdwn" is not one of markdown, html, text. Did you mean "markdown"?',
      'status: unknown field "dat". Did you mean "date"?',
    ]);
    // The rest of the part is read as before: its file, with the alt text written for it.
    const part = r.value!.parts.find((p) => p.id === 'a')!;
    expect(part.status?.type).toEqual({ value: 'Active', sourceType: 'imsdefault' });
    expect(r.value!.files.find((f) => f.path === 'a.jpg')?.about?.alt).toEqual({ value: 'An image' });
  });

  it('portfolio.yaml: its own fields are checked by the reader, its view fields by the views', async () => {
    const dir = writeTree({ 'portfolio.yaml': 'title: T\nlang: [en]\nveiws: []\n', 'a.md': '---\nkind: goal\n---\n' });
    const model = await readPortfolio(dir);
    expect(where(model.diagnostics, dir)).toEqual(['AuthoredValueInvalid portfolio.yaml:2:7']);
    const views = await readViewConfig(dir);
    expect(where(views.diagnostics, dir)).toEqual(['AuthoredFieldUnknown portfolio.yaml:3:1']);
    expect(views.diagnostics[0]!.message).toContain('Did you mean "views"?');
  });
});

describe('hostile documents', () => {
  const bomb = (() => {
    let y = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) y += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    return y;
  })();

  it('an alias bomb in front matter or portfolio.yaml is a diagnostic', async () => {
    const dir = writeTree({ 'portfolio.yaml': `title: T\n${bomb}`, 'a.md': `---\nkind: product\n${bomb}---\n`, 'b.md': '---\nkind: goal\n---\n' });
    const started = Date.now();
    const r = await readPortfolio(dir);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(where(r.diagnostics, dir).sort()).toEqual(['AuthoredYamlInvalid a.md:2:1', 'AuthoredYamlInvalid portfolio.yaml:1:1']);
    expect(r.value!.parts.map((p) => p.id)).toEqual(['b']);
    expect((await readViewConfig(dir)).diagnostics).toEqual([]);
  });

  it('__proto__ and constructor keys are unknown keys, and reach no prototype', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const proto = '__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n';
    const c = config(`${proto}views:\n  - id: a\n    __proto__: { polluted: yes }\n    select: [{kind: goal, __proto__: { polluted: yes }}]\nprofiles:\n  __proto__: { display: { invert: true } }\n  constructor: { display: { invert: true } }\n`);
    expect(at(c.diagnostics)).toEqual(['ConfigInvalid@1:1', 'ConfigInvalid@2:1', 'ConfigInvalid@5:5', 'ConfigInvalid@6:27', 'ConfigInvalid@8:3']);
    expect(c.diagnostics.map((d) => d.message)).toContain('view "a": unknown key "__proto__". Allowed: id, title, description, access, lang, select, theme, profile, package, passphraseEnv, xsl, tags.');
    const dir = writeTree({
      'portfolio.yaml': `title: T\n${proto}`,
      'a.md': `---\nkind: product\n${proto}dates: { __proto__: 2024, Start: 2024 }\nfiles: [{ path: a.jpg, __proto__: { polluted: yes } }]\n---\n`,
      'a.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
    });
    const r = await readPortfolio(dir);
    expect(where(r.diagnostics, dir)).toEqual(['AuthoredFieldUnknown a.md:3:1', 'AuthoredFieldUnknown a.md:4:1', 'AuthoredFieldUnknown a.md:6:24']);
    expect(where((await readViewConfig(dir)).diagnostics, dir)).toEqual(['AuthoredFieldUnknown portfolio.yaml:2:1', 'AuthoredFieldUnknown portfolio.yaml:3:1']);
    // A date type is a free word: `__proto__` is kept as one, as an own value.
    expect(r.value!.parts[0]!.dates.map((d) => d.type?.value)).toEqual(['__proto__', 'Start']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('a huge broken file: a bounded list of diagnostics, in linear time', { timeout: 60_000 }, async () => {
    // Ajv's error merging is rewritten to append (schema-check.ts): the rewrite must still apply.
    config('views: []\n');
    expect(concatRewrites.count).toBeGreaterThan(0);
    let views = 'views:\n';
    for (let i = 0; i < 20_000; i++) views += `  - id: V${i}\n    select: [{kind: gaol}]\n`;
    let started = Date.now();
    const c = config(views);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(c.diagnostics).toHaveLength(MAX_PROBLEMS + 1);
    expect(c.diagnostics.at(-1)!.message).toBe(`${40_000 - MAX_PROBLEMS} more mistakes in this file are not listed`);
    let front = '---\nkind: product\n';
    for (let i = 0; i < 50_000; i++) front += `f${i}: ${i}\n`;
    const dir = writeTree({ 'portfolio.yaml': 'title: T\n', 'a.md': `${front}---\n`, 'b.md': '---\nkind: goal\nkind: product\n---\n' });
    started = Date.now();
    const r = await readPortfolio(dir);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.diagnostics.filter((d) => d.location?.file.endsWith('a.md'))).toHaveLength(MAX_PROBLEMS + 1);
    // A key written twice is still found (by a set, not yaml's every-key-against-every-key check).
    expect(where(r.diagnostics, dir).filter((w) => w.includes('b.md'))).toEqual(['AuthoredYamlInvalid b.md:3:1']);
  });

  it('nesting deeper than the parser can go is a diagnostic', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    // How many errors the parser reports depends on the stack left; each is a located diagnostic.
    const c = config(`views: ${deep}\n`).diagnostics;
    expect(c.length).toBeGreaterThan(0);
    expect(c.every((d) => d.code === 'ConfigInvalid' && d.message.startsWith('not valid YAML') && d.location?.line === 1)).toBe(true);
    const dir = writeTree({ 'portfolio.yaml': 'title: T\n', 'a.md': `---\nkind: product\ntitle: ${deep}\n---\n` });
    const r = await readPortfolio(dir);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.code === 'AuthoredYamlInvalid' && d.location?.line === 3)).toBe(true);
  });
});
