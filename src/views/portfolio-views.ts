/**
 * The views an authored portfolio keeps in its `portfolio.yaml`. Everything in that file that
 * does not describe the portfolio (id, title, lang, ...) is view configuration, checked by the
 * very validator of `vitrine.config.yaml` (config-validate.ts): a field another feature adds to
 * the config works in both places. The config file wins when both list views (chooseSiteConfig).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { DiagnosticBag, type Result } from '../diagnostics/index.ts';
import { PORTFOLIO_FIELDS } from '../model/authored/fields.ts';
import { chooseSiteConfig, MAX_CONFIG_BYTES, readSiteConfig } from './config.ts';
import { nodeLocation, TOP_KEYS, validateConfig } from './config-validate.ts';
import { didYouMean } from './suggest.ts';
import type { SiteConfig } from './types.ts';
import { applyConfigTrust, type TrustOptions } from './trust.ts';

/**
 * Reads the views of `<input>/portfolio.yaml`; undefined when the input is no authored folder or
 * the file lists no view configuration. YAML syntax errors are the reader's to report (read/).
 */
export async function readPortfolioViews(input: string): Promise<Result<SiteConfig | undefined>> {
  const file = join(input, 'portfolio.yaml');
  let text: string;
  try {
    if (!(await stat(input)).isDirectory() || (await stat(file)).size > MAX_CONFIG_BYTES) return { value: undefined, diagnostics: [] };
    text = await readFile(file, 'utf8');
  } catch {
    return { value: undefined, diagnostics: [] };
  }
  return { ...parsePortfolioViews(text, file) };
}

/** Parses the view configuration part of portfolio.yaml text (see readPortfolioViews). */
export function parsePortfolioViews(text: string, file: string): Result<SiteConfig | undefined> {
  const bag = new DiagnosticBag();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: false, version: '1.2' });
  if (doc.errors.length || !isMap(doc.contents)) return { value: undefined, diagnostics: [] };
  const cx = { file, doc, lines, bag };
  const own: readonly string[] = PORTFOLIO_FIELDS;
  const config: readonly string[] = TOP_KEYS.filter((k) => k !== '$schema');
  for (const pair of [...doc.contents.items]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (own.includes(key)) {
      doc.contents.delete(pair.key);
    } else if (!config.includes(key)) {
      bag.add('AuthoredFieldUnknown', `portfolio.yaml: unknown field "${key}".${didYouMean(key, [...own, ...config])}`, nodeLocation(cx, pair));
      doc.contents.delete(pair.key);
    }
  }
  if (doc.contents.items.length === 0) return { value: undefined, diagnostics: bag.items };
  const views = validateConfig(cx) ?? [];
  return { value: { views, file }, diagnostics: bag.items };
}

/**
 * The site configuration of an input: the config file (found beside the input or named by
 * `--config`), or the views of an authored portfolio.yaml when there is no config file with views.
 * A config inside a package loses what would run code (views/trust.ts).
 */
export async function readViewConfig(input: string, explicit?: string, trust: TrustOptions = {}): Promise<Result<SiteConfig>> {
  const fromFile = await readSiteConfig(input, explicit);
  const fromPortfolio = await readPortfolioViews(input);
  const chosen = chooseSiteConfig(fromFile.value, fromPortfolio.value);
  // A config inside a package is data: its templates and stylesheets do not run (trust.ts).
  const trusted = applyConfigTrust(input, chosen.value, trust);
  return { value: trusted.value, diagnostics: [...fromFile.diagnostics, ...fromPortfolio.diagnostics, ...chosen.diagnostics, ...trusted.diagnostics] };
}
