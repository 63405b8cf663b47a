/**
 * The published JSON Schemas (docs/schema/) are the ones the code checks documents against, and
 * what Vitrine ships (content/, the docs' examples, the `vitrine init` starter) passes them
 * when checked by a plain Ajv that knows nothing of Vitrine, as an editor would check it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { PUBLISHED_SCHEMAS, schemaText } from '../../src/schemas.ts';
import { splitFrontMatter } from '../../src/formats/authored/front-matter.ts';
import { starterFiles } from '../../src/cli/starter.ts';
import { repoRoot } from '../support/env.ts';

const folder = join(repoRoot, 'docs', 'schema');
const published = (name: string) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as object;

/** A fresh Ajv over the published files; `strict` also refuses unknown keywords and types. */
function ajvOf(strict: boolean): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict, allowUnionTypes: true, strictTypes: false, strictRequired: false });
  // The wording keywords: VS Code's, and Vitrine's own (x-); annotations, never assertions.
  for (const keyword of ['errorMessage', 'patternErrorMessage', 'x-expected', 'x-hint']) ajv.addKeyword({ keyword, schemaType: 'string' });
  for (const name of Object.keys(PUBLISHED_SCHEMAS)) ajv.addSchema(published(name), name);
  return ajv;
}

const ajv = ajvOf(false);
const check = (name: string): ValidateFunction => ajv.getSchema(name)!;
const yaml = (text: string) => parse(text, { version: '1.2', merge: false });
const errorsOf = (v: ValidateFunction, data: unknown) => (v(data) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(n) ? [p] : [];
  });
}

describe('docs/schema/*.schema.json', () => {
  it('are exactly what their TypeScript sources generate (run `npm run schema` after changing one)', () => {
    expect(Object.keys(PUBLISHED_SCHEMAS).sort()).toEqual(readdirSync(folder).filter((n) => n.endsWith('.schema.json')).sort());
    for (const [name, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
      expect(readFileSync(join(folder, name), 'utf8'), name).toBe(schemaText(schema));
    }
  });

  it('compile in Ajv strict mode: no unknown keyword, no broken $ref', () => {
    const strict = ajvOf(true);
    for (const name of Object.keys(PUBLISHED_SCHEMAS)) expect(() => strict.getSchema(name), name).not.toThrow();
  });

  it('refuse what they should (so the checks below can fail)', () => {
    expect(errorsOf(check('vitrine.config.schema.json'), { views: [{ id: 'a', select: [{ kind: 'competence' }] }] })).not.toEqual([]);
    expect(errorsOf(check('authored-part.schema.json'), { kind: 'product', titel: 'x' })).not.toEqual([]);
    expect(errorsOf(check('authored-portfolio.schema.json'), { title: 'x', views: [{ id: 'A', select: [{ kind: 'goal' }] }] })).not.toEqual([]);
  });
});

describe('what Vitrine ships passes its schemas', () => {
  const content = join(repoRoot, 'content');

  it('content/: vitrine.config.yaml, portfolio.yaml and every part', () => {
    expect(errorsOf(check('vitrine.config.schema.json'), yaml(readFileSync(join(content, 'vitrine.config.yaml'), 'utf8')))).toEqual([]);
    expect(errorsOf(check('authored-portfolio.schema.json'), yaml(readFileSync(join(content, 'portfolio.yaml'), 'utf8')))).toEqual([]);
    const parts = files(content, /\.md$/).map((f) => ({ f, split: splitFrontMatter(readFileSync(f, 'utf8')) })).filter((x) => x.split);
    expect(parts.length).toBeGreaterThanOrEqual(25);
    for (const { f, split } of parts) expect(errorsOf(check('authored-part.schema.json'), yaml(split!.yaml)), relative(repoRoot, f)).toEqual([]);
  });

  it('every complete config example of README.md and docs/*.md, and the part example of docs/authored-format.md', () => {
    const docs = [join(repoRoot, 'README.md'), ...files(join(repoRoot, 'docs'), /\.md$/)];
    let configs = 0;
    for (const doc of docs) {
      for (const [, lang, text] of readFileSync(doc, 'utf8').matchAll(/```(yaml|json)\n([\s\S]*?)```/g)) {
        // Fragments (`  - id: x` under a views: not shown) and placeholders (`select: [...]`) are not whole files.
        if (!/^views:|^\{\s*\n\s*"views"/m.test(text!) || /\.\.\.|…/.test(text!)) continue;
        configs++;
        const value = lang === 'json' ? JSON.parse(text!) : yaml(text!);
        expect(errorsOf(check('vitrine.config.schema.json'), value), `${relative(repoRoot, doc)}:\n${text}`).toEqual([]);
      }
    }
    expect(configs).toBeGreaterThanOrEqual(4);
    const authored = readFileSync(join(repoRoot, 'docs', 'authored-format.md'), 'utf8');
    const part = /```markdown\n([\s\S]*?)```/.exec(authored)![1]!;
    expect(errorsOf(check('authored-part.schema.json'), yaml(splitFrontMatter(part)!.yaml))).toEqual([]);
  });

  it('the starter `vitrine init` writes', () => {
    const starter = starterFiles('/tmp/starter');
    let parts = 0;
    for (const [path, text] of starter) {
      if (path === 'portfolio.yaml') expect(errorsOf(check('authored-portfolio.schema.json'), yaml(text))).toEqual([]);
      else if (path.endsWith('.md') && splitFrontMatter(text)) {
        parts++;
        expect(errorsOf(check('authored-part.schema.json'), yaml(splitFrontMatter(text)!.yaml)), path).toEqual([]);
      }
    }
    expect(parts).toBeGreaterThan(0);
  });
});
