/** Open Badges in files: baked PNG/SVG and JSON payloads (the format's own terms; no Portfolio here). */
export { findBadgePayloads, parseBadgeDocument, isBadgeJson } from './read.ts';
export { readPngText, writePngText, isPng } from './png.ts';
export type { BadgeCarrier, BadgeDocument, BadgePayload } from './types.ts';
