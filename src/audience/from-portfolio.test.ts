import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPortfolio } from '../api.ts';
import { exportPackage } from '../index.ts';
import { DiagnosticBag } from '../diagnostics/index.ts';
import { needs, sharedPath, hasShared, skipNote } from '../../test/support/env.ts';
import { profileFromPortfolio } from './from-portfolio.ts';

const ok = needs('../shared/samples/ims-lip', hasShared('samples', 'ims-lip', 'accs_pref_001.xml'));

const ACCLIP = `<?xml version="1.0" encoding="UTF-8"?>
<learnerinformation xmlns="http://www.imsglobal.org/xsd/imslip_v1p0">
  <accessibility>
    <contentype><referential><indexid>acc_x</indexid></referential></contentype>
    <preference>
      <typename><tysource sourcetype="imsdefault"/><tyvalue>Display</tyvalue></typename>
      <prefcode>High contrast; braille display; purple unicorns</prefcode>
    </preference>
    <ext_accessibility>
      <accessForAll xmlns="http://www.imsglobal.org/xsd/acclip_v1p0">
        <context identifier="default">
          <display>
            <screenReader><speechRate value="180"/></screenReader>
            <screenEnhancement>
              <fontFace><genericFace value="sans serif"/></fontFace>
              <fontSize value="18"/>
              <foregroundColour value="#FFFFFF"/>
              <backgroundColour value="#000000"/>
              <cursorTrails value="5"/>
              <invertColourChoice value="true"/>
            </screenEnhancement>
          </display>
          <control><keyboardEnhanced><stickyKeys value="true"/></keyboardEnhanced></control>
          <content>
            <alternativesToAuditory><captionType><verbatim value="true"/></captionType><signLanguage value="BSL"/></alternativesToAuditory>
          </content>
        </context>
      </accessForAll>
    </ext_accessibility>
  </accessibility>
</learnerinformation>
`;

/** The LIP "Large Font Display Devices" prefcode read from `file` gives larger text, reported as approximate at line:column. */
async function expectLargeFontApproximate(file: string, line: number, column: number): Promise<void> {
  const r = await readPortfolio(file);
  const bag = new DiagnosticBag();
  const p = profileFromPortfolio(r.value!, bag);
  expect(p?.display).toEqual({ fontSize: 1.5 });
  expect(bag.items.map((d) => d.code)).toEqual(['ProfilePreferenceApproximate']);
  expect(bag.items[0]!.message).toContain('Large Font Display Devices');
  expect(bag.items[0]!.location).toEqual({ file, line, column });
}

describe('the portfolio\'s own profile', () => {
  it.skipIf(!ok)(`maps the IMS LIP sample's "Large Font Display Devices", saying it is approximate${skipNote('../shared', ok)}`, async () => {
    const file = sharedPath('samples', 'ims-lip', 'accs_pref_001.xml');
    await expectLargeFontApproximate(file, 18, 2);
  });

  it('maps a "large font display device" prefcode to larger text, saying it is approximate (our fixture)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-acclip-'));
    const file = join(dir, 'pref.xml');
    // Written here: the phrase real LIP exports use (see the ../shared sample test above), with
    // old-Mac CR line endings as those exports have, so the reported line counts CRs.
    writeFileSync(file, ['<?xml version="1.0"?>', '<learnerinformation xmlns="http://www.imsglobal.org/xsd/imslip_v1p0">', '', '  <accessibility>', '    <contentype><referential><indexid>acc_large</indexid></referential></contentype>', '    <preference><typename><tysource sourcetype="imsdefault"/><tyvalue>InputTech</tyvalue></typename><prefcode>Large Font Display Devices</prefcode></preference>', '  </accessibility>', '</learnerinformation>'].join('\r'));
    await expectLargeFontApproximate(file, 4, 3);
  });

  it('reads prefcode phrases and ACCLIP accessForAll from ext_accessibility, reporting what a page cannot do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-acclip-'));
    const file = join(dir, 'acc.xml');
    writeFileSync(file, ACCLIP);
    const r = await readPortfolio(file);
    const bag = new DiagnosticBag();
    const p = profileFromPortfolio(r.value!, bag)!;
    expect(p.display).toEqual({ highContrast: true, fontFace: 'sans-serif', fontSize: 1.5, foreground: '#ffffff', background: '#000000', invert: true });
    expect(p.control).toEqual({ keyboard: true });
    expect(p.content).toMatchObject({ captions: true, transcript: true, signLanguage: true });
    const unmapped = bag.items.filter((d) => d.code === 'ProfilePreferenceUnmapped');
    const said = unmapped.map((d) => d.message).join('\n');
    expect(said).toMatch(/"braille display".*Braille/);
    expect(said).toMatch(/"purple unicorns" is not a phrase/);
    expect(said).toMatch(/screenReader.*speech rate/);
    expect(said).toMatch(/cursorTrails.*pointer/);
    // Each points at the accessibility part in its file.
    expect(unmapped.find((d) => d.message.includes('cursorTrails'))?.location).toEqual({ file, line: 3, column: 3 });
  });

  it('keeps the accessibility part, ACCLIP included, unchanged through an IMS export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-acclip-'));
    writeFileSync(join(dir, 'acc.xml'), ACCLIP);
    const r = await readPortfolio(join(dir, 'acc.xml'));
    const out = exportPackage(r.value!);
    const xml = new TextDecoder().decode([...out.value].find(([path]) => path.endsWith('.xml') && !path.endsWith('imsmanifest.xml'))![1]);
    for (const s of ['<prefcode>High contrast; braille display; purple unicorns</prefcode>', 'accessForAll', 'cursorTrails value="5"/>', 'signLanguage value="BSL"/>']) expect(xml).toContain(s);
    writeFileSync(join(dir, 'exported.xml'), xml);
    const again = await readPortfolio(join(dir, 'exported.xml'));
    expect(profileFromPortfolio(again.value!, new DiagnosticBag())).toEqual(profileFromPortfolio(r.value!, new DiagnosticBag()));
  });

  it('maps the IMS example\'s own preferences without a warning, phrases joined by "and" included', async () => {
    const { repoRoot } = await import('../../test/support/env.ts');
    const { existsSync } = await import('node:fs');
    // The IMS example's accessibility part (content/ today; test/fixtures/ims-example/ once
    // content/ is written in the authored format).
    const file = ['test/fixtures/ims-example/parts/accessibility.xml', 'content/parts/accessibility.xml'].map((f) => join(repoRoot, f)).find((f) => existsSync(f))!;
    const r = await readPortfolio(file);
    const bag = new DiagnosticBag();
    const p = profileFromPortfolio(r.value!, bag);
    expect(p).toMatchObject({ display: { highContrast: true, reducedMotion: true }, content: { captions: true, languages: ['fr', 'sv', 'en'] } });
    expect(bag.items).toEqual([]);
  });

  it('reads an ACCLIP document kept as an imslip-Accessibility resource of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-acclip-'));
    writeFileSync(join(dir, 'imsmanifest.xml'), '<?xml version="1.0"?>\n<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="M"><organizations/><resources><resource identifier="R1" type="imslip-Accessibility" href="acc.xml"><file href="acc.xml"/></resource></resources></manifest>');
    writeFileSync(join(dir, 'acc.xml'), '<?xml version="1.0"?>\n<accessForAll xmlns="http://www.imsglobal.org/xsd/acclip_v1p0"><context><display><screenEnhancement><fontSize value="24"/><cursorSize value="3"/></screenEnhancement></display></context></accessForAll>');
    const r = await readPortfolio(dir);
    expect(r.value!.files.map((f) => f.path)).toContain('acc.xml');
    const bag = new DiagnosticBag();
    expect(profileFromPortfolio(r.value!, bag)?.display).toEqual({ fontSize: 2 });
    expect(bag.items).toMatchObject([{ code: 'ProfilePreferenceUnmapped', location: { file: 'acc.xml', line: 2 } }]);
  });

  it('says so when the portfolio has no preference a page can use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-acclip-'));
    writeFileSync(join(dir, 'c.xml'), '<learnerinformation xmlns="http://www.imsglobal.org/xsd/imslip_v1p0"><competency><contentype><referential><indexid>c</indexid></referential></contentype></competency></learnerinformation>');
    const r = await readPortfolio(join(dir, 'c.xml'));
    const bag = new DiagnosticBag();
    expect(profileFromPortfolio(r.value!, bag, { file: 'v.yaml', line: 4, column: 14 })).toBeUndefined();
    expect(bag.items[0]).toMatchObject({ code: 'ProfileNotInPortfolio', location: { file: 'v.yaml', line: 4, column: 14 } });
  });
});
