/** When a part happened, as a CV line shows it: from its dates' types, else its newest date. */
import { compareWhen, parseWhen } from '../model/dates.ts';
import type { DateData, PartData } from './types.ts';

const STARTS = new Set(['start', 'begin', 'creation', 'create']);
const ENDS = new Set(['finish', 'end', 'award', 'completed', 'target']);

/** A part's period: its start and end dates by type, else its newest date alone. */
export function periodOf(dates: DateData[]): PartData['period'] {
  if (!dates.length) return undefined;
  const start = dates.find((d) => STARTS.has((d.type ?? '').toLowerCase()));
  const end = dates.find((d) => ENDS.has((d.type ?? '').toLowerCase()));
  if (start || end) return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  const newest = [...dates].sort((a, b) => compareWhen(parseWhen(a.iso ?? a.display), parseWhen(b.iso ?? b.display)))[0]!;
  return { end: newest };
}
