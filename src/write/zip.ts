/** Writing packages: files in memory → a zip on disk, atomically (a temp file renamed into place). */
import AdmZip from 'adm-zip';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** Builds zip bytes from files; entries sorted and dated 1980-01-01 so the same input gives the same bytes. */
export function zipFiles(files: Map<string, Uint8Array>): Buffer {
  const zip = new AdmZip();
  const fixed = new Date(1980, 0, 1, 0, 0, 0);
  for (const path of [...files.keys()].sort((a, b) => (a === 'imsmanifest.xml' ? -1 : b === 'imsmanifest.xml' ? 1 : a.localeCompare(b)))) {
    zip.addFile(path, Buffer.from(files.get(path)!));
    const entry = zip.getEntry(path)!;
    entry.header.time = fixed;
  }
  return zip.toBuffer();
}

/** Writes bytes to a file atomically: a failed write leaves any previous file untouched. */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path) || '.', { recursive: true });
  const tmp = join(dirname(path) || '.', `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
