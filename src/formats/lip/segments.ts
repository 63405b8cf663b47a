/**
 * IMS LIP segments other than identification: goal, qcl, activity, competency, interest,
 * affiliation, accessibility, securitykey, transcript and relationship.
 */
import { attribute, choice, lazy, many, one, opt, record, str, textContent, type Codec, type RecordOf } from '../xml/codec.ts';
import { NS } from '../xml/tree.ts';
import {
  contentype,
  date,
  description,
  exrefrecord,
  fieldPair,
  head,
  langString,
  level,
  lipText,
  media,
  organization,
  sourcedid,
  status,
  typename,
} from './common.ts';
import { LIP } from './namespaces.ts';

const L = { ns: LIP } as const;

// goal: typename?, comment?, contentype?, date*, priority?, status?, description?, goal*, ext_goal
const goalFields = [
  ...head(),
  many('dates', 'date', date),
  opt('priority', 'priority', langString),
  opt('status', 'status', status),
  opt('description', 'description', description),
] as const;
/** A LIP goal with its sub-goals. */
export interface LipGoal extends RecordOf<typeof goalFields> {
  goals: LipGoal[];
}
/** `<goal>` codec. */
export const goal: Codec<LipGoal> = record({ ns: LIP, ext: 'ext_goal' }, [
  ...goalFields,
  many('goals', 'goal', lazy((): Codec<LipGoal> => goal)),
]) as Codec<LipGoal>;

/** `<qcl>`: a qualification, certification or licence. */
export const qcl = record({ ns: LIP, ext: 'ext_qcl' }, [
  ...head(),
  opt('title', 'title', langString),
  opt('organization', 'organization', organization),
  opt('registrationno', 'registrationno', str),
  opt('level', 'level', level),
  many('dates', 'date', date),
  opt('description', 'description', description),
]);
/** A LIP qcl. */
export type LipQcl = ReturnType<typeof qcl.read>;

/** `<product>`: something the learner made (inside an activity or interest, or on its own). */
export const product = record({ ns: LIP, ext: 'ext_product' }, [
  ...head(),
  opt('date', 'date', date),
  opt('description', 'description', description),
]);
/** A LIP product. */
export type LipProduct = ReturnType<typeof product.read>;

const testimonial = record({ ns: LIP, ext: 'ext_testimonial' }, [
  ...head(),
  many('dates', 'date', date),
  opt('description', 'description', description),
]);
/** A LIP testimonial (an assertion made inside an activity). */
export type LipTestimonial = ReturnType<typeof testimonial.read>;

const definitionFields = [...head(), many('fields', 'definitionfield', fieldPair), opt('description', 'description', description)] as const;
/** A LIP activity definition. */
export interface LipDefinition extends RecordOf<typeof definitionFields> {
  definitions: LipDefinition[];
}
const definition: Codec<LipDefinition> = record({ ns: LIP, ext: 'ext_definition' }, [
  ...definitionFields,
  many('definitions', 'definition', lazy((): Codec<LipDefinition> => definition)),
]) as Codec<LipDefinition>;

const evalmetadata = record(L, [
  opt('typename', 'typename', typename),
  many('fields', 'evalmetadatafield', record(L, [
    one('label', 'fieldlabel', record(L, [one('typename', 'typename', typename)])),
    one('data', 'fielddata', str),
    attribute('lang', 'lang', NS.xml),
  ])),
]);
const objectives = record({ ns: LIP, ext: 'ext_objectives' }, [
  opt('comment', 'comment', langString),
  choice('items', { media, contentref: str }),
  attribute('view', 'view'),
]);
/** A LIP evaluation result: scores and nested results. */
export interface LipResult {
  comment?: ReturnType<typeof langString.read>;
  items: ({ el: 'interpretscore'; value: ReturnType<typeof fieldPair.read> } | { el: 'score'; value: ReturnType<typeof fieldPair.read> } | { el: 'result'; value: LipResult })[];
}
const result: Codec<LipResult> = record(L, [
  opt('comment', 'comment', langString),
  choice('items', { interpretscore: fieldPair, score: fieldPair, result: lazy((): Codec<LipResult> => result) }),
]) as Codec<LipResult>;

const evaluationFields = [
  ...head(),
  opt('evaluationid', 'evaluationid', str),
  many('dates', 'date', date),
  opt('evalmetadata', 'evalmetadata', evalmetadata),
  many('objectives', 'objectives', objectives),
  opt('status', 'status', status),
  opt('noofattempts', 'noofattempts', str),
  many('durations', 'duration', fieldPair),
  many('results', 'result', result),
  opt('description', 'description', description),
] as const;
/** A LIP evaluation (an assessment of an activity, with scores). */
export interface LipEvaluation extends RecordOf<typeof evaluationFields> {
  evaluations: LipEvaluation[];
}
const evaluation: Codec<LipEvaluation> = record({ ns: LIP, ext: 'ext_evaluation' }, [
  ...evaluationFields,
  many('evaluations', 'evaluation', lazy((): Codec<LipEvaluation> => evaluation)),
]) as Codec<LipEvaluation>;

const learningactivityref = record(L, [choice('items', { sourcedid, text: lipText })]);

// activity: typename?, comment?, contentype?, date*, status?, units?,
//           (learningactivityref | definition | product | testimonial | evaluation)*,
//           description?, activity*, ext_activity
const activityFields = [
  ...head(),
  many('dates', 'date', date),
  opt('status', 'status', status),
  opt('units', 'units', record(L, [many('fields', 'unitsfield', fieldPair)])),
  choice('items', { learningactivityref, definition, product, testimonial, evaluation }),
  opt('description', 'description', description),
] as const;
/** A LIP activity with its nested products, testimonials, evaluations and sub-activities. */
export interface LipActivity extends RecordOf<typeof activityFields> {
  activities: LipActivity[];
}
/** `<activity>` codec. */
export const activity: Codec<LipActivity> = record({ ns: LIP, ext: 'ext_activity' }, [
  ...activityFields,
  many('activities', 'activity', lazy((): Codec<LipActivity> => activity)),
]) as Codec<LipActivity>;

/** `<competency>`: a skill, knowledge or ability. */
export const competency = record({ ns: LIP, ext: 'ext_competency' }, [
  opt('comment', 'comment', langString),
  opt('contentype', 'contentype', contentype),
  opt('exrefrecord', 'exrefrecord', exrefrecord),
  opt('description', 'description', description),
]);
/** A LIP competency. */
export type LipCompetency = ReturnType<typeof competency.read>;

/** `<interest>`: a hobby or recreational interest, possibly with a product. */
export const interest = record({ ns: LIP, ext: 'ext_interest' }, [
  ...head(),
  opt('product', 'product', product),
  opt('description', 'description', description),
]);
/** A LIP interest. */
export type LipInterest = ReturnType<typeof interest.read>;

const roleFields = [
  ...head(),
  many('dates', 'date', date),
  opt('status', 'status', status),
  opt('description', 'description', description),
] as const;
/** A role held in an affiliation, with sub-roles. */
export interface LipRole extends RecordOf<typeof roleFields> {
  roles: LipRole[];
}
const role: Codec<LipRole> = record({ ns: LIP, ext: 'ext_role' }, [
  ...roleFields,
  many('roles', 'role', lazy((): Codec<LipRole> => role)),
]) as Codec<LipRole>;

const affiliationFields = [
  ...head(),
  opt('classification', 'classification', langString),
  opt('affiliationid', 'affiliationid', str),
  many('roles', 'role', role),
  opt('organization', 'organization', organization),
  many('dates', 'date', date),
  opt('status', 'status', status),
  opt('description', 'description', description),
] as const;
/** A LIP affiliation (membership of an organisation) with sub-affiliations. */
export interface LipAffiliation extends RecordOf<typeof affiliationFields> {
  affiliations: LipAffiliation[];
}
/** `<affiliation>` codec. */
export const affiliation: Codec<LipAffiliation> = record({ ns: LIP, ext: 'ext_affiliation' }, [
  ...affiliationFields,
  many('affiliations', 'affiliation', lazy((): Codec<LipAffiliation> => affiliation)),
]) as Codec<LipAffiliation>;

const proficiency = record(L, [textContent('value'), attribute('lang', 'lang', NS.xml), attribute('profmode', 'profmode')]);
const language = record({ ns: LIP, ext: 'ext_language' }, [...head(), many('proficiencies', 'proficiency', proficiency)]);
const eligibility = record({ ns: LIP, ext: 'ext_eligibility' }, [...head()]);
const preference = record({ ns: LIP, ext: 'ext_preference' }, [
  ...head(),
  opt('prefcode', 'prefcode', langString),
  opt('description', 'description', description),
]);
const disability = record({ ns: LIP, ext: 'ext_disability' }, [...head()]);
/** `<accessibility>`: languages, eligibility, preferences and disabilities. */
export const accessibility = record({ ns: LIP, ext: 'ext_accessibility' }, [
  opt('comment', 'comment', langString),
  opt('contentype', 'contentype', contentype),
  choice('items', { language, eligibility, preference, disability }),
]);
/** A LIP accessibility segment. */
export type LipAccessibility = ReturnType<typeof accessibility.read>;

/** `<securitykey>`: keys and passwords the learner uses (kept, never published by default). */
export const securitykey = record({ ns: LIP, ext: 'ext_securitykey' }, [
  ...head(),
  many('keyfields', 'keyfields', fieldPair),
  opt('description', 'description', description),
]);
/** A LIP security key. */
export type LipSecurityKey = ReturnType<typeof securitykey.read>;

/** `<transcript>`: a record of results from an institution. */
export const transcript = record({ ns: LIP, ext: 'ext_transcript' }, [
  ...head(),
  opt('exrefrecord', 'exrefrecord', exrefrecord),
  opt('description', 'description', description),
]);
/** A LIP transcript. */
export type LipTranscript = ReturnType<typeof transcript.read>;

const tupleEnd = record(L, [opt('sourcedid', 'sourcedid', sourcedid), one('indexid', 'indexid', str)]);
/** One end of a relationship tuple. */
export type LipTupleEnd = ReturnType<typeof tupleEnd.read>;
const tuple = record(L, [
  one('source', 'tuplesource', tupleEnd),
  one('relation', 'tuplerelation', record(L, [one('typename', 'typename', typename), opt('text', 'text', lipText)])),
  many('dests', 'tupledest', tupleEnd),
]);
/** `<relationship>`: a typed link from one part to one or more parts. */
export const relationship = record({ ns: LIP, ext: 'ext_relationship' }, [
  ...head(),
  opt('tuple', 'tuple', tuple),
  opt('description', 'description', description),
]);
/** A LIP relationship. */
export type LipRelationship = ReturnType<typeof relationship.read>;
