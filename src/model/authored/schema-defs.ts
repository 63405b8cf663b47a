/**
 * The shared definitions (`$defs`) of the authored part schema (schema.ts): how a text, a
 * vocabulary term, a date, a list of ids, an attachment and a description are written.
 */

/** `$defs` of docs/schema/authored-part.schema.json. */
export const PART_DEFS = {
  text: {
    description: "A text in the part's language, or { text, lang } in another ('' for none).",
    oneOf: [
      { type: ['string', 'number', 'boolean'] },
      {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { type: ['string', 'number', 'boolean'] },
          lang: { type: ['string', 'number', 'boolean'] }
        }
      }
    ]
  },
  term: {
    description: 'A word (Essay, Work, Active) or { value, lang, source, sourceType }.',
    oneOf: [
      { type: ['string', 'number', 'boolean'] },
      {
        type: 'object',
        additionalProperties: false,
        required: ['value'],
        properties: {
          value: { type: ['string', 'number', 'boolean'] },
          lang: { type: ['string', 'number', 'boolean'] },
          source: { type: ['string', 'number', 'boolean'] },
          sourceType: { type: ['string', 'number', 'boolean'] }
        }
      }
    ]
  },
  date: {
    description: 'ISO 8601: 2024-05-14, 2024-05, 2024, or 2024-05-14T14:00:00+02:00; or a date as another system wrote it, kept as display text: { text: "Sept 2017" } (never put in a machine-readable date).',
    oneOf: [
      {
        type: ['string', 'integer'],
        pattern: '^\\d{4}(-\\d{2}(-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}([.,]\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?)?)?$',
        patternErrorMessage: 'is not a date; write it as 2024-05-14 (or 2024-05, 2024, 2024-05-14T14:00:00+02:00)'
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: { text: { type: 'string', minLength: 1 } }
      }
    ]
  },
  dateEntry: {
    oneOf: [
      { $ref: '#/$defs/date' },
      {
        type: 'object',
        additionalProperties: false,
        required: ['date'],
        properties: {
          type: { $ref: '#/$defs/term' },
          date: { $ref: '#/$defs/date' },
          description: { $ref: '#/$defs/description' }
        }
      }
    ]
  },
  ids: {
    description: 'A part id, or a list of them.',
    oneOf: [
      { type: ['string', 'number', 'boolean'] },
      { type: 'array', items: { type: ['string', 'number', 'boolean'] } }
    ]
  },
  track: {
    oneOf: [
      { type: ['string', 'number', 'boolean'] },
      {
        type: 'object',
        additionalProperties: false,
        required: ['path'],
        properties: {
          path: { type: ['string', 'number', 'boolean'] },
          lang: { type: ['string', 'number', 'boolean'] },
          label: { type: ['string', 'number', 'boolean'] },
          kind: { enum: ['captions', 'subtitles', 'descriptions'] }
        }
      }
    ]
  },
  fileObject: {
    type: 'object',
    additionalProperties: false,
    properties: {
      path: {
        description: "A file beside this Markdown file, or in the portfolio's files/ folder.",
        type: ['string', 'number', 'boolean']
      },
      url: { description: 'A link instead of a file.', type: ['string', 'number', 'boolean'] },
      text: { description: 'Inline text instead of a file.', type: ['string', 'number', 'boolean'] },
      inline: {
        description: 'Written into IMS packages as Base-64 rather than as a file.',
        type: 'boolean'
      },
      mode: { type: ['string', 'number', 'boolean'] },
      mediaType: { type: ['string', 'number', 'boolean'] },
      refType: { type: ['string', 'number', 'boolean'] },
      title: { $ref: '#/$defs/text' },
      alt: { description: "Text alternative of an image; '' for a decorative one.", $ref: '#/$defs/text' },
      caption: { $ref: '#/$defs/text' },
      captions: {
        description: 'WebVTT caption or subtitle tracks of audio or video.',
        oneOf: [{ $ref: '#/$defs/track' }, { type: 'array', items: { $ref: '#/$defs/track' } }]
      },
      transcript: {
        description: 'A text or HTML transcript of audio or video.',
        type: ['string', 'number', 'boolean']
      },
      longDescription: { type: ['string', 'number', 'boolean'] },
      signLanguage: { type: ['string', 'number', 'boolean'] }
    },
    oneOf: [{ required: ['path'] }, { required: ['url'] }, { required: ['text'] }],
    'x-hint': 'a file of the portfolio (path:), a link (url:) or inline text (text:)'
  },
  files: {
    oneOf: [
      { type: 'string' },
      { $ref: '#/$defs/fileObject' },
      { type: 'array', items: { oneOf: [{ type: 'string' }, { $ref: '#/$defs/fileObject' }] } }
    ]
  },
  description: {
    oneOf: [
      { $ref: '#/$defs/text' },
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          short: { $ref: '#/$defs/text' },
          long: { $ref: '#/$defs/text' },
          files: { $ref: '#/$defs/files' },
          filesComment: { $ref: '#/$defs/text' }
        }
      }
    ]
  },
  extensions: {
    type: 'array',
    items: {
      type: 'object',
      required: ['path', 'element'],
      properties: { path: { type: 'string' }, element: { type: 'object' } }
    }
  },
  sourcedId: {
    type: 'object',
    additionalProperties: false,
    required: ['source', 'id'],
    properties: { source: { type: 'string' }, id: { type: 'string' } }
  }
} as const;
