/**
 * The words of schema findings: what Ajv found, said the way an author of a YAML file reads it
 * ("must be true or false, not text", `unknown key "titel". Did you mean "title"?`). A schema
 * node may give its own words: `patternErrorMessage` (its pattern and length) and `errorMessage`
 * (a reserved value), which editors show too, phrased to follow the value ("is not a colour
 * written as #rrggbb"); `x-expected` (what the value must be, when none of its forms fits) and
 * `x-hint` (advice after a missing or empty value), which only Vitrine reads.
 */
import type { YamlPath } from './located.ts';
import { didYouMean } from './suggest.ts';

/** One finding of the schema check, at a path of the document. */
export interface Problem {
  path: YamlPath;
  /** The schema keyword that failed (`type`, `enum`, ...; `needsOneOf`, `oneOfType` for alternatives). */
  keyword: string;
  params: Record<string, unknown>;
  /** The keyword's value in the schema. */
  schema: unknown;
  /** The schema node holding the keyword. */
  parent: Record<string, unknown>;
  /** The value that failed. */
  data: unknown;
  /** An unknown or badly named key of the mapping at `path`. */
  key?: string;
}

/** How the message names the document and its keys (see DocumentSchema). */
export interface Wording {
  root: string;
  keyWord: 'key' | 'field';
  listAllowed?: boolean;
}

/** `views[0].select[1].kind`: a path as the author finds it in the file. */
export function pathLabel(path: YamlPath, root: string): string {
  if (path.length === 0) return root;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Describes a plain value for messages: "nothing", "a list", "a mapping", `text "x"`, `number 3`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

const TYPE_WORDS: Record<string, string> = { string: 'text', boolean: 'true or false', number: 'a number', integer: 'a whole number', object: 'a mapping', array: 'a list', null: 'nothing' };

function typeWords(types: readonly string[]): string {
  const words = [...new Set(types.filter((t) => t !== 'any').map((t) => TYPE_WORDS[t] ?? t))];
  // A schema that admits text and numbers reads "text" to an author: numbers are written as text.
  if (words.includes('text')) return 'text' + (words.includes('a mapping') ? ' or a mapping' : '') + (words.includes('a list') ? ' or a list' : '');
  return words.join(' or ') || 'something else';
}

const show = (v: unknown) => `"${String(v).length > 80 ? `${String(v).slice(0, 80)}…` : String(v)}"`;

/** The message of one finding. */
export function problemMessage(p: Problem, w: Wording, named?: string): string {
  const label = named ?? pathLabel(p.path, w.root);
  const word = (k: string) => (typeof p.parent[k] === 'string' ? (p.parent[k] as string) : undefined);
  const own = word('errorMessage');
  const forForm = word('patternErrorMessage') ?? own;
  const hint = word('x-hint');
  switch (p.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((p.parent.properties as object | undefined) ?? {});
      const near = didYouMean(p.key!, allowed);
      const rest = near || (w.listAllowed && allowed.length ? ` Allowed: ${allowed.join(', ')}.` : '');
      return `${label}: unknown ${w.keyWord} "${p.key}".${rest}`;
    }
    case 'required':
      return `${label}: "${String(p.params.missingProperty)}" is missing${hint ? `; ${hint}` : ''}`;
    case 'needsOneOf':
      return `${label} needs ${p.params.exactly ? 'exactly ' : ''}one of ${(p.params.names as string[]).join(', ')}${hint ? `: ${hint}` : ''}`;
    case 'dependentRequired':
      return `${label}: "${String(p.params.missingProperty)}" is missing; "${String(p.params.property)}" is used with it`;
    case 'type': {
      const types = Array.isArray(p.params.type) ? (p.params.type as string[]) : String(p.params.type).split(',');
      if (p.data === null || p.data === undefined) {
        const colour = typeof p.parent.pattern === 'string' && p.parent.pattern.startsWith('^#');
        return `${label} is empty${colour ? '; in YAML a colour must be quoted ("#1b1b1f"), or # starts a comment' : ''}`;
      }
      const quote = types.includes('string') && (typeof p.data === 'number' || typeof p.data === 'boolean') ? ` (write it in quotes: "${String(p.data)}")` : '';
      return `${label} must be ${typeWords(types)}, not ${describeValue(p.data)}${quote}`;
    }
    case 'oneOfType':
      if (p.data === null || p.data === undefined) return `${label} is empty`;
      return `${label} must be ${word('x-expected') ?? typeWords(p.params.types as string[])}, not ${describeValue(p.data)}`;
    case 'enum': {
      const allowed = (p.schema as unknown[]).map(String);
      return `${label} ${show(p.data)} is not one of ${allowed.join(', ')}.${didYouMean(String(p.data), allowed)}`;
    }
    case 'const':
      return `${label} must be ${show(p.schema)}`;
    case 'pattern':
    case 'format':
    case 'maxLength':
      if (p.key !== undefined) return `${label}: the name ${show(p.key)} ${forForm ?? 'is not allowed here'}`;
      return `${label} ${show(p.data)} ${forForm ?? (p.keyword === 'maxLength' ? `is longer than ${String(p.schema)} characters` : 'does not have the expected form')}`;
    case 'minLength':
      return `${label} is empty`;
    case 'not':
      if (p.key !== undefined) return `${label}: the name ${show(p.key)} ${own ?? 'is not allowed here'}`;
      return `${label} ${show(p.data)} ${own ?? 'is not allowed here'}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${label} ${String(p.data)} is outside ${String(p.parent.minimum ?? '…')}–${String(p.parent.maximum ?? '…')}`;
    case 'minItems':
      return `${label} is empty${hint ? `; ${hint}` : ''}`;
    case 'maxItems':
      return `${label} has more than ${String(p.schema)} entries`;
    default:
      return `${label} is not valid (${p.keyword})`;
  }
}
