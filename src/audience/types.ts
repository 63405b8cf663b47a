/**
 * Audience profiles: what one audience needs from a view (IMS ACCLIP / AccessForAll, reduced to
 * what a static page can honour). A view has at most one; the view's CSS and its choice of media
 * alternatives are made for it. docs/accessibility-profiles.md maps every field to its sources.
 */

import type { Location } from '../diagnostics/index.ts';

/** A colour as `#rrggbb` (validated; `#rgb` is expanded on reading). */
export type HexColour = string;

/** The generic font families a page can ask for without shipping fonts. */
export const FONT_FACES = ['serif', 'sans-serif', 'monospace'] as const;
export type FontFace = (typeof FONT_FACES)[number];

/** Hazards an audience asks to avoid (AccessForAll `hazard` values a page can act on). */
export const HAZARDS = ['flashing', 'motion-simulation', 'sound'] as const;
export type Hazard = (typeof HAZARDS)[number];

/** How pages look: ACCLIP `display/screenEnhancement`. */
export interface DisplayPrefs {
  /** Text size as a factor of the reader's own default size (1.5 = 150 %); never a pixel size. */
  fontSize?: number;
  fontFace?: FontFace;
  foreground?: HexColour;
  background?: HexColour;
  /** Colour of focus outlines and highlighted (marked) text. */
  highlight?: HexColour;
  link?: HexColour;
  /** Text reaches 7:1 against its background (WCAG 1.4.6), muted text included. */
  highContrast?: boolean;
  /** Light text on a dark background (ACCLIP `invertColourChoice`). */
  invert?: boolean;
  /** Line height as a factor of the font size (1.5 = WCAG 1.4.12's minimum). */
  lineSpacing?: number;
  /** Letter spacing in em (0.12 = WCAG 1.4.12). */
  letterSpacing?: number;
  /** Every grid and sidebar laid out as one column. */
  oneColumn?: boolean;
  /** No animation or transition, whatever the reader's system says. */
  reducedMotion?: boolean;
}

/** Which alternatives the audience needs: ACCLIP `content`. */
export interface ContentPrefs {
  /** Alternatives to visual content: text alternatives of images. */
  altText?: boolean;
  /** Alternatives to visual content: long descriptions, shown expanded. */
  longDescription?: boolean;
  /** Alternatives to auditory content: captions tracks, the audience's language marked default. */
  captions?: boolean;
  /** Alternatives to auditory content: transcripts, shown inline. */
  transcript?: boolean;
  /** A sign-language version of audio and video, shown beside it. */
  signLanguage?: boolean;
  hazards?: Hazard[];
  /** BCP 47 tags, most preferred first (captions tracks are chosen by them). */
  languages?: string[];
}

/** How the audience operates the page: ACCLIP `control`. */
export interface ControlPrefs {
  /** Keyboard only: a visible skip link, large focus outlines and larger link targets. */
  keyboard?: boolean;
}

/** One audience profile. */
export interface AudienceProfile {
  /** Its name in `profiles:`, `portfolio` for the portfolio's own, or `view-<id>` for an inline one. */
  name: string;
  title?: string;
  display: DisplayPrefs;
  content: ContentPrefs;
  control: ControlPrefs;
  /** Where it was defined, for diagnostics about it. */
  origin?: Location;
}

/** A view's `profile:`: a named profile (resolved by the config), or the portfolio's own. */
export type ProfileRef = { profile: AudienceProfile } | { fromPortfolio: true; origin?: Location };

/** True when the profile asks for nothing (it changes no page). */
export function isEmptyProfile(p: AudienceProfile): boolean {
  return Object.keys(p.display).length + Object.keys(p.content).length + Object.keys(p.control).length === 0;
}
