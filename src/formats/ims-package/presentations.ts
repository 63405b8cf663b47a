/**
 * Presentations a package carries (IMS ePortfolio 2004 draft): `ims-epView` resources are XSL
 * stylesheets that present the portfolio, `presentationStyle` resources are CSS. Styles cascade
 * organization-level first, then item-level: for a view, the styles of the organization's own
 * top-level items, then the styles of the items nested under the view's item.
 */
import type { Manifest, ManifestItem, ManifestResource } from './manifest.ts';
import { resolveHref } from './paths.ts';

/** One `ims-epView` of a package, with its CSS cascade. */
export interface PackagePresentation {
  /** The resource identifier (what a view's `xsl: { package: ID }` names). */
  identifier: string;
  /** Package path of the stylesheet. */
  stylesheet: string;
  /** Package paths of its CSS, in cascade order (organization-level first). */
  styles: string[];
  /** Package paths of the files the ims-epView resource lists (the stylesheet, its modules and data). */
  files: string[];
}

/** The package paths of a resource's href and `<file>` entries. */
function filesOf(r: ManifestResource, manifestBase: string): string[] {
  const base = [manifestBase, r.base].filter(Boolean).join('/');
  const hrefs = [r.href, ...r.files.map((f) => f.href)].filter((h): h is string => !!h);
  return [...new Set(hrefs.map((h) => resolveHref(base, h)).filter((p): p is string => !!p))];
}

const isType = (r: ManifestResource | undefined, type: string) => !!r && (r.type ?? '').toLowerCase() === type.toLowerCase();

function hrefOf(r: ManifestResource, manifestBase: string): string | undefined {
  const href = r.href ?? r.files[0]?.href;
  if (!href) return undefined;
  const base = [manifestBase, r.base].filter(Boolean).join('/');
  return resolveHref(base, href);
}

/** The presentations of a manifest (its sub-manifests' too), in resource order. */
export function presentationsOf(m: Manifest): PackagePresentation[] {
  const out: PackagePresentation[] = [];
  const visit = (mf: Manifest, base: string) => {
    const b = [base, mf.base, mf.resources.base].filter(Boolean).join('/');
    const byId = new Map(mf.resources.list.filter((r) => r.identifier).map((r) => [r.identifier!, r]));
    const path = (r: ManifestResource) => hrefOf(r, b);
    const styleOf = (item: ManifestItem) => {
      const r = item.identifierref ? byId.get(item.identifierref) : undefined;
      return isType(r, 'presentationStyle') ? path(r!) : undefined;
    };
    for (const org of mf.organizations.list) {
      const orgStyles = org.items.map(styleOf).filter((s): s is string => !!s);
      const walk = (items: ManifestItem[]) => {
        for (const item of items) {
          const r = item.identifierref ? byId.get(item.identifierref) : undefined;
          const stylesheet = r && isType(r, 'ims-epView') ? path(r) : undefined;
          if (r && stylesheet && !out.some((p) => p.identifier === r.identifier)) {
            out.push({ identifier: r.identifier!, stylesheet, styles: [...orgStyles, ...item.items.map(styleOf).filter((s): s is string => !!s)], files: filesOf(r, b) });
          }
          walk(item.items);
        }
      };
      walk(org.items);
    }
    // A view no item names still counts, with the organization-level styles of the first organization.
    const firstOrg = mf.organizations.list[0];
    const orgStyles = firstOrg ? firstOrg.items.map(styleOf).filter((s): s is string => !!s) : [];
    for (const r of mf.resources.list) {
      const stylesheet = isType(r, 'ims-epView') ? path(r) : undefined;
      if (stylesheet && r.identifier && !out.some((p) => p.identifier === r.identifier)) out.push({ identifier: r.identifier, stylesheet, styles: orgStyles, files: filesOf(r, b) });
    }
    for (const sub of mf.manifests) visit(sub, b);
  };
  visit(m, '');
  return out;
}
