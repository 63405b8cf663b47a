/**
 * What can be verified of a badge offline, check by check: the signature (a 2.0 JWS, a 3.0
 * `eddsa-rdfc-2022` Data Integrity proof, or a VC-JWT), expiry, revocation where the badge
 * carries it, and the recipient (a hashed e-mail against the owner's). Nothing is fetched:
 * a check that would need the network is `unknown`, with the reason, never a pass.
 */
import { createHash, verify as verifySignature, type KeyObject } from 'node:crypto';
import { base58 } from '@scure/base';
import { bundledContexts, offlineDocumentLoader } from './contexts.ts';
import { keyFromDidKey, keyFromJwk, keyFromMultibase, type FoundKey } from './keys.ts';
import type { BadgeCheck } from '../types.ts';

type Obj = Record<string, unknown>;

/** Signature algorithms accepted for JWS and VC-JWT (`none` and HMAC never). */
const JOSE_ALGORITHMS = ['EdDSA', 'ES256', 'ES384', 'RS256', 'PS256'];

/** Checks a compact JWS (2.0 signed assertion) or VC-JWT (3.0) with the key in its header or beside it. */
export async function checkJws(jws: string, header: Obj, beside: FoundKey | undefined): Promise<BadgeCheck> {
  const found = joseKey(header) ?? beside;
  if (!found) {
    const where = typeof header.kid === 'string' ? ` (${header.kid})` : '';
    return { check: 'signature', result: 'unknown', reason: `not verified: the signing key${where} is not in the badge or beside it, and a build never fetches it` };
  }
  try {
    // Loaded on first use: every build reads through this module, few carry a signed badge.
    const { compactVerify } = await import('jose');
    await compactVerify(jws, found.key, { algorithms: JOSE_ALGORITHMS });
    return { check: 'signature', result: 'pass', reason: `signature (${String(header.alg)}) verified with ${found.source}` };
  } catch (e) {
    return { check: 'signature', result: 'fail', reason: `signature does not match (${(e as Error).message}): the badge was changed after signing, or signed with another key` };
  }
}

function joseKey(header: Obj): FoundKey | undefined {
  const jwk = keyFromJwk(header.jwk);
  if (jwk) return { key: jwk, source: 'the key embedded in its header' };
  const did = typeof header.kid === 'string' ? keyFromDidKey(header.kid) : undefined;
  return did ? { key: did, source: 'the did:key that names its issuer' } : undefined;
}

/**
 * Checks an `eddsa-rdfc-2022` Data Integrity proof (W3C vc-di-eddsa §3.3): SHA-256 of the
 * RDFC-1.0 canonical proof options (without proofValue, with the credential's context), then
 * of the canonical credential without its proof, concatenated, verified with Ed25519.
 */
export async function checkDataIntegrity(credential: Obj, beside: FoundKey | undefined): Promise<BadgeCheck> {
  const proofs = ([] as unknown[]).concat(credential.proof ?? []) as Obj[];
  const proof = proofs.find((p) => p.type === 'DataIntegrityProof' && p.cryptosuite === 'eddsa-rdfc-2022');
  if (!proof) {
    const kinds = proofs.map((p) => String(p.cryptosuite ?? p.type)).join(', ');
    return { check: 'signature', result: 'unknown', reason: proofs.length ? `not verified: proof type ${kinds} is not one Vitrine checks (eddsa-rdfc-2022)` : 'not verified: the credential carries no proof' };
  }
  const found = methodKey(proof.verificationMethod) ?? beside;
  if (!found) return { check: 'signature', result: 'unknown', reason: `not verified: the key ${String(proof.verificationMethod)} is not in the credential or beside it, and a build never fetches it` };
  let signature: Uint8Array;
  try {
    signature = base58.decode(String(proof.proofValue).replace(/^z/, ''));
  } catch {
    return { check: 'signature', result: 'fail', reason: 'the proof value is not base58btc multibase' };
  }
  const unknown = ([] as unknown[]).concat(credential['@context'] ?? []).filter((c): c is string => typeof c === 'string' && !bundledContexts().includes(c));
  if (unknown.length) return { check: 'signature', result: 'unknown', reason: `not verified: the context ${unknown.join(', ')} is not bundled with Vitrine, and a build never fetches it` };
  const { proof: _all, ...unsecured } = credential;
  const { proofValue: _value, ...options } = proof;
  let hash: Buffer;
  try {
    // jsonld takes 0.4 s to load, on every command otherwise: only a 3.0 credential with a proof needs it.
    const { default: jsonld } = await import('jsonld');
    const canon = (doc: unknown) => jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: offlineDocumentLoader, safe: true });
    const [docNq, optNq] = await Promise.all([canon(unsecured), canon({ ...options, '@context': credential['@context'] })]);
    hash = Buffer.concat([sha256(optNq), sha256(docNq)]);
  } catch (e) {
    return { check: 'signature', result: 'unknown', reason: `not verified: the credential could not be canonicalized offline (${(e as Error).message})` };
  }
  const ok = signature.length === 64 && verifySignature(null, hash, found.key, signature);
  return ok
    ? { check: 'signature', result: 'pass', reason: `eddsa-rdfc-2022 proof verified with ${found.source}` }
    : { check: 'signature', result: 'fail', reason: 'the eddsa-rdfc-2022 proof does not match: the credential was changed after signing, or signed with another key' };
}

function methodKey(method: unknown): FoundKey | undefined {
  if (typeof method === 'string') {
    const key = keyFromDidKey(method);
    return key ? { key, source: 'the did:key that names its issuer' } : undefined;
  }
  if (method && typeof method === 'object') {
    const m = method as Obj;
    const key = keyFromMultibase(m.publicKeyMultibase) ?? keyFromJwk(m.publicKeyJwk);
    return key ? { key, source: 'the key embedded in its proof' } : undefined;
  }
  return undefined;
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Expiry against `now`: pass while valid, fail once past, unknown without a readable date. */
export function checkExpiry(expires: string | undefined, now: Date): BadgeCheck | undefined {
  if (!expires) return undefined;
  const t = Date.parse(expires);
  if (Number.isNaN(t)) return { check: 'expiry', result: 'unknown', reason: `the expiry date "${expires}" could not be read` };
  return t < now.getTime() ? { check: 'expiry', result: 'fail', reason: `expired on ${expires.slice(0, 10)}` } : { check: 'expiry', result: 'pass', reason: `valid until ${expires.slice(0, 10)}` };
}

/** A recipient identity as badges write it (2.0 `recipient`, 3.0 `credentialSubject.identifier`). */
export interface RecipientIdentity {
  type: string;
  hashed: boolean;
  identity: string;
  salt?: string;
}

/** Compares a recipient e-mail (hashed `sha256$…`/`md5$…` with its salt, or plain) with the owner's e-mail addresses. */
export function checkRecipient(ids: RecipientIdentity[], ownerEmails: string[]): BadgeCheck | undefined {
  const emails = ids.filter((i) => /^(email|emailaddress)$/i.test(i.type));
  if (!emails.length) return ids.length ? { check: 'recipient', result: 'unknown', reason: `the recipient is identified by ${ids[0]!.type}, which Vitrine cannot compare` } : undefined;
  if (!ownerEmails.length) return { check: 'recipient', result: 'unknown', reason: 'the portfolio gives no e-mail address of its owner to compare the recipient with' };
  const matches = emails.some((id) => ownerEmails.some((mail) => sameRecipient(id, mail)));
  return matches
    ? { check: 'recipient', result: 'pass', reason: 'issued to an e-mail address of the portfolio’s owner' }
    : { check: 'recipient', result: 'fail', reason: 'issued to an e-mail address that is not one of the portfolio owner’s' };
}

function sameRecipient(id: RecipientIdentity, email: string): boolean {
  const mail = email.trim().toLowerCase();
  if (!id.hashed) return id.identity.trim().toLowerCase() === mail;
  const m = /^(sha256|md5)\$([0-9a-f]+)$/i.exec(id.identity.trim());
  if (!m) return false;
  const digest = createHash(m[1]!.toLowerCase()).update(mail + (id.salt ?? '')).digest('hex');
  return digest === m[2]!.toLowerCase();
}

/** Sums up checks: failed if any failed; verified only if the signature passed; otherwise not verified. */
export function verdict(checks: BadgeCheck[]): 'verified' | 'not-verified' | 'failed' {
  if (checks.some((c) => c.result === 'fail')) return 'failed';
  return checks.some((c) => c.check === 'signature' && c.result === 'pass') ? 'verified' : 'not-verified';
}

/** The key a keyless check leaves to the owner: a key file beside the badge. */
export function keyBeside(key: KeyObject | undefined, path: string): FoundKey | undefined {
  return key ? { key, source: `the key file ${path} beside it` } : undefined;
}
