/**
 * The JSON Schemas of the authored format: a part's front matter and portfolio.yaml. Each is
 * the one description of its document: published as docs/schema/authored-part.schema.json and
 * authored-portfolio.schema.json (`npm run schema` writes them; a test fails when a published
 * file differs), and what the reader checks documents against (check.ts). What a schema cannot
 * say (a date that exists, a file that exists, ids that are unique and relations that land) is
 * checked by the reader.
 */
import { IMS_RELATIONS } from '../ims/vocabulary.ts';
import { PART_KINDS } from '../types.ts';

/** `Evidences` → `evidences`, `IsPartOf` → `isPartOf`: the field that names a relation type. */
export function relationField(type: string): string {
  return type.charAt(0).toLowerCase() + type.slice(1);
}

/** Relation fields of front matter, by field name → relation type as the model writes it. */
export const RELATION_FIELDS: ReadonlyMap<string, string> = new Map(IMS_RELATIONS.map((t) => [relationField(t), t]));

/** The `format:` of a part's body. */
export const BODY_FORMATS = ['markdown', 'html', 'text'] as const;

const RELATION_PROPERTIES = Object.fromEntries(
  [...RELATION_FIELDS].map(([field, type]) => [field, { description: `This part ${type} the parts named (relation type ${type}).`, $ref: '#/$defs/ids' }]),
);

/** The published schema of a part's front matter (docs/schema/authored-part.schema.json). */
export const PART_SCHEMA = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  title: "Vitrine authored part (front matter of a Markdown file)",
  description: "One part of an authored portfolio. The Markdown below the front matter is its text. See docs/authored-format.md.",
  type: "object",
  additionalProperties: false,
  required: [
    "kind"
  ],
  properties: {
    kind: {
      description: "What the part is.",
      enum: [...PART_KINDS]
    },
    id: {
      description: "The part's id (default: the file name without .md). Relations and views name parts by it.",
      type: [
        "string",
        "number"
      ],
      minLength: 1
    },
    slug: {
      description: "The part's address in the site (lowercase letters, digits, hyphens). Default: made from the id.",
      type: "string",
      pattern: "^[a-z0-9]+(-[a-z0-9]+)*$",
      maxLength: 80,
      patternErrorMessage: "must be lowercase letters a-z, digits and single hyphens, at most 80 characters"
    },
    lang: {
      description: "Language of the part's texts (BCP 47: en, fr, sv).",
      type: [
        "string",
        "number",
        "boolean"
      ]
    },
    title: {
      description: "The part's title (its short description).",
      "$ref": "#/$defs/text"
    },
    officialTitle: {
      description: "A qualification's formal title.",
      "$ref": "#/$defs/text"
    },
    type: {
      description: "Its type within the kind: Essay, Education, Work...",
      "$ref": "#/$defs/term"
    },
    format: {
      description: "How the body is written: markdown (default), html, or text.",
      enum: [...BODY_FORMATS]
    },
    comment: {
      "$ref": "#/$defs/text"
    },
    author: {
      "$ref": "#/$defs/text"
    },
    priority: {
      "$ref": "#/$defs/text"
    },
    rationale: {
      oneOf: [
        {
          "$ref": "#/$defs/text"
        },
        {
          type: "array",
          items: {
            "$ref": "#/$defs/text"
          }
        }
      ]
    },
    date: {
      description: "One date, as Eleventy, Jekyll and Hugo front matter write it (2021-09-01); kept with no type, before the dates of dates:.",
      "$ref": "#/$defs/date"
    },
    dates: {
      description: "{ Start: 2021-09-01, Finish: 2022-06-30 } or a list of { type, date, description }.",
      oneOf: [
        {
          type: "object",
          additionalProperties: {
            "$ref": "#/$defs/date"
          }
        },
        {
          type: "array",
          items: {
            "$ref": "#/$defs/dateEntry"
          }
        }
      ]
    },
    status: {
      description: "Active, Completed, ... or { type, date, description }.",
      oneOf: [
        {
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        {
          type: "object",
          additionalProperties: false,
          properties: {
            type: {
              "$ref": "#/$defs/term"
            },
            date: {
              "$ref": "#/$defs/dateEntry"
            },
            description: {
              "$ref": "#/$defs/description"
            }
          }
        }
      ]
    },
    level: {
      description: "A qualification's level (kind: qcl).",
      "$ref": "#/$defs/text"
    },
    tags: {
      oneOf: [
        {
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        {
          type: "array",
          items: {
            type: [
              "string",
              "number",
              "boolean"
            ]
          }
        }
      ]
    },
    files: {
      description: "Attachments: paths beside this file or in files/, with alt text, caption, captions, transcript.",
      "$ref": "#/$defs/files"
    },
    filesComment: {
      "$ref": "#/$defs/text"
    },
    parent: {
      description: "The id of the part this one is nested in (a product of an activity, a sub-goal).",
      type: [
        "string",
        "number",
        "boolean"
      ]
    },
    sourcedId: {
      "$ref": "#/$defs/sourcedId"
    },
    relations: {
      description: "Relations of any type: [{ type: isAnnotatedBy, to: [note-3] }].",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: [
          "type",
          "to"
        ],
        properties: {
          type: {
            type: [
              "string",
              "number",
              "boolean"
            ]
          },
          to: {
            "$ref": "#/$defs/ids"
          },
          id: {
            type: [
              "string",
              "number",
              "boolean"
            ]
          },
          text: {
            "$ref": "#/$defs/text"
          },
          typeTerm: {
            "$ref": "#/$defs/term"
          },
          category: {
            "$ref": "#/$defs/term"
          },
          description: {
            "$ref": "#/$defs/description"
          },
          comment: {
            "$ref": "#/$defs/text"
          },
          sourcedId: {
            "$ref": "#/$defs/sourcedId"
          },
          implicit: {
            type: "boolean"
          },
          ims: {
            "$ref": "#/properties/ims"
          },
          leap2a: {
            type: "object"
          },
          extensions: {
            "$ref": "#/$defs/extensions"
          }
        }
      }
    },
    ims: {
      description: "IMS detail with no friendly field, written by vitrine pack; kept as data.",
      type: "object",
      required: [
        "element",
        "record"
      ],
      properties: {
        element: {
          type: "string"
        },
        record: {
          type: "object"
        }
      }
    },
    leap2a: {
      description: "Leap2A detail with no friendly field (entry types, categories, Atom elements), written by vitrine pack; kept as data.",
      type: "object",
      required: [
        "types"
      ],
      properties: {
        types: {
          type: "array"
        }
      }
    },
    extensions: {
      description: "Elements Vitrine did not understand, kept by vitrine pack.",
      "$ref": "#/$defs/extensions"
    },
    name: {
      description: "The owner's name (kind: identification).",
      "$ref": "#/$defs/text"
    },
    email: {
      description: "The owner's e-mail address(es) (kind: identification).",
      oneOf: [
        {
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        {
          type: "array",
          items: {
            type: [
              "string",
              "number",
              "boolean"
            ]
          }
        }
      ]
    },
    web: {
      description: "The owner's web site(s) (kind: identification).",
      oneOf: [
        {
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        {
          type: "array",
          items: {
            type: [
              "string",
              "number",
              "boolean"
            ]
          }
        }
      ]
    },
    ...RELATION_PROPERTIES
  },
  "$defs": {
    text: {
      description: "A text in the part's language, or { text, lang } in another ('' for none).",
      oneOf: [
        {
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        {
          type: "object",
          additionalProperties: false,
          required: [
            "text"
          ],
          properties: {
            text: {
              type: [
                "string",
                "number",
                "boolean"
              ]
            },
            lang: {
              type: [
                "string",
                "number",
                "boolean"
              ]
            }
          }
        }
      ]
    },
    term: {
      description: "A word (Essay, Work, Active) or { value, lang, source, sourceType }.",
      oneOf: [
        {
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        {
          type: "object",
          additionalProperties: false,
          required: [
            "value"
          ],
          properties: {
            value: {
              type: [
                "string",
                "number",
                "boolean"
              ]
            },
            lang: {
              type: [
                "string",
                "number",
                "boolean"
              ]
            },
            source: {
              type: [
                "string",
                "number",
                "boolean"
              ]
            },
            sourceType: {
              type: [
                "string",
                "number",
                "boolean"
              ]
            }
          }
        }
      ]
    },
    date: {
      description: "ISO 8601: 2024-05-14, 2024-05, 2024, or 2024-05-14T14:00:00+02:00; or a date as another system wrote it, kept as display text: { text: \"Sept 2017\" } (never put in a machine-readable date).",
      oneOf: [
        {
          type: [
            "string",
            "integer"
          ],
          pattern: "^\\d{4}(-\\d{2}(-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}([.,]\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?)?)?$",
          patternErrorMessage: "is not a date; write it as 2024-05-14 (or 2024-05, 2024, 2024-05-14T14:00:00+02:00)"
        },
        {
          type: "object",
          additionalProperties: false,
          required: [
            "text"
          ],
          properties: {
            text: {
              type: "string",
              minLength: 1
            }
          }
        }
      ]
    },
    dateEntry: {
      oneOf: [
        {
          "$ref": "#/$defs/date"
        },
        {
          type: "object",
          additionalProperties: false,
          required: [
            "date"
          ],
          properties: {
            type: {
              "$ref": "#/$defs/term"
            },
            date: {
              "$ref": "#/$defs/date"
            },
            description: {
              "$ref": "#/$defs/description"
            }
          }
        }
      ]
    },
    ids: {
      description: "A part id, or a list of them.",
      oneOf: [
        {
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        {
          type: "array",
          items: {
            type: [
              "string",
              "number",
              "boolean"
            ]
          }
        }
      ]
    },
    track: {
      oneOf: [
        {
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        {
          type: "object",
          additionalProperties: false,
          required: [
            "path"
          ],
          properties: {
            path: {
              type: [
                "string",
                "number",
                "boolean"
              ]
            },
            lang: {
              type: [
                "string",
                "number",
                "boolean"
              ]
            },
            label: {
              type: [
                "string",
                "number",
                "boolean"
              ]
            },
            kind: {
              enum: [
                "captions",
                "subtitles",
                "descriptions"
              ]
            }
          }
        }
      ]
    },
    fileObject: {
      type: "object",
      additionalProperties: false,
      properties: {
        path: {
          description: "A file beside this Markdown file, or in the portfolio's files/ folder.",
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        url: {
          description: "A link instead of a file.",
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        text: {
          description: "Inline text instead of a file.",
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        inline: {
          description: "Written into IMS packages as Base-64 rather than as a file.",
          type: "boolean"
        },
        mode: {
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        mediaType: {
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        refType: {
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        title: {
          "$ref": "#/$defs/text"
        },
        alt: {
          description: "Text alternative of an image; '' for a decorative one.",
          "$ref": "#/$defs/text"
        },
        caption: {
          "$ref": "#/$defs/text"
        },
        captions: {
          description: "WebVTT caption or subtitle tracks of audio or video.",
          oneOf: [
            {
              "$ref": "#/$defs/track"
            },
            {
              type: "array",
              items: {
                "$ref": "#/$defs/track"
              }
            }
          ]
        },
        transcript: {
          description: "A text or HTML transcript of audio or video.",
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        longDescription: {
          type: [
            "string",
            "number",
            "boolean"
          ]
        },
        signLanguage: {
          type: [
            "string",
            "number",
            "boolean"
          ]
        }
      },
      oneOf: [
        {
          required: [
            "path"
          ]
        },
        {
          required: [
            "url"
          ]
        },
        {
          required: [
            "text"
          ]
        }
      ],
      "x-hint": "a file of the portfolio (path:), a link (url:) or inline text (text:)"
    },
    files: {
      oneOf: [
        {
          type: "string"
        },
        {
          "$ref": "#/$defs/fileObject"
        },
        {
          type: "array",
          items: {
            oneOf: [
              {
                type: "string"
              },
              {
                "$ref": "#/$defs/fileObject"
              }
            ]
          }
        }
      ]
    },
    description: {
      oneOf: [
        {
          "$ref": "#/$defs/text"
        },
        {
          type: "object",
          additionalProperties: false,
          properties: {
            short: {
              "$ref": "#/$defs/text"
            },
            long: {
              "$ref": "#/$defs/text"
            },
            files: {
              "$ref": "#/$defs/files"
            },
            filesComment: {
              "$ref": "#/$defs/text"
            }
          }
        }
      ]
    },
    extensions: {
      type: "array",
      items: {
        type: "object",
        required: [
          "path",
          "element"
        ],
        properties: {
          path: {
            type: "string"
          },
          element: {
            type: "object"
          }
        }
      }
    },
    sourcedId: {
      type: "object",
      additionalProperties: false,
      required: [
        "source",
        "id"
      ],
      properties: {
        source: {
          type: "string"
        },
        id: {
          type: "string"
        }
      }
    }
  }
} as const;

/** Fields of portfolio.yaml that describe the portfolio; the rest is view configuration. */
export const PORTFOLIO_FIELDS = ['id', 'title', 'lang', 'ims', 'leap2a', 'extensions'] as const;

const configRef = (key: string) => ({ $ref: `vitrine.config.schema.json#/properties/${key}` });

/** The published schema of portfolio.yaml (docs/schema/authored-portfolio.schema.json). */
export const PORTFOLIO_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Vitrine authored portfolio (portfolio.yaml)',
  description: 'Makes a folder an authored portfolio: its id, title and language, and optionally its views, with the same fields as vitrine.config.yaml (which wins when both list views). See docs/authored-format.md.',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { description: 'The portfolio\'s id (default: the folder name).', type: ['string', 'number', 'boolean'] },
    title: { type: ['string', 'number', 'boolean'] },
    lang: { description: 'The language most texts are in (BCP 47).', type: ['string', 'number', 'boolean'] },
    url: configRef('url'),
    views: configRef('views'),
    profiles: configRef('profiles'),
    theme: configRef('theme'),
    ims: { description: 'IMS package details kept by vitrine pack.', type: 'object' },
    leap2a: { description: 'Leap2A feed details kept by vitrine pack.', type: 'object' },
    extensions: { description: 'Elements Vitrine did not understand, kept by vitrine pack.', ...PART_SCHEMA.$defs.extensions },
  },
  // Profiles and a theme only serve views: without views they would be silently unused.
  dependentRequired: { profiles: ['views'], theme: ['views'] },
} as const;
