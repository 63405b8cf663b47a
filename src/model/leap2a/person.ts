/**
 * Leap2A person data ⇄ an IMS LIP identification record, so that a person from Leap2A shows
 * its name and contact details on the site, is found by the personal-data listing, and exports
 * to IMS. The Leap2A elements themselves stay verbatim in the part's `leap2a.elements`.
 */
import { attr, childElements, ownText, type XmlElement } from '../../formats/xml/tree.ts';
import { LEAP2 } from '../../formats/leap2a/index.ts';

type Obj = Record<string, unknown>;
type Item = { el: string; value: Obj | string };

const typename = (value: string) => ({ value: { value } });

/** Builds an IMS identification record from `leap2:persondata` and `leap2:spatial` elements; undefined when there are none. */
export function identificationFromPersondata(elements: XmlElement[], fallbackName: string | undefined): Obj | undefined {
  const data = elements.filter((e) => e.ns === LEAP2 && e.name === 'persondata');
  const spatial = elements.find((e) => e.ns === LEAP2 && e.name === 'spatial');
  if (!data.length && !spatial && !fallbackName) return undefined;
  const items: Item[] = [];
  const field = (f: string) => data.filter((e) => (attr(e, 'field', LEAP2) ?? '') === f).map((e) => ownText(e).trim()).filter(Boolean);
  const full = field('full_name')[0] ?? field('preferred_given_name')[0];
  const given = field('legal_given_name')[0];
  const family = field('legal_family_name')[0];
  if (given || family) {
    const partnames = [];
    if (given) partnames.push({ typename: typename('First'), text: { value: given } });
    if (family) partnames.push({ typename: typename('Last'), text: { value: family } });
    items.push({ el: 'name', value: { partnames } });
  }
  if (full) items.push({ el: 'formname', value: { text: { value: full } } });
  else if (!given && !family && fallbackName) items.push({ el: 'formname', value: { text: { value: fallbackName } } });
  const contact: Item[] = [];
  for (const v of field('email')) contact.push({ el: 'email', value: v });
  for (const v of field('website')) contact.push({ el: 'web', value: v });
  for (const f of ['homephone', 'workphone', 'mobile', 'fax']) {
    for (const v of field(f)) contact.push({ el: f === 'mobile' ? 'mobile' : f === 'fax' ? 'facsimile' : 'telephone', value: { areacode: '', indnumber: v } });
  }
  if (contact.length) items.push({ el: 'contactinfo', value: { items: contact } });
  if (spatial) {
    const lines = childElements(spatial).filter((e) => e.name === 'addressline').map((e) => ownText(e).trim()).filter(Boolean);
    const country = childElements(spatial).find((e) => e.name === 'country');
    const postcode = childElements(spatial).find((e) => e.name === 'postcode');
    const address: Obj = {};
    if (lines.length) address.street = { nonfieldedstreetaddress: { value: lines.join(', ') } };
    if (postcode) address.postcode = { value: ownText(postcode).trim() };
    if (country) address.country = { value: ownText(country).trim() };
    if (Object.keys(address).length) items.push({ el: 'address', value: address });
  }
  const demo: Obj = {};
  const dob = field('dob')[0];
  if (dob) demo.dates = [{ typename: typename('Birth'), datetime: dob }];
  const gender = field('gender')[0];
  if (gender) demo.gender = { gender };
  const place = data.find((e) => /placeofbirth/i.test(e.attrs.find((a) => a.name === 'field' && a.ns !== LEAP2)?.value ?? ''));
  if (place) demo.placeofbirth = { value: ownText(place).trim() };
  if (Object.keys(demo).length) items.push({ el: 'demographics', value: demo });
  return { items };
}
