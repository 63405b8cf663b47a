/** IMS ePortfolio content packages: read a bundle into the package model, generate files from it. */
export { readImsPackage, findManifest, type ImsPackage, type PartFile } from './read-package.ts';
export { generateImsPackage, generatePartFile } from './generate-package.ts';
export { CP, CP_ALIASES, manifest, itemOrder, type Manifest, type ManifestItem, type ManifestResource, type ManifestOrganization } from './manifest.ts';
export { resolveHref, dirOf } from './paths.ts';
