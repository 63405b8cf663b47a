/** Builds small IMS packages in a temp folder for tests, one part file per entry. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const LIP = 'http://www.imsglobal.org/xsd/imslip_v1p0';

/** A LIP file holding the given segment XML. */
export function lipFile(segment: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<learnerinformation xmlns="${LIP}">\n${segment}\n</learnerinformation>\n`;
}

/** A product segment with an indexid and a short description, and optional media. */
export function productSegment(id: string, short: string, media = ''): string {
  return `<activity><product><contentype><referential><indexid>${id}</indexid></referential></contentype>
<description><short>${short}</short>${media ? `<full>${media}</full>` : ''}</description></product></activity>`;
}

/** Writes a package folder: a manifest naming each part file as a resource, plus the files. */
export function writePackageFolder(files: Record<string, string | Uint8Array>, manifest = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-pkg-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  if (manifest) {
    const resources = Object.keys(files)
      .filter((p) => p.endsWith('.xml'))
      .map((p, i) => `<resource identifier="R${i}" type="imslip-Product" href="${p}"><file href="${p}"/></resource>`)
      .join('\n');
    writeFileSync(
      join(dir, 'imsmanifest.xml'),
      `<?xml version="1.0"?>\n<manifest xmlns="http://www.imsglobal.org/xsd/imsportfoliocp_v1p0" identifier="test-pkg">\n<organizations default="O"><organization identifier="O"><title>Test</title><item identifier="I"><title>t</title></item></organization></organizations>\n<resources>\n${resources}\n</resources>\n</manifest>\n`,
    );
  }
  return dir;
}
