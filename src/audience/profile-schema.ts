/**
 * The JSON Schema of an audience profile (`profiles:` in the site config, or a view's inline
 * `profile:`). It is part of docs/schema/vitrine.config.schema.json (views/config-schema.ts),
 * from which both that published file and the config check come.
 */
import { FONT_FACES, HAZARDS } from './types.ts';
import { LANG_PATTERN } from './names.ts';

/** Ranges of the numeric display fields: far enough for real needs, near enough to catch typos. */
export const NUMBER_RANGES = { fontSize: [0.75, 4], lineSpacing: [1, 3], letterSpacing: [0, 0.5] } as const;

const bool = { type: 'boolean' };
const colour = { $ref: '#/$defs/colour' };
/** A factor (1.5) in its range, or a percentage ("150%"), whose range the reader checks once converted. */
const factor = (k: keyof typeof NUMBER_RANGES) => ({
  oneOf: [
    { type: 'number', minimum: NUMBER_RANGES[k][0], maximum: NUMBER_RANGES[k][1] },
    { type: 'string', pattern: '^\\d+(\\.\\d+)?%$', patternErrorMessage: 'is not a number (1.5) or a percentage ("150%")' },
  ],
});
/** One word of a list, or a list of them. */
const oneOrMore = (item: object) => ({ oneOf: [item, { type: 'array', items: item }] });

/** `$defs.colour` of the config schema: a profile colour. */
export const COLOUR_SCHEMA = {
  description: 'A colour as #rrggbb or #rgb; quote it in YAML, where # starts a comment.',
  type: 'string',
  pattern: '^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$',
  patternErrorMessage: 'is not a colour written as #rrggbb or #rgb',
};

/** `$defs.profile` of the config schema. */
export const PROFILE_SCHEMA = {
  description: 'What one audience needs: display (how pages look), content (which alternatives to media) and control (keyboard). See docs/accessibility-profiles.md.',
  type: 'object',
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1 },
    display: {
      type: 'object',
      additionalProperties: false,
      properties: {
        fontSize: { description: 'Text size as a factor of the reader\'s own default (1.5) or a percentage ("150%").', ...factor('fontSize') },
        fontFace: { enum: [...FONT_FACES] },
        foreground: colour,
        background: colour,
        highlight: colour,
        link: colour,
        highContrast: bool,
        invert: bool,
        lineSpacing: { description: 'Line height as a factor of the font size.', ...factor('lineSpacing') },
        letterSpacing: { description: 'Letter spacing in em.', ...factor('letterSpacing') },
        oneColumn: bool,
        reducedMotion: bool,
      },
    },
    content: {
      type: 'object',
      additionalProperties: false,
      properties: {
        altText: bool,
        longDescription: bool,
        captions: bool,
        transcript: bool,
        signLanguage: bool,
        hazards: oneOrMore({ enum: [...HAZARDS] }),
        languages: oneOrMore({ type: 'string', pattern: LANG_PATTERN.source, patternErrorMessage: 'is not a language tag such as en, fr or pt-BR' }),
      },
    },
    control: { type: 'object', additionalProperties: false, properties: { keyboard: bool } },
  },
} as const;
