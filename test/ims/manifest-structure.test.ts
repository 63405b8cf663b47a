/** Manifests as real packages write them: several organizations, sub-manifests, xml:base. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readPortfolio } from '../../src/index.ts';
import { lipFile, productSegment, writePackageFolder } from '../bad-input/make-package.ts';

const CP = 'http://www.imsglobal.org/xsd/imsportfoliocp_v1p0';

describe('manifest structure', () => {
  it('reads every organization and sub-manifest, default organization first, and is not rejected', async () => {
    const manifest = `<?xml version="1.0"?>
<manifest xmlns="${CP}" identifier="BUNDLE" version="1.0">
  <organizations default="O2">
    <organization identifier="O1"><title>Second outline</title>
      <item identifier="I1" identifierref="R-b"><title>b</title></item>
    </organization>
    <organization identifier="O2"><title>Main outline</title>
      <item identifier="I2" identifierref="R-a"><title>a</title></item>
      <item identifier="I3" identifierref="R-b"><title>b again</title></item>
    </organization>
  </organizations>
  <resources xml:base="parts/">
    <resource identifier="R-a" type="imslip-Product" href="a.xml"><file href="a.xml"/></resource>
    <resource identifier="R-b" type="imslip-Product" href="b.xml"><file href="b.xml"/></resource>
  </resources>
  <manifest identifier="SUB" version="1.0">
    <organizations default="S1"><organization identifier="S1"><title>Bundled portfolio</title>
      <item identifier="S-I1" identifierref="R-c"><title>c</title></item></organization></organizations>
    <resources><resource identifier="R-c" type="imslip-Product" href="sub/c.xml"><file href="sub/c.xml"/></resource></resources>
  </manifest>
</manifest>`;
    const dir = writePackageFolder(
      {
        'imsmanifest.xml': manifest,
        'parts/a.xml': lipFile(productSegment('pa', 'Part A')),
        'parts/b.xml': lipFile(productSegment('pb', 'Part B')),
        'sub/c.xml': lipFile(productSegment('pc', 'Part C')),
      },
      false,
    );
    const r = await readPortfolio(dir);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.value!.id).toBe('BUNDLE');
    expect(r.value!.title).toBe('Main outline');
    // Default organization's order first (a, b), then the sub-manifest's part.
    expect(r.value!.parts.map((p) => p.id)).toEqual(['pa', 'pb', 'pc']);
    expect(r.value!.parts.map((p) => p.ims?.file)).toEqual(['parts/a.xml', 'parts/b.xml', 'sub/c.xml']);
  });

  it('reads a package whose zip tool added one top folder', async () => {
    const dir = writePackageFolder({ 'p.xml': lipFile(productSegment('p1', 'x')) });
    const { renameSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'wrapped'));
    renameSync(join(dir, 'imsmanifest.xml'), join(dir, 'wrapped', 'imsmanifest.xml'));
    renameSync(join(dir, 'p.xml'), join(dir, 'wrapped', 'p.xml'));
    const r = await readPortfolio(dir);
    expect(r.value!.parts.map((p) => p.id)).toEqual(['p1']);
    expect(r.value!.parts[0]!.origin?.file).toContain(join(dir, 'wrapped', 'p.xml'));
  });
});

describe('files outside the manifest folder', () => {
  it('FileOutsideManifestFolder: are reported, not dropped silently', async () => {
    const dir = writePackageFolder({ 'p.xml': lipFile(productSegment('p1', 'x')) });
    const { renameSync, mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(dir, 'top'));
    renameSync(join(dir, 'imsmanifest.xml'), join(dir, 'top', 'imsmanifest.xml'));
    renameSync(join(dir, 'p.xml'), join(dir, 'top', 'p.xml'));
    mkdirSync(join(dir, 'extra'));
    writeFileSync(join(dir, 'extra', 'notes.txt'), 'notes');
    const r = await readPortfolio(dir);
    const d = r.diagnostics.find((x) => x.code === 'FileOutsideManifestFolder');
    expect(d?.location?.file).toBe(join(dir, 'extra', 'notes.txt'));
    expect(r.value!.parts.map((p) => p.id)).toEqual(['p1']);
  });
});
