import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../views/config.ts';

const VIEW = (profile: string) => `views:
  - id: v
    select:
      - kind: competency
${profile}`;

describe('profiles in the site config', () => {
  it('reads a profiles: map and a view naming one, whatever the order of the keys', () => {
    const text = `${VIEW('    profile: large-print\n')}profiles:
  large-print:
    title: Large print
    display: { fontSize: 150%, fontFace: sans-serif, lineSpacing: 1.8, letterSpacing: 0.05, oneColumn: true }
    content: { altText: true, languages: [fr, en] }
    control: { keyboard: true }
  dark:
    display: { invert: true, highContrast: true, foreground: "#fff", background: "#000000", reducedMotion: true }
`;
    const r = parseSiteConfig(text, 'c.yaml');
    expect(r.diagnostics).toEqual([]);
    const ref = r.value.views[0]!.profile!;
    expect('profile' in ref && ref.profile).toMatchObject({
      name: 'large-print',
      title: 'Large print',
      display: { fontSize: 1.5, fontFace: 'sans-serif', lineSpacing: 1.8, letterSpacing: 0.05, oneColumn: true },
      content: { altText: true, languages: ['fr', 'en'] },
      control: { keyboard: true },
      origin: { file: 'c.yaml', line: 8, column: 5 },
    });
  });

  it('reads an inline profile and the portfolio keyword', () => {
    const inline = parseSiteConfig(VIEW('    profile:\n      content: { captions: true, transcript: true, hazards: [flashing] }\n'), 'c.yaml');
    expect(inline.diagnostics).toEqual([]);
    const ref = inline.value.views[0]!.profile!;
    expect('profile' in ref && ref.profile).toMatchObject({ name: 'view-v', content: { captions: true, transcript: true, hazards: ['flashing'] } });
    const own = parseSiteConfig(VIEW('    profile: portfolio\n'), 'c.yaml');
    expect(own.value.views[0]!.profile).toEqual({ fromPortfolio: true, origin: { file: 'c.yaml', line: 5, column: 14 } });
  });

  it('points at each wrong field with file:line:col and builds no view from it', () => {
    const text = `${VIEW('    profile: larg-print\n')}profiles:
  large-print:
    display:
      fontSize: 9
      foreground: #000000
      link: blue
      oneColumn: yes
      fontface: serif
    content: { captions: 1, hazards: [strobe] }
  Bad Name: {}
  portfolio: {}
`;
    const r = parseSiteConfig(text, 'c.yaml');
    const at = (s: string) => r.diagnostics.filter((d) => d.message.includes(s)).map((d) => `${d.code} ${d.location?.line}:${d.location?.column}`);
    expect(at('fontSize 9')).toEqual(['ConfigInvalid 9:17']);
    expect(at('display.foreground is empty')).toEqual(['ConfigInvalid 10:19']);
    expect(at('"blue" is not a colour')).toEqual(['ConfigInvalid 11:13']);
    expect(at('oneColumn must be true or false')).toEqual(['ConfigInvalid 12:18']);
    expect(at('unknown key "fontface"')[0]).toBe('ConfigInvalid 13:7');
    expect(at('captions must be true or false')).toEqual(['ConfigInvalid 14:26']);
    expect(at('"strobe" is not one of')).toEqual(['ConfigInvalid 14:39']);
    expect(at('"Bad Name" must use')).toEqual(['ConfigInvalid 15:3']);
    expect(at('"portfolio" is reserved')).toEqual(['ConfigInvalid 16:3']);
    // The profile was refused, so the view names an unknown profile, with a suggestion.
    const unknown = r.diagnostics.find((d) => d.message.includes('profile "larg-print" is not defined'));
    expect(unknown?.location).toEqual({ file: 'c.yaml', line: 5, column: 14 });
    expect(r.value.views).toEqual([]);
  });

  it('suggests the nearest profile name for a typo', () => {
    const r = parseSiteConfig(`${VIEW('    profile: larg-print\n')}profiles:\n  large-print: { display: { fontSize: 2 } }\n`, 'c.yaml');
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/did you mean "large-print"/i);
  });
});

describe('the JSON schema of profiles', async () => {
  const { readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const { PROFILE_KEYS, DISPLAY_KEYS, CONTENT_KEYS, CONTROL_KEYS } = await import('./config.ts');
  const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../docs/schema/vitrine.config.schema.json'), 'utf8'));
  const keys = (n: { properties?: object }) => Object.keys(n.properties ?? {}).sort();
  it('allows exactly the keys the validator allows', () => {
    const p = schema.$defs.profile;
    expect(keys(p)).toEqual([...PROFILE_KEYS].sort());
    expect(keys(p.properties.display)).toEqual([...DISPLAY_KEYS].sort());
    expect(keys(p.properties.content)).toEqual([...CONTENT_KEYS].sort());
    expect(keys(p.properties.control)).toEqual([...CONTROL_KEYS].sort());
  });
});
