/** Writing a JSON Resume: UTF-8 JSON, two-space indent, a final newline (as `resume-cli init` writes). */
import type { JsonObject } from './types.ts';

/** The bytes of `resume.json`. */
export function generateJsonResume(resume: JsonObject): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(resume, null, 2)}\n`);
}
