/**
 * Origins are typed locations set once by the reader: every diagnostic about a part, relation or
 * config entry points at the same file, line and column, also when the file's display path has
 * colons of its own (a zip in a folder named `a:1:2`, a part file inside the zip).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { exportPackage, readPortfolio } from '../../src/index.ts';
import { formatLocation } from '../../src/diagnostics/index.ts';
import { parseSiteConfig } from '../../src/views/config.ts';
import { planViews } from '../../src/views/plan.ts';
import { lipFile, productSegment, writePackageFolder } from '../bad-input/make-package.ts';

const RELATION = '<relationship><tuple><tuplesource><indexid>dup</indexid></tuplesource><tuplerelation><typename><tyvalue>Supports</tyvalue></typename></tuplerelation><tupledest><indexid>nowhere</indexid></tupledest></tuple></relationship>';
const WITH_UNKNOWN = productSegment('kept', 'Kept').replace('<description>', '<mystery>x</mystery><description>');

async function zippedPackage(): Promise<string> {
  const src = writePackageFolder({ 'parts/p.xml': lipFile(`${productSegment('dup', 'One')}\n${productSegment('dup', 'Two')}\n${WITH_UNKNOWN}\n${RELATION}`) });
  const folder = join(mkdtempSync(join(tmpdir(), 'vitrine-origin-')), 'a:1:2');
  mkdirSync(folder);
  const zip = new AdmZip();
  zip.addLocalFolder(src);
  const file = join(folder, 'pkg.zip');
  zip.writeZip(file);
  return file;
}

describe('typed origins', () => {
  it('diagnostics of the reader and of an export point at the part as read, colons in the path kept', async () => {
    const file = await zippedPackage();
    const r = await readPortfolio(file);
    const p = r.value!;
    const dup = r.diagnostics.find((d) => d.code === 'DuplicatePartId')!;
    const second = p.parts.find((x) => x.id === 'dup~2')!;
    expect(second.origin).toEqual({ file: `${file}!/parts/p.xml`, line: 5, column: 1 });
    expect(dup.location).toEqual(second.origin);
    expect(formatLocation(dup.location)).toBe(`${file}!/parts/p.xml:5:1`);

    const missing = r.diagnostics.find((d) => d.code === 'RelationTargetMissing')!;
    expect(missing.location).toEqual(p.relations[0]!.origin);
    expect(formatLocation(missing.location)).toBe(`${file}!/parts/p.xml:9:1`);

    // The unknown element keeps its own position; the Leap2A export, which drops it, points at the part.
    const kept = p.parts.find((x) => x.id === 'kept')!;
    expect(kept.extensions[0]!.origin).toEqual({ file: `${file}!/parts/p.xml`, line: 8, column: 1 });
    const dropped = exportPackage(p, 'leap2a').diagnostics.find((d) => d.code === 'ExportFieldDropped' && d.message.includes('"kept"'))!;
    expect(formatLocation(dropped.location)).toBe(`${file}!/parts/p.xml:7:1`);
  });

  it('a config entry keeps where it was written, and a diagnostic about it says so', async () => {
    const r = await readPortfolio(await zippedPackage());
    const config = parseSiteConfig('views:\n  - id: a\n    select:\n      - { id: absent }\n', 'my:config.yaml');
    expect(config.value.views[0]!.select[0]!.origin).toEqual({ file: 'my:config.yaml', line: 4, column: 9 });
    const plans = planViews(r.value!, config.value);
    const d = plans.diagnostics.find((x) => x.location?.file === 'my:config.yaml')!;
    expect(formatLocation(d.location)).toBe('my:config.yaml:4:9');
  });
});
