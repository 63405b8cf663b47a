/**
 * The authored documents as the schema check sees them (diagnostics/schema-check.ts): which
 * schema, which diagnostic code each finding gets, and where a missing `kind:` points.
 */
import type { DiagnosticCode } from '../../diagnostics/index.ts';
import { schemaPointer, type DocumentSchema, type Problem } from '../../diagnostics/schema-check.ts';
import { PART_SCHEMA, PORTFOLIO_FIELDS, PORTFOLIO_SCHEMA } from './schema.ts';

function partCode(p: Problem): DiagnosticCode {
  if (p.keyword === 'additionalProperties') return 'AuthoredFieldUnknown';
  if (p.path[0] === 'kind' || (p.path.length === 0 && p.keyword === 'required' && p.params.missingProperty === 'kind')) return 'AuthoredKindUnknown';
  if (schemaPointer(p.parent)?.pointer.startsWith('/$defs/date')) return 'AuthoredDateInvalid';
  return 'AuthoredValueInvalid';
}

/** A part's front matter. */
export const PART_DOCUMENT: DocumentSchema = {
  name: 'authored-part.schema.json',
  schema: PART_SCHEMA,
  code: partCode,
  root: 'front matter',
  keyWord: 'field',
  // A part without kind: is reported at the file's first line, where the front matter opens.
  locate: (p, y) => (p.path.length === 0 && p.keyword === 'required' ? { file: y.at([]).file, line: 1, column: 1 } : undefined),
};

/**
 * The fields of portfolio.yaml that describe the portfolio, cut from its published schema: the
 * view fields and unknown names are checked where the views are read (views/portfolio-views.ts).
 */
export const PORTFOLIO_FIELDS_DOCUMENT: DocumentSchema = {
  name: 'authored-portfolio-fields.schema.json',
  schema: {
    $schema: PORTFOLIO_SCHEMA.$schema,
    type: 'object',
    properties: Object.fromEntries(PORTFOLIO_FIELDS.map((k) => [k, PORTFOLIO_SCHEMA.properties[k]])),
  },
  code: () => 'AuthoredValueInvalid',
  root: 'portfolio.yaml',
  keyWord: 'field',
};
