/**
 * The JSON Schema of the site config (`vitrine.config.yaml`, `.yml`, `.json`, and the view
 * fields of an authored `portfolio.yaml`): the one description of the file. It is published as
 * docs/schema/vitrine.config.schema.json (`npm run schema` writes it; a test fails when the
 * published file differs) and it is what the config is checked against (config-read.ts).
 * `errorMessage` / `patternErrorMessage` word a finding for editors (VS Code reads them) and for
 * Vitrine alike; `x-expected` and `x-hint` are Vitrine's own words (diagnostics/schema-words.ts).
 */
import { PART_KINDS } from '../model/types.ts';
import { COLOUR_SCHEMA, PROFILE_SCHEMA } from '../audience/profile-schema.ts';
import { LANG_PATTERN, MAX_ID_LENGTH, VIEW_ID_PATTERN } from '../audience/names.ts';
import { FOLLOWS } from './follow.ts';

/** View ids taken by the site root (`_site/theme/` holds the theme's CSS and fonts). */
export const RESERVED_VIEW_IDS = ['theme'];

const text = { $ref: '#/$defs/text' };
const SITE_COLOUR = { type: 'string', pattern: '^#[0-9a-fA-F]{6}$', patternErrorMessage: 'must be a colour written #rrggbb, such as "#0b5394" (in quotes: YAML reads # as a comment)' };

/** The published config schema (docs/schema/vitrine.config.schema.json). */
export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Vitrine site configuration (vitrine.config.yaml / vitrine.config.json)',
  description: 'The views Vitrine builds from a portfolio: for each audience, which parts it sees, in which order, with which access level and theme. See docs/views.md. Vitrine also checks what a schema cannot say: view ids must be unique, a view\'s profile: must name a profile of profiles:, passphraseEnv is for protected views only.',
  type: 'object',
  additionalProperties: false,
  required: ['views'],
  properties: {
    $schema: { description: 'Where this schema lives, for editors that check the file as you type.', type: 'string' },
    url: {
      description: 'The site\'s public base URL (https://example.org/portfolio/), for link previews, canonical links, the sitemap and feeds. Without it those absolute links are left out. See docs/deploy.md.',
      type: 'string',
      pattern: '^https?://[^?#@\\s]+$',
      patternErrorMessage: 'is not an http(s) address without credentials, query or fragment, such as https://example.org/portfolio/',
    },
    views: {
      description: 'The views to build. Without a config file Vitrine builds one noindex preview of everything.',
      type: 'array',
      minItems: 1,
      'x-hint': 'list at least one view, or remove the file to build the preview',
      items: { $ref: '#/$defs/view' },
    },
    profiles: {
      description: 'Audience accessibility profiles by name; a view\'s profile: names one. See docs/accessibility-profiles.md.',
      type: 'object',
      propertyNames: {
        pattern: VIEW_ID_PATTERN.source,
        maxLength: MAX_ID_LENGTH,
        not: { enum: ['portfolio'] },
        patternErrorMessage: 'must use lowercase letters, digits, - and _, starting with a letter or digit',
        errorMessage: 'is reserved for the portfolio\'s own accessibility preferences',
      },
      additionalProperties: { $ref: '#/$defs/profile' },
    },
    theme: { description: 'The site\'s theme: every view without a theme of its own, and the site\'s root page.', $ref: '#/$defs/theme' },
  },
  $defs: {
    text: { type: 'string', pattern: '\\S', patternErrorMessage: 'is empty' },
    view: {
      description: 'One presentation of the portfolio, for one audience, in its own folder.',
      type: 'object',
      additionalProperties: false,
      required: ['id', 'select'],
      properties: {
        id: {
          description: 'Names the view\'s folder (public views): keep it stable, links depend on it. Unique among the views; \'theme\' is reserved.',
          type: 'string',
          pattern: VIEW_ID_PATTERN.source,
          maxLength: MAX_ID_LENGTH,
          not: { enum: RESERVED_VIEW_IDS },
          patternErrorMessage: `is not a safe folder name: use lowercase letters, digits, - and _, starting with a letter or digit, at most ${MAX_ID_LENGTH} characters`,
          errorMessage: 'is reserved: the site root\'s theme/ folder holds the theme',
        },
        title: { description: 'The view\'s title on its pages. Default: the id.', ...text },
        description: { description: 'A line about the view, for its index page.', ...text },
        access: {
          description: 'public: folder named from the id, listed on the site\'s index. unlisted: an unguessable folder (token kept in .vitrine-secrets.json), noindex, listed nowhere. protected: like unlisted, and every file encrypted; opened in the browser with a passphrase (docs/access.md).',
          enum: ['public', 'unlisted', 'protected'],
          default: 'public',
        },
        lang: {
          description: 'BCP 47 language of the theme\'s words and date formats. Default: the portfolio\'s language, else en.',
          type: 'string',
          pattern: LANG_PATTERN.source,
          patternErrorMessage: 'is not a language tag such as en, fr or pt-BR',
        },
        select: {
          description: 'What the view shows. The order of the entries is the order on the page; a part selected twice keeps its first place.',
          type: 'array',
          minItems: 1,
          'x-hint': 'a view must show at least one part',
          items: { $ref: '#/$defs/selector' },
        },
        theme: { description: 'The view\'s theme, instead of the site\'s.', $ref: '#/$defs/theme' },
        profile: {
          description: 'The audience this view is built for: a name from profiles:, portfolio (the portfolio\'s own accessibility preferences), or a profile written here.',
          oneOf: [{ type: 'string', minLength: 1 }, { $ref: '#/$defs/profile' }],
        },
        package: {
          description: 'Also write package.zip (an IMS package of this view\'s parts and files only) into the view\'s folder.',
          type: 'boolean',
          default: false,
        },
        passphraseEnv: {
          description: 'Protected views only: the name of the environment variable holding the passphrase (never the passphrase itself). When it is unset, a generated passphrase kept in .vitrine-secrets.json is used.',
          type: 'string',
          pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
          patternErrorMessage: 'must name an environment variable (letters, digits, _), such as VITRINE_PASSPHRASE, not hold the passphrase itself',
        },
        xsl: {
          description: 'An XSL view (docs/xsl-views.md): an XSLT stylesheet relative to the config file, or { package: RESOURCE-ID } for an ims-epView resource of the input package (runs only with --allow-package-code, alias --allow-package-xsl).',
          'x-expected': 'a stylesheet such as xsl/my-view.xsl, { package: RESOURCE-ID } (an ims-epView resource of the input package) or { osp: TEMPLATE.xsl } (a Sakai OSP presentation template)',
          oneOf: [
            { type: 'string', pattern: '\\.(xsl|xslt|XSL|XSLT)$', patternErrorMessage: 'must name an XSLT file ending in .xsl or .xslt' },
            { type: 'object', additionalProperties: false, required: ['package'], properties: { package: text } },
            {
              type: 'object',
              additionalProperties: false,
              required: ['osp'],
              properties: { osp: { ...text, description: 'A Sakai OSP presentation template (such as freeform_template.xsl), relative to the config file.' } },
            },
          ],
        },
        tags: {
          description: 'Tags not shown on the view\'s pages. Tags named by a select entry\'s tag: are hidden anyway: they choose parts, they do not describe them.',
          type: 'object',
          additionalProperties: false,
          properties: { hide: { oneOf: [text, { type: 'array', items: text }] } },
        },
      },
    },
    selector: {
      description: 'One entry of select: the parts matching every field given, plus what \'with\' follows from them.',
      type: 'object',
      additionalProperties: false,
      anyOf: [{ required: ['id'] }, { required: ['kind'] }, { required: ['tag'] }, { required: ['status'] }],
      'x-hint': 'to say which parts it selects',
      properties: {
        id: { description: 'A part id as the source gave it (indexid), its slug, or its source id (sourcedid id). Compared exactly.', ...text },
        kind: { description: 'The part kind.', enum: [...PART_KINDS] },
        tag: { description: 'A tag of the part, or its type (typename) such as Education or branding. Case-insensitive.', ...text },
        status: { description: 'The part\'s status (Active, Completed, ...). Case-insensitive.', ...text },
        with: {
          description: 'Relations to follow from each matched part: evidence (parts that Evidences it), parts (nested parts), reflections (ReflectsOn, and Claims by a reflexion), assertions (Attests, Evaluates, and Claims by any other part).',
          oneOf: [{ $ref: '#/$defs/follow' }, { type: 'array', items: { $ref: '#/$defs/follow' } }],
        },
        sort: {
          description: 'Order of this entry\'s matches: date (default; newest first, undated last), title, or manual (the order of the portfolio). Across entries the order is the select list\'s.',
          enum: ['date', 'title', 'manual'],
        },
      },
    },
    follow: { enum: [...FOLLOWS] },
    colour: COLOUR_SCHEMA,
    profile: PROFILE_SCHEMA,
    themeSettings: {
      description: 'Settings of the theme, set here instead of writing CSS (docs/themes.md). Colours must keep text contrast at 4.5:1; the build warns when they do not.',
      type: 'object',
      additionalProperties: false,
      properties: {
        accent: { description: 'Colour of links and highlights, #rrggbb.', ...SITE_COLOUR },
        ink: { description: 'Colour of the text, #rrggbb.', ...SITE_COLOUR },
        paper: { description: 'Colour of the background, #rrggbb.', ...SITE_COLOUR },
        font: {
          description: 'serif, sans, mono, or a font family (one the theme ships in assets/, or the reader has).',
          type: 'string',
          pattern: '^[\\p{L}\\p{N}][\\p{L}\\p{N} -]{0,62}$',
          patternErrorMessage: 'must be serif, sans, mono or a font family name (letters, digits, spaces, hyphens)',
        },
        density: { description: 'Space between things: compact, normal (default) or airy.', enum: ['compact', 'normal', 'airy'] },
        layout: { description: 'How the theme arranges work: grid, masonry or list (each theme says which it uses).', enum: ['grid', 'masonry', 'list'] },
      },
    },
    theme: {
      description: 'A theme: a bundled one (editorial, studio, resume), a folder relative to the config file, or an npm package installed beside the config (looked up from the config\'s folder upward). Or a mapping with use, templates and settings.',
      'x-expected': 'a theme name (studio, ./my-theme, vitrine-theme-x) or a mapping such as { use: studio, settings: { accent: "#0b5394" } }',
      oneOf: [
        text,
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            use: { description: 'The theme: editorial (default), studio, resume, ./a-folder or vitrine-theme-name.', ...text },
            templates: { description: 'A folder of templates overriding the theme\'s file by file, relative to the config file.', ...text },
            settings: { $ref: '#/$defs/themeSettings' },
          },
        },
      ],
    },
  },
} as const;

/** Keys allowed at the top of the config file. */
export const TOP_KEYS = Object.keys(CONFIG_SCHEMA.properties) as (keyof typeof CONFIG_SCHEMA.properties)[];
/** Keys allowed in a view. */
export const VIEW_KEYS = Object.keys(CONFIG_SCHEMA.$defs.view.properties);
/** Keys allowed in a `select` entry. */
export const SELECTOR_KEYS = Object.keys(CONFIG_SCHEMA.$defs.selector.properties);
/** Keys allowed in a `theme` mapping. */
export const THEME_KEYS = Object.keys(CONFIG_SCHEMA.$defs.theme.oneOf[1].properties);
/** Keys allowed in a theme's `settings`. */
export const SETTING_KEYS = Object.keys(CONFIG_SCHEMA.$defs.themeSettings.properties);
/** The access levels a view may have. */
export const ACCESS_LEVELS = CONFIG_SCHEMA.$defs.view.properties.access.enum;
/** Orders a select entry may ask for. */
export const SORT_ORDERS = CONFIG_SCHEMA.$defs.selector.properties.sort.enum;
export { VIEW_ID_PATTERN, LANG_PATTERN, MAX_ID_LENGTH } from '../audience/names.ts';
