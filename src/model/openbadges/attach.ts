/**
 * Badges are parts like any other. After a portfolio is read in any format, every badge found
 * in its files (baked PNG or SVG images, assertion JSON files) and in a `badges/` folder of the
 * input becomes an assertion part by its issuer, holding the badge file, related (`Attests`)
 * to the parts that use the file and to the competencies and products its alignments or
 * evidence name. An assertion part that already holds the file is given the badge instead of a
 * second part, so a package Vitrine wrote reads back the same.
 */
import { basename } from 'node:path';
import type { DiagnosticBag } from '../../diagnostics/index.ts';
import { findBadgePayloads } from '../../formats/openbadges/index.ts';
import type { SourceBundle } from '../../read/index.ts';
import { displayPath } from '../../read/index.ts';
import { makeFile } from '../files.ts';
import { slugify } from '../slug.ts';
import type { BadgeRecord, Part, Portfolio } from '../types.ts';
import { keyFromFile } from './keys.ts';
import { readBadge } from './read-badge.ts';
import { keyBeside } from './verify.ts';

const BADGE_FILE = /\.(png|svg|json)$/i;
const KEY_SUFFIXES = ['.jwk', '.key.json', '.pem'];

/** Finds, verifies and adds the portfolio's badges; returns how many were read. */
export async function attachBadges(portfolio: Portfolio, bundle: SourceBundle, bag: DiagnosticBag, now = new Date()): Promise<number> {
  // The badges/ folder sits at the input's root, or inside the one top folder a zip often has.
  const prefix = [...bundle.files.keys()].find((p) => /^(?:[^/]+\/)?badges\//.test(p))?.replace(/badges\/.*$/, '') ?? '';
  const candidates = new Map<string, Uint8Array>();
  for (const f of portfolio.files) if (BADGE_FILE.test(f.path)) candidates.set(f.path, f.bytes);
  for (const [path, f] of bundle.files) {
    const inner = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    if (inner?.startsWith('badges/') && BADGE_FILE.test(inner) && !candidates.has(inner)) candidates.set(inner, f.bytes);
  }
  const ownerEmails = portfolio.parts.flatMap((p) => (p.kind === 'identification' ? (p.person?.contacts ?? []).filter((c) => c.kind === 'email').map((c) => c.value) : []));
  let count = 0;
  for (const [path, bytes] of candidates) {
    for (const payload of findBadgePayloads(path, bytes)) {
      const where = displayPath(bundle, prefix + path);
      const key = besideKey(bundle, prefix, path);
      const record = await readBadge(payload, { ownerEmails, now, ...(key ? { keyBeside: key } : {}) });
      if (!record) {
        bag.add('BadgeUnreadable', `${path} carries an Open Badges "${payload.key}" payload that is neither JSON, a signed JWS/JWT nor a URL; it is not shown as a badge`, { file: where });
        continue;
      }
      if (!portfolio.files.some((f) => f.path === path)) portfolio.files.push(makeFile(path, bytes));
      placeBadge(portfolio, record);
      count++;
      report(record, path, where, bag);
    }
  }
  return count;
}

function besideKey(bundle: SourceBundle, prefix: string, path: string) {
  const stem = path.replace(BADGE_FILE, '');
  for (const suffix of KEY_SUFFIXES) {
    const f = bundle.files.get(prefix + stem + suffix);
    if (f) return keyBeside(keyFromFile(stem + suffix, f.bytes), stem + suffix);
  }
  return undefined;
}

function placeBadge(portfolio: Portfolio, record: BadgeRecord): void {
  const holder = portfolio.parts.find((p) => p.kind === 'assertion' && p.files.includes(record.file) && !p.badge);
  if (holder) {
    holder.badge = record;
    return;
  }
  let id = `badge-${slugify(basename(record.file).replace(BADGE_FILE, ''))}`;
  for (let i = 2; portfolio.parts.some((p) => p.id === id); i++) id = `badge-${slugify(basename(record.file).replace(BADGE_FILE, ''))}-${i}`;
  const users = portfolio.parts.filter((p) => p.files.includes(record.file));
  const part: Part = {
    id,
    kind: 'assertion',
    slug: uniqueSlug(portfolio, id),
    title: { value: record.name ?? basename(record.file) },
    // The badge image (the baked file) is the part's picture.
    // The badge file is the part's media: its image, or the credential itself to download
    // (so every package writer carries it, as issued, for others to verify).
    description: {
      ...(record.description ? { long: { value: record.description } } : {}),
      full: [record.image ? { carrier: 'uri', file: record.image, mode: 'Image', mimeType: record.carrier === 'svg' ? 'image/svg+xml' : 'image/png' } : { carrier: 'uri', file: record.file, mimeType: 'application/json' }],
    },
    ...(record.issuer.name ? { author: { value: record.issuer.name } } : {}),
    dates: [...(record.issued ? [{ type: { value: 'Issued' }, value: record.issued }] : []), ...(record.expires ? [{ type: { value: 'Expires' }, value: record.expires }] : [])],
    rationale: [],
    tags: [],
    files: [record.file],
    extensions: [],
    badge: record,
    origin: { file: record.file },
  };
  portfolio.parts.push(part);
  // The badge image says what it is to a reader who cannot see it.
  const file = portfolio.files.find((f) => f.path === record.image);
  if (file && !file.about?.alt) file.about = { ...file.about, alt: { value: `${record.name ?? 'Open Badge'} (badge${record.issuer.name ? ` issued by ${record.issuer.name}` : ''})` } };
  // The badge attests the parts that carry it and the ones it names (alignment or evidence).
  const names = new Set([...record.alignments.map((a) => a.targetName), ...record.evidence.map((e) => e.name)].filter((n): n is string => !!n).map(norm));
  const named = portfolio.parts.filter((p) => (p.kind === 'competency' || p.kind === 'product') && names.has(norm(p.title?.value ?? p.description?.short?.value ?? '')));
  const targets = [...new Set([...users, ...named])].filter((p) => p !== part);
  if (targets.length) portfolio.relations.push({ id: `${id}-attests`, type: 'Attests', from: id, to: targets.map((p) => p.id), extensions: [] });
}

function uniqueSlug(portfolio: Portfolio, id: string): string {
  const taken = new Set(portfolio.parts.map((p) => p.slug));
  let slug = slugify(id);
  for (let i = 2; taken.has(slug); i++) slug = `${slugify(id)}-${i}`;
  return slug;
}

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

function report(record: BadgeRecord, path: string, where: string, bag: DiagnosticBag): void {
  const name = record.name ? `"${record.name}"` : path;
  const failed = record.verification.checks.filter((c) => c.result === 'fail');
  if (failed.length) bag.add('BadgeVerificationFailed', `badge ${name}: ${failed.map((c) => c.reason).join('; ')}`, { file: where });
  else if (record.verification.status === 'not-verified') bag.add('BadgeNotVerified', `badge ${name}: ${record.verification.checks.find((c) => c.check === 'signature')?.reason ?? 'not verified'}`, { file: where });
}
