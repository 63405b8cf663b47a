/** ImsPackage → package files: the manifest, the part files (with schema locations) and the media. */
import { serializeXml } from '../xml/serialize.ts';
import { NS } from '../xml/tree.ts';
import { writeLipDocument, type LipDocument } from '../lip/document.ts';
import { ASSERT, CMX, GMS, LIP, PARTICIPATION, RDCEO, REFLEX, RUBRIC, schemaFiles } from '../lip/namespaces.ts';
import { CP, manifest as manifestCodec } from './manifest.ts';
import type { ImsPackage } from './read-package.ts';

const encoder = new TextEncoder();

const rootNs: Record<LipDocument['root'], string> = {
  learnerinformation: LIP,
  assertion: ASSERT,
  reflexion: REFLEX,
  participation: PARTICIPATION,
  rubric: RUBRIC,
};

/** Serializes one part file with its namespaces bound and its schema location set. */
export function generatePartFile(doc: LipDocument): string {
  const ns = rootNs[doc.root];
  const prefixes: Record<string, string> = { [ns]: '', [NS.xsi]: 'xsi' };
  let location = `${ns} ${schemaFiles[ns]}`;
  if (ns !== LIP) {
    prefixes[LIP] = 'lip';
    location += ` ${LIP} ${schemaFiles[LIP]}`;
  }
  if (ns === RUBRIC) prefixes[RDCEO] = 'rdceo';
  if (ns === PARTICIPATION) Object.assign(prefixes, { [GMS]: 'grp', [CMX]: 'cmx' });
  return serializeXml(writeLipDocument(doc), { prefixes, rootAttributes: [['xsi:schemaLocation', location]] });
}

/** Generates every file of the package, by path. */
export function generateImsPackage(pkg: ImsPackage): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  if (pkg.manifest) {
    const xml = serializeXml(manifestCodec.write(pkg.manifest, CP, 'manifest'), {
      prefixes: { [CP]: '', [NS.xsi]: 'xsi' },
      rootAttributes: [['xsi:schemaLocation', `${CP} http://www.imsglobal.org/xsd/imsportfoliocp_v1p0.xsd`]],
    });
    out.set('imsmanifest.xml', encoder.encode(xml));
  }
  for (const part of pkg.parts) out.set(part.path, encoder.encode(generatePartFile(part.doc)));
  for (const [path, bytes] of pkg.files) if (!out.has(path)) out.set(path, bytes);
  return out;
}
