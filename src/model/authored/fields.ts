/**
 * The vocabulary of the authored format: the fields of portfolio.yaml and of a part's front
 * matter, and the relation names a part may use as fields. docs/authored-format.md and the
 * JSON Schemas in docs/schema/ describe the same lists; a test keeps them in step.
 */
import { IMS_RELATIONS } from '../ims/vocabulary.ts';

/** `Evidences` → `evidences`, `IsPartOf` → `isPartOf`: the field that names a relation type. */
export function relationField(type: string): string {
  return type.charAt(0).toLowerCase() + type.slice(1);
}

/** Relation fields of front matter, by field name → relation type as the model writes it. */
export const RELATION_FIELDS: ReadonlyMap<string, string> = new Map(IMS_RELATIONS.map((t) => [relationField(t), t]));

/** Fields of a part's front matter (besides the relation fields). */
export const PART_FIELDS = [
  'kind', 'id', 'slug', 'lang', 'title', 'officialTitle', 'type', 'format', 'comment', 'author', 'rationale', 'date', 'dates', 'status',
  'priority', 'level', 'resume', 'tags', 'files', 'filesComment', 'parent', 'sourcedId', 'relations', 'ims', 'leap2a', 'extensions',
  'name', 'email', 'web',
] as const;

/** Text fields of `resume:` (a CV line: model `ResumeRecord`); `section` is required. */
export const RESUME_TEXT_FIELDS = ['section', 'organisation', 'role', 'area', 'location', 'url', 'level', 'score'] as const;
/** List fields of `resume:`. */
export const RESUME_LIST_FIELDS = ['highlights', 'courses', 'keywords', 'roles'] as const;

/** Fields only an identification has: the owner's name and contacts. */
export const IDENTIFICATION_FIELDS = ['name', 'email', 'web'] as const;

/** Fields of an entry of `files:`. */
export const FILE_FIELDS = ['path', 'url', 'text', 'inline', 'mode', 'mediaType', 'refType', 'title', 'alt', 'caption', 'captions', 'transcript', 'longDescription', 'signLanguage'] as const;
/** Fields of a caption track. */
export const CAPTION_FIELDS = ['path', 'lang', 'label', 'kind'] as const;
/** Fields of an entry of `relations:`. */
export const RELATION_ENTRY_FIELDS = ['type', 'to', 'id', 'text', 'typeTerm', 'category', 'description', 'comment', 'sourcedId', 'implicit', 'ims', 'leap2a', 'extensions'] as const;
/** Fields of an entry of `dates:` in its list form. */
export const DATE_FIELDS = ['type', 'date', 'description'] as const;
/** Fields of `status:` in its mapping form. */
export const STATUS_FIELDS = ['type', 'date', 'description'] as const;
/** Fields of a description written in YAML (on dates, status and relations). */
export const DESCRIPTION_FIELDS = ['short', 'long', 'files', 'filesComment'] as const;
/** Fields of a text written as a mapping. */
export const TEXT_FIELDS = ['text', 'lang'] as const;
/** Fields of a vocabulary term written as a mapping. */
export const TERM_FIELDS = ['value', 'lang', 'source', 'sourceType'] as const;

/** Fields of portfolio.yaml that describe the portfolio; the rest is view configuration. */
export const PORTFOLIO_FIELDS = ['id', 'title', 'lang', 'ims', 'leap2a', 'extensions'] as const;

/** The `format:` of a part's body. */
export const BODY_FORMATS = ['markdown', 'html', 'text'] as const;
