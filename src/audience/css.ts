/**
 * A profile's stylesheet: custom properties and a few rules layered over the theme's
 * vitrine.css. Relative units only (rem, em, %, unitless line heights), so browser zoom and the
 * reader's default text size keep working; colours are checked for contrast here, at build time;
 * the reader's own settings (reduced motion, more contrast, forced colours) win in the browser.
 */
import { createHash } from 'node:crypto';
import type { DiagnosticBag } from '../diagnostics/index.ts';
import { blackOrWhite, contrast } from './contrast.ts';
import type { AudienceProfile } from './types.ts';

/** Text contrast a profile must reach (WCAG 1.4.3), and a high-contrast one (WCAG 1.4.6). */
export const TEXT_CONTRAST = 4.5;
export const HIGH_CONTRAST = 7;
/** Focus outlines and other non-text marks (WCAG 1.4.11). */
export const NON_TEXT_CONTRAST = 3;

/** Colours a profile starts from before its own choices: light (the theme's) or dark. */
const PALETTES = {
  light: { foreground: '#1b1b1f', background: '#fbfaf7', link: '#8a2c0f', highlight: '#8a2c0f' },
  lightHigh: { foreground: '#000000', background: '#ffffff', link: '#1a0dab', highlight: '#1a0dab' },
  dark: { foreground: '#ececec', background: '#141414', link: '#9ecbff', highlight: '#9ecbff' },
  darkHigh: { foreground: '#ffffff', background: '#000000', link: '#ffe066', highlight: '#ffe066' },
} as const;

/** Generic families a profile may name, each with a few common fonts of that kind first. */
const FACES = {
  serif: 'Georgia, "Times New Roman", serif',
  'sans-serif': 'Verdana, "Segoe UI", Arial, sans-serif',
  monospace: '"DejaVu Sans Mono", Menlo, Consolas, monospace',
} as const;

/** The colours a profile ends up with, after the contrast checks. */
export interface ProfileColours {
  foreground: string;
  background: string;
  link: string;
  highlight: string;
  dark: boolean;
}

/** Resolves a profile's colours; any pair below its threshold is reported and replaced. */
export function profileColours(profile: AudienceProfile, bag: DiagnosticBag): ProfileColours | undefined {
  const d = profile.display;
  const wants = d.foreground || d.background || d.link || d.highlight || d.invert || d.highContrast;
  if (!wants) return undefined;
  const base = PALETTES[d.invert ? (d.highContrast ? 'darkHigh' : 'dark') : d.highContrast ? 'lightHigh' : 'light'];
  const c = { foreground: d.foreground ?? base.foreground, background: d.background ?? base.background, link: d.link ?? base.link, highlight: d.highlight ?? base.highlight };
  const need = d.highContrast ? HIGH_CONTRAST : TEXT_CONTRAST;
  const at = profile.origin;
  const say = (what: string, ratio: number, min: number, instead: string) =>
    bag.add('ProfileContrastLow', `profile "${profile.name}": ${what} contrast ${ratio.toFixed(2)}:1, below ${min}:1; ${instead}`, at);
  let r = contrast(c.foreground, c.background);
  if (r < need) {
    const fg = blackOrWhite(c.background);
    if (contrast(fg, c.background) >= need) {
      say(`text ${c.foreground} on ${c.background}`, r, need, `the text is ${fg} instead`);
      c.foreground = fg;
    } else {
      const bg = fg === '#000000' ? '#ffffff' : '#000000';
      say(`text ${c.foreground} on ${c.background}`, r, need, `the text is ${fg} on ${bg} instead`);
      c.foreground = fg;
      c.background = bg;
    }
  }
  r = contrast(c.link, c.background);
  if (r < need) {
    say(`link ${c.link} on ${c.background}`, r, need, `links take the text colour ${c.foreground} (they stay underlined)`);
    c.link = c.foreground;
  }
  r = contrast(c.highlight, c.background);
  if (r < NON_TEXT_CONTRAST) {
    say(`highlight ${c.highlight} on ${c.background}`, r, NON_TEXT_CONTRAST, `focus outlines use the link colour ${c.link}`);
    c.highlight = c.link;
  }
  return { ...c, dark: contrast('#000000', c.background) < contrast('#ffffff', c.background) };
}

/** The generated stylesheet of a profile and its content-hashed file name under `theme/`. */
export function profileStylesheet(profile: AudienceProfile, bag: DiagnosticBag): { css: string; fileName: string } {
  const d = profile.display;
  const out: string[] = [`/* Vitrine audience profile "${profile.name}", generated from the site config: edit the profile, not this file. */`];
  const colours = profileColours(profile, bag);
  if (colours) {
    const { foreground: fg, background: bg, link, highlight } = colours;
    const vars = [`--ink: ${fg}`, `--paper: ${bg}`, `--card: ${bg}`, `--tint: ${bg}`, `--accent-soft: ${bg}`, `--muted: ${fg}`, `--accent: ${link}`, `--focus: ${highlight}`, `--line: ${d.highContrast ? fg : `color-mix(in srgb, ${fg} 45%, ${bg})`}`, `color-scheme: ${colours.dark ? 'dark' : 'light'}`];
    // With forced colours (Windows High Contrast) the reader's system colours win: the
    // profile's colours step aside rather than mix with them.
    out.push(`@media not (forced-colors: active) {
  :root { ${vars.join('; ')}; }
  :focus-visible { outline-color: var(--focus); }
}`);
    out.push('.status { border: 0.08em solid currentColor; }', '.media--image img { box-shadow: none; }');
  }
  if (d.fontFace) out.push(`:root { --font-text: ${FACES[d.fontFace]}; --font-ui: ${FACES[d.fontFace]}; }`);
  // A percentage of the reader's own default size: their settings and zoom still scale it.
  if (d.fontSize) out.push(`html { font-size: ${+(d.fontSize * 100).toFixed(1)}%; }`);
  const text = ':is(body, p, li, dd, dt, blockquote, figcaption, td, th, .lede, .tile-excerpt, .quote, .quote--large, .card-text)';
  if (d.lineSpacing) out.push(`${text} { line-height: ${d.lineSpacing}; }`, `main p { margin-block: ${+(d.lineSpacing * 0.75).toFixed(2)}em; }`);
  if (d.letterSpacing !== undefined) out.push(`${text} { letter-spacing: ${d.letterSpacing}em; word-spacing: ${+(d.letterSpacing * 1.33).toFixed(3)}em; }`);
  if (d.oneColumn) {
    out.push(
      '.cards, .gallery, .gallery--small, .quotes, .outcomes, .rubric-levels { grid-template-columns: minmax(0, 1fr); }',
      '.part-layout, .part-layout:has(> .part-side > *), .rubric-dim { grid-template-columns: minmax(0, 1fr) !important; }',
      '.details dl > div { grid-template-columns: minmax(0, 1fr); }',
      '.site-header .wrap { display: block; }',
    );
  }
  if (d.reducedMotion) out.push('*, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }');
  if (profile.control.keyboard) {
    out.push(
      // The skip link stays in view, not only on focus.
      '.skip { position: static; display: inline-block; margin: 0.5rem; min-height: 2.75rem; }',
      ':focus-visible { outline-width: 0.25rem; outline-style: solid; outline-offset: 0.2rem; }',
      // Targets of at least 2.75rem (44 px at the default size; WCAG 2.5.5).
      '.site-nav a, .crumbs a, .chooser a, .contact a, .package a, .relations a, .about a, .file-link { display: inline-block; min-height: 2.75rem; min-width: 2.75rem; padding-block: 0.6rem; max-width: 100%; overflow-wrap: anywhere; }',
      '.site-nav ul { gap: 0.25rem 1.25rem; }',
    );
  }
  // The reader's settings win: asking the system for more contrast darkens the muted greys and
  // lines too; forced colours (Windows High Contrast) keep the system's colours and a visible focus.
  out.push('@media (prefers-contrast: more) { :root { --muted: var(--ink); --line: var(--ink); } }');
  out.push('@media (forced-colors: active) { :focus-visible { outline-color: Highlight; } }');
  const css = `${out.join('\n')}\n`;
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);
  return { css, fileName: `profile-${profile.name}.${hash}.css` };
}
