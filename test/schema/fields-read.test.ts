/**
 * The schema and the reader agree: every field the part schema allows (every property of the
 * published authored-part.schema.json) is read into the model, so a field an author writes
 * that passes the check is never dropped silently. A field added to the schema without a
 * reader fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPortfolio } from '../../src/index.ts';
import type { Part, Relation } from '../../src/model/types.ts';
import { writeTree } from '../authored/helpers.ts';
import { repoRoot } from '../support/env.ts';

const schema = JSON.parse(readFileSync(join(repoRoot, 'docs', 'schema', 'authored-part.schema.json'), 'utf8')) as { properties: Record<string, unknown> };

/** Front matter using every field (relation fields too), and how each shows in the model. */
const FIELDS: Record<string, [yaml: string, seen: (p: Part, rels: Relation[]) => unknown]> = {
  kind: ['kind: qcl', (p) => p.kind === 'qcl'],
  id: ['id: degree', (p) => p.id === 'degree'],
  slug: ['slug: my-degree', (p) => p.slug === 'my-degree'],
  lang: ['lang: fr', (p) => p.description?.short?.lang === 'fr'],
  title: ['title: Diplôme', (p) => p.description?.short?.value === 'Diplôme'],
  officialTitle: ['officialTitle: Master de design', (p) => p.title?.value === 'Master de design'],
  type: ['type: Education', (p) => p.type?.value === 'Education'],
  format: ['format: text', (p) => p.description?.long?.value === 'Two *stars*.'],
  comment: ['comment: A note', (p) => p.comment?.value === 'A note'],
  author: ['author: Léa', (p) => p.author?.value === 'Léa'],
  priority: ['priority: high', (p) => p.priority?.value === 'high'],
  rationale: ['rationale: [Because]', (p) => p.rationale[0]?.value === 'Because'],
  date: ['date: 2024-06-30', (p) => p.dates.some((d) => d.value === '2024-06-30' && !d.type)],
  dates: ['dates: { Start: 2022-09 }', (p) => p.dates.some((d) => d.value === '2022-09' && d.type?.value === 'Start')],
  status: ['status: Completed', (p) => p.status?.type?.value === 'Completed'],
  level: ['level: Master', (p) => p.qualification?.level === 'Master'],
  resume: ['resume: { section: education, organisation: École, highlights: [Honours] }', (p) => p.resume?.organisation === 'École' && p.resume.highlights?.[0] === 'Honours'],
  tags: ['tags: [design]', (p) => p.tags.includes('design')],
  files: ['files: [{ path: diploma.pdf, caption: The diploma }]', (p) => p.files.includes('diploma.pdf')],
  filesComment: ['filesComment: Scanned', (p) => p.description?.fullComment?.value === 'Scanned'],
  parent: ['parent: other', (p) => p.parent === 'other'],
  sourcedId: ['sourcedId: { source: school, id: "42" }', (p) => p.sourcedId?.id === '42'],
  relations: ['relations: [{ type: isAnnotatedBy, to: other }]', (_p, rels) => rels.some((r) => r.type === 'isAnnotatedBy')],
  ims: ['ims: { element: qcl, record: { items: [] } }', (p) => p.ims?.element === 'qcl'],
  leap2a: ['leap2a: { types: [entry] }', (p) => Array.isArray(p.leap2a?.types)],
  extensions: ['extensions: [{ path: qcl, element: { name: x:y } }]', (p) => p.extensions.length === 1],
};
const IDENTIFICATION: Record<string, [string, (p: Part) => unknown]> = {
  name: ['name: Léa Martin', (p) => p.person?.names.some((n) => n.full === 'Léa Martin')],
  email: ['email: lea@example.org', (p) => p.person?.contacts.some((c) => c.value === 'lea@example.org')],
  web: ['web: https://lea.example', (p) => p.person?.contacts.some((c) => c.value === 'https://lea.example')],
};

describe('every field of the part schema is read', () => {
  it('the fixture covers the published schema, relation fields included', () => {
    const relationFields = Object.keys(schema.properties).filter((k) => !(k in FIELDS) && !(k in IDENTIFICATION));
    // What is left is exactly the relation fields, each of which is checked below.
    expect(relationFields.length).toBe(14);
    expect(relationFields.every((k) => /^[a-z][A-Za-z]+$/.test(k))).toBe(true);
  });

  it('a part using all of them reads without a diagnostic, and each field shows in the model', async () => {
    const relationFields = Object.keys(schema.properties).filter((k) => !(k in FIELDS) && !(k in IDENTIFICATION));
    const front = [...Object.values(FIELDS).map(([y]) => y), ...relationFields.map((k) => `${k}: other`)].join('\n');
    const dir = writeTree({
      'portfolio.yaml': 'title: T\n',
      'degree.md': `---\n${front}\n---\nTwo *stars*.\n`,
      'diploma.pdf': '%PDF-1.4',
      'other.md': '---\nkind: goal\n---\n',
      'me.md': `---\nkind: identification\n${Object.values(IDENTIFICATION).map(([y]) => y).join('\n')}\n---\n`,
    });
    const r = await readPortfolio(dir);
    expect(r.diagnostics).toEqual([]);
    const part = r.value!.parts.find((p) => p.id === 'degree')!;
    const rels = r.value!.relations.filter((x) => x.from === 'degree');
    for (const [field, [, seen]] of Object.entries(FIELDS)) expect(seen(part, rels), field).toBe(true);
    const me = r.value!.parts.find((p) => p.kind === 'identification')!;
    for (const [field, [, seen]] of Object.entries(IDENTIFICATION)) expect(seen(me), field).toBe(true);
    const types = new Set(rels.map((x) => x.id.split('.').pop()));
    for (const k of relationFields) expect(types.has(k), k).toBe(true);
  });
});
