/** Writing the authored format's text: YAML, and Markdown files with front matter. */
import { stringify } from 'yaml';

/** YAML 1.2 text of a value, as the reader reads it back (no aliases, long lines kept whole). */
export function stringifyYaml(value: unknown): string {
  return stringify(value, { version: '1.2', aliasDuplicateObjects: false, lineWidth: 0 });
}

/** A part file: front matter, then the body (if any) after a blank line. */
export function stringifyFrontMatter(front: unknown, body: string | undefined): string {
  return `---\n${stringifyYaml(front)}---\n${body === undefined ? '' : `\n${body}\n`}`;
}
