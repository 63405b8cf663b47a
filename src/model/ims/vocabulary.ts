/** The IMS ePortfolio relation vocabulary (Best Practice guide §4) plus the OSP additions. */
export const IMS_RELATIONS = [
  'AimsAt', 'Attests', 'Claims', 'Evaluates', 'Evidences', 'IsPartOf', 'Presents', 'Precedes',
  'ReflectsOn', 'ShowsUp', 'Supplements', 'Supports', 'Uses', 'IsVersionOf',
] as const;

/** Tells whether a relation name is in the vocabulary (case-insensitive: exporters vary). */
export function isKnownRelation(name: string): boolean {
  const n = name.toLowerCase();
  return IMS_RELATIONS.some((r) => r.toLowerCase() === n);
}

/** Manifest resource types by part element, as Vitrine writes them. */
export const RESOURCE_TYPES: Record<string, string> = {
  identification: 'imslip-Identification',
  activity: 'imslip-Activity',
  affiliation: 'imslip-Affiliation',
  competency: 'imslip-Competency',
  goal: 'imslip-Goal',
  interest: 'imslip-Interest',
  product: 'imslip-Product',
  qcl: 'imslip-Qcl',
  securitykey: 'imslip-SecurityKey',
  transcript: 'imslip-Transcript',
  accessibility: 'imslip-Accessibility',
  relationship: 'imslip-Relationship',
  assertion: 'imsep-Assertion',
  reflexion: 'imsep-Reflexion',
  participation: 'imsep-Participation',
  rubric: 'imsep-Rubric',
};
