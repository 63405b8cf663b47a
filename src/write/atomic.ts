/**
 * The one atomic file write: bytes go to a temporary file beside the target, which is renamed
 * into place, so a reader (or a crash) never sees half a file and a failed write leaves the
 * previous file untouched. Packages, the secrets file and the image cache all write through it.
 */
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** Options of an atomic write. */
export interface AtomicWriteOptions {
  /** File mode of the new file (the secrets file: 0o600, readable by its owner only). */
  mode?: number;
  /** Make the file's folder when it is missing (default true; the secrets file says false: a missing folder there is a mistake to report). */
  makeFolder?: boolean;
}

/** Writes bytes (or text) to a file atomically, making its folder when needed. */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path) || '.';
  if (options.makeFolder !== false) await mkdir(dir, { recursive: true });
  // A unique name: two builds (or two writes of one build) never share a temporary file.
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
  try {
    await writeFile(tmp, bytes, options.mode === undefined ? {} : { mode: options.mode });
    // writeFile's mode is masked by the umask; chmod sets exactly what was asked.
    if (options.mode !== undefined) await chmod(tmp, options.mode);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
