// "Pages know no format" (docs/architecture.md), for data as the import test is for modules:
// audience/, views/ and render/ read the neutral model only, never a part's, relation's or
// portfolio's `leap2a` or `ims` record. A reader derives each fact a page needs into a neutral
// field (Part.grouping, Part.published, PortfolioFile.name, Portfolio.titleNamesExport, ...).
// Read from the source text, so a new record read fails here before review.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const STAGES = ['audience', 'views', 'render'];

/**
 * Files allowed to read a format record while a debt is paid: none now (the XSL view document,
 * which writes the kept IMS records, sits above render/ in xsl-view-document.ts). A new file
 * fails the test, and so does a listed entry that no longer reads one.
 */
const RECORD_READS_LEFT = new Set<string>();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(name) && !/\.(test|d)\.ts$/.test(name) ? [p] : [];
  });
}

/** The source without comments and quoted strings, so prose and file names ('leap2a.xml') do not count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, (m) => (m.startsWith('/') ? ' ' : "''"));
}

/** The format records a source text reads: `x.leap2a`, `x?.ims`, `x['leap2a']`, `{ ims } = x`. */
export function recordReads(text: string): string[] {
  const c = code(text);
  const found = new Set<string>();
  for (const m of c.matchAll(/\??\.\s*(leap2a|ims)\b/g)) found.add(m[1]!);
  // Bracket access keeps its quotes in the raw text: look there, outside comments.
  for (const m of text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ').matchAll(/\[\s*['"`](leap2a|ims)['"`]\s*\]/g)) found.add(m[1]!);
  for (const m of c.matchAll(/\{([^{}]*)\}\s*=(?!=)/g)) for (const n of m[1]!.matchAll(/(?:^|[,\s])(leap2a|ims)\b/g)) found.add(n[1]!);
  return [...found].sort();
}

const readers = new Map(
  STAGES.flatMap((s) => sources(join(SRC, s)))
    .map((f) => [relative(SRC, f), recordReads(readFileSync(f, 'utf8'))] as const)
    .filter(([, r]) => r.length),
);

describe('pages know no format record', () => {
  it('no file of audience/, views/ or render/ reads a leap2a or ims record', () => {
    const found = [...readers].filter(([file]) => !RECORD_READS_LEFT.has(file)).map(([file, r]) => `${file}: ${r.join(', ')}`);
    expect(found).toEqual([]);
  });

  it('every listed debt still reads one, so the list only shrinks', () => {
    expect([...RECORD_READS_LEFT].filter((f) => !readers.has(f))).toEqual([]);
  });

  it('the check can fail: record reads are found in every spelling, prose and file names are not', () => {
    expect(recordReads('const t = p.leap2a?.types;')).toEqual(['leap2a']);
    expect(recordReads('if (portfolio.leap2a) x();')).toEqual(['leap2a']);
    expect(recordReads('const f = part?.ims?.file;')).toEqual(['ims']);
    expect(recordReads("const r = part['ims'];")).toEqual(['ims']);
    expect(recordReads('const { ims, id } = part;')).toEqual(['ims']);
    expect(recordReads('const { id, leap2a: rec } = part;')).toEqual(['leap2a']);
    expect(recordReads("// reads p.leap2a no more\nconst m = new Set(['leap2a.xml', 'imsmanifest.xml']);\n/** part.ims */")).toEqual([]);
    expect(recordReads('const claims = x.claims; const g = p.grouping;')).toEqual([]);
    // The removed reads of this change, as they were written.
    expect(recordReads("return !!p.leap2a?.types.some((t) => /selection$/.test(t)) && (p.type?.value ?? '').toLowerCase() === 'website';")).toEqual(['leap2a']);
    expect(recordReads('const name = readerFileName(f.path, f.about?.title?.value, !!part.leap2a);')).toEqual(['leap2a']);
  });
});
