/**
 * Bytes to text for XML. fast-xml-parser silently turns invalid UTF-8 into U+FFFD and its
 * validator still says "valid" (shared/TOOLCHAIN.md), so decoding is done here, strictly.
 */

/** Why decoding failed: the bytes are invalid, or the encoding is one we do not read. */
export interface DecodeFailure {
  reason: 'invalid' | 'unsupported';
  encoding: string;
  message: string;
}

const aliases: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
};

/** Reads the encoding named in an XML declaration, if any (ASCII-compatible bytes only). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const m = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m?.[1]?.toLowerCase();
}

/**
 * Decodes XML bytes: BOM first, then the declared encoding, else UTF-8; fatal on invalid
 * sequences. (ISO-8859-1 is read as Windows-1252, its superset, as browsers do.)
 */
export function decodeXmlBytes(bytes: Uint8Array): { text: string } | DecodeFailure {
  let encoding: string;
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    start = 3;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    start = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    start = 2;
  } else if (bytes[0] === 0x3c && bytes[1] === 0x00) {
    encoding = 'utf-16le';
  } else if (bytes[0] === 0x00 && bytes[1] === 0x3c) {
    encoding = 'utf-16be';
  } else {
    const declared = declaredEncoding(bytes) ?? 'utf-8';
    const known = aliases[declared];
    if (!known) {
      return { reason: 'unsupported', encoding: declared, message: `encoding "${declared}" is not supported` };
    }
    encoding = known;
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start));
    return { text };
  } catch {
    return { reason: 'invalid', encoding, message: `the bytes are not valid ${encoding.toUpperCase()}` };
  }
}

/** Finds the 1-based line and column of the first U+FFFD-worthy byte, for diagnostics. */
export function locateInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let len = 1;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) len = 3;
    else if (b >= 0xf0 && b <= 0xf4) len = 4;
    else if (b >= 0x80) return { line, column };
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return { line, column };
    }
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += len;
  }
  return { line, column };
}
