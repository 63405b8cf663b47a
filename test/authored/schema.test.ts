/** The JSON Schemas of the authored format list exactly the fields the reader knows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PART_FIELDS, PORTFOLIO_FIELDS, RELATION_FIELDS } from '../../src/model/authored/fields.ts';
import { PART_KINDS } from '../../src/model/types.ts';
import { TOP_KEYS } from '../../src/views/config-schema.ts';
import { repoRoot } from '../support/env.ts';

const load = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'docs', 'schema', name), 'utf8')) as { properties: Record<string, { enum?: string[] }> };

describe('authored format schemas', () => {
  it('authored-part.schema.json has every front matter field, relation field and kind', () => {
    const s = load('authored-part.schema.json');
    expect(Object.keys(s.properties).sort()).toEqual([...PART_FIELDS, ...RELATION_FIELDS.keys()].sort());
    expect(s.properties.kind!.enum).toEqual([...PART_KINDS]);
  });

  it('authored-portfolio.schema.json has the portfolio fields and the config fields', () => {
    const s = load('authored-portfolio.schema.json');
    expect(Object.keys(s.properties).sort()).toEqual([...PORTFOLIO_FIELDS, ...TOP_KEYS.filter((k) => k !== '$schema')].sort());
  });
});
