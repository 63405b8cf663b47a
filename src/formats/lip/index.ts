/** IMS LIP 1.0.1 and the IMS ePortfolio part schemas: typed codecs, part files. */
export * from './namespaces.ts';
export * from './common.ts';
export * from './identification.ts';
export * from './segments.ts';
export * from './eportfolio-parts.ts';
export * from './document.ts';
