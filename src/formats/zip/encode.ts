/** Zip encoding of a package's files, in memory (writing to disk is write/'s job). */
import AdmZip from 'adm-zip';

/** Builds zip bytes from files; entries sorted (manifest first) and dated 1980-01-01, so the same input gives the same bytes. */
export function zipFiles(files: Map<string, Uint8Array>): Uint8Array {
  // noSort: adm-zip would otherwise re-sort entries with the machine's locale, so the same
  // package would differ between machines. Order here: manifest first, then code-unit order.
  const zip = new AdmZip({ noSort: true } as never);
  const fixed = new Date(1980, 0, 1, 0, 0, 0);
  for (const path of [...files.keys()].sort((a, b) => (a === 'imsmanifest.xml' ? -1 : b === 'imsmanifest.xml' ? 1 : a < b ? -1 : a > b ? 1 : 0))) {
    zip.addFile(path, Buffer.from(files.get(path)!));
    zip.getEntry(path)!.header.time = fixed;
  }
  return new Uint8Array(zip.toBuffer());
}
