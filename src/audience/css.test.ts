import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../diagnostics/index.ts';
import { contrast } from './contrast.ts';
import { profileColours, profileStylesheet } from './css.ts';
import type { AudienceProfile } from './types.ts';

const profile = (display: AudienceProfile['display'], control: AudienceProfile['control'] = {}): AudienceProfile => ({ name: 'p', display, content: {}, control: control, origin: { file: 'c.yaml', line: 12, column: 5 } });

describe('contrast', () => {
  it('follows WCAG 2: black on white is 21:1, the theme ink on paper about 16:1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#1b1b1f', '#fbfaf7')).toBeGreaterThan(16);
  });
});

describe('profile colours', () => {
  it('keeps colours that contrast enough and says nothing', () => {
    const bag = new DiagnosticBag();
    expect(profileColours(profile({ foreground: '#222222', background: '#ffffee', link: '#0b3d91' }), bag)).toMatchObject({ foreground: '#222222', background: '#ffffee', link: '#0b3d91', dark: false });
    expect(bag.items).toEqual([]);
  });

  it('replaces text below 4.5:1, pointing at the profile', () => {
    const bag = new DiagnosticBag();
    const c = profileColours(profile({ foreground: '#9a9a9a', background: '#ffffff', link: '#b0b0ff' }), bag)!;
    expect(c.foreground).toBe('#000000');
    expect(c.link).toBe('#000000');
    expect(bag.items.map((d) => d.code)).toEqual(['ProfileContrastLow', 'ProfileContrastLow']);
    expect(bag.items[0]!.location).toEqual({ file: 'c.yaml', line: 12, column: 5 });
    expect(bag.items[0]!.message).toMatch(/text #9a9a9a on #ffffff contrast 2\.\d\d:1, below 4\.5:1/);
  });

  it('makes a high-contrast profile reach 7:1, changing the background when black or white alone cannot', () => {
    const bag = new DiagnosticBag();
    const c = profileColours(profile({ highContrast: true, foreground: '#ffffff', background: '#777777' }), bag)!;
    expect(contrast(c.foreground, c.background)).toBeGreaterThanOrEqual(7);
    expect(contrast(c.link, c.background)).toBeGreaterThanOrEqual(7);
    expect(bag.items[0]!.message).toContain('below 7:1');
    const dark = profileColours(profile({ highContrast: true, invert: true }), new DiagnosticBag())!;
    expect(dark.dark).toBe(true);
    expect(contrast(dark.foreground, dark.background)).toBeGreaterThanOrEqual(7);
    expect(contrast(dark.link, dark.background)).toBeGreaterThanOrEqual(7);
    expect(contrast(dark.highlight, dark.background)).toBeGreaterThanOrEqual(3);
  });

  it('leaves the theme colours alone when the profile sets none', () => {
    expect(profileColours(profile({ fontSize: 2 }), new DiagnosticBag())).toBeUndefined();
  });
});

describe('profile stylesheet', () => {
  it('uses relative units only and names the file by its content', () => {
    const all = profile({ fontSize: 1.5, fontFace: 'monospace', lineSpacing: 2, letterSpacing: 0.12, oneColumn: true, reducedMotion: true, invert: true, highContrast: true, highlight: '#ff00ff' }, { keyboard: true });
    const { css, fileName } = profileStylesheet(all, new DiagnosticBag());
    expect(css).not.toMatch(/\d(px|pt|cm|mm|in)\b/);
    expect(css).toContain('html { font-size: 150%; }');
    expect(css).toContain('line-height: 2;');
    expect(css).toContain('letter-spacing: 0.12em;');
    expect(css).toContain('monospace');
    expect(css).toContain('animation: none !important');
    expect(css).toMatch(/@media \(prefers-contrast: more\)/);
    expect(css).toMatch(/@media \(forced-colors: active\)/);
    expect(fileName).toMatch(/^profile-p\.[0-9a-f]{10}\.css$/);
    const other = profileStylesheet({ ...all, display: { ...all.display, fontSize: 2 } }, new DiagnosticBag());
    expect(other.fileName).not.toBe(fileName);
    expect(profileStylesheet(all, new DiagnosticBag()).fileName).toBe(fileName);
  });
});
