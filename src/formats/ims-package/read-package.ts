/**
 * SourceBundle → ImsPackage: finds the manifest (or, without one, every part file), reads the
 * part files its resources name, and keeps every other file. Real packages are messy: missing
 * files, unknown resource types and hrefs leaving the package are warnings, not failures.
 */
import { DiagnosticBag } from '../../diagnostics/index.ts';
import { displayPath, type SourceBundle } from '../../read/types.ts';
import { parseXml } from '../xml/parse.ts';
import { isPartRoot, readLipDocument, type LipDocument } from '../lip/document.ts';
import { CP, CP_ALIASES, itemOrder, manifest as manifestCodec, type Manifest } from './manifest.ts';
import { dirOf, resolveHref } from './paths.ts';

/** One part file of a package, with the resource that named it. */
export interface PartFile {
  path: string;
  resourceId?: string;
  resourceType?: string;
  doc: LipDocument;
}

/** An IMS ePortfolio package in its own terms. */
export interface ImsPackage {
  /** Absent when the input was a folder of part files or a single part file. */
  manifest?: Manifest;
  /** Folder of the manifest inside the bundle ('' at the root). */
  root: string;
  parts: PartFile[];
  /** Every other file, by package path (relative to `root`). */
  files: Map<string, Uint8Array>;
}

const knownTypePrefix = /^(imslip|imsep|imsportfolio)[-_]/i;

/** Reads an IMS ePortfolio package, a folder of part files, or one part file. */
export function readImsPackage(bundle: SourceBundle, bag: DiagnosticBag): ImsPackage | undefined {
  const manifestPath = findManifest(bundle);
  if (!manifestPath) return readLoose(bundle, bag);
  const loc = displayPath(bundle, manifestPath);
  const parsed = parseXml(bundle.files.get(manifestPath)!.bytes, loc);
  if (!parsed.root) {
    bag.push(parsed.diagnostic);
    return undefined;
  }
  const root = dirOf(manifestPath);
  if (parsed.root.name !== 'manifest' || (parsed.root.ns !== CP && !CP_ALIASES.includes(parsed.root.ns))) {
    bag.add('ManifestNamespace', `the root is {${parsed.root.ns}}${parsed.root.name}, not an IMS ePortfolio manifest`, { file: loc, line: parsed.root.line ?? 1, column: parsed.root.column ?? 1 });
    if (parsed.root.name !== 'manifest') return undefined;
  } else if (parsed.root.ns !== CP) {
    bag.add('ManifestNamespace', `manifest namespace is ${parsed.root.ns}`, { file: loc, line: parsed.root.line ?? 1, column: parsed.root.column ?? 1 });
  }
  // Read a manifest in an alias namespace as if it were in CP: same element names.
  const rootEl = parsed.root.ns === CP ? parsed.root : renamespace(parsed.root, parsed.root.ns, CP);
  const m = manifestCodec.read(rootEl, { file: loc, diagnostics: bag });
  if (m.unknownAttrs) m.unknownAttrs = m.unknownAttrs.filter((a) => !a.ns.includes('XMLSchema-instance'));
  if (m.unknownAttrs && !m.unknownAttrs.length) delete m.unknownAttrs;

  const rel = (p: string) => (root ? p.slice(root.length + 1) : p);
  const pkg: ImsPackage = { manifest: m, root, parts: [], files: new Map() };
  const claimed = new Set<string>([manifestPath]);
  for (const mf of [m, ...allSubManifests(m)]) readResources(mf, bundle, root, pkg, claimed, bag, loc);
  for (const [path, f] of bundle.files) {
    if (claimed.has(path)) continue;
    if (root && !path.startsWith(root + '/')) {
      bag.add('FileOutsideManifestFolder', `${path} is outside ${root}/, the folder of the manifest; it is not read as part of the portfolio`, { file: displayPath(bundle, path) });
      continue;
    }
    if (isVitrineConfig(rel(path))) continue;
    pkg.files.set(rel(path), f.bytes);
  }
  return pkg;
}

/** Vitrine's own view configuration lives beside the parts but is not part of the portfolio. */
function isVitrineConfig(path: string): boolean {
  return /^vitrine\.config\.(ya?ml|json)$/i.test(path);
}

function allSubManifests(m: Manifest): Manifest[] {
  return m.manifests.flatMap((s) => [s, ...allSubManifests(s)]);
}

function readResources(m: Manifest, bundle: SourceBundle, root: string, pkg: ImsPackage, claimed: Set<string>, bag: DiagnosticBag, loc: string): void {
  const byId = new Map(m.resources.list.map((r) => [r.identifier ?? '', r]));
  // Parts in outline order first (every organization, default first), then any resource no item names.
  const defaultOrg = m.organizations.default;
  const orgs = [...m.organizations.list].sort((a, b) => Number(b.identifier === defaultOrg) - Number(a.identifier === defaultOrg));
  const order: string[] = [];
  for (const o of orgs) for (const ref of itemOrder(o.items)) {
    if (!byId.has(ref)) bag.add('ResourceRefMissing', `an item names resource "${ref}", which the manifest does not define`, { file: loc });
    else if (!order.includes(ref)) order.push(ref);
  }
  for (const r of m.resources.list) if (r.identifier && !order.includes(r.identifier)) order.push(r.identifier);
  const base = resolveBase(root, m.base, m.resources.base);
  for (const id of order) {
    const r = byId.get(id)!;
    const rbase = resolveBase(base, r.base);
    const type = r.type ?? '';
    const hrefs = [r.href, ...r.files.map((f) => f.href)].filter((h): h is string => !!h);
    const seen = new Set<string>();
    for (const href of hrefs) {
      const path = resolveHref(rbase, href);
      if (!path) {
        bag.add('HrefOutsidePackage', `resource "${id}" names "${href}", outside the package`, { file: loc });
        continue;
      }
      if (seen.has(path)) continue;
      seen.add(path);
      const f = bundle.files.get(path);
      if (!f) {
        bag.add('ResourceFileMissing', `resource "${id}" names "${href}", which is not in the package`, { file: loc });
        continue;
      }
      if (!path.toLowerCase().endsWith('.xml') || claimed.has(path)) continue;
      const display = displayPath(bundle, path);
      const parsed = parseXml(f.bytes, display);
      if (!parsed.root) {
        bag.push(parsed.diagnostic);
        claimed.add(path); // a broken part file is reported, not copied as an opaque file
        continue;
      }
      if (!isPartRoot(parsed.root)) {
        if (knownTypePrefix.test(type) && href === r.href) {
          bag.add('XmlUnexpectedRoot', `root <${parsed.root.name}> is not a portfolio part (resource type ${type}); kept as a file`, { file: display, line: parsed.root.line ?? 1, column: parsed.root.column ?? 1 });
        }
        continue;
      }
      if (type && !knownTypePrefix.test(type)) {
        bag.add('ResourceTypeUnknown', `resource "${id}" has type "${type}"; read by its root element <${parsed.root.name}>`, { file: loc });
      }
      const doc = readLipDocument(parsed.root, { file: display, diagnostics: bag });
      if (!doc) continue;
      claimed.add(path);
      const part: PartFile = { path: root ? path.slice(root.length + 1) : path, resourceId: id, doc };
      if (type) part.resourceType = type;
      pkg.parts.push(part);
    }
  }
}

function resolveBase(...bases: (string | undefined)[]): string {
  let cur = '';
  for (const b of bases) {
    if (!b) continue;
    cur = resolveHref(cur, b) ?? cur;
  }
  return cur;
}

/** Without a manifest: every XML file whose root is a part is read, in path order. */
function readLoose(bundle: SourceBundle, bag: DiagnosticBag): ImsPackage | undefined {
  const pkg: ImsPackage = { root: '', parts: [], files: new Map() };
  const paths = [...bundle.files.keys()].sort();
  for (const path of paths) {
    const f = bundle.files.get(path)!;
    if (isVitrineConfig(path)) continue;
    if (!path.toLowerCase().endsWith('.xml')) {
      pkg.files.set(path, f.bytes);
      continue;
    }
    const display = displayPath(bundle, path);
    const parsed = parseXml(f.bytes, display);
    if (!parsed.root) {
      bag.push(parsed.diagnostic);
      continue;
    }
    if (!isPartRoot(parsed.root)) {
      if (bundle.kind === 'file') {
        bag.add('InputKindUnknown', `root <${parsed.root.name}> is not an IMS LIP or ePortfolio part`, { file: display, line: parsed.root.line ?? 1, column: parsed.root.column ?? 1 });
      } else {
        pkg.files.set(path, f.bytes);
      }
      continue;
    }
    const doc = readLipDocument(parsed.root, { file: display, diagnostics: bag });
    if (doc) pkg.parts.push({ path, doc });
  }
  if (!pkg.parts.length) {
    if (bundle.kind !== 'file') {
      bag.add('ManifestNotFound', `${bundle.input}: no imsmanifest.xml and no IMS part files`, { file: bundle.input });
    }
    return undefined;
  }
  // A folder of part files is a normal way to hand in a CV; a zip usually is a package, so a
  // zip read this way most likely lost its manifest (order, titles, organisations): say so.
  if (bundle.kind === 'zip') bag.add('ZipWithoutManifest', `${bundle.input} has no imsmanifest.xml and no Leap2A feed: its ${pkg.parts.length} part file(s) are read loose, without a manifest's order, titles or organisations`, { file: bundle.input });
  return pkg;
}

/** Finds imsmanifest.xml at the root, or in the one top folder a zip tool may have added. */
function findManifest(bundle: SourceBundle): string | undefined {
  const candidates = [...bundle.files.keys()].filter((p) => p.split('/').pop()!.toLowerCase() === 'imsmanifest.xml');
  candidates.sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
  const top = candidates[0];
  if (!top) return undefined;
  return top.split('/').length <= 2 ? top : undefined;
}

function renamespace<T extends { ns: string; children?: unknown[] }>(e: T, from: string, to: string): T {
  const copy = { ...e, ns: e.ns === from ? to : e.ns } as T & { children?: unknown[] };
  if (Array.isArray(e.children)) {
    copy.children = e.children.map((c) => (c && typeof c === 'object' && 'ns' in c ? renamespace(c as T, from, to) : c));
  }
  return copy;
}
