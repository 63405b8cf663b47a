/**
 * SourceBundle → AuthoredSource: finds `portfolio.yaml` at the root, every Markdown file that
 * starts with front matter (a part, at any folder depth), and every other file (attachments).
 * Only YAML syntax is checked here; what the fields mean is model/authored's work.
 */
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import { displayPath, type SourceBundle } from '../../read/types.ts';
import { splitFrontMatter } from './front-matter.ts';
import { parseLocatedYaml, type LocatedYaml } from './located-yaml.ts';

/** The name that makes a folder an authored portfolio. */
export const PORTFOLIO_FILE = 'portfolio.yaml';

/** The names views/config.ts looks for (CONFIG_NAMES); read/ and formats/ come before views/. */
const SITE_CONFIG_FILES: readonly string[] = ['vitrine.config.yaml', 'vitrine.config.yml', 'vitrine.config.json'];

/** One part file: its front matter and its body. */
export interface AuthoredPartFile {
  /** Path inside the portfolio folder. */
  path: string;
  /** Display path for diagnostics. */
  display: string;
  /** Undefined when the YAML could not be parsed (reported). */
  front?: LocatedYaml;
  body: string;
  bodyLine: number;
}

/** An authored portfolio folder, read but not yet interpreted. */
export interface AuthoredSource {
  /** `portfolio.yaml`, undefined when it could not be parsed (reported). */
  portfolio?: LocatedYaml;
  portfolioDisplay: string;
  parts: AuthoredPartFile[];
  /** Every file that is neither portfolio.yaml nor a part, by path. */
  files: Map<string, Uint8Array>;
  /** Display path of a path inside the folder. */
  display(path: string): string;
}

/** Tells whether a bundle is an authored portfolio: `portfolio.yaml` at its root. */
export function isAuthored(bundle: SourceBundle): boolean {
  return bundle.kind !== 'file' && bundle.files.has(PORTFOLIO_FILE);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array, display: string, bag: DiagnosticBag): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    bag.add('AuthoredYamlInvalid', `${display} is not valid UTF-8 text; save it as UTF-8`, { file: display, line: 1, column: 1 });
    return undefined;
  }
}

/** Reads the files of an authored portfolio; every file's syntax errors are reported, not only the first's. */
export function readAuthoredSource(bundle: SourceBundle, bag: DiagnosticBag): AuthoredSource {
  const display = (p: string) => displayPath(bundle, p);
  const source: AuthoredSource = { portfolioDisplay: display(PORTFOLIO_FILE), parts: [], files: new Map(), display };
  for (const [path, file] of bundle.files) {
    // The site configuration lives beside the portfolio but is not part of it (views/ reads it).
    if (SITE_CONFIG_FILES.includes(path)) continue;
    // A site built inside the portfolio folder (vitrine build there, default --out) is not part of it.
    if (path.startsWith('_site/')) continue;
    if (path === PORTFOLIO_FILE) {
      const text = decode(file.bytes, display(path), bag);
      const parsed = text === undefined ? undefined : parseLocatedYaml(text, display(path), 1, bag, 'AuthoredYamlInvalid');
      if (parsed) source.portfolio = parsed;
      continue;
    }
    if (/\.(md|markdown)$/i.test(path)) {
      const text = decode(file.bytes, display(path), bag);
      const split = text === undefined ? undefined : splitFrontMatter(text);
      if (split) {
        const part: AuthoredPartFile = { path, display: display(path), body: split.body, bodyLine: split.bodyLine };
        if (split.unclosed) {
          bag.add('AuthoredYamlInvalid', 'the front matter has no closing "---" line', { file: display(path), line: 1, column: 1 });
        } else {
          const front = parseLocatedYaml(split.yaml, display(path), split.yamlLine, bag, 'AuthoredYamlInvalid');
          if (front) part.front = front;
        }
        source.parts.push(part);
        continue;
      }
      // A Markdown file without front matter (a README) is an ordinary file of the portfolio.
    }
    source.files.set(path, file.bytes);
  }
  return source;
}
