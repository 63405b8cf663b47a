/**
 * Makes the Open Badges fixtures in test/fixtures/badges/ (run: node --import tsx
 * test/support/make-badges.mts). Every badge is made and signed here with test keys derived from
 * fixed seeds, by code Vitrine does not use to verify: Digital Bazaar's @digitalbazaar/vc with
 * the eddsa-rdfc-2022 cryptosuite signs the Data Integrity proofs, and jose signs the JWS and
 * VC-JWT forms. The outputs are committed; re-running gives new signatures only where a
 * signature scheme is randomized (RSA-PSS is not used; Ed25519 and RS256 are deterministic).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { CompactSign } from 'jose';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsa } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { base58 } from '@scure/base';
import { writePngText } from '../../src/formats/openbadges/png.ts';
import { offlineDocumentLoader } from '../../src/model/openbadges/contexts.ts';

const here = new URL('../fixtures/badges/portfolio/', import.meta.url).pathname;
const badges = join(here, 'badges');
mkdirSync(badges, { recursive: true });
const OWNER = 'lea.moreau@example.org';
const SALT = 'fixture-salt';
const hashed = (mail: string) => `sha256$${createHash('sha256').update(mail + SALT).digest('hex')}`;

// An Ed25519 key from a fixed seed (PKCS#8 prefix for a raw 32-byte Ed25519 seed).
function ed25519(seedText: string) {
  const seed = createHash('sha256').update(seedText).digest();
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const priv = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const pub = createPublicKey(priv);
  const raw = Buffer.from(pub.export({ format: 'jwk' }).x as string, 'base64url');
  const multibase = 'z' + base58.encode(new Uint8Array([0xed, 0x01, ...raw]));
  return { priv, pub, seed, raw, did: `did:key:${multibase}`, multibase };
}

const image = (hue: string) => sharp({ create: { width: 96, height: 96, channels: 4, background: hue } }).png().toBuffer();

async function jws(payload: object, key: ReturnType<typeof createPrivateKey>, header: Record<string, unknown>): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header as never).sign(key);
}

// --- Open Badges 2.0 -------------------------------------------------------------------
const issuer2 = { type: 'Profile', id: 'https://badges.example.org/issuer', name: 'École Exemple de Design', url: 'https://badges.example.org', email: 'badges@example.org' };
const badgeClass = (name: string, target: string) => ({
  type: 'BadgeClass',
  id: `https://badges.example.org/classes/${encodeURIComponent(name)}`,
  name,
  description: `Awarded for ${name.toLowerCase()}.`,
  image: 'https://badges.example.org/img.png',
  criteria: { narrative: 'Submitted three reviewed pieces of work.' },
  issuer: issuer2,
  alignment: [{ targetName: target, targetUrl: 'https://example.org/frameworks/design' }],
});
const assertion2 = (name: string, target: string, extra: object = {}) => ({
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Assertion',
  id: `https://badges.example.org/assertions/${encodeURIComponent(name)}`,
  recipient: { type: 'email', hashed: true, salt: SALT, identity: hashed(OWNER) },
  badge: badgeClass(name, target),
  issuedOn: '2024-05-14T10:00:00Z',
  verification: { type: 'hosted' },
  evidence: [{ id: 'https://lea.example.org/nord', name: '“Nord”, typographic poster', narrative: 'The poster and its process book.' }],
  ...extra,
});

writeFileSync(join(badges, 'typesetting-hosted.png'), writePngText(await image('#2a6f97'), 'openbadges', JSON.stringify(assertion2('Typesetting', 'Typography'))));

const { privateKey: rsaPriv, publicKey: rsaPub } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signed2 = assertion2('Grid systems', 'Typography', { verification: { type: 'signed', creator: 'https://badges.example.org/keys/1' } });
writeFileSync(join(badges, 'grid-signed.png'), writePngText(await image('#468faf'), 'openbadges', await jws(signed2, rsaPriv, { alg: 'RS256' })));
writeFileSync(join(badges, 'grid-signed.pem'), rsaPub.export({ format: 'pem', type: 'spki' }) as string);

const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="96" height="96" viewBox="0 0 96 96">
  <openbadges:assertion verify="https://badges.example.org/assertions/Branding"><![CDATA[${JSON.stringify(assertion2('Brand identity', 'Brand identity design'))}]]></openbadges:assertion>
  <title>Brand identity badge</title>
  <circle cx="48" cy="48" r="44" fill="#01497c"/>
</svg>
`;
writeFileSync(join(badges, 'brand-hosted.svg'), svg);

// --- Open Badges 3.0 -------------------------------------------------------------------
const issuerKey = ed25519('vitrine test issuer');
const credential3 = (name: string, target: string, extra: object = {}) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: `urn:uuid:${createHash('sha256').update(name).digest('hex').slice(0, 8)}-0000-4000-8000-000000000000`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuerKey.did, type: ['Profile'], name: 'Atelier Test Issuer', url: 'https://issuer.example.org' },
  validFrom: '2024-06-01T00:00:00Z',
  name,
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: SALT, identityHash: hashed(OWNER) }],
    achievement: {
      id: `https://issuer.example.org/achievements/${encodeURIComponent(name)}`,
      type: ['Achievement'],
      name,
      description: `Shows ${name.toLowerCase()} in practice.`,
      criteria: { narrative: 'Assessed on a portfolio of work.' },
      alignment: [{ type: ['Alignment'], targetName: target, targetUrl: 'https://example.org/frameworks/design' }],
    },
  },
  ...extra,
});

const keyPair = await Ed25519Multikey.from({
  '@context': 'https://w3id.org/security/multikey/v1',
  type: 'Multikey',
  id: `${issuerKey.did}#${issuerKey.multibase}`,
  controller: issuerKey.did,
  publicKeyMultibase: issuerKey.multibase,
  secretKeyMultibase: 'z' + base58.encode(new Uint8Array([0x80, 0x26, ...issuerKey.seed, ...issuerKey.raw])),
});
const loader = async (url: string) => offlineDocumentLoader(url);
const suite = () => new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsa });
const signed3 = await vc.issue({ credential: credential3('Accessible typography', 'Typography'), suite: suite(), documentLoader: loader });
writeFileSync(join(badges, 'accessible-eddsa.json'), JSON.stringify(signed3, null, 2) + '\n');
const tampered = structuredClone(signed3) as { credentialSubject: { achievement: { name: string } }; name: string };
tampered.name = tampered.credentialSubject.achievement.name = 'Accessible typography (with honours)';
writeFileSync(join(badges, 'honours-tampered.json'), JSON.stringify(tampered, null, 2) + '\n');

const jwtKey = ed25519('vitrine test issuer jwt');
const jwtCred = (name: string, target: string, extra: object) => ({ ...credential3(name, target, extra), issuer: { id: jwtKey.did, type: ['Profile'], name: 'Atelier JWT Issuer' } });
const vcJwt = (cred: object) => jws({ vc: cred, iss: jwtKey.did, nbf: 1717200000, jti: (cred as { id: string }).id }, jwtKey.priv, { alg: 'EdDSA', typ: 'JWT', kid: `${jwtKey.did}#${jwtKey.multibase}` });
writeFileSync(join(badges, 'layout-vcjwt.svg'), `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" width="96" height="96" viewBox="0 0 96 96">
  <openbadges:credential><![CDATA[${await vcJwt(jwtCred('Editorial layout', 'Typography', {}))}]]></openbadges:credential>
  <title>Editorial layout badge</title>
  <rect x="8" y="8" width="80" height="80" rx="12" fill="#014f86"/>
</svg>
`);
writeFileSync(join(badges, 'workshop-expired.png'), writePngText(await image('#2c7da0'), 'openbadgecredential', await vcJwt(jwtCred('Letterpress workshop', 'Typography', { validUntil: '2021-01-01T00:00:00Z' }))));
console.log('badges written to', badges);
