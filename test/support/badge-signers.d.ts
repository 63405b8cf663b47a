// The signing libraries used only to make badge fixtures (test/support/make-badges.mts) ship no
// type declarations; the generator uses them untyped.
declare module '@digitalbazaar/vc';
declare module '@digitalbazaar/data-integrity';
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
declare module '@digitalbazaar/ed25519-multikey';
