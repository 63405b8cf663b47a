/**
 * Vitrine's own secrets file (folder tokens and passphrases, views/secrets.ts) is never part of a
 * portfolio, whatever its name or place: an owner who keeps it inside the input folder under a
 * name without a leading dot (`--secrets content/keys.json`) would otherwise see it read as an
 * attachment, packed by `vitrine pack` and published. It is recognised by its content.
 */
import { resolve } from 'node:path';
import type { SourceBundle } from './types.ts';

/** Files larger than this are not looked at: a secrets file holds a few lines per view. */
const maxSniffBytes = 4 * 1024 ** 2;

/** Whether bytes are a Vitrine secrets file: `{"version": 1, "views": {...}}`, each view with a token. */
export function isSecretsFile(bytes: Uint8Array): boolean {
  if (bytes.length > maxSniffBytes) return false;
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09 || bytes[i] === 0xef || bytes[i] === 0xbb || bytes[i] === 0xbf)) i++;
  if (bytes[i] !== 0x7b) return false; // `{`
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return false;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const views = (raw as { views?: unknown }).views;
  if ((raw as { version?: unknown }).version !== 1 || !views || typeof views !== 'object' || Array.isArray(views)) return false;
  return Object.values(views).every((v) => !!v && typeof v === 'object' && typeof (v as { token?: unknown }).token === 'string');
}

/**
 * Removes from a bundle every secrets file: the one named by path (`exclude`, absolute or
 * relative to the working folder) and any other whose content is one. Returns the paths removed.
 */
export function dropSecretsFiles(bundle: SourceBundle, exclude: string[] = []): string[] {
  const named = new Set(exclude.map((p) => resolve(p)));
  const dropped: string[] = [];
  for (const [path, file] of bundle.files) {
    const onDisk = bundle.kind === 'folder' ? resolve(bundle.input, ...path.split('/')) : undefined;
    if ((onDisk && named.has(onDisk)) || isSecretsFile(file.bytes)) {
      bundle.files.delete(path);
      dropped.push(path);
    }
  }
  return dropped;
}
