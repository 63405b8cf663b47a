/**
 * The JSON Schemas Vitrine publishes in docs/schema/ (and in the npm package, `vitrine/schema/*`),
 * one per document a user writes. Each is defined once in TypeScript beside the code that
 * reads its document; `npm run schema` writes them out, and test/schema/published.test.ts fails
 * when a published file differs from its source.
 */
import { PART_SCHEMA, PORTFOLIO_SCHEMA } from './model/authored/schema.ts';
import { CONFIG_SCHEMA } from './views/config-schema.ts';

/** File name in docs/schema/ → schema. */
export const PUBLISHED_SCHEMAS: Readonly<Record<string, object>> = {
  'vitrine.config.schema.json': CONFIG_SCHEMA,
  'authored-portfolio.schema.json': PORTFOLIO_SCHEMA,
  'authored-part.schema.json': PART_SCHEMA,
};

/** A schema as its published file holds it: two-space JSON and a final newline. */
export function schemaText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
