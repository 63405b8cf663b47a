/** Views kept in portfolio.yaml: the same rules as vitrine.config.yaml, and the config file wins. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readViewConfig } from '../../src/views/index.ts';
import { where, writeTree } from './helpers.ts';

const views = `title: T
lang: en
views:
  - id: jobs
    title: For employers
    select:
      - kind: product
`;

describe('views in portfolio.yaml', () => {
  it('are read with the config validator when there is no config file', async () => {
    const dir = writeTree({ 'portfolio.yaml': views });
    const r = await readViewConfig(dir);
    expect(r.diagnostics).toEqual([]);
    expect(r.value.views.map((v) => v.id)).toEqual(['jobs']);
    expect(r.value.views[0]!.select).toEqual([expect.objectContaining({ kind: 'product' })]);
  });

  it('report their mistakes at portfolio.yaml:line:col, with the config codes', async () => {
    const dir = writeTree({ 'portfolio.yaml': views.replace('kind: product', 'kind: poster').replace('title: T', 'titel: T') });
    const r = await readViewConfig(dir);
    expect(where(r.diagnostics, dir)).toEqual(['AuthoredFieldUnknown portfolio.yaml:1:1', 'ConfigInvalid portfolio.yaml:7:15']);
    expect(r.diagnostics[0]!.message).toContain('Did you mean "title"?');
  });

  it('give way to the views of vitrine.config.yaml, and the build says so', async () => {
    const dir = writeTree({ 'portfolio.yaml': views });
    writeFileSync(join(dir, 'vitrine.config.yaml'), 'views:\n  - id: other\n    select:\n      - kind: goal\n');
    const r = await readViewConfig(dir);
    expect(r.value.views.map((v) => v.id)).toEqual(['other']);
    expect(where(r.diagnostics, dir)).toEqual(['ConfigOverridden portfolio.yaml:4:5']);
  });
});
