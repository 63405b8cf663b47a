/**
 * A Markdown file with YAML front matter: `---` on the first line, YAML, a closing `---` (or
 * `...`) line, then the body. A file that does not start with `---` has no front matter.
 */

/** The two halves of a Markdown file, with the line the YAML starts on. */
export interface FrontMatterSplit {
  yaml: string;
  /** Line of the file where the YAML text starts (2: after the opening `---`). */
  yamlLine: number;
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  /** True when the closing `---` line was missing (the whole rest is YAML). */
  unclosed: boolean;
}

/** Splits front matter from the body; undefined when the text does not start with `---`. */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
  const t = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const first = /^---[ \t]*\r?\n/.exec(t);
  if (!first) return undefined;
  const rest = t.slice(first[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!close) return { yaml: rest, yamlLine: 2, body: '', bodyLine: 2 + lineCount(rest), unclosed: true };
  const yaml = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length);
  return { yaml, yamlLine: 2, body, bodyLine: 2 + lineCount(yaml) + 1, unclosed: false };
}

function lineCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
