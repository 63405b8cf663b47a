/**
 * Public keys for badge signatures, found offline only: a `did:key` (the key is the
 * identifier itself: multibase base58btc of the Ed25519 multicodec 0xed01 and 32 key bytes),
 * a JWK in a JWS header or a proof's verification method, or a key file the owner put beside
 * the badge. A URL naming a key somewhere else is never fetched.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { base58 } from '@scure/base';

/** A key and what it was found as (said to the reader: "key embedded in the credential"). */
export interface FoundKey {
  key: KeyObject;
  source: string;
}

/** The Ed25519 public key of a `did:key` (with or without a `#fragment`), or undefined. */
export function keyFromDidKey(did: string): KeyObject | undefined {
  const m = /^did:key:z([1-9A-HJ-NP-Za-km-z]+)(?:#.*)?$/.exec(did);
  if (!m) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(m[1]!);
  } catch {
    return undefined;
  }
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) return undefined;
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.subarray(2)).toString('base64url') }, format: 'jwk' });
}

/** A public key from a JWK object (private parts ignored), or undefined. */
export function keyFromJwk(jwk: unknown): KeyObject | undefined {
  if (!jwk || typeof jwk !== 'object') return undefined;
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk as Record<string, unknown>;
  try {
    return createPublicKey({ key: pub as never, format: 'jwk' });
  } catch {
    return undefined;
  }
}

/** A public key from a multikey verification method (`publicKeyMultibase`), or undefined. */
export function keyFromMultibase(value: unknown): KeyObject | undefined {
  return typeof value === 'string' ? keyFromDidKey(`did:key:${value}`) : undefined;
}

/** A public key from a key file beside a badge: a JWK (`.jwk`, `.json`) or PEM (`.pem`). */
export function keyFromFile(path: string, bytes: Uint8Array): KeyObject | undefined {
  const text = new TextDecoder().decode(bytes);
  try {
    if (/\.pem$/i.test(path)) return createPublicKey(text);
    return keyFromJwk(JSON.parse(text));
  } catch {
    return undefined;
  }
}
