/**
 * Mahara's résumé as neutral résumé records. Mahara writes one education or employment record
 * as three entries (`htdocs/artefact/resume/export/leap/lib.php`,
 * `LeapExportElementResumeCompositeChildEducationhistory`): an activity (the course or job,
 * category `life_area` Education or Work, free-text start and end dates), an organization
 * (the institution or employer) that supports it, and for education an achievement (the
 * qualification type, e.g. "BSc") it supports. Here the activity gets `resume` with the
 * organisation and qualification, and the two sibling entries are nested in it, so a site
 * shows one item, not three pages.
 */
import { LEAP2 } from '../../formats/leap2a/index.ts';
import type { Part, Relation } from '../types.ts';

const SECTION_OF_LIFE_AREA: Readonly<Record<string, string>> = { education: 'education', work: 'employment' };

/** Fills `resume` on Mahara's education and employment records and nests their sibling entries in them. */
export function readMaharaResume(parts: Part[], relations: Relation[]): void {
  const byId = new Map(parts.map((p) => [p.id, p]));
  const isType = (p: Part | undefined, t: string) => !!p?.leap2a?.types.includes(`${LEAP2}${t}`);
  for (const p of parts) {
    const area = p.leap2a?.categories.find((c) => /life_area#?$/.test(c.scheme ?? ''))?.term.toLowerCase();
    const section = area ? SECTION_OF_LIFE_AREA[area] : undefined;
    if (!section || !isType(p, 'activity')) continue;
    const linked = relations.filter((r) => /^supports?$|supported_by/.test(r.type) && (r.from === p.id || r.to.includes(p.id))).flatMap((r) => (r.from === p.id ? r.to : [r.from]));
    const org = linked.map((id) => byId.get(id)).find((x) => isType(x, 'organization'));
    const award = linked.map((id) => byId.get(id)).find((x) => isType(x, 'achievement'));
    p.resume = { section };
    if (org?.title?.value) p.resume.organisation = org.title.value;
    if (award?.title?.value) p.resume.role = award.title.value;
    // Siblings belong to their record: nested, they are shown with it, never on their own.
    for (const s of [org, award]) if (s && s.parent === undefined) s.parent = p.id;
  }
}
