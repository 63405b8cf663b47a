/** The IMS ePortfolio package manifest (imsportfoliocp_v1p0): organizations, resources, sub-manifests. */
import { attribute, lazy, many, one, opt, record, str, type Codec, type RecordOf } from '../xml/codec.ts';
import { NS } from '../xml/tree.ts';

/** The manifest namespace of IMS ePortfolio packages (not the generic IMS CP one). */
export const CP = 'http://www.imsglobal.org/xsd/imsportfoliocp_v1p0';
/** Namespaces other exporters put manifests in; read with a warning. */
export const CP_ALIASES = [
  'http://www.imsglobal.org/xsd/imscp_v1p1',
  'http://www.imsglobal.org/xsd/imscp_v1p2',
  'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
];

const C = { ns: CP } as const;

const metadata = record(C, [opt('schema', 'schema', str), opt('schemaversion', 'schemaversion', str)]);
/** Manifest metadata: schema name and version, plus any LOM kept as unknown content. */
export type ManifestMetadata = ReturnType<typeof metadata.read>;

const itemFields = [
  one('title', 'title', str),
  attribute('identifier', 'identifier'),
  attribute('identifierref', 'identifierref'),
] as const;
/** An organization item: a titled node pointing at a resource, with child items. */
export interface ManifestItem extends RecordOf<typeof itemFields> {
  items: ManifestItem[];
  metadata?: ManifestMetadata;
}
const item: Codec<ManifestItem> = record(C, [
  ...itemFields,
  many('items', 'item', lazy((): Codec<ManifestItem> => item)),
  opt('metadata', 'metadata', metadata),
]) as Codec<ManifestItem>;

const organization = record(C, [
  one('title', 'title', str),
  many('items', 'item', item),
  opt('metadata', 'metadata', metadata),
  attribute('identifier', 'identifier'),
]);
/** An organization: one outline of the package's parts. */
export type ManifestOrganization = ReturnType<typeof organization.read>;

const file = record(C, [opt('metadata', 'metadata', metadata), attribute('href', 'href')]);
const resource = record(C, [
  opt('metadata', 'metadata', metadata),
  many('files', 'file', file),
  attribute('identifier', 'identifier'),
  attribute('type', 'type'),
  attribute('base', 'base', NS.xml),
  attribute('href', 'href'),
]);
/** A resource: one part file (or a plain file) with the files it uses. */
export type ManifestResource = ReturnType<typeof resource.read>;

const manifestFields = [
  opt('metadata', 'metadata', metadata),
  one(
    'organizations',
    'organizations',
    record(C, [many('list', 'organization', organization), attribute('default', 'default')]),
  ),
  one('resources', 'resources', record(C, [many('list', 'resource', resource), attribute('base', 'base', NS.xml)])),
  attribute('identifier', 'identifier'),
  attribute('version', 'version'),
  attribute('base', 'base', NS.xml),
] as const;
/** A manifest, possibly bundling sub-manifests (one portfolio each). */
export interface Manifest extends RecordOf<typeof manifestFields> {
  manifests: Manifest[];
}
/** The `<manifest>` codec. */
export const manifest: Codec<Manifest> = record(C, [
  ...manifestFields,
  many('manifests', 'manifest', lazy((): Codec<Manifest> => manifest)),
]) as Codec<Manifest>;

/** Reads an organization item tree into document order of resource references. */
export function itemOrder(items: ManifestItem[], out: string[] = []): string[] {
  for (const i of items) {
    if (i.identifierref) out.push(i.identifierref);
    itemOrder(i.items, out);
  }
  return out;
}

