/** IMS LIP `<identification>` and its parts: names, addresses, contact details, demographics, agents. */
import { attribute, choice, many, one, opt, record, str } from '../xml/codec.ts';
import { contentype, date, description, langString, lipText, typename } from './common.ts';
import { LIP } from './namespaces.ts';

const L = { ns: LIP } as const;
const head = [opt('typename', 'typename', typename), opt('comment', 'comment', langString), opt('contentype', 'contentype', contentype)] as const;

const formname = record(L, [...head, opt('text', 'text', lipText)]);
const partname = record(L, [opt('typename', 'typename', typename), opt('text', 'text', lipText)]);
const name = record(L, [...head, many('partnames', 'partname', partname)]);
const street = record(L, [
  opt('nonfieldedstreetaddress', 'nonfieldedstreetaddress', langString),
  opt('complex', 'complex', langString),
  opt('streetnumber', 'streetnumber', langString),
  opt('streetprefix', 'streetprefix', langString),
  opt('streetname', 'streetname', langString),
  opt('streetype', 'streetype', langString),
  opt('streetsuffix', 'streetsuffix', langString),
  opt('apttype', 'apttype', langString),
  opt('aptnumprefix', 'aptnumprefix', langString),
  opt('aptnumber', 'aptnumber', langString),
  opt('aptnumsuffix', 'aptnumsuffix', langString),
]);
const geo = record(L, [one('lat', 'lat', str), one('lon', 'lon', str)]);
const address = record(L, [
  ...head,
  opt('pobox', 'pobox', langString),
  opt('street', 'street', street),
  opt('locality', 'locality', langString),
  opt('city', 'city', langString),
  opt('statepr', 'statepr', langString),
  opt('region', 'region', langString),
  opt('country', 'country', langString),
  opt('postcode', 'postcode', langString),
  opt('timezone', 'timezone', langString),
  opt('geo', 'geo', geo),
]);
const phone = record(L, [
  opt('countrycode', 'countrycode', str),
  one('areacode', 'areacode', str),
  one('indnumber', 'indnumber', str),
  opt('extnumber', 'extnumber', str),
]);
const shortPhone = record(L, [opt('countrycode', 'countrycode', str), one('areacode', 'areacode', str), one('indnumber', 'indnumber', str)]);
const contactinfo = record(L, [
  ...head,
  choice('items', { telephone: phone, facsimile: phone, mobile: shortPhone, pager: shortPhone, email: str, web: str }),
]);
const representation = record(L, [opt('typename', 'typename', typename), many('dates', 'date', date), many('descriptions', 'description', description)]);
const demographics = record(L, [
  ...head,
  many('representations', 'representation', representation),
  opt('gender', 'gender', record(L, [attribute('gender', 'gender')])),
  many('dates', 'date', date),
  opt('placeofbirth', 'placeofbirth', langString),
  opt('uid', 'uid', str),
]);
const agent = record(L, [
  ...head,
  one('agentid', 'agentid', str),
  one('agentdomain', 'agentdomain', record(L, [opt('typename', 'typename', typename)])),
  opt('description', 'description', description),
]);

/** `<identification>`: who the learner is (personal data: treat with care). */
export const identification = record({ ns: LIP, ext: 'ext_identification' }, [
  opt('comment', 'comment', langString),
  opt('contentype', 'contentype', contentype),
  choice('items', { formname, name, address, contactinfo, demographics, agent }),
]);
/** A LIP identification segment. */
export type LipIdentification = ReturnType<typeof identification.read>;
/** The `<contactinfo>` codec, also used by assertions and reflexions. */
export const contactinfoCodec = contactinfo;
/** One LIP telephone-like number. */
export type LipPhone = ReturnType<typeof phone.read>;
