/** The Portfolio model and its mappings to and from each format. */
export * from './types.ts';
export { portfolioFromIms, type DisplayPath } from './ims/from-ims.ts';
export { portfolioToIms } from './ims/to-ims.ts';
export { slugify, assignSlugs } from './slug.ts';
export { makeFile, mediaTypeOf } from './files.ts';
export { IMS_RELATIONS, isKnownRelation } from './ims/vocabulary.ts';
