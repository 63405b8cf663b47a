/**
 * The vocabulary of the authored format, read from its schemas (schema.ts): the fields of
 * portfolio.yaml and of a part's front matter, and the relation names a part may use as fields.
 */
import { PART_SCHEMA, RELATION_FIELDS } from './schema.ts';

export { relationField, RELATION_FIELDS, BODY_FORMATS, PORTFOLIO_FIELDS, RESUME_TEXT_FIELDS, RESUME_LIST_FIELDS } from './schema.ts';

/** Fields of a part's front matter (besides the relation fields). */
export const PART_FIELDS = Object.keys(PART_SCHEMA.properties).filter((k) => !RELATION_FIELDS.has(k));

/** Fields only an identification has: the owner's name and contacts. */
export const IDENTIFICATION_FIELDS = ['name', 'email', 'web'] as const;
