/**
 * The `profiles:` map of the site config and a view's `profile:` (a name, `portfolio`, or a
 * profile written inline), turned into AudienceProfile values once the schema check
 * (profile-schema.ts, within the config schema) has found the document sound. What a schema
 * cannot say is checked here: a percentage's range, and a view naming a profile that exists.
 */
import type { DiagnosticBag, Location } from '../diagnostics/index.ts';
import { didYouMean } from '../diagnostics/suggest.ts';
import { NUMBER_RANGES, PROFILE_SCHEMA } from './profile-schema.ts';
import type { AudienceProfile, ContentPrefs, ControlPrefs, DisplayPrefs, ProfileRef } from './types.ts';

export { NUMBER_RANGES } from './profile-schema.ts';

/** Keys of a profile. */
export const PROFILE_KEYS = Object.keys(PROFILE_SCHEMA.properties) as (keyof typeof PROFILE_SCHEMA.properties)[];
/** Keys of a profile's `display`. */
export const DISPLAY_KEYS = Object.keys(PROFILE_SCHEMA.properties.display.properties);
/** Keys of a profile's `content`. */
export const CONTENT_KEYS = Object.keys(PROFILE_SCHEMA.properties.content.properties);
/** Keys of a profile's `control`. */
export const CONTROL_KEYS = Object.keys(PROFILE_SCHEMA.properties.control.properties);
/** The profile name a view uses to ask for the portfolio's own accessibility preferences. */
export const PORTFOLIO_PROFILE = 'portfolio';

/** `#abc` → `#aabbcc`, lower case. */
export function normaliseColour(s: string): string {
  const h = s.slice(1).toLowerCase();
  return `#${h.length === 3 ? [...h].map((c) => c + c).join('') : h}`;
}

/** What reading a profile needs: where to report, and where each path of the file is. */
export interface ProfileContext {
  bag: DiagnosticBag;
  at(path: readonly (string | number)[]): Location;
  /** Where the value at `path` starts, with its line and column, as records keep it (`origin`). */
  origin(path: readonly (string | number)[]): Location;
  /** How messages name the value at `path` (`profiles.large-print`, `view "cv": profile`). */
  name(path: readonly (string | number)[]): string;
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/**
 * A checked profile mapping as an AudienceProfile; undefined (after a ConfigInvalid) when a
 * percentage is out of its range, which the schema cannot check.
 */
export function readProfile(cx: ProfileContext, v: unknown, name: string, path: readonly (string | number)[]): AudienceProfile | undefined {
  const o = asObj(v);
  const profile: AudienceProfile = { name, display: {}, content: {}, control: {}, origin: cx.origin(path) };
  if (typeof o.title === 'string') profile.title = o.title;
  let ok = true;
  const display: DisplayPrefs = profile.display;
  for (const [key, value] of Object.entries(asObj(o.display))) {
    if (key === 'fontSize' || key === 'lineSpacing' || key === 'letterSpacing') {
      // `150%` is text in YAML; it means 1.5.
      const n = typeof value === 'string' ? Number(value.trim().slice(0, -1)) / 100 : Number(value);
      const [min, max] = NUMBER_RANGES[key];
      if (n < min || n > max) {
        cx.bag.add('ConfigInvalid', `${cx.name([...path, 'display', key])} ${n} is outside ${min}–${max}`, cx.at([...path, 'display', key]));
        ok = false;
      } else display[key] = n;
    } else if (key === 'foreground' || key === 'background' || key === 'highlight' || key === 'link') display[key] = normaliseColour(String(value).trim());
    else if (key === 'fontFace') display.fontFace = value as DisplayPrefs['fontFace'];
    else display[key as 'highContrast' | 'invert' | 'oneColumn' | 'reducedMotion'] = value === true;
  }
  const content: ContentPrefs = profile.content;
  for (const [key, value] of Object.entries(asObj(o.content))) {
    if (key === 'hazards') content.hazards = [...new Set(asList(value))] as ContentPrefs['hazards'];
    else if (key === 'languages') content.languages = [...new Set(asList(value).map(String))];
    else content[key as 'altText' | 'longDescription' | 'captions' | 'transcript' | 'signLanguage'] = value === true;
  }
  const control: ControlPrefs = profile.control;
  for (const [key, value] of Object.entries(asObj(o.control))) control[key as 'keyboard'] = value === true;
  return ok ? profile : undefined;
}

/**
 * Resolves a view's `profile:`: a name from `profiles:`, `portfolio`, or an inline profile (read
 * by the caller). An unknown name is an error: a view built for the wrong audience is worse than
 * no build.
 */
export function resolveViewProfile(cx: ProfileContext, name: string, path: readonly (string | number)[], profiles: Map<string, AudienceProfile>, viewName: string): ProfileRef | undefined {
  if (name === PORTFOLIO_PROFILE) return { fromPortfolio: true, origin: cx.origin(path) };
  const p = profiles.get(name);
  if (p) return { profile: p };
  const names = [...profiles.keys(), PORTFOLIO_PROFILE];
  cx.bag.add('ConfigInvalid', `${viewName}: profile "${name}" is not defined under profiles:.${didYouMean(name, names) || ` Defined: ${names.join(', ')}.`}`, cx.at(path));
  return undefined;
}
