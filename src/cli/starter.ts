/**
 * The starter portfolio `vitrine init` writes: small, complete, building at once, and full of
 * comments that teach the format. Schema paths point at this Vitrine's docs/schema/, so an
 * editor with the YAML language server checks fields as the author types.
 */
import { relative, resolve } from 'node:path';

const schemaDir = resolve(import.meta.dirname, '../../docs/schema');

/** A schema path as seen from `fromDir`, with `/` separators. */
/** The path from a folder to one of Vitrine's JSON Schemas, for a `$schema` comment. */
export function schemaRef(fromDir: string, name: string): string {
  return relative(fromDir, resolve(schemaDir, name)).split('\\').join('/');
}

/** The files of the starter, by path inside the new folder. */
export function starterFiles(dir: string): Map<string, string> {
  const part = (sub: string) => `# yaml-language-server: $schema=${schemaRef(resolve(dir, sub), 'authored-part.schema.json')}`;
  const files = new Map<string, string>();
  files.set(
    'portfolio.yaml',
    `# yaml-language-server: $schema=${schemaRef(resolve(dir), 'authored-portfolio.schema.json')}
#
# Your portfolio, as plain files (the whole format: docs/authored-format.md in Vitrine).
# This file makes the folder a portfolio. Each Markdown file under parts/ that starts with a
# --- block is one part: a piece of work, a competency, a reflection, a goal...
# Preview it while you write:  vitrine serve     Build the site:  vitrine build

title: My portfolio
# The language your texts are in (en, fr, de, sv...). A part can say another with lang:.
lang: en

# Views: one website per audience, showing only what you select for it.
# (The same fields as a vitrine.config.yaml file, which wins if you also write one.)
views:
  - id: portfolio
    title: My portfolio
    description: My work, what I can do, and where I am going.
    access: public
    select:
      # Parts by kind, in the order of this list; "with" brings in related parts.
      - kind: identification
      - kind: competency
        with: [evidence, reflections]
      - kind: product
      - kind: goal
`,
  );
  files.set(
    'parts/about-me.md',
    `---
${part('parts')}
# Who you are. Only views that select it show it: think about who sees your e-mail address.
kind: identification
name: Your Name
email: you@example.org
---

A sentence or two about you.
`,
  );
  files.set(
    'parts/competencies/teamwork.md',
    `---
${part('parts/competencies')}
# A competency: something you can do. Its id is the file name: "teamwork".
kind: competency
title: Working in a team
---

The text below the front matter is **Markdown**: paragraphs, *emphasis*, lists, [links](https://example.org).

- I plan work with others and keep my part of it.
- I ask for feedback early.
`,
  );
  files.set(
    'parts/work/site-redesign.md',
    `---
${part('parts/work')}
# A product: something you made.
kind: product
title: Redesign of the club website
dates:
  Create: 2025-03-01
tags: [web, volunteering]
# Relations name other parts by id. This work is evidence of the competency "teamwork".
evidences: [teamwork]
# Attach files that sit beside this file or in a files/ folder, with alt text for images:
# files:
#   - path: screenshot.png
#     alt: The new home page, with the match calendar first
---

Four volunteers, six weeks, one new website for the football club.
`,
  );
  files.set(
    'parts/work/site-redesign-reflection.md',
    `---
${part('parts/work')}
# A reflexion: what you think about your own work. It reflects on the redesign.
kind: reflexion
title: What the redesign taught me
reflectsOn: [site-redesign]
# Any relation type can also be written in the general form:
# relations:
#   - { type: Supports, to: [my-goal] }
---

Agreeing on the goal first saved us weeks later.
`,
  );
  files.set(
    'parts/my-goal.md',
    `---
${part('parts')}
kind: goal
title: Lead a small web project
status: Active
dates:
  Start: 2025-09-01
  Target: 2026-06
---

Next year I want to lead a project from the first sketch to the launch.
`,
  );
  files.set('.gitignore', '# Built sites, the image cache and your local secrets stay out of version control.\n_site/\n.vitrine-cache/\n.vitrine-secrets.json\n');
  return files;
}
