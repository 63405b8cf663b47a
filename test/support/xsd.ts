/**
 * XSD validation for tests, with Debian's `xmllint` (package libxml2-utils) and the IMS
 * ePortfolio / LIP schemas in `../shared/samples/ims-eportfolio/xsd/` (never copied into the
 * project: see ../shared/samples/SOURCES.md).
 *
 * The XSDs import each other by remote URLs; a catalog (XML_CATALOG_FILES) maps those to local
 * files and `--nonet` makes any URL the catalog misses an error instead of a download.
 *
 * The rubric schema does not compile with the shipped RDCEO schema, so for 'rubric' we use our
 * own catalog, test/xsd/catalog.xml, which swaps in test/xsd/rdceo-overlay.xsd (the header of
 * that file says why) and chains the shared catalog for everything else.
 *
 * Tests guard their use with the helpers in env.ts:
 *     const ok = needs('xmllint', hasXmllint()) && needs('../shared', hasXsds());
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hasShared, repoRoot, sharedPath } from './env.ts';

export type XsdSchema = 'manifest' | 'lip' | 'assert' | 'reflex' | 'participation' | 'rubric';

export interface XsdResult {
  /** True only when xmllint said the document is well-formed and valid. */
  valid: boolean;
  /** xmllint's messages (parse and validity errors), '' when valid. */
  errors: string;
}

/** The folder of shared IMS XSDs and their catalog. */
export const xsdDir = sharedPath('samples', 'ims-eportfolio', 'xsd');

const schemaFiles: Record<XsdSchema, string> = {
  manifest: 'imsportfoliocp_v1p0.xsd',
  lip: 'imslip_v1p0.xsd',
  assert: 'imsassert_v1p0.xsd',
  reflex: 'imsreflex_v1p0.xsd',
  participation: 'imsparticipation_v1p0.xsd',
  rubric: 'imsrubric_v1p0.xsd',
};

/** Our catalog for rubrics: overlay for RDCEO, then the shared catalog (nextCatalog). */
const rubricCatalog = join(repoRoot, 'test', 'xsd', 'catalog.xml');
const sharedCatalog = join(xsdDir, 'catalog.xml');

/** The schema for a document, from the local name of its root element; undefined if none fits. */
const schemaByRoot: Record<string, XsdSchema> = {
  manifest: 'manifest',
  learnerinformation: 'lip',
  assertion: 'assert',
  reflexion: 'reflex',
  participation: 'participation',
  rubric: 'rubric',
};

let xmllintFound: boolean | undefined;

/** Whether an `xmllint` command runs here (checked once). */
export function hasXmllint(): boolean {
  if (xmllintFound === undefined) {
    const r = spawnSync('xmllint', ['--version'], { stdio: 'ignore', timeout: 10_000 });
    xmllintFound = r.error === undefined && r.status === 0;
  }
  return xmllintFound;
}

/** Whether the shared XSDs are there (a fresh clone has no ../shared). */
export function hasXsds(): boolean {
  return hasShared('samples', 'ims-eportfolio', 'xsd', 'catalog.xml');
}

/** Local name of the root element (comments, PIs and the doctype skipped), or undefined. */
export function rootElementName(xml: string | Uint8Array): string | undefined {
  const text = typeof xml === 'string' ? xml : new TextDecoder().decode(xml);
  const body = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/g, '');
  const m = /<(?:[\w.-]+:)?([\w.-]+)/.exec(body);
  return m?.[1];
}

/** The schema to validate a document with, chosen from its root element. */
export function schemaForDocument(xml: string | Uint8Array): XsdSchema | undefined {
  const root = rootElementName(xml);
  return root === undefined ? undefined : schemaByRoot[root];
}

/**
 * Validates a document with `xmllint --noout --nonet --schema <xsd> -` (document on stdin).
 * A string is sent as UTF-8 (so its XML declaration must not name another encoding); pass the
 * bytes to validate a file as it is.
 *
 * Returns valid:false with xmllint's messages when the document is not well-formed (exit 1) or
 * not valid (exit 3). Throws when the harness itself cannot work (no xmllint, no ../shared,
 * schema that does not compile, timeout), so a test expecting "invalid" cannot pass by accident.
 */
export function validateWithXsd(xml: string | Uint8Array, schema: XsdSchema): XsdResult {
  if (!hasXsds()) {
    throw new Error(`validateWithXsd: the IMS XSDs are missing (${xsdDir}); guard the test with needs()`);
  }
  const xsd = join(xsdDir, schemaFiles[schema]);
  const catalog = schema === 'rubric' ? rubricCatalog : sharedCatalog;
  const input = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : Buffer.from(xml);

  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, '-'], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
    // XML_CATALOG_FILES is a space-separated list: a file: URL keeps a path with spaces whole.
    env: { ...process.env, XML_CATALOG_FILES: pathToFileURL(catalog).href },
  });
  if (r.error) {
    throw new Error(`validateWithXsd: could not run xmllint: ${r.error.message}`);
  }
  // xmllint prints "- validates" / "- fails to validate" after the messages: keep only messages.
  const errors = r.stderr
    .split('\n')
    .filter((line) => line !== '- validates' && line !== '- fails to validate')
    .join('\n')
    .trim();
  switch (r.status) {
    case 0:
      return { valid: true, errors };
    case 1: // not well-formed
    case 3: // not valid
      return { valid: false, errors };
    default: // 5: schema failed to compile; others: xmllint could not do its job
      throw new Error(
        `validateWithXsd: xmllint exited with ${r.status ?? r.signal} for schema ${schema} (${xsd}):\n${errors}`,
      );
  }
}
