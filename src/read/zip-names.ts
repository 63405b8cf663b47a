/**
 * Zip entry names, checked by us rather than trusted to the unzip library: a name that could
 * leave the package on any platform refuses the whole package (Zip Slip), and names are made
 * safe to print before they reach a diagnostic.
 */

/** A checked entry name: the normalised path to keep, or why the name is refused. */
export type CheckedName =
  | { ok: true; path: string; isDirectory: boolean }
  | { ok: false; reason: string };

/**
 * Checks one decoded entry name (APPNOTE 4.4.17: relative, `/`-separated, no drive or device).
 * Refused: NUL, backslash (a separator on Windows, so `a\..\b` climbs), a leading `/`, a drive
 * letter at the start of any segment, and any segment of only dots and spaces other than `.`
 * (`..`, and `...` or `.. ` which Windows trims down to `..`). Empty and `.` segments are
 * dropped: `./a//b` and `a/b` name the same file, and duplicates are caught after this.
 */
export function checkEntryName(name: string): CheckedName {
  if (name.includes('\0')) return { ok: false, reason: 'contains a NUL byte' };
  if (name.includes('\\')) return { ok: false, reason: 'contains a backslash' };
  if (name.startsWith('/')) return { ok: false, reason: 'is an absolute path' };
  const kept: string[] = [];
  for (const segment of name.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (/^[A-Za-z]:/.test(segment)) return { ok: false, reason: 'names a drive letter' };
    if (/^[. ]+$/.test(segment)) return { ok: false, reason: 'climbs out of the package with ..' };
    kept.push(segment);
  }
  const isDirectory = name.endsWith('/');
  if (kept.length === 0 && !isDirectory) return { ok: false, reason: 'names no file inside the package' };
  return { ok: true, path: kept.join('/'), isDirectory };
}

/**
 * Makes an untrusted name safe to print: control characters (C0, DEL, C1) and bidirectional
 * overrides become `\xNN` / `\uNNNN`, so an entry name cannot hide a NUL, send escape
 * sequences to the terminal, or display reversed (`txt.exe` shown as `exe.txt`).
 */
export function printableName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
