/**
 * Personal data a set of parts exposes: what the build lists before publishing (DESIGN:
 * "the build lists the personal data it exposes"). Read from the neutral fields every format
 * fills: a part's person (names, addresses, contact details, birth data, identifiers; the
 * owner's on an identification, an author's on an assertion), source ids, birth dates,
 * registration numbers and security keys.
 */
import type { Address, Part } from '../model/types.ts';
import type { PersonalDataItem } from './types.ts';

type Kind = PersonalDataItem['kind'];

/** An address as one line, every field the source gave (the privacy report hides nothing). */
function addressLine(a: Address): string | undefined {
  const lines = [a.pobox, a.unfielded, a.street, a.apartment, a.text, a.locality, [a.postcode, a.city].filter(Boolean).join(' '), a.state, a.region, a.country, a.geo].filter(Boolean);
  return lines.length ? lines.join(', ') : undefined;
}

const CONTACT_KIND: Record<string, Kind> = { email: 'email', web: 'web', phone: 'phone', mobile: 'phone', fax: 'phone', pager: 'phone' };

/** Lists the personal data the parts expose, in part order, without repeats. */
export function findPersonalData(parts: readonly Part[]): PersonalDataItem[] {
  const out: PersonalDataItem[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const found = (kind: Kind, value: string | undefined) => {
      if (!value) return;
      const key = `${part.id}\u0000${kind}\u0000${value}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ kind, partId: part.id, value });
    };
    if (part.sourcedId) found('identifier', part.sourcedId.id);
    for (const d of part.dates) if (d.type?.value.toLowerCase() === 'birth') found('birth-date', d.value);
    const p = part.person;
    if (p) {
      for (const n of p.names) found('name', n.full ?? ((n.parts ?? []).map((x) => x.value).filter(Boolean).join(' ') || [n.prefix, n.given, ...(n.other ?? []), n.family, n.suffix].filter(Boolean).join(' ')));
      for (const a of p.addresses) found('address', addressLine(a));
      for (const c of p.contacts) found(CONTACT_KIND[c.kind] ?? 'identifier', c.value);
      for (const w of p.webLinks) found('web', w.url ?? w.username);
      found('birth-date', p.birthDate);
      found('birth-place', p.birthPlace);
      found('gender', p.gender);
      for (const id of p.identifiers ?? []) found('identifier', id.value);
    }
    found('identifier', part.qualification?.registrationNo);
    if (part.kind === 'securitykey') for (const f of part.facts ?? []) if (f.key === 'key' && f.value) found('security-key', f.label ? `${f.label}: ${f.value}` : f.value);
  }
  return out;
}
