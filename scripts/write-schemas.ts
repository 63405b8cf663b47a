// Writes docs/schema/*.schema.json from their TypeScript sources (src/schemas.ts lists them).
// Run after changing a schema: `npm run schema`; test/schema/published.test.ts fails until then.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLISHED_SCHEMAS, schemaText } from '../src/schemas.ts';

const folder = join(import.meta.dirname, '..', 'docs', 'schema');
for (const [name, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
  writeFileSync(join(folder, name), schemaText(schema));
  console.log(`wrote docs/schema/${name}`);
}
