/**
 * The published config schema (docs/schema/vitrine.config.schema.json, generated from
 * config-schema.ts) carries the vocabulary the rest of the code uses: part kinds, follows,
 * sort orders, id and language patterns.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PART_KINDS } from '../model/types.ts';
import {
  ACCESS_LEVELS,
  LANG_PATTERN,
  MAX_ID_LENGTH,
  RESERVED_VIEW_IDS,
  SELECTOR_KEYS,
  TOP_KEYS,
  VIEW_ID_PATTERN,
  VIEW_KEYS,
} from './config-schema.ts';
import { FOLLOWS } from './follow.ts';
import { SETTING_KEYS, SORT_ORDERS, THEME_KEYS } from './config-schema.ts';

interface SchemaNode {
  $schema?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  enum?: string[];
  pattern?: string;
  maxLength?: number;
  not?: SchemaNode;
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  oneOf?: SchemaNode[];
}

const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../docs/schema/vitrine.config.schema.json'), 'utf8')) as SchemaNode;
const defs = schema.$defs!;
const keys = (n: SchemaNode) => Object.keys(n.properties ?? {}).sort();

describe('docs/schema/vitrine.config.schema.json', () => {
  it('is draft 2020-12 and closed at every level', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const n of [schema, defs.view!, defs.selector!, defs.theme!.oneOf![1]!, defs.themeSettings!]) expect(n.additionalProperties).toBe(false);
  });

  it('allows the keys the validator allows, and requires the same ones', () => {
    expect(keys(schema)).toEqual([...TOP_KEYS].sort());
    expect(keys(defs.view!)).toEqual([...VIEW_KEYS].sort());
    expect(keys(defs.selector!)).toEqual([...SELECTOR_KEYS].sort());
    expect(keys(defs.theme!.oneOf![1]!)).toEqual([...THEME_KEYS].sort());
    expect(keys(defs.themeSettings!)).toEqual([...SETTING_KEYS].sort());
    expect(schema.required).toEqual(['views']);
    expect(defs.view!.required).toEqual(['id', 'select']);
  });

  it('has the validator\'s enums and patterns', () => {
    const view = defs.view!.properties!;
    expect(view.access!.enum).toEqual([...ACCESS_LEVELS]);
    expect(view.id!.pattern).toBe(VIEW_ID_PATTERN.source);
    expect(view.id!.maxLength).toBe(MAX_ID_LENGTH);
    expect(view.id!.not!.enum).toEqual(RESERVED_VIEW_IDS);
    expect(view.lang!.pattern).toBe(LANG_PATTERN.source);
    expect(defs.selector!.properties!.kind!.enum).toEqual([...PART_KINDS]);
    expect([...defs.follow!.enum!].sort()).toEqual([...FOLLOWS].sort());
    expect(defs.selector!.properties!.sort!.enum).toEqual([...SORT_ORDERS]);
  });
});
