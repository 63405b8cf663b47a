/**
 * `pack --format leap2a` of a Mahara export must be imported by Mahara as the original is: the
 * importer's rules (mahara-import-rules.ts, each citing the Mahara source line it comes from)
 * hold on the re-export of every Mahara fixture and of the shared Mahara sample.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import { describe, expect, it } from 'vitest';
import { exportPackage, readPortfolio } from '../../src/index.ts';
import { hasShared, needs, sharedPath, skipNote } from '../support/env.ts';
import { IMPORTER_RULES, checkImporterRules, feedFacts } from './mahara-import-rules.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/leap2a');
const shared = needs('../shared samples', hasShared('samples', 'leap2a', 'mahara-1.3'));

/** The feed file of an export folder. */
function feedOf(dir: string): string {
  const name = readdirSync(dir).find((f) => /\.xml$/i.test(f) && !/test_valid/.test(f))!;
  return readFileSync(join(dir, name), 'utf8');
}

async function reexport(dir: string): Promise<{ xml: string; files: string[] }> {
  const r = await readPortfolio(dir);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const out = exportPackage(r.value!, 'leap2a').value;
  return { xml: new TextDecoder().decode(out.get('leap2a.xml')!), files: [...out.keys()] };
}

describe("Mahara's importer rules on Leap2A re-exports", () => {
  const inputs: [string, string, boolean][] = [
    ['mahara-pages fixture', join(fixtures, 'mahara-pages'), true],
    ['mahara-quirks fixture', join(fixtures, 'mahara-quirks'), true],
    [`shared Mahara 1.3 sample${skipNote('../shared samples', shared)}`, sharedPath('samples', 'leap2a', 'mahara-1.3'), shared],
  ];
  for (const [name, dir, present] of inputs) {
    it.skipIf(!present)(`every rule holds on the re-export of the ${name}`, async () => {
      const { xml, files } = await reexport(dir);
      expect(checkImporterRules(feedOf(dir), xml)).toEqual([]);
      // Every file enclosure names a file of the zip (or one the original named and lacked too).
      const facts = feedFacts(xml);
      const original = feedOf(dir);
      for (const e of facts.entries.values()) for (const l of e.links) if (l.rel === 'enclosure' && !facts.entries.has(l.href) && !files.includes(l.href)) expect(original).toContain(`href="${l.href}"`);
    });
  }

  it('the rules catch what Mahara would drop: prefixed xhtml, leap2:has_part on a collection, an enclosure on a page', () => {
    const original = feedOf(join(fixtures, 'mahara-pages'));
    // Each mutation is a way an earlier writer broke the import; each must be caught by its rule.
    const broken = [
      original.replace('<div xmlns="http://www.w3.org/1999/xhtml"><p>Editor copy</p></div>', '<xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:p>Editor copy</xhtml:p></xhtml:div>'),
      original.replace('<link rel="has_part" href="portfolio:view12"/>', '<link rel="leap2:has_part" href="portfolio:view12"/>'),
      original.replace('<link rel="leap2:has_part" href="portfolio:artefact121"/>\n        <mahara:view', '<link rel="leap2:has_part" href="portfolio:artefact121"/>\n        <link rel="enclosure" href="files/x.png" type="image/png"/>\n        <mahara:view'),
      original.replace('<link rel="related" href="portfolio:artefact101" title="Profile picture"/>', ''),
    ];
    const sources = ['get_entry_content', '1272 and 1406', 'is_file', 'get_file_entry_data'];
    broken.forEach((b, i) => {
      expect(b).not.toBe(original);
      const problems = checkImporterRules(original, b);
      expect(problems.some((p) => p.includes(sources[i]!)), `mutation ${i}: ${problems.join('; ')}`).toBe(true);
    });
    expect(IMPORTER_RULES.length).toBeGreaterThanOrEqual(8);
  });

  it('a re-export of the fixture puts back every file and no generated one', async () => {
    const { files } = await reexport(join(fixtures, 'mahara-pages'));
    const originals = readdirSync(join(fixtures, 'mahara-pages', 'files')).map((f) => `files/${f}`).sort();
    expect(files.filter((f) => f !== 'leap2a.xml').sort()).toEqual(originals);
    expect(existsSync(join(fixtures, 'mahara-pages', 'leap2a.xml'))).toBe(true);
    void AdmZip;
  });
});
