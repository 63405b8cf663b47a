/** Leap2A (Atom + Leap2A terms): read a bundle into a feed, write a feed back as XML. */
export { readFeed, isFeedRoot, canonicalTree, type Leap2aFeed, type Leap2aEntry, type Leap2aLink, type Leap2aContent, type Leap2aCategory, type Leap2aDate, type Leap2aPerson } from './feed.ts';
export { readLeap2aPackage, detectLeap2a, findFeedFile, type Leap2aPackage } from './read-package.ts';
export { writeFeed, generateLeap2aPackage, compactTerm, LEAP2A_VERSION } from './write-feed.ts';
export * from './namespaces.ts';
