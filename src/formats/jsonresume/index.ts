/** JSON Resume: detect, read and generate `resume.json` (the format's own model; no Portfolio here). */
export { detectJsonResume, readJsonResume, locateJson, looksLikeResume, RESUME_FILE } from './read.ts';
export { generateJsonResume } from './generate.ts';
export { RESUME_SECTIONS, isJsonObject, type Json, type JsonObject, type JsonResumeDocument, type ResumeSection } from './types.ts';
