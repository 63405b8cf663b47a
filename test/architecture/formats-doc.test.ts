// docs/architecture.md lists every format of the registry, as the registry says it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/model/registry.ts';
import { FORMAT_SUMMARIES } from '../../src/model/format-summaries.ts';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/architecture.md'), 'utf8');

describe('the formats table of docs/architecture.md', () => {
  it('has one row per registered format, in registry order, with its title, detection and output', () => {
    const rows = doc.split('\n').filter((l) => /^\| `[a-z0-9-]+` \|/.test(l));
    expect(rows).toEqual(FORMATS.map((f) => `| \`${f.id}\` | ${f.title} | ${f.recognisedBy} | ${f.write ? f.output : '(read only)'} |`));
  });

  it('the light list the CLI help uses says what the registry says', () => {
    expect(FORMAT_SUMMARIES).toEqual(FORMATS.map((f) => ({ id: f.id, title: f.title, writes: !!f.write })));
  });
});
