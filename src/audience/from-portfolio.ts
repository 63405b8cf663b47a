/**
 * The portfolio's own audience profile, read from its accessibility parts: IMS LIP
 * `accessibility/preference` (`prefcode` is free text: common phrases are mapped, the rest is
 * reported), `accessibility/language` (preferred languages), and ACCLIP 1.0 `accessForAll`
 * elements kept in the part's extension slots (`ext_accessibility`, `ext_preference`) or as an
 * `imslip-Accessibility` resource of their own.
 * Nothing here changes the part: it is written back on export exactly as it was read.
 * docs/accessibility-profiles.md has the mapping field by field.
 */
import type { DiagnosticBag, Location } from '../diagnostics/index.ts';
import type { Part, Portfolio } from '../model/types.ts';
import type { Extension } from '../model/types.ts';
import { acclipDocuments } from '../model/acclip.ts';

type XmlElement = Extension['element'];
type XmlNode = XmlElement['children'][number];
import { normaliseColour, PORTFOLIO_PROFILE } from './config.ts';
import type { AudienceProfile, DisplayPrefs } from './types.ts';


type Apply = (p: AudienceProfile) => void;

/** A phrase of a `prefcode`, what it does to the profile, and whether that is only an approximation. */
interface Phrase {
  test: RegExp;
  apply: Apply;
  /** Said when the mapping is a guess (a device preference read as a page preference). */
  approximate?: string;
}

const big = (f: number): Apply => (p) => void (p.display.fontSize = Math.max(p.display.fontSize ?? 1, f));

/** Common `prefcode` phrases. Matching is case-insensitive, anywhere in a phrase. */
export const PREFCODE_PHRASES: Phrase[] = [
  { test: /large font display device/, apply: big(1.5), approximate: 'a large-font display device is the reader\'s hardware; the view is built with text at 150 % instead' },
  { test: /(extra|very) large (font|print|text)/, apply: big(2) },
  { test: /large (font|print|text)|larger (font|text)|big (font|text)/, apply: big(1.5) },
  { test: /high[- ]contrast/, apply: (p) => void (p.display.highContrast = true) },
  { test: /invert|white on black|light (text )?on dark|dark (mode|background|theme)/, apply: (p) => void (p.display.invert = true) },
  { test: /reduced? motion|no (auto-?playing )?animation|no autoplay|reduce animation/, apply: (p) => void (p.display.reducedMotion = true) },
  { test: /(one|single)[- ]column/, apply: (p) => void (p.display.oneColumn = true) },
  { test: /(increased|wide|double|extra) (line )?spacing/, apply: (p) => void (p.display.lineSpacing = 2) },
  { test: /letter spacing/, apply: (p) => void (p.display.letterSpacing = 0.12) },
  { test: /sans[- ]?serif/, apply: (p) => void (p.display.fontFace = 'sans-serif') },
  { test: /dyslexi/, apply: (p) => void Object.assign(p.display, { fontFace: 'sans-serif', lineSpacing: Math.max(p.display.lineSpacing ?? 0, 1.5), letterSpacing: 0.12 }), approximate: 'no dyslexia font is shipped; the view uses a sans-serif face with wider line and letter spacing' },
  { test: /caption|subtitle/, apply: (p) => void (p.content.captions = true) },
  { test: /transcript/, apply: (p) => void (p.content.transcript = true) },
  { test: /sign[- ]language/, apply: (p) => void (p.content.signLanguage = true) },
  { test: /long desc|image desc|alt(ernative)?[- ]text|text alternative/, apply: (p) => void Object.assign(p.content, { altText: true, longDescription: true }) },
  { test: /no (flash|flicker)|photosensitiv|seizure/, apply: (p) => void (p.content.hazards = [...new Set([...(p.content.hazards ?? []), 'flashing' as const])]) },
  { test: /keyboard|no mouse|switch access/, apply: (p) => void (p.control.keyboard = true) },
];

/** Phrases for things a static page cannot do (the reader's own software does them). */
const UNHONOURABLE: { test: RegExp; why: string }[] = [
  { test: /screen ?reader|text[- ]to[- ]speech|speech|voice|read aloud/, why: 'speech output is the reader\'s screen reader; pages are written to work with it but cannot set it' },
  { test: /braille/, why: 'Braille output is the reader\'s display hardware' },
  { test: /magnif|zoom/, why: 'magnification is the browser\'s or system\'s zoom, which every page supports (relative units only)' },
  { test: /cursor|pointer|mouse/, why: 'the pointer is drawn by the reader\'s system, not by the page' },
];


function where(part: Part): Location {
  return part.origin ?? { file: part.id };
}

/** Maps one `prefcode` text; reports phrases it cannot map. */
export function applyPrefcode(profile: AudienceProfile, prefcode: string, bag: DiagnosticBag, at: Location): void {
  // Phrases are separated by ; , / or lines; one phrase may say several things ("captions and
  // transcripts"), so every pattern that matches applies.
  for (const raw of prefcode.split(/[;,/\n]/)) {
    const phrase = raw.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!phrase) continue;
    const known = PREFCODE_PHRASES.filter((x) => x.test.test(phrase));
    if (known.length) {
      for (const k of known) {
        k.apply(profile);
        if (k.approximate) bag.add('ProfilePreferenceApproximate', `prefcode "${raw.trim()}": ${k.approximate}`, at);
      }
      continue;
    }
    const cannot = UNHONOURABLE.find((x) => x.test.test(phrase));
    bag.add('ProfilePreferenceUnmapped', cannot ? `prefcode "${raw.trim()}" is kept in the portfolio but cannot shape a static page: ${cannot.why}` : `prefcode "${raw.trim()}" is not a phrase Vitrine knows; it is kept in the portfolio and ignored for the view`, at);
  }
}

// ---- ACCLIP 1.0 accessForAll ----

const local = (e: XmlElement) => e.name.toLowerCase();
const kids = (e: XmlElement): XmlElement[] => e.children.filter((c: XmlNode): c is XmlElement => c.type === 'element');
function valueOf(e: XmlElement): string | undefined {
  const a = e.attrs.find((x) => x.name === 'value');
  if (a) return a.value.trim();
  const t = e.children.map((c) => (c.type === 'text' ? c.text : '')).join('').trim();
  return t || undefined;
}
const truthy = (e: XmlElement) => !/^(false|0|no)$/i.test(valueOf(e) ?? 'true');
function* walk(e: XmlElement): Generator<XmlElement> {
  yield e;
  for (const k of kids(e)) yield* walk(k);
}

/** Fields of `screenEnhancement` a page can honour, by element name (lower case, both spellings). */
function screenEnhancement(d: DisplayPrefs, e: XmlElement, unmapped: (name: string, why: string) => void): void {
  for (const k of kids(e)) {
    const name = local(k);
    const v = valueOf(k);
    const colour = v && /^#?[0-9a-f]{6}$|^#?[0-9a-f]{3}$/i.test(v) ? normaliseColour(v.startsWith('#') ? v : `#${v}`) : undefined;
    if (name === 'fontsize' && v && Number(v) > 0) d.fontSize = Math.min(4, Math.max(0.75, Number(v) / 12)); // points; 12 pt is the usual default
    else if (name === 'magnification' && v && Number(v) > 0) d.fontSize = Math.min(4, Math.max(d.fontSize ?? 1, Number(v)));
    else if (name === 'fontface') {
      const g = [...walk(k)].find((x) => local(x) === 'genericface');
      const face = (g && valueOf(g)?.toLowerCase().replace(/[\s_]+/g, '-')) ?? '';
      if (/^sans-?serif$/.test(face)) d.fontFace = 'sans-serif';
      else if (face === 'serif') d.fontFace = 'serif';
      else if (/^monospaced?$/.test(face)) d.fontFace = 'monospace';
      else unmapped('fontFace', 'only the generic faces serif, sans serif and monospace can be asked of a browser without shipping fonts');
    } else if (/^(foreground|background|highlight|link)colou?r$/.test(name)) {
      if (colour) d[name.replace(/colou?r$/, '') as 'foreground' | 'background' | 'highlight' | 'link'] = colour;
      else unmapped(k.name, `"${v ?? ''}" is not a #rrggbb colour`);
    } else if (name === 'invertcolourchoice' || name === 'invertcolorchoice') d.invert = truthy(k);
    else if (/^cursor/.test(name)) unmapped(k.name, 'the pointer is drawn by the reader\'s system, not by the page');
    else if (name === 'tracking') unmapped(k.name, 'focus tracking is the magnifier\'s job');
    else if (name === 'personalstylesheet') unmapped(k.name, 'a stylesheet at a URL of the reader\'s is theirs to apply in their browser; a published page cannot fetch it');
    else unmapped(k.name, 'not an ACCLIP screenEnhancement field a page can act on');
  }
}

/** Reads one `accessForAll` element (its first context) into the profile. */
export function applyAccessForAll(profile: AudienceProfile, root: XmlElement, bag: DiagnosticBag, at: Location): void {
  const loc = (e: XmlElement): Location => (e.line ? { file: at.file, line: e.line, ...(e.column ? { column: e.column } : {}) } : at);
  const contexts = kids(root).filter((k) => local(k) === 'context');
  const ctx = contexts[0] ?? root;
  for (const section of kids(ctx)) {
    const name = local(section);
    const say = (field: string, why: string, e: XmlElement = section) => bag.add('ProfilePreferenceUnmapped', `accessForAll ${name}/${field} is kept but cannot shape a static page: ${why}`, loc(e));
    if (name === 'display') {
      for (const k of kids(section)) {
        const kn = local(k);
        if (kn === 'screenenhancement') screenEnhancement(profile.display, k, (f, why) => say(`screenEnhancement/${f}`, why, k));
        else if (kn === 'screenreader') say('screenReader', 'speech rate, pitch and volume belong to the reader\'s screen reader; pages are written to work with any', k);
        else if (kn === 'textreadinghighlight') say('textReadingHighlight', 'reading highlight follows speech the page does not produce', k);
        else say(k.name, 'output devices (Braille, tactile, visual alerts) are the reader\'s own', k);
      }
    } else if (name === 'content') {
      for (const e of walk(section)) {
        const n = local(e);
        if (n === 'alternativestovisual' && truthy(e)) profile.content.altText = true;
        else if (/^longdescription/.test(n)) profile.content.longDescription = true;
        else if (n === 'audiodescription') say('alternativesToVisual/audioDescription', 'audio description tracks are not yet chosen by Vitrine', e);
        else if (n === 'captiontype' || n === 'alternativestoauditory') profile.content.captions = true;
        else if (n === 'verbatim' || /transcript/.test(n)) profile.content.transcript = truthy(e) || profile.content.transcript === true;
        else if (n === 'signlanguage') profile.content.signLanguage = true;
        else if (/lang$/.test(n) && valueOf(e) && /^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(valueOf(e)!)) profile.content.languages = [...new Set([...(profile.content.languages ?? []), valueOf(e)!])];
      }
    } else if (name === 'control') {
      for (const k of kids(section)) {
        const kn = local(k);
        if (/keyboard/.test(kn)) profile.control.keyboard = true;
        else say(k.name, 'mouse emulation, voice recognition and coded input are the reader\'s own tools; pages stay operable by keyboard for them', k);
      }
    }
  }
}

/**
 * The portfolio's own profile: every accessibility part merged, in portfolio order. Undefined
 * (with ProfileNotInPortfolio) when the portfolio says nothing a page can act on.
 */
export function profileFromPortfolio(portfolio: Portfolio, bag: DiagnosticBag, origin?: Location): AudienceProfile | undefined {
  const profile: AudienceProfile = { name: PORTFOLIO_PROFILE, display: {}, content: {}, control: {}, ...(origin ? { origin } : {}) };
  const parts = portfolio.parts.filter((p) => p.kind === 'accessibility');
  for (const part of parts) {
    const at = where(part);
    // The reader's neutral facts: a preference's prefcode, a language's code (model/ims/facts.ts).
    for (const f of part.facts ?? []) {
      if (f.key === 'preference') {
        const code = f.value.trim();
        if (code) applyPrefcode(profile, code, bag, at);
      } else if (f.key === 'language') {
        const lang = f.valueTerm?.trim();
        if (lang && /^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(lang)) profile.content.languages = [...new Set([...(profile.content.languages ?? []), lang])];
      }
    }
    for (const ext of part.extensions) for (const e of walk(ext.element)) if (e.name === 'accessForAll') applyAccessForAll(profile, e, bag, at);
  }
  // An ACCLIP document as a resource of its own (an `imslip-Accessibility` resource whose file is
  // `<accessForAll>`): the reader keeps it as a file of the portfolio; read it from there.
  const acclipFiles = acclipDocuments(portfolio);
  for (const { path, root } of acclipFiles) applyAccessForAll(profile, root, bag, { file: path, ...(root.line ? { line: root.line } : {}) });
  const found = parts.length + acclipFiles.length;
  const acts = Object.keys(profile.display).length + Object.keys(profile.control).length + Object.keys(profile.content).filter((k) => k !== 'languages').length;
  if (acts === 0) {
    const location = origin ?? { file: 'vitrine.config.yaml' };
    bag.add('ProfileNotInPortfolio', found ? `the portfolio's accessibility parts (${parts.map((p) => p.id).join(', ')}) hold no preference a page can act on; the view is built without a profile` : 'the portfolio has no accessibility part; the view is built without a profile', location);
    return undefined;
  }
  return profile;
}
