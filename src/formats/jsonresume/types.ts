/**
 * JSON Resume (https://jsonresume.org/schema, `@jsonresume/schema` 1.x) as this format's own
 * model. The schema allows any extra key everywhere and every field is optional, so nothing
 * here is trusted: the mapping in model/jsonresume reads each value and keeps what has the
 * wrong shape verbatim. `Json` is what JSON.parse gives: a value nobody has checked yet.
 */

/** A parsed JSON value, not yet checked against the schema. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object, not yet checked. */
export type JsonObject = { [key: string]: Json };

/** The sections of a résumé that hold lists of entries, in the schema's order. */
export const RESUME_SECTIONS = [
  'work',
  'volunteer',
  'education',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
  'projects',
] as const;

/** A list section of a résumé. */
export type ResumeSection = (typeof RESUME_SECTIONS)[number];

/** A résumé document as read: the top-level object, with where it came from. */
export interface JsonResumeDocument {
  /** Path of `resume.json` inside the input bundle. */
  path: string;
  /** The source text, kept to locate values in diagnostics. */
  text: string;
  resume: JsonObject;
}

/** Tells whether a JSON value is an object (not an array, not null). */
export function isJsonObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
