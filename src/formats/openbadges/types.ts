/**
 * Open Badges as found in files: what a baked image or a JSON file carries, before any
 * reading of its meaning. Open Badges 2.0 (https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html)
 * bakes an assertion (JSON, or a compact JWS for a signed one) in a PNG `iTXt` chunk keyed
 * `openbadges` or an SVG `openbadges:assertion` element; Open Badges 3.0
 * (https://www.imsglobal.org/spec/ob/v3p0/) bakes a verifiable credential (JSON with an
 * embedded proof, or a VC-JWT) keyed `openbadgecredential` / `openbadges:credential`.
 */

/** Where a badge payload was found. */
export type BadgeCarrier = 'png' | 'svg' | 'json';

/** A badge payload as found in a file. */
export interface BadgePayload {
  carrier: BadgeCarrier;
  /** Package path of the file it was found in. */
  file: string;
  /** The text as baked: JSON, a compact JWS/JWT, or a URL (a hosted assertion). */
  text: string;
  /** `openbadges` (2.0) or `openbadgecredential` (3.0), as the carrier named it; `json` for a plain file. */
  key: string;
}

/** A payload sorted out: a JSON document, a compact JWS (2.0 signed) or JWT (3.0 VC-JWT), or only a URL. */
export type BadgeDocument =
  | { form: 'json'; json: Record<string, unknown> }
  | { form: 'jws'; jws: string; header: Record<string, unknown>; payload: Record<string, unknown> }
  | { form: 'url'; url: string };
