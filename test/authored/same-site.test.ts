/**
 * `pack --format authored` is how a Mahara/IMS user moves in: the authored folder it writes
 * must build the same site as the package it came from, page for page, byte for byte.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPortfolioSite } from '../../src/build.ts';
import { exportPackage, readPortfolio } from '../../src/index.ts';
import { createImageProcessor } from '../../src/render/image-processor.ts';
import { writeNewFolder } from '../../src/write/index.ts';
import { imsExampleDir } from './paths.ts';

describe('IMS example → authored', () => {
  it('builds the same site as the IMS package', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'vitrine-authored-site-'));
    const ims = (await readPortfolio(imsExampleDir)).value!;
    const dir = join(scratch, 'authored');
    await writeNewFolder(dir, exportPackage(ims, 'authored').value);
    const config = join(imsExampleDir, 'vitrine.config.yaml');
    const render = { processImage: createImageProcessor(join(scratch, 'cache')) };
    const a = await renderPortfolioSite(imsExampleDir, { config, render });
    const b = await renderPortfolioSite(dir, { config, render });
    expect(b.diagnostics.filter((d) => d.severity !== 'info')).toEqual(a.diagnostics.filter((d) => d.severity !== 'info'));
    const fa = a.value!.files;
    const fb = b.value!.files;
    expect([...fb.keys()].sort()).toEqual([...fa.keys()].sort());
    const dec = new TextDecoder();
    for (const [path, bytes] of fa) {
      if (/\.(html|css|xml|json|txt)$/.test(path)) expect(dec.decode(fb.get(path)), path).toBe(dec.decode(bytes));
      else expect(Buffer.compare(Buffer.from(fb.get(path)!), Buffer.from(bytes)), path).toBe(0);
    }
  }, 120_000);
});
