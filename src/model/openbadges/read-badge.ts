/**
 * One badge payload → a `BadgeRecord` with its offline verification: Open Badges 2.0
 * assertions (hosted JSON or signed JWS) and 3.0 credentials (JSON with an embedded proof, or
 * a VC-JWT). Text is taken as written; URLs naming a badge class, issuer or key are kept and
 * never fetched, so what only a URL names stays unknown and is said so.
 */
import { parseBadgeDocument, type BadgePayload } from '../../formats/openbadges/index.ts';
import type { BadgeCheck, BadgeRecord } from '../types.ts';
import { checkDataIntegrity, checkExpiry, checkJws, checkRecipient, verdict, type RecipientIdentity } from './verify.ts';
import type { FoundKey } from './keys.ts';

type Obj = Record<string, unknown>;

/** What reading needs besides the payload. */
export interface BadgeContext {
  /** A key file the owner put beside the badge. */
  keyBeside?: FoundKey;
  /** The owner's e-mail addresses, to check a hashed recipient. */
  ownerEmails: string[];
  now: Date;
}

const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const types = (v: Obj): string[] => list(v.type).map(String);

/** Reads a payload; undefined when it is not a badge Vitrine can read (the caller reports it). */
export async function readBadge(payload: BadgePayload, cx: BadgeContext): Promise<BadgeRecord | undefined> {
  const doc = parseBadgeDocument(payload.text);
  if (!doc) return undefined;
  const base = { carrier: payload.carrier, file: payload.file, ...(payload.carrier !== 'json' ? { image: payload.file } : {}) };
  if (doc.form === 'url') {
    const checks: BadgeCheck[] = [{ check: 'signature', result: 'unknown', reason: `not verified: a hosted assertion (${doc.url}) is checked by fetching it, and a build never fetches anything` }];
    return { ...base, version: '2.0', issuer: {}, evidence: [], alignments: [], verification: { status: 'not-verified', checks } };
  }
  const json = doc.form === 'json' ? doc.json : ((obj(doc.payload.vc) ?? doc.payload) as Obj);
  const v3 = types(json).includes('VerifiableCredential') || payload.key === 'openbadgecredential';
  const record = v3 ? fromCredential(json) : fromAssertion(json);
  const signature =
    doc.form === 'jws'
      ? await checkJws(doc.jws, doc.header, cx.keyBeside)
      : v3
        ? await checkDataIntegrity(json, cx.keyBeside)
        : unsignedAssertion(json);
  const checks = [signature, checkExpiry(record.expires, cx.now), revocation(json, v3), checkRecipient(recipients(json, v3), cx.ownerEmails)].filter((c): c is BadgeCheck => !!c);
  return { ...base, ...record, verification: { status: verdict(checks), checks } };
}

type Fields = Omit<BadgeRecord, 'carrier' | 'file' | 'image' | 'verification'>;

/** Open Badges 2.0: an Assertion whose `badge` is an embedded BadgeClass or only its URL. */
function fromAssertion(a: Obj): Fields {
  const badge = obj(a.badge);
  const issuer = obj(badge?.issuer);
  return {
    version: '2.0',
    ...named(badge),
    criteria: criteria(badge?.criteria),
    issuer: { ...idOf(badge?.issuer), ...(str(issuer?.name) ? { name: str(issuer!.name)! } : {}), ...(str(issuer?.url) ? { url: str(issuer!.url)! } : {}), ...(str(issuer?.email) ? { email: str(issuer!.email)! } : {}) },
    ...(str(a.issuedOn) ? { issued: str(a.issuedOn)! } : {}),
    ...(str(a.expires) ? { expires: str(a.expires)! } : {}),
    evidence: evidence(a.evidence),
    alignments: alignments(badge?.alignment),
  };
}

/** Open Badges 3.0: an OpenBadgeCredential whose subject holds the achievement. */
function fromCredential(c: Obj): Fields {
  const achievement = obj(obj(c.credentialSubject)?.achievement);
  const issuer = obj(c.issuer);
  return {
    version: '3.0',
    ...named(achievement ?? c),
    criteria: criteria(achievement?.criteria),
    issuer: { ...idOf(c.issuer), ...(str(issuer?.name) ? { name: str(issuer!.name)! } : {}), ...(str(issuer?.url) ? { url: str(issuer!.url)! } : {}), ...(str(issuer?.email) ? { email: str(issuer!.email)! } : {}) },
    ...(str(c.validFrom ?? c.issuanceDate) ? { issued: str(c.validFrom ?? c.issuanceDate)! } : {}),
    ...(str(c.validUntil ?? c.expirationDate) ? { expires: str(c.validUntil ?? c.expirationDate)! } : {}),
    evidence: evidence(c.evidence),
    alignments: alignments(achievement?.alignment),
  };
}

function named(o: Obj | undefined): { name?: string; description?: string } {
  return { ...(str(o?.name) ? { name: str(o!.name)! } : {}), ...(str(o?.description) ? { description: str(o!.description)! } : {}) };
}

function idOf(v: unknown): { id?: string } {
  const id = typeof v === 'string' ? v : str(obj(v)?.id);
  return id ? { id } : {};
}

function criteria(v: unknown): BadgeRecord['criteria'] {
  if (typeof v === 'string') return { url: v };
  const o = obj(v);
  if (!o) return undefined;
  const out = { ...(str(o.id) ? { url: str(o.id)! } : {}), ...(str(o.narrative) ? { narrative: str(o.narrative)! } : {}) };
  return Object.keys(out).length ? out : undefined;
}

function evidence(v: unknown): BadgeRecord['evidence'] {
  return list(v).flatMap((e) => {
    if (typeof e === 'string') return [{ url: e }];
    const o = obj(e);
    if (!o) return [];
    const item = { ...(str(o.id) ? { url: str(o.id)! } : {}), ...(str(o.name) ? { name: str(o.name)! } : {}), ...(str(o.narrative) ? { narrative: str(o.narrative)! } : {}) };
    return Object.keys(item).length ? [item] : [];
  });
}

function alignments(v: unknown): BadgeRecord['alignments'] {
  return list(v).flatMap((a) => {
    const o = obj(a);
    if (!o) return [];
    const item = { ...(str(o.targetName) ? { targetName: str(o.targetName)! } : {}), ...(str(o.targetUrl) ? { targetUrl: str(o.targetUrl)! } : {}) };
    return Object.keys(item).length ? [item] : [];
  });
}

function unsignedAssertion(a: Obj): BadgeCheck {
  const type = String(obj(a.verification)?.type ?? '').toLowerCase();
  const id = str(a.id);
  if (type === 'hosted' || (!type && id)) return { check: 'signature', result: 'unknown', reason: `not verified: a hosted assertion${id ? ` (${id})` : ''} is checked by fetching it from its issuer, and a build never fetches anything` };
  return { check: 'signature', result: 'unknown', reason: 'not verified: the assertion carries no signature' };
}

function revocation(json: Obj, v3: boolean): BadgeCheck | undefined {
  if (json.revoked === true) return { check: 'revocation', result: 'fail', reason: `revoked${str(json.revocationReason) ? `: ${str(json.revocationReason)}` : ''}` };
  if (v3 && json.credentialStatus) return { check: 'revocation', result: 'unknown', reason: 'its revocation status is published by the issuer and was not fetched' };
  return undefined;
}

function recipients(json: Obj, v3: boolean): RecipientIdentity[] {
  if (!v3) {
    const r = obj(json.recipient);
    return r && str(r.identity) ? [{ type: String(r.type ?? 'email'), hashed: r.hashed === true || r.hashed === 'true', identity: str(r.identity)!, ...(str(r.salt) ? { salt: str(r.salt)! } : {}) }] : [];
  }
  return list(obj(json.credentialSubject)?.identifier).flatMap((i) => {
    const o = obj(i);
    return o && str(o.identityHash) ? [{ type: String(o.identityType ?? ''), hashed: o.hashed === true, identity: str(o.identityHash)!, ...(str(o.salt) ? { salt: str(o.salt)! } : {}) }] : [];
  });
}
