/**
 * The owner's name, e-mail addresses and web sites as plain fields of an identification part
 * (`name: Léa Moreau`, `email: lea@example.org`). The reader puts them first in the part's
 * neutral person (a Preferred name, contacts without a label). The writer takes them back from
 * the part's IMS record as an IMS export would write it (a `formname` and `contactinfo` items
 * at its start), so the round trip is exact and any richer record stays under ims:.
 */
import type { Part, Text } from '../types.ts';

type Obj = Record<string, unknown>;
type Item = { el: string; value: Obj };

const preferred = () => ({ source: { sourcetype: 'imsdefault' }, value: { value: 'Preferred' } });

/** Puts the friendly fields first in the part's person. */
export function applyIdentification(part: Part, name: Text | undefined, emails: string[], webs: string[]): void {
  if (!name && !emails.length && !webs.length) return;
  const p = (part.person ??= { names: [], contacts: [], addresses: [], webLinks: [] });
  if (name) p.names.unshift({ full: name.value, type: 'Preferred', ...(name.lang ? { lang: name.lang } : {}) });
  p.contacts.unshift(...emails.map((value) => ({ kind: 'email' as const, value })), ...webs.map((value) => ({ kind: 'web' as const, value })));
}

const isPreferred = (t: unknown) => JSON.stringify(t) === JSON.stringify(preferred());
const only = (o: Obj, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

function contact(it: Item, el: string): string | undefined {
  if (it.el !== 'contactinfo' || !only(it.value, ['items'])) return undefined;
  const list = it.value.items as Item[] | undefined;
  if (!Array.isArray(list) || list.length !== 1 || list[0]!.el !== el || typeof list[0]!.value !== 'string') return undefined;
  return list[0]!.value as unknown as string;
}

/** Takes the friendly prefix back out of a copy of the record; undefined fields when there is none. */
export function takeIdentification(record: Obj): { name?: Text; emails: string[]; webs: string[] } {
  const out: { name?: Text; emails: string[]; webs: string[] } = { emails: [], webs: [] };
  const items = Array.isArray(record.items) ? (record.items as Item[]) : [];
  let i = 0;
  const first = items[0];
  if (first?.el === 'formname' && only(first.value, ['typename', 'text']) && isPreferred(first.value.typename)) {
    const t = first.value.text as { value?: unknown; lang?: unknown } | undefined;
    if (t && typeof t.value === 'string' && only(t as Obj, ['value', 'lang'])) {
      out.name = typeof t.lang === 'string' ? { value: t.value, lang: t.lang } : { value: t.value };
      i = 1;
    }
  }
  for (; i < items.length && contact(items[i]!, 'email') !== undefined; i++) out.emails.push(contact(items[i]!, 'email')!);
  for (; i < items.length && contact(items[i]!, 'web') !== undefined; i++) out.webs.push(contact(items[i]!, 'web')!);
  if (i > 0) record.items = items.slice(i);
  return out;
}
