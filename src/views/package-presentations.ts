/**
 * A package that carries its own presentations (`ims-epView` resources) is built with them when
 * the user allows package stylesheets and has written no views: each presentation becomes a
 * public view titled by the manifest item that names it, holding the parts its organization
 * names (else every part but security keys), rendered by its stylesheet with its CSS cascade.
 */
import type { Portfolio } from '../model/types.ts';
import type { ViewConfig } from './types.ts';
import { VIEW_ID_PATTERN, MAX_ID_LENGTH, RESERVED_VIEW_IDS } from './config-schema.ts';

/**
 * What planning needs of a package's presentation, with the part files its organization names
 * already resolved to part ids (model/ims/format.ts `partsInFiles`): views know no format.
 */
export interface PresentationSummary {
  /** The `ims-epView` resource identifier (what `xsl: { package: ID }` names). */
  identifier: string;
  /** The title of the manifest item that names it, when one does. */
  title?: string;
  /** Ids of the parts its organization names; empty when none does. */
  parts: string[];
}

/** A view id from a resource identifier: lowercase, safe as a folder, unique among `taken`. */
function viewIdOf(identifier: string, taken: Set<string>): string {
  let id = identifier.toLowerCase().replace(/[^a-z0-9-_]+/g, '-').replace(/^[-_]+|[-_]+$/g, '').slice(0, MAX_ID_LENGTH - 4) || 'presentation';
  if (!VIEW_ID_PATTERN.test(id) || RESERVED_VIEW_IDS.includes(id)) id = `view-${id}`;
  let unique = id;
  for (let n = 2; taken.has(unique); n++) unique = `${id}-${n}`;
  taken.add(unique);
  return unique;
}

/** The views a package's presentations make, in the package's order. */
export function viewsFromPresentations(portfolio: Portfolio, presentations: PresentationSummary[]): ViewConfig[] {
  const taken = new Set<string>();
  return presentations.map((p) => {
    const ids = p.parts;
    const select = ids.length ? ids.map((id) => ({ id })) : portfolio.parts.filter((part) => part.kind !== 'securitykey').map((part) => ({ id: part.id }));
    return { id: viewIdOf(p.identifier, taken), title: p.title ?? portfolio.title ?? p.identifier, access: 'public', select, xsl: { package: p.identifier } };
  });
}
