/**
 * Parsing the YAML of an authored portfolio (portfolio.yaml, front matter) into plain values
 * with the `file:line:col` of every key and value (diagnostics/located.ts).
 */
import { LineCounter } from 'yaml';
import type { DiagnosticBag, Location } from '../../diagnostics/index.ts';
import { locateDocument, parseYaml, type LocatedYaml } from '../../diagnostics/located.ts';

export type { LocatedYaml, YamlPath } from '../../diagnostics/located.ts';

/**
 * Parses YAML text that starts at line `firstLine` of `file` (front matter starts on line 2).
 * Syntax errors are reported with `code` and give undefined. YAML 1.2 core schema: `2024-05-14`
 * stays a string, `no` stays a string, duplicate keys are errors.
 */
export function parseLocatedYaml(text: string, file: string, firstLine: number, bag: DiagnosticBag, code: 'AuthoredYamlInvalid'): LocatedYaml | undefined {
  const lines = new LineCounter();
  const doc = parseYaml(text, lines);
  const locate = (offset: number): Location => {
    const { line, col } = lines.linePos(offset);
    return { file, line: (line > 0 ? line : 1) + firstLine - 1, column: line > 0 ? col : offset + 1 };
  };
  if (doc.errors.length) {
    for (const e of doc.errors) bag.add(code, `not valid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, locate(e.pos[0]));
    return undefined;
  }
  try {
    return locateDocument(doc, lines, file, firstLine);
  } catch (e) {
    bag.add(code, `the YAML could not be read: ${(e as Error).message}`, locate(0));
    return undefined;
  }
}
