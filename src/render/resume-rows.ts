/**
 * Detail rows of a part's résumé record (`Part.resume`): where, in what role, at what level,
 * with which highlights, as a CV line shows them. Web addresses are linked only when http(s).
 */
import type { Part } from '../model/types.ts';
import { webHref } from './details.ts';
import type { DetailRow } from './types.ts';

type T = (key: string, fallback?: string) => string;

/** The label of the organisation of a résumé line, by section (employer, institution, issuer...). */
function organisationLabel(section: string, t: T): string {
  if (section === 'employment') return t('field.employer', 'Employer');
  if (section === 'education') return t('field.institution', 'Institution');
  if (section === 'award' || section === 'certificate') return t('field.awardedBy', 'Awarded by');
  if (section === 'publication') return t('field.publisher', 'Publisher');
  return t('field.organization', 'Organization');
}

/** Labelled rows for the résumé record of a part; none when it has no record. */
export function resumeRows(part: Part, t: T): DetailRow[] {
  const r = part.resume;
  if (!r) return [];
  const rows: DetailRow[] = [];
  const add = (key: string, label: string, value: string | undefined, extra: Partial<DetailRow> = {}) => {
    if (value) rows.push({ key, label, value, ...extra });
  };
  // A part titled by its role (an employment read from a résumé) does not repeat it.
  if (r.role !== part.title?.value) add('role', t('field.role', 'Role'), r.role);
  if (r.organisation !== part.title?.value) add('organization', organisationLabel(r.section, t), r.organisation);
  add('area', t('field.area', 'Field of study'), r.area);
  add('location', t('field.location', 'Location'), r.location);
  add('level', t('field.level', 'Level'), r.level);
  add('score', t('field.score', 'Score'), r.score);
  add('roles', t('field.roles', 'Roles'), r.roles?.join(', '));
  add('highlights', t('field.highlights', 'Highlights'), r.highlights?.join(' · '));
  add('courses', t('field.courses', 'Courses'), r.courses?.join(' · '));
  add('keywords', t('field.keywords', 'Keywords'), r.keywords?.join(', '));
  if (r.url) add('web', t('field.web', 'Web'), r.url, webHref(r.url));
  return rows;
}
