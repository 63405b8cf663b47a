/**
 * Finding badges in files: baked PNG and SVG images and JSON files, and sorting each payload
 * into JSON, a compact JWS/JWT, or a bare URL (a hosted 2.0 assertion that would need fetching).
 */
import { parseXml } from '../xml/parse.ts';
import { childElements, type XmlElement } from '../xml/tree.ts';
import { isPng, readPngText } from './png.ts';
import type { BadgeDocument, BadgePayload } from './types.ts';

const OB2_NS = 'http://openbadges.org';
const OB3_NS = 'https://purl.imsglobal.org/ob/v3p0';
const KEYS = ['openbadges', 'openbadgecredential'];

/** Badge payloads carried by one file (usually none). */
export function findBadgePayloads(path: string, bytes: Uint8Array): BadgePayload[] {
  if (isPng(bytes)) return readPngText(bytes, KEYS).map((c) => ({ carrier: 'png', file: path, key: c.key, text: c.text.trim() }));
  if (/\.svg$/i.test(path)) return svgPayloads(path, bytes);
  if (/\.json$/i.test(path)) {
    const doc = parseBadgeDocument(new TextDecoder().decode(bytes));
    return doc?.form === 'json' && isBadgeJson(doc.json) ? [{ carrier: 'json', file: path, key: 'json', text: new TextDecoder().decode(bytes).trim() }] : [];
  }
  return [];
}

function svgPayloads(path: string, bytes: Uint8Array): BadgePayload[] {
  const parsed = parseXml(bytes, path);
  if (!parsed.root || parsed.root.name !== 'svg') return [];
  const out: BadgePayload[] = [];
  const walk = (e: XmlElement) => {
    const ob2 = e.ns === OB2_NS && e.name === 'assertion';
    const ob3 = (e.ns === OB3_NS || e.ns === OB2_NS) && e.name === 'credential';
    if (ob2 || ob3) {
      const inner = e.children.map((c) => (c.type === 'text' ? c.text : '')).join('').trim();
      const verify = e.attrs.find((a) => a.name === 'verify')?.value.trim();
      // A signed 2.0 assertion is the JWS in `verify`; a hosted one has its JSON inside and its URL in `verify`.
      const text = inner || verify;
      if (text) out.push({ carrier: 'svg', file: path, key: ob2 ? 'openbadges' : 'openbadgecredential', text });
      return;
    }
    for (const c of childElements(e)) walk(c);
  };
  walk(parsed.root);
  return out;
}

/** Sorts a payload text into JSON, a compact JWS/JWT, or a URL; undefined when it is none of them. */
export function parseBadgeDocument(text: string): BadgeDocument | undefined {
  const t = text.trim();
  if (t.startsWith('{')) {
    try {
      const json = JSON.parse(t) as unknown;
      return json && typeof json === 'object' && !Array.isArray(json) ? { form: 'json', json: json as Record<string, unknown> } : undefined;
    } catch {
      return undefined;
    }
  }
  const parts = t.split('.');
  if (parts.length === 3 && parts.every((p) => /^[A-Za-z0-9_-]*$/.test(p))) {
    try {
      const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
      const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
      return { form: 'jws', jws: t, header, payload };
    } catch {
      return undefined;
    }
  }
  if (/^https?:\/\/\S+$/i.test(t)) return { form: 'url', url: t };
  return undefined;
}

/** Tells whether JSON is an Open Badges assertion (2.0) or credential (3.0), not just any JSON. */
export function isBadgeJson(json: Record<string, unknown>): boolean {
  const type = ([] as unknown[]).concat(json.type ?? []).map(String);
  const context = JSON.stringify(json['@context'] ?? '');
  return type.includes('Assertion') || type.includes('OpenBadgeCredential') || type.includes('AchievementCredential') || /openbadges|ob\/v3p0/.test(context) && !!(json.badge || json.credentialSubject);
}
