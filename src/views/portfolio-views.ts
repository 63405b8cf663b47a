/**
 * The views an authored portfolio keeps in its `portfolio.yaml`. Everything in that file that
 * does not describe the portfolio (id, title, lang, ...) is view configuration, checked against
 * the very schema of `vitrine.config.yaml` (the published portfolio schema refers to it) and read
 * by the same reader (config-read.ts): a field another feature adds to the config works in both
 * places. The config file wins when both list views (chooseSiteConfig).
 */
import type { SourceBundle } from '../read/index.ts';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, LineCounter } from 'yaml';
import { DiagnosticBag, type DiagnosticCode, type Result } from '../diagnostics/index.ts';
import { locateDocument, parseYaml, type LocatedYaml } from '../diagnostics/located.ts';
import type { DocumentSchema, Problem } from '../diagnostics/schema-check.ts';
import { PORTFOLIO_FIELDS, PORTFOLIO_SCHEMA } from '../model/authored/schema.ts';
import { chooseSiteConfig, MAX_CONFIG_BYTES, readSiteConfig } from './config.ts';
import { CONFIG_DOCUMENT, readConfigValues, viewLabel } from './config-read.ts';
import type { SiteConfig } from './types.ts';
import { applyConfigTrust, type TrustOptions } from './trust.ts';

/**
 * Reads the views of `<input>/portfolio.yaml`; undefined when the input is no authored folder or
 * the file lists no view configuration. YAML syntax errors are the reader's to report (read/).
 */
export async function readPortfolioViews(input: string, bundle?: SourceBundle): Promise<Result<SiteConfig | undefined>> {
  const file = join(input, 'portfolio.yaml');
  let text: string;
  // The input already read (loadProject): portfolio.yaml is taken from it, not read again.
  const read = bundle?.kind === 'folder' ? bundle.files.get('portfolio.yaml') : undefined;
  if (bundle) {
    if (!read || read.bytes.byteLength > MAX_CONFIG_BYTES) return { value: undefined, diagnostics: [] };
    return { ...parsePortfolioViews(new TextDecoder().decode(read.bytes), file) };
  }
  try {
    if (!(await stat(input)).isDirectory() || (await stat(file)).size > MAX_CONFIG_BYTES) return { value: undefined, diagnostics: [] };
    text = await readFile(file, 'utf8');
  } catch {
    return { value: undefined, diagnostics: [] };
  }
  return { ...parsePortfolioViews(text, file) };
}

const OWN: readonly string[] = PORTFOLIO_FIELDS;

/** The findings of portfolio.yaml that are views/'s: unknown names and the view fields. */
function portfolioCode(p: Problem): DiagnosticCode | undefined {
  if (p.path.length === 0) return p.keyword === 'additionalProperties' ? 'AuthoredFieldUnknown' : p.keyword === 'dependentRequired' ? 'ConfigInvalid' : undefined;
  // The portfolio's own fields are model/authored's to check (check.ts).
  return OWN.includes(String(p.path[0])) ? undefined : 'ConfigInvalid';
}

/** portfolio.yaml as views/ checks it: its published schema, which uses the config's. */
export const PORTFOLIO_VIEWS_DOCUMENT: DocumentSchema = {
  name: 'authored-portfolio.schema.json',
  schema: PORTFOLIO_SCHEMA,
  uses: [CONFIG_DOCUMENT],
  code: portfolioCode,
  root: 'portfolio.yaml',
  keyWord: 'field',
  label: viewLabel,
};

/** Parses the view configuration part of portfolio.yaml text (see readPortfolioViews). */
export function parsePortfolioViews(text: string, file: string): Result<SiteConfig | undefined> {
  const bag = new DiagnosticBag();
  const lines = new LineCounter();
  const doc = parseYaml(text, lines);
  // Syntax errors, a file that is no mapping and alias bombs are the reader's to report (read/).
  if (doc.errors.length || !isMap(doc.contents)) return { value: undefined, diagnostics: [] };
  let y: LocatedYaml;
  try {
    y = locateDocument(doc, lines, file);
  } catch {
    return { value: undefined, diagnostics: [] };
  }
  const c = readConfigValues(y, bag, PORTFOLIO_VIEWS_DOCUMENT);
  const v = y.value as Record<string, unknown>;
  if (!['views', 'profiles', 'theme', 'url'].some((k) => Object.hasOwn(v, k))) return { value: undefined, diagnostics: bag.items };
  // A portfolio.yaml may give the site's url without any view: the views then come from the
  // config file, or the build makes the preview.
  return { value: { views: c.views, file, ...(c.theme ? { theme: c.theme } : {}), ...(c.url ? { url: c.url } : {}) }, diagnostics: bag.items };
}

/**
 * The site configuration of an input: the config file (found beside the input or named by
 * `--config`), or the views of an authored portfolio.yaml when there is no config file with views.
 * A config inside a package loses what would run code (views/trust.ts).
 */
export async function readViewConfig(input: string, explicit?: string, trust: TrustOptions = {}, bundle?: SourceBundle): Promise<Result<SiteConfig>> {
  const fromFile = await readSiteConfig(input, explicit);
  const fromPortfolio = await readPortfolioViews(input, bundle);
  const chosen = chooseSiteConfig(fromFile.value, fromPortfolio.value);
  // A config inside a package is data: its templates and stylesheets do not run (trust.ts).
  const trusted = applyConfigTrust(input, chosen.value, trust);
  return { value: trusted.value, diagnostics: [...fromFile.diagnostics, ...fromPortfolio.diagnostics, ...chosen.diagnostics, ...trusted.diagnostics] };
}
