/**
 * The IMS ePortfolio part schemas built on LIP: assertion (imsassert), reflexion
 * (imsreflex), participation (imsparticipation, with an IMS GMS group) and rubric (imsrubric,
 * with RDCEO definitions). Children named `lip:` live in the LIP namespace.
 */
import { anyElement, lazy, many, one, opt, record, str, type Codec, type RecordOf } from '../xml/codec.ts';
import { contentype, date, description, langString, status, typename } from './common.ts';
import { ASSERT, CMX, GMS, LIP, PARTICIPATION, RDCEO, REFLEX, RUBRIC } from './namespaces.ts';
import { contactinfoCodec } from './identification.ts';

/** Assertion and reflexion share one shape (Assertion.Type / Reflexion.Type) in their own namespace. */
function statement(ns: string, ext: string) {
  const langStr = record({ ns }, [one('language', 'language', str), one('text', 'text', str)]);
  return record({ ns, ext }, [
    opt('typename', 'typename', typename, LIP),
    opt('comment', 'comment', langString, LIP),
    opt('contentype', 'contentype', contentype, LIP),
    opt('authorship', 'authorship', langStr),
    many('rationales', 'rationale', langStr),
    many('dates', 'date', date, LIP),
    opt('status', 'status', status, LIP),
    opt('contactinfo', 'contactinfo', contactinfoCodec, LIP),
    opt('description', 'description', description, LIP),
  ]);
}

/** `<assertion>`: a statement by someone else about the learner or their work. */
export const assertion = statement(ASSERT, 'ext_assertion');
/** An IMS ePortfolio assertion. */
export type EpAssertion = ReturnType<typeof assertion.read>;
/** `<reflexion>`: the learner's own reflection. */
export const reflexion = statement(REFLEX, 'ext_reflexion');
/** An IMS ePortfolio reflexion. */
export type EpReflexion = ReturnType<typeof reflexion.read>;

const gmsDescription = record({ ns: GMS }, [one('short', 'descShort', str), opt('long', 'descLong', str), opt('full', 'descFull', str)]);
const group = record({ ns: GMS }, [
  one('groupType', 'groupType', anyElement),
  opt('recordInfo', 'recordInfo', anyElement),
  opt('email', 'email', str, CMX),
  opt('url', 'URL', str, CMX),
  opt('timeFrame', 'timeFrame', anyElement),
  many('relationships', 'relationship', anyElement),
  opt('enrollControl', 'enrollControl', anyElement),
  opt('org', 'org', anyElement),
  opt('description', 'description', gmsDescription),
  opt('dataSource', 'dataSource', str, CMX),
  opt('extension', 'extension', anyElement),
]);
/** `<participation>`: membership of a group (IMS GMS group description). */
export const participation = record({ ns: PARTICIPATION }, [
  opt('typename', 'typename', typename, LIP),
  opt('comment', 'comment', langString, LIP),
  opt('contentype', 'contentype', contentype, LIP),
  one('group', 'group', group),
]);
/** An IMS ePortfolio participation. */
export type EpParticipation = ReturnType<typeof participation.read>;

const rdceoHead = [
  opt('identifier', 'identifier', str, RDCEO),
  opt('title', 'title', anyElement, RDCEO),
  many('descriptions', 'description', anyElement, RDCEO),
] as const;
const requiresCriteria = record({ ns: RUBRIC }, [
  one('criteriaAtNumberRequired', 'criteriaAtNumberRequired', str),
  many('includeCriteria', 'includeCriterion', str),
  many('criteria', 'criterion', anyElement),
]);
const rules = record({ ns: RUBRIC }, [
  opt('requiresTotalScore', 'requiresTotalScore', str),
  opt('requiresCriteria', 'requiresCriteria', requiresCriteria),
  opt('requiresComplex', 'requiresComplex', anyElement),
]);
const outcome = record({ ns: RUBRIC }, [...rdceoHead, many('definitions', 'definition', anyElement, RDCEO), many('rules', 'rules', rules)]);
/** A rubric outcome (a level of achievement). */
export type RubricOutcome = ReturnType<typeof outcome.read>;
const dimensionFields = [...rdceoHead, many('outcomes', 'dimensionOutcome', outcome)] as const;
/** A dimension of quality of a rubric, with its outcomes and sub-dimensions. */
export interface RubricDimension extends RecordOf<typeof dimensionFields> {
  dimensions: RubricDimension[];
}
const dimension: Codec<RubricDimension> = record({ ns: RUBRIC }, [
  ...dimensionFields,
  many('dimensions', 'dimensionOfQuality', lazy((): Codec<RubricDimension> => dimension)),
]) as Codec<RubricDimension>;
/** `<rubric>`: dimensions of quality by outcomes, the grid an assessor uses. */
export const rubric = record({ ns: RUBRIC, ext: 'ext_rubric' }, [
  opt('comment', 'comment', langString, LIP),
  opt('contentype', 'contentype', contentype, LIP),
  ...rdceoHead,
  many('outcomes', 'rubricOutcome', outcome),
  many('dimensions', 'dimensionOfQuality', dimension),
]);
/** An IMS ePortfolio rubric. */
export type EpRubric = ReturnType<typeof rubric.read>;
