/**
 * The JSON Schemas of the authored format: a part's front matter and portfolio.yaml. Each is
 * the one description of its document: published as docs/schema/authored-part.schema.json and
 * authored-portfolio.schema.json (`npm run schema` writes them; a test fails when a published
 * file differs), and what the reader checks documents against (check.ts). What a schema cannot
 * say (a date that exists, a file that exists, ids that are unique and relations that land) is
 * checked by the reader.
 */
import { IMS_RELATIONS } from '../ims/vocabulary.ts';
import { PART_KINDS } from '../types.ts';
import { PART_DEFS } from './schema-defs.ts';

/** `Evidences` → `evidences`, `IsPartOf` → `isPartOf`: the field that names a relation type. */
export function relationField(type: string): string {
  return type.charAt(0).toLowerCase() + type.slice(1);
}

/** Relation fields of front matter, by field name → relation type as the model writes it. */
export const RELATION_FIELDS: ReadonlyMap<string, string> = new Map(IMS_RELATIONS.map((t) => [relationField(t), t]));

/** Text fields of `resume:` (a CV line: model `ResumeRecord`); `section` is required. */
export const RESUME_TEXT_FIELDS = ['section', 'organisation', 'role', 'area', 'location', 'url', 'level', 'score'] as const;
/** List fields of `resume:`. */
export const RESUME_LIST_FIELDS = ['highlights', 'courses', 'keywords', 'roles'] as const;

const SCALAR = { type: ['string', 'number', 'boolean'] };
const RESUME_WORDS: Partial<Record<(typeof RESUME_TEXT_FIELDS)[number], string>> = {
  section: 'employment, education, volunteer, award, certificate, publication, project, membership, skill, language, interest, reference, book, or a format\'s own word.',
  organisation: 'Employer, institution, publisher, issuer.',
  role: 'Job title, degree type, role.',
  area: 'Field of study.',
  level: 'Skill level or language fluency.',
  score: 'Grade or score.',
};
const RESUME_SCHEMA = {
  description: 'How a CV shows the part (model ResumeRecord): its section and what the line says.',
  type: 'object',
  additionalProperties: false,
  required: ['section'],
  properties: {
    ...Object.fromEntries(RESUME_TEXT_FIELDS.map((k) => [k, { ...(RESUME_WORDS[k] ? { description: RESUME_WORDS[k] } : {}), ...SCALAR, ...(k === 'section' ? { minLength: 1 } : {}) }])),
    ...Object.fromEntries(RESUME_LIST_FIELDS.map((k) => [k, { oneOf: [SCALAR, { type: 'array', items: SCALAR }] }])),
  },
};

/** The `format:` of a part's body. */
export const BODY_FORMATS = ['markdown', 'html', 'text'] as const;

const RELATION_PROPERTIES = Object.fromEntries(
  [...RELATION_FIELDS].map(([field, type]) => [field, { description: `This part ${type} the parts named (relation type ${type}).`, $ref: '#/$defs/ids' }]),
);

/** The published schema of a part's front matter (docs/schema/authored-part.schema.json). */
export const PART_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Vitrine authored part (front matter of a Markdown file)',
  description: 'One part of an authored portfolio. The Markdown below the front matter is its text. See docs/authored-format.md.',
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: {
    kind: { description: 'What the part is.', enum: [...PART_KINDS] },
    id: {
      description: "The part's id (default: the file name without .md). Relations and views name parts by it.",
      type: ['string', 'number'],
      minLength: 1
    },
    slug: {
      description: "The part's address in the site (lowercase letters, digits, hyphens). Default: made from the id.",
      type: 'string',
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
      maxLength: 80,
      patternErrorMessage: 'must be lowercase letters a-z, digits and single hyphens, at most 80 characters'
    },
    lang: {
      description: "Language of the part's texts (BCP 47: en, fr, sv).",
      type: ['string', 'number', 'boolean']
    },
    title: { description: "The part's title (its short description).", $ref: '#/$defs/text' },
    officialTitle: { description: "A qualification's formal title.", $ref: '#/$defs/text' },
    type: { description: 'Its type within the kind: Essay, Education, Work...', $ref: '#/$defs/term' },
    format: {
      description: 'How the body is written: markdown (default), html, or text.',
      enum: [...BODY_FORMATS]
    },
    comment: { $ref: '#/$defs/text' },
    author: { $ref: '#/$defs/text' },
    priority: { $ref: '#/$defs/text' },
    rationale: { oneOf: [{ $ref: '#/$defs/text' }, { type: 'array', items: { $ref: '#/$defs/text' } }] },
    date: {
      description: 'One date, as Eleventy, Jekyll and Hugo front matter write it (2021-09-01); kept with no type, before the dates of dates:.',
      $ref: '#/$defs/date'
    },
    dates: {
      description: '{ Start: 2021-09-01, Finish: 2022-06-30 } or a list of { type, date, description }.',
      oneOf: [
        { type: 'object', additionalProperties: { $ref: '#/$defs/date' } },
        { type: 'array', items: { $ref: '#/$defs/dateEntry' } }
      ]
    },
    status: {
      description: 'Active, Completed, ... or { type, date, description }.',
      oneOf: [
        { type: ['string', 'number', 'boolean'] },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            type: { $ref: '#/$defs/term' },
            date: { $ref: '#/$defs/dateEntry' },
            description: { $ref: '#/$defs/description' }
          }
        }
      ]
    },
    level: { description: "A qualification's level (kind: qcl).", $ref: '#/$defs/text' },
    resume: RESUME_SCHEMA,
    tags: {
      oneOf: [
        { type: ['string', 'number', 'boolean'] },
        { type: 'array', items: { type: ['string', 'number', 'boolean'] } }
      ]
    },
    files: {
      description: 'Attachments: paths beside this file or in files/, with alt text, caption, captions, transcript.',
      $ref: '#/$defs/files'
    },
    filesComment: { $ref: '#/$defs/text' },
    parent: {
      description: 'The id of the part this one is nested in (a product of an activity, a sub-goal).',
      type: ['string', 'number', 'boolean']
    },
    sourcedId: { $ref: '#/$defs/sourcedId' },
    relations: {
      description: 'Relations of any type: [{ type: isAnnotatedBy, to: [note-3] }].',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'to'],
        properties: {
          type: { type: ['string', 'number', 'boolean'] },
          to: { $ref: '#/$defs/ids' },
          id: { type: ['string', 'number', 'boolean'] },
          text: { $ref: '#/$defs/text' },
          typeTerm: { $ref: '#/$defs/term' },
          category: { $ref: '#/$defs/term' },
          description: { $ref: '#/$defs/description' },
          comment: { $ref: '#/$defs/text' },
          sourcedId: { $ref: '#/$defs/sourcedId' },
          implicit: { type: 'boolean' },
          ims: { $ref: '#/properties/ims' },
          leap2a: { type: 'object' },
          extensions: { $ref: '#/$defs/extensions' }
        }
      }
    },
    ims: {
      description: 'IMS detail with no friendly field, written by vitrine pack; kept as data.',
      type: 'object',
      required: ['element', 'record'],
      properties: { element: { type: 'string' }, record: { type: 'object' } }
    },
    leap2a: {
      description: 'Leap2A detail with no friendly field (entry types, categories, Atom elements), written by vitrine pack; kept as data.',
      type: 'object',
      required: ['types'],
      properties: { types: { type: 'array' } }
    },
    extensions: {
      description: 'Elements Vitrine did not understand, kept by vitrine pack.',
      $ref: '#/$defs/extensions'
    },
    name: { description: "The owner's name (kind: identification).", $ref: '#/$defs/text' },
    email: {
      description: "The owner's e-mail address(es) (kind: identification).",
      oneOf: [
        { type: ['string', 'number', 'boolean'] },
        { type: 'array', items: { type: ['string', 'number', 'boolean'] } }
      ]
    },
    web: {
      description: "The owner's web site(s) (kind: identification).",
      oneOf: [
        { type: ['string', 'number', 'boolean'] },
        { type: 'array', items: { type: ['string', 'number', 'boolean'] } }
      ]
    },
    ...RELATION_PROPERTIES
  },
  $defs: PART_DEFS,
} as const;

/** Fields of portfolio.yaml that describe the portfolio; the rest is view configuration. */
export const PORTFOLIO_FIELDS = ['id', 'title', 'lang', 'ims', 'leap2a', 'extensions'] as const;

const configRef = (key: string) => ({ $ref: `vitrine.config.schema.json#/properties/${key}` });

/** The published schema of portfolio.yaml (docs/schema/authored-portfolio.schema.json). */
export const PORTFOLIO_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Vitrine authored portfolio (portfolio.yaml)',
  description: 'Makes a folder an authored portfolio: its id, title and language, and optionally its views, with the same fields as vitrine.config.yaml (which wins when both list views). See docs/authored-format.md.',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { description: 'The portfolio\'s id (default: the folder name).', type: ['string', 'number', 'boolean'] },
    title: { type: ['string', 'number', 'boolean'] },
    lang: { description: 'The language most texts are in (BCP 47).', type: ['string', 'number', 'boolean'] },
    url: configRef('url'),
    views: configRef('views'),
    profiles: configRef('profiles'),
    theme: configRef('theme'),
    ims: { description: 'IMS package details kept by vitrine pack.', type: 'object' },
    leap2a: { description: 'Leap2A feed details kept by vitrine pack.', type: 'object' },
    extensions: { description: 'Elements Vitrine did not understand, kept by vitrine pack.', ...PART_SCHEMA.$defs.extensions },
  },
  // Profiles and a theme only serve views: without views they would be silently unused.
  dependentRequired: { profiles: ['views'], theme: ['views'] },
} as const;
