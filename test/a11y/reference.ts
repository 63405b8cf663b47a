/**
 * The reference view of the accessibility checks: a few parts of the example (named by id, which
 * stay the same whatever format `content/` is written in) built once without a profile and once
 * under every profile of the example's config, plus a test profile with colours too pale that
 * the build must replace. Used by axe.test.ts and by the screenshot script.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../support/env.ts';

/** A profile as written in the config. */
export interface ProfileText {
  display?: Record<string, unknown>;
  content?: Record<string, unknown>;
  control?: Record<string, unknown>;
}

/** The example's config, whose profiles the reference view is built under. */
export const exampleConfig = parseYaml(readFileSync(join(repoRoot, 'content', 'vitrine.config.yaml'), 'utf8')) as {
  views: { id: string; title: string; access?: string; profile?: string }[];
  profiles: Record<string, ProfileText>;
};

/** A profile whose colours are too pale: the build must warn and replace them. */
export const PALE: ProfileText = { display: { foreground: '#9a9a9a', background: '#ffffff', link: '#b0b0ff' } };

/** Every profile of the example, and the pale one. */
export const referenceProfiles: Record<string, ProfileText> = { ...exampleConfig.profiles, 'test-pale-colours': PALE };

/** The parts of the reference view: an image, audio with captions and a transcript, cards. */
export const REFERENCE_SELECT = [
  { kind: 'identification' },
  { id: 'competency_accessibility', with: ['evidence', 'reflections', 'assertions'] },
  { id: 'product_talk_lire' },
  { id: 'product_poster_nord' },
  { kind: 'activity', with: ['parts'] },
  { kind: 'qcl' },
];

/** The reference view's id under a profile (`none` for no profile). */
export const refId = (name: string) => `ref-${name}`;

/** The themes checked besides the default (editorial): the bundled ones and the example theme folder. */
export const REFERENCE_THEMES: Record<string, string> = { studio: 'studio', resume: 'resume', folder: join(repoRoot, 'docs', 'example-theme') };

/** The reference view's id under a theme and a profile. */
export const themeRefId = (theme: string, profile: string) => `ref-${theme}-${profile}`;

/** Writes a config of the reference view under every theme × every profile (and none) into `dir`. */
export function writeThemesConfig(dir: string, profiles: Record<string, ProfileText> = referenceProfiles): string {
  const config = join(dir, 'vitrine.config.json');
  const views = Object.entries(REFERENCE_THEMES).flatMap(([theme, use]) =>
    ['none', ...Object.keys(profiles)].map((name) => ({
      id: themeRefId(theme, name),
      title: `Reference view, theme ${theme}, ${name === 'none' ? 'no profile' : `profile ${name}`}`,
      theme: use,
      ...(name === 'none' ? {} : { profile: name }),
      select: REFERENCE_SELECT,
    })),
  );
  writeFileSync(config, JSON.stringify({ profiles, views }, null, 2));
  return config;
}

/** Writes the reference config (JSON) into `dir` and returns its path. */
export function writeReferenceConfig(dir: string, profiles: Record<string, ProfileText> = referenceProfiles): string {
  const config = join(dir, 'vitrine.config.json');
  const views = [
    { id: refId('none'), title: 'Reference view, no profile', select: REFERENCE_SELECT },
    ...Object.keys(profiles).map((name) => ({ id: refId(name), title: `Reference view, profile ${name}`, profile: name, select: REFERENCE_SELECT })),
  ];
  writeFileSync(config, JSON.stringify({ profiles, views }, null, 2));
  return config;
}
