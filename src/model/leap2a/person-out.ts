/** An IMS identification record → `leap2:persondata` elements (for parts that did not come from Leap2A). */
import { el, text, type XmlElement } from '../../formats/xml/tree.ts';
import { LEAP2 } from '../../formats/leap2a/index.ts';

type Obj = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as Obj).value === 'string' ? ((v as Obj).value as string) : undefined);
const items = (v: unknown): { el: string; value: Obj }[] => (Array.isArray((v as Obj | undefined)?.items) ? ((v as Obj).items as { el: string; value: Obj }[]) : []);

function persondata(field: string, value: string): XmlElement {
  return { ...el(LEAP2, 'persondata', [{ ns: LEAP2, name: 'field', value: field, prefix: 'leap2' }], [text(value)]), prefix: 'leap2' };
}

/** The person data Leap2A can carry from a LIP identification: names, e-mail, web, phone, birth date, gender. */
export function personDataFromIdentification(record: Obj): XmlElement[] {
  const out: XmlElement[] = [];
  for (const it of items(record)) {
    if (it.el === 'formname') {
      const v = str(it.value.text);
      if (v) out.push(persondata('full_name', v));
    }
    if (it.el === 'name') {
      for (const pn of (Array.isArray(it.value.partnames) ? it.value.partnames : []) as Obj[]) {
        const type = str((pn.typename as Obj | undefined)?.value)?.toLowerCase() ?? '';
        const v = str(pn.text);
        if (!v) continue;
        const field = /first|given/.test(type) ? 'legal_given_name' : /last|family|sur/.test(type) ? 'legal_family_name' : 'other';
        out.push(persondata(field, v));
      }
    }
    if (it.el === 'contactinfo') {
      for (const c of items(it.value)) {
        if (c.el === 'email') out.push(persondata('email', String(c.value)));
        else if (c.el === 'web') out.push(persondata('website', String(c.value)));
        else if (c.value && typeof c.value === 'object') {
          const n = [str(c.value.countrycode), str(c.value.areacode), str(c.value.indnumber)].filter(Boolean).join(' ');
          if (n) out.push(persondata(c.el === 'mobile' ? 'mobile' : c.el === 'facsimile' ? 'fax' : 'homephone', n));
        }
      }
    }
    if (it.el === 'demographics') {
      for (const d of (Array.isArray(it.value.dates) ? it.value.dates : []) as Obj[]) {
        if (str((d.typename as Obj | undefined)?.value)?.toLowerCase() === 'birth' && str(d.datetime)) out.push(persondata('dob', str(d.datetime)!));
      }
      const g = str((it.value.gender as Obj | undefined)?.gender);
      if (g) out.push(persondata('gender', g));
    }
  }
  return out;
}

/** The name of an identification part: its formatted name, else its name parts joined. */
export function personName(part: { ims?: { record: Obj } }): string | undefined {
  const data = personDataFromIdentification(part.ims?.record ?? {});
  const get = (f: string) => data.filter((e) => e.attrs[0]?.value === f).map((e) => (e.children[0]?.type === 'text' ? e.children[0].text : ''));
  return get('full_name')[0] ?? ([...get('legal_given_name'), ...get('legal_family_name')].join(' ') || undefined);
}
