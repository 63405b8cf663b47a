/**
 * The privacy report (`vitrine check --privacy`): per view, the personal data it exposes (from
 * personal-data.ts) and the external links its parts contain, so the owner sees what each
 * audience gets before publishing. Built from the plans, so it shows exactly what a build
 * would publish, and nothing of unselected parts.
 */
import type { ViewPlan, PersonalDataItem } from './types.ts';
import type { Portfolio } from '../model/types.ts';
import { NOTHING_TO_PUBLISH, THIRD_PARTY_BLOCKS, isSystemPage } from '../model/page-layout.ts';

/** One view in the report. */
export interface ViewPrivacy {
  view: string;
  title: string;
  access: ViewPlan['access'];
  /** The folder a public view is published in; hidden views say only that it is unguessable. */
  folder: string;
  parts: number;
  personalData: PersonalDataItem[];
  /** External addresses found in the view's parts (web links, e-mail links), with the part holding each. */
  links: { url: string; partId: string }[];
  /** Data about other people found and left out (Mahara inboxes, other people's pages, system pages). */
  leftOut: { what: string; partId: string }[];
}

/** Other people's data in the view's parts (and, for the preview, the system pages) that a build leaves out. */
export function thirdPartyLeftOut(plan: Pick<ViewPlan, 'parts' | 'preview'>, portfolio?: Portfolio): ViewPrivacy['leftOut'] {
  const out: ViewPrivacy['leftOut'] = [];
  for (const part of plan.parts) {
    for (const b of part.page?.blocks ?? []) {
      if (THIRD_PARTY_BLOCKS.has(b.type)) out.push({ what: `Mahara "${b.type}" block${b.title ? ` "${b.title}"` : ''}: ${NOTHING_TO_PUBLISH[b.type]}`, partId: part.id });
    }
  }
  if (plan.preview && portfolio) {
    for (const p of portfolio.parts) {
      const page = p.page;
      if (isSystemPage(page)) out.push({ what: `Mahara ${page!.type} page "${p.title?.value ?? p.id}" (not published by default)`, partId: p.id });
    }
  }
  return out;
}

/** Absolute web and mail addresses inside a text. */
const URL_PATTERN = /\b(?:https?:\/\/|mailto:)[^\s"'<>()\\]+/gi;

/** Keys whose strings are XML namespace names, not addresses anybody follows. */
const NAMESPACE_KEYS = new Set(['ns', 'namespace', 'xmlns']);

/** Collects every string of a value (part fields are nested objects and arrays), namespaces left out. */
function strings(v: unknown, out: string[]): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (!NAMESPACE_KEYS.has(k)) strings(x, out);
  return out;
}

/** The external links of the view's parts, each once per part, in part order. */
export function externalLinks(plan: Pick<ViewPlan, 'parts'>): ViewPrivacy['links'] {
  const links: ViewPrivacy['links'] = [];
  for (const part of plan.parts) {
    const seen = new Set<string>();
    for (const s of strings(part, [])) {
      for (const m of s.matchAll(URL_PATTERN)) {
        const url = m[0].replace(/[.,;:!?]+$/, '').replace(/&amp;/g, '&');
        if (!seen.has(url)) {
          seen.add(url);
          links.push({ url, partId: part.id });
        }
      }
    }
  }
  return links;
}

/** The report of every planned view. */
export function privacyReport(plans: ViewPlan[], portfolio?: Portfolio): ViewPrivacy[] {
  return plans.map((p) => ({
    view: p.id,
    title: p.title,
    access: p.access,
    folder: p.access === 'public' ? `${p.folder}/` : '(unguessable folder, from the secrets file)',
    parts: p.parts.length,
    personalData: p.personalData,
    links: externalLinks(p),
    leftOut: thirdPartyLeftOut(p, portfolio),
  }));
}

const WORDS: Record<PersonalDataItem['kind'], string> = {
  email: 'e-mail',
  phone: 'phone',
  address: 'address',
  'birth-date': 'birth date',
  'birth-place': 'birth place',
  gender: 'gender',
  identifier: 'identifier',
  name: 'name',
  web: 'web address',
  'security-key': 'security key',
};

/** The report as text for people. */
export function formatPrivacyReport(report: ViewPrivacy[]): string {
  const lines: string[] = [];
  for (const v of report) {
    lines.push(`view ${v.view} (${v.access}, ${v.folder}): ${v.parts} part${v.parts === 1 ? '' : 's'}`);
    if (v.personalData.length === 0) lines.push('  personal data: none found');
    else {
      lines.push('  personal data:');
      for (const d of v.personalData) lines.push(`    ${WORDS[d.kind].padEnd(13)} ${d.value}  (${d.partId})`);
    }
    if (v.links.length === 0) lines.push('  external links: none');
    else {
      lines.push('  external links:');
      for (const l of v.links) lines.push(`    ${l.url}  (${l.partId})`);
    }
    if (v.leftOut.length) {
      lines.push("  other people's data found and left out:");
      for (const l of v.leftOut) lines.push(`    ${l.what}  (${l.partId})`);
    }
  }
  return lines.join('\n') + '\n';
}
