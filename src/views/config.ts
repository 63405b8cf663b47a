/**
 * The site config (`vitrine.config.yaml`, `.yml` or `.json`): where it is found, how it is
 * read and parsed with positions. Its schema is config-schema.ts; config-read.ts checks a
 * document against it and reads the views.
 *
 * File reading here is deliberate and limited: read/ is the only stage that opens the *input*
 * (the portfolio), but the config is a separate file the user writes, so this module reads it,
 * and only it, from the file system. A config is never read from inside a zip package: an
 * input `cv.zip` has its config beside it, in the zip's folder.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LineCounter } from 'yaml';
import { DiagnosticBag, type Result } from '../diagnostics/index.ts';
import { locateDocument, MAX_ALIAS_COUNT, parseYaml } from '../diagnostics/located.ts';
import { readConfigValues } from './config-read.ts';
import type { SiteConfig } from './types.ts';

/** The config file names looked for, in order of preference. */
export const CONFIG_NAMES = ['vitrine.config.yaml', 'vitrine.config.yml', 'vitrine.config.json'] as const;
/** A config larger than this is refused: it is a short file written by hand. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

async function kindOf(path: string): Promise<'file' | 'folder' | undefined> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'folder' : s.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds and reads the site config: the `explicit` file (`--config`) if given; else
 * `vitrine.config.yaml|yml|json` inside the input folder, or beside the input file. With none
 * found the value has no views and no file (the build makes the preview); a broken config
 * gives error diagnostics (the build cannot be trusted to show the right parts).
 */
export async function readSiteConfig(input: string, explicit?: string): Promise<Result<SiteConfig>> {
  if (explicit !== undefined) {
    const kind = await kindOf(explicit);
    if (kind !== 'file') {
      const why = kind === 'folder' ? 'is a folder, not a config file' : 'does not exist';
      const bag = new DiagnosticBag();
      bag.add('ConfigNotFound', `config file ${explicit} ${why}`, { file: explicit });
      return { value: { views: [], file: explicit }, diagnostics: bag.items };
    }
    return readConfigFile(explicit);
  }
  // An input that does not exist is read/'s to report; here it only means "no config".
  const folder = (await kindOf(input)) === 'file' ? dirname(input) : input;
  const found: string[] = [];
  for (const name of CONFIG_NAMES) {
    const path = join(folder, name);
    if ((await kindOf(path)) === 'file') found.push(path);
  }
  if (found.length === 0) return { value: { views: [], expected: join(folder, CONFIG_NAMES[0]) }, diagnostics: [] };
  const result = await readConfigFile(found[0]!);
  const bag = new DiagnosticBag();
  for (const other of found.slice(1)) bag.add('ConfigAmbiguous', `${other} is ignored: ${found[0]} is used`, { file: other });
  return { value: result.value, diagnostics: [...bag.items, ...result.diagnostics] };
}

/** Reads one config file from the file system and parses it (JSON for `.json`, else YAML). */
export async function readConfigFile(file: string): Promise<Result<SiteConfig>> {
  const bag = new DiagnosticBag();
  let bytes: Uint8Array;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_CONFIG_BYTES) {
      bag.add('ConfigInvalid', `config file is ${size} bytes; the limit is ${MAX_CONFIG_BYTES}`, { file });
      return { value: { views: [], file }, diagnostics: bag.items };
    }
    bytes = await readFile(file);
  } catch (e) {
    bag.add('ConfigNotFound', `config file ${file} could not be read: ${(e as Error).message}`, { file });
    return { value: { views: [], file }, diagnostics: bag.items };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    bag.add('ConfigInvalid', 'config file is not valid UTF-8 text; save it as UTF-8', { file, line: 1, column: 1 });
    return { value: { views: [], file }, diagnostics: bag.items };
  }
  return parseSiteConfig(text, file, /\.json$/i.test(file) ? 'json' : 'yaml');
}

/**
 * Parses config text (YAML, or strict JSON) and validates it, keeping every node's position so
 * that errors point at `file:line:col`. Also usable for the `views` of an authored portfolio.
 */
export function parseSiteConfig(text: string, file: string, format: 'yaml' | 'json' = 'yaml'): Result<SiteConfig> {
  const bag = new DiagnosticBag();
  const lines = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return line > 0 ? { file, line, column: col } : { file, line: 1, column: offset + 1 };
  };
  let source = text;
  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (e) {
      // V8 says "... in JSON at position N"; the end of input has no position.
      const m = /at position (\d+)/.exec((e as Error).message);
      const offset = m ? Number(m[1]) : text.length;
      // Positions need the line table, which parsing as YAML below builds; count lines here.
      const before = text.slice(0, offset).split('\n');
      bag.add('ConfigInvalid', `not valid JSON: ${(e as Error).message}`, { file, line: before.length, column: before.at(-1)!.length + 1 });
      return { value: { views: [], file }, diagnostics: bag.items };
    }
    // Valid JSON is YAML 1.2, except that YAML refuses tabs as indentation; outside strings
    // (where JSON forbids raw tabs) a tab is only white space, so a space of the same width.
    source = text.replace(/\t/g, ' ');
  }
  const doc = parseYaml(source, lines);
  for (const e of doc.errors) bag.add('ConfigInvalid', `not valid ${format === 'json' ? 'JSON' : 'YAML'}: ${firstLine(e.message)}`, at(e.pos[0]));
  for (const w of doc.warnings) bag.add('ConfigInvalid', firstLine(w.message), at(w.pos[0]), { severity: 'warning' });
  if (doc.errors.length) return { value: { views: [], file }, diagnostics: bag.items };
  let located;
  try {
    located = locateDocument(doc, lines, file);
  } catch {
    // yaml refuses a document whose aliases expand beyond MAX_ALIAS_COUNT ("billion laughs").
    bag.add('ConfigInvalid', `the file expands to too many values (more than ${MAX_ALIAS_COUNT} alias uses: aliases within aliases?)`, at(0));
    return { value: { views: [], file }, diagnostics: bag.items };
  }
  const c = readConfigValues(located, bag);
  return { value: { views: c.views, file, ...(c.theme ? { theme: c.theme } : {}), ...(c.url ? { url: c.url } : {}) }, diagnostics: bag.items };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Chooses between the views of the config file and those an authored portfolio keeps in its
 * `portfolio.yaml`: the config file wins, and the build says so (DESIGN: Views and privacy).
 */
export function chooseSiteConfig(fromFile: SiteConfig, fromPortfolio: SiteConfig | undefined): Result<SiteConfig> {
  // The site's url may be written in either file; the config file's wins.
  const url = fromFile.url ?? fromPortfolio?.url;
  const withUrl = (c: SiteConfig): SiteConfig => (url ? { ...c, url } : c);
  if (!fromPortfolio || fromPortfolio.views.length === 0) return { value: withUrl(fromFile), diagnostics: [] };
  if (fromFile.file === undefined) return { value: withUrl({ ...fromPortfolio, expected: fromFile.expected }), diagnostics: [] };
  const bag = new DiagnosticBag();
  const location = fromPortfolio.views[0]!.origin ?? { file: fromPortfolio.file ?? 'portfolio.yaml' };
  bag.add('ConfigOverridden', `the views of ${fromFile.file} are used; the ${fromPortfolio.views.length} view(s) listed here are ignored`, location);
  return { value: withUrl(fromFile), diagnostics: bag.items };
}
