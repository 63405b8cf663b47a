/** Leap2A types ⇄ part kinds, and Leap2A date points ⇄ model date types (docs/leap2a-mapping.md). */
import type { PartKind } from '../types.ts';

/** Part kind of each Leap2A entry type. `entry` is decided per entry (see `kindOfEntry`). */
export const KIND_OF_TYPE: Readonly<Record<string, PartKind>> = {
  ability: 'competency',
  achievement: 'qcl',
  activity: 'activity',
  meeting: 'activity',
  event: 'activity',
  affiliation: 'affiliation',
  organization: 'affiliation',
  plan: 'goal',
  person: 'identification',
  publication: 'product',
  resource: 'product',
  selection: 'product',
};

/** Mahara artefact types of plain entries that have a closer kind than reflexion or product. */
export const KIND_OF_MAHARA_TYPE: Readonly<Record<string, PartKind>> = {
  interest: 'interest',
  personalgoal: 'goal',
  academicgoal: 'goal',
  careergoal: 'goal',
  personalskill: 'competency',
  academicskill: 'competency',
  workskill: 'competency',
  blogpost: 'reflexion',
};

/** The Leap2A type Vitrine writes for a part kind that did not come from Leap2A. */
export const TYPE_OF_KIND: Readonly<Record<PartKind, string>> = {
  identification: 'person',
  activity: 'activity',
  affiliation: 'affiliation',
  assertion: 'entry',
  reflexion: 'entry',
  competency: 'ability',
  goal: 'plan',
  interest: 'entry',
  participation: 'activity',
  product: 'resource',
  qcl: 'achievement',
  rubric: 'entry',
  securitykey: 'entry',
  transcript: 'achievement',
  accessibility: 'entry',
};

/** `leap2:point` → model date type (IMS words where they exist). */
export const DATE_TYPE_OF_POINT: Readonly<Record<string, string>> = { start: 'Start', end: 'Finish', target: 'Target' };

/** Model date type → `leap2:point`. */
export function pointOfDateType(type: string | undefined): string | undefined {
  if (!type) return undefined;
  for (const [point, t] of Object.entries(DATE_TYPE_OF_POINT)) if (t.toLowerCase() === type.toLowerCase()) return point;
  return type.toLowerCase();
}

/**
 * IMS relation names → Leap2A predicates (forward direction as the model keeps them). Names
 * not listed are written in Vitrine's namespace, so they come back as written.
 */
export const LEAP2_OF_IMS_RELATION: Readonly<Record<string, string>> = {
  evidences: 'is_evidence_of',
  reflectson: 'reflects_on',
  supports: 'supports',
};
