/**
 * Neutral facts a Leap2A record says about a part or a file, derived once by the readers that
 * hold such a record (the Leap2A reader, and the authored reader for a part a Leap2A import
 * kept): what a selection is (a page, a collection of pages, a résumé section), when an entry
 * was published, and the name a file had before the exporter numbered it. Views and pages read
 * these fields, never the record.
 */
import type { Grouping, Part, PortfolioFile } from '../types.ts';

const SELECTION = /selection$/;

/** What a Leap2A selection groups, from its selection type (as `Part.type` holds it) and Mahara's plugin; undefined for an entry that is no selection. */
export function groupingOf(part: Part): Grouping | undefined {
  const rec = part.leap2a;
  if (!rec || !Array.isArray(rec.types) || !rec.types.some((t) => typeof t === 'string' && SELECTION.test(t))) return undefined;
  const type = (part.type?.value ?? '').toLowerCase();
  if (type === 'webpage') return 'page';
  if (type === 'website') return 'collection';
  if (type === 'collection') return 'set';
  const resume = Array.isArray(rec.elements) && rec.elements.some((x) => x?.name === 'artefactplugin' && Array.isArray(x.attrs) && x.attrs.some((a) => a?.name === 'plugin' && a.value === 'resume'));
  return resume ? 'resume' : 'other';
}

/** Sets the part's neutral fields that its Leap2A record says (`grouping`, `published`). */
export function neutralFromLeap2a(part: Part): void {
  const grouping = groupingOf(part);
  if (grouping) part.grouping = grouping;
  const published = part.leap2a?.published;
  if (typeof published === 'string' && published) part.published = published;
}

/** A file's name without the numeric `NNNN-` prefix Leap2A exporters (Mahara) put on file names; undefined when there is none. */
export function unnumberedName(path: string): string | undefined {
  const base = path.split('/').pop() ?? path;
  const name = base.replace(/^\d+-(?=.)/, '');
  return name === base ? undefined : name;
}

/** Gives every file a Leap2A part uses its name without the exporter's number (`PortfolioFile.name`). */
export function nameLeap2aFiles(parts: readonly Part[], files: ReadonlyMap<string, PortfolioFile>): void {
  for (const p of parts) {
    if (!p.leap2a) continue;
    for (const path of p.files) {
      const f = files.get(path);
      const name = f && f.name === undefined ? unnumberedName(f.path) : undefined;
      if (f && name) f.name = name;
    }
  }
}
