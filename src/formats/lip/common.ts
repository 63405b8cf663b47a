/**
 * IMS LIP 1.0.1 building blocks shared by every part kind (typename, contentype, date,
 * description, status, field pairs). Field order follows the sequences of imslip_v1p0.xsd.
 */
import { attribute, choice, lazy, many, one, opt, record, str, textContent, type Codec } from '../xml/codec.ts';
import { NS } from '../xml/tree.ts';
import { LIP } from './namespaces.ts';

const L = { ns: LIP } as const;

/** A string with an optional `xml:lang` (comment, short, long, priority, title, ...). */
export const langString = record(L, [textContent('value'), attribute('lang', 'lang', NS.xml)]);
/** A LIP language-tagged string. */
export type LangString = ReturnType<typeof langString.read>;

/** `<text>`: a string with optional uri, language and entity reference. */
export const lipText = record(L, [
  textContent('value'),
  attribute('uri', 'uri'),
  attribute('lang', 'lang', NS.xml),
  attribute('entityref', 'entityref'),
]);

/** `<tysource sourcetype>`: the vocabulary a type value comes from. */
export const tysource = record(L, [textContent('value'), attribute('sourcetype', 'sourcetype')]);
/** `<typename>`: a typed value from a vocabulary (`Create`, `Evidences`, ...). */
export const typename = record(L, [opt('source', 'tysource', tysource), one('value', 'tyvalue', langString)]);
/** A LIP typename. */
export type TypeName = ReturnType<typeof typename.read>;

/** `<sourcedid>`: an identifier given by a source system. */
export const sourcedid = record(L, [one('source', 'source', str), one('id', 'id', str)]);
/** A LIP sourced id. */
export type SourcedId = ReturnType<typeof sourcedid.read>;

/** `<referential>`: how a part is identified (sourcedid and/or indexid). */
export const referential = record(L, [opt('sourcedid', 'sourcedid', sourcedid), opt('indexid', 'indexid', str)]);

const fieldlabel = record(L, [one('typename', 'typename', typename)]);
/** A label/value pair (unitsfield, definitionfield, keyfields, score, ...). */
export const fieldPair = record(L, [one('label', 'fieldlabel', fieldlabel), one('data', 'fielddata', str)]);
/** A LIP label/value pair. */
export type FieldPair = ReturnType<typeof fieldPair.read>;

/** `<media>`: inline content (Base-64 by default) or a reference (`contentreftype="uri"`). */
export const media = record(L, [
  textContent('content'),
  attribute('mediamode', 'mediamode'),
  attribute('contentreftype', 'contentreftype'),
  attribute('mimetype', 'mimetype'),
]);
/** A LIP media item. */
export type Media = ReturnType<typeof media.read>;

/** `<full>`: the full description as media items. */
export const full = record(L, [opt('comment', 'comment', langString), many('media', 'media', media)]);

/** `<description>`: short, long and full descriptions. */
export const description = record(L, [
  one('short', 'short', langString),
  opt('long', 'long', langString),
  opt('full', 'full', full),
]);
/** A LIP description. */
export type Description = ReturnType<typeof description.read>;

/** `<date>`: a typed date (Create, Update, Award, Start, Finish, Target, Birth, ...). */
export const date = record({ ns: LIP, ext: 'ext_date' }, [
  opt('typename', 'typename', typename),
  one('datetime', 'datetime', str),
  opt('description', 'description', description),
]);
/** A LIP date. */
export type LipDate = ReturnType<typeof date.read>;

const temporal = record(L, [opt('typename', 'typename', typename), many('fields', 'temporalfield', fieldPair)]);
const privacy = record(L, [
  opt('typename', 'typename', typename),
  many('fields', 'privacyfield', fieldPair),
  many('dates', 'date', date),
]);

/** `<contentype>`: identification, temporal and privacy metadata of a part. */
export const contentype = record({ ns: LIP, ext: 'ext_contentype' }, [
  opt('comment', 'comment', langString),
  choice('items', { referential, temporal, privacy }),
]);
/** A LIP contentype. */
export type ContentType = ReturnType<typeof contentype.read>;

/** `<status>`: a typed status with its date. */
export const status = record(L, [
  opt('typename', 'typename', typename),
  opt('date', 'date', date),
  opt('description', 'description', description),
]);
/** A LIP status. */
export type Status = ReturnType<typeof status.read>;

/** `<organization>`: a typed organisation with a description. */
export const organization = record(L, [opt('typename', 'typename', typename), opt('description', 'description', description)]);

/** `<exrefrecord>`: a reference to an external record (competency, transcript). */
export const exrefrecord = record({ ns: LIP, ext: 'ext_exrefrecord' }, [
  opt('comment', 'comment', langString),
  one('recformat', 'recformat', record(L, [textContent('value'), attribute('uri', 'uri'), attribute('entityref', 'entityref')])),
  one('recdata', 'recdata', record(L, [textContent('value'), attribute('uri', 'uri'), attribute('entityref', 'entityref')])),
  many('dates', 'date', date),
  opt('description', 'description', description),
]);

/** `<level>`: a level text, possibly refined by a nested level. */
export interface Level {
  text: ReturnType<typeof lipText.read>;
  level?: Level;
}
/** The level codec (recursive). */
export const level: Codec<Level> = record(L, [
  one('text', 'text', lipText),
  opt('level', 'level', lazy((): Codec<Level> => level)),
]) as Codec<Level>;

/** Fields every LIP part starts with: typename, comment, contentype. */
export function head() {
  return [opt('typename', 'typename', typename), opt('comment', 'comment', langString), opt('contentype', 'contentype', contentype)] as const;
}
