/** Vitrine's public API: read portfolios, write packages, and the model and diagnostic types. */
export { readPortfolio, exportPackage, generatePackage, writePackage, type ReadOptions, type PackFormat } from './api.ts';
export type { Portfolio, Part, PartKind, Relation, PortfolioFile, FileDescription, CaptionTrack, Text, Term, PartDate, Extension } from './model/index.ts';
export type { Diagnostic, DiagnosticCode, Location, Result, Severity } from './diagnostics/index.ts';
export { build, type BuildOptions, type BuildSummary } from './build.ts';
export { vitrineEleventy } from './eleventy.ts';
