/**
 * Opens a protected view in Node, the way unlock.js does in the browser: the lock data from
 * the entry page, the key from the passphrase, the sealed manifest, then every chunk script.
 * Used by tests to search a protected view's real content for leaks.
 */
import { createDecipheriv } from 'node:crypto';
import { deriveKey, unpad, type LockData, type ManifestEntry } from '../../src/render/protect/encrypt.ts';

/** Reads a view folder's files (paths relative to the folder). */
export type FolderFiles = Map<string, Uint8Array>;

/** The lock data of an entry page. */
export function lockData(entryHtml: string): LockData {
  const m = /<script type="application\/json" id="vitrine-lock">([^<]*)<\/script>/.exec(entryHtml);
  if (!m) throw new Error('no lock data in the entry page');
  return JSON.parse(m[1]!) as LockData;
}

/** Opens one sealed value; throws when the key is wrong or the bytes were changed. */
export function unseal(key: Uint8Array, id: string, sealed: Buffer): Buffer {
  const iv = sealed.subarray(0, 12);
  const tag = sealed.subarray(sealed.length - 16);
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAAD(Buffer.from(id, 'utf8'));
  d.setAuthTag(tag);
  return Buffer.concat([d.update(sealed.subarray(12, sealed.length - 16)), d.final()]);
}

/** Every file of a protected view, decrypted, by its path inside the view. */
export function decryptView(folder: FolderFiles, passphrase: string): FolderFiles {
  const lock = lockData(new TextDecoder().decode(folder.get('index.html')));
  const key = deriveKey(passphrase, Buffer.from(lock.salt, 'base64'), lock.iterations);
  const manifest = JSON.parse(Buffer.from(unpad(unseal(key, 'manifest', Buffer.from(lock.manifest, 'base64')))).toString('utf8')) as { start: string; files: Record<string, ManifestEntry> };
  const out: FolderFiles = new Map();
  for (const [path, entry] of Object.entries(manifest.files)) {
    const script = folder.get(`c/${entry.id}.js`);
    if (!script) throw new Error(`chunk of ${path} is missing`);
    const m = /^vitrineChunk\("([0-9a-f]+)","([A-Za-z0-9+/=]*)"\);\n$/.exec(new TextDecoder().decode(script));
    if (!m || m[1] !== entry.id) throw new Error(`chunk of ${path} is malformed`);
    out.set(path, unpad(unseal(key, entry.id, Buffer.from(m[2]!, 'base64'))));
  }
  return out;
}

/** The files of one folder of a site map, relative to it. */
export function folderOf(site: Map<string, Uint8Array>, folder: string): FolderFiles {
  const out: FolderFiles = new Map();
  for (const [p, b] of site) if (p.startsWith(`${folder}/`)) out.set(p.slice(folder.length + 1), b);
  return out;
}
