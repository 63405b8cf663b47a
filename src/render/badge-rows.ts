/**
 * Detail rows of an Open Badge (`Part.badge`): issuer, criteria, dates, evidence and what was
 * verified offline, check by check, in words. A badge that could not be checked says "not
 * verified" and why; "verified" appears only when its signature was checked.
 */
import type { Part } from '../model/types.ts';
import { webHref } from './details.ts';
import type { DetailRow } from './types.ts';

type T = (key: string, fallback?: string) => string;

/** Labelled rows for a badge; none when the part is not one. */
export function badgeRows(part: Part, t: T): DetailRow[] {
  const b = part.badge;
  if (!b) return [];
  const rows: DetailRow[] = [];
  const status = t(`badge.status.${b.verification.status}`, { verified: 'Verified', 'not-verified': 'Not verified', failed: 'Failed verification' }[b.verification.status]);
  rows.push({
    key: 'verification',
    label: t('field.verification', 'Verification'),
    value: status,
    rows: b.verification.checks.map((c) => ({ key: c.check, label: t(`badge.check.${c.check}`, c.check), value: `${t(`badge.result.${c.result}`, c.result)}: ${c.reason}` })),
  });
  const issuer = b.issuer.name ?? b.issuer.url ?? b.issuer.id;
  if (issuer) rows.push({ key: 'issuer', label: t('field.issuer', 'Issued by'), value: issuer, ...webHref(b.issuer.url) });
  if (b.criteria?.narrative || b.criteria?.url) rows.push({ key: 'criteria', label: t('field.criteria', 'Criteria'), value: b.criteria.narrative ?? b.criteria.url!, ...webHref(b.criteria.narrative ? undefined : b.criteria.url) });
  for (const e of b.evidence) {
    const value = e.name ?? e.narrative ?? e.url;
    if (value) rows.push({ key: 'evidence', label: t('field.badgeEvidence', 'Evidence'), value, ...webHref(e.url) });
  }
  rows.push({ key: 'badgeformat', label: t('field.badgeFormat', 'Format'), value: `Open Badges ${b.version}` });
  return rows;
}
