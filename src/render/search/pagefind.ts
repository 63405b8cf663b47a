/**
 * Search per view with Pagefind: one index per view, made from that view's rendered pages
 * alone and written inside its folder (`<folder>/pagefind/`), so a search can never reach a
 * page of another view. Protected views get none: their pages are ciphertext.
 */
import * as pagefind from 'pagefind';
import type { ViewPlan } from '../../views/types.ts';
import type { DiagnosticBag } from '../../diagnostics/index.ts';

/** Files of Pagefind's output a view needs (its default UI, the engine and the index). */
const SKIP = /^pagefind-(modular|component)-ui\.|^pagefind-highlight\.js$/;

/** The script of a view's search page: starts Pagefind's UI, or says why it cannot on file://. */
export const SEARCH_SCRIPT = `// Vitrine search page: Pagefind needs http(s); on file:// it explains instead.
(function () {
  var note = document.getElementById('vitrine-search-file');
  if (location.protocol === 'file:') { note.hidden = false; return; }
  if (typeof PagefindUI !== 'function') return;
  // Results are indexed relative to the view's folder; the folder's own path (wherever the
  // site is deployed, sub-folders included) makes them whole.
  var path = location.pathname;
  var base = path.slice(0, path.lastIndexOf('/search/') + 1);
  var ui = new PagefindUI({ element: '#vitrine-search', bundlePath: '../pagefind/', baseUrl: base, showImages: false, resetStyles: false });
  var q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
`;

/** Whether a view gets search: public and unlisted views, each within its own folder. */
export function hasSearch(plan: ViewPlan): boolean {
  return plan.access === 'public' || plan.access === 'unlisted';
}

/** How many pages are sent to Pagefind before the first answer is awaited. */
const PAGES_IN_FLIGHT = 16;

/**
 * Indexes each searchable view's pages (HTML files under its folder, its search page excepted)
 * and adds the index files to `files`. Result URLs are relative to the view's folder.
 */
export async function addSearchIndexes(plans: ViewPlan[], files: Map<string, Uint8Array>, bag: DiagnosticBag): Promise<void> {
  const searchable = plans.filter(hasSearch);
  if (!searchable.length) return;
  const decoder = new TextDecoder();
  try {
    for (const plan of searchable) {
      const prefix = `${plan.folder}/`;
      // Only <main>: the display settings, banner and footer are on every page and would match every search.
      const created = await pagefind.createIndex({ keepIndexUrl: true, rootSelector: 'main' });
      if (!created.index) {
        bag.add('SearchIndexFailed', `view "${plan.id}": the search index could not be made: ${created.errors.join('; ')}`);
        continue;
      }
      // Pages in path order: the index's bytes (and file names) depend on the order they are added.
      const pages: [string, Uint8Array][] = [];
      for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (!path.startsWith(prefix) || !path.endsWith('.html') || path === `${prefix}search/index.html`) continue;
        const rel = path.slice(prefix.length);
        if (!/^(index\.html|[^/]+\/index\.html)$/.test(rel)) continue; // pages only, not attachments
        pages.push([rel, bytes]);
      }
      // Several pages in flight: Pagefind's service handles its messages one at a time, in the
      // order they arrive, so the order (and the index) is the same, while this process encodes
      // the next pages as Pagefind indexes the last (1,000 pages: 0.74 s one at a time, see
      // docs/performance.md).
      const index = created.index;
      let next = 0;
      let failed = false;
      const sender = async () => {
        while (next < pages.length && !failed) {
          const [rel, bytes] = pages[next++]!;
          // Rooted at the view's folder; the search page adds the folder's real path (baseUrl).
          try {
            const added = await index.addHTMLFile({ url: `/${rel}`, content: decoder.decode(bytes) });
            if (added.errors.length) bag.add('SearchIndexFailed', `view "${plan.id}": ${rel} could not be indexed: ${added.errors.join('; ')}`);
          } catch (e) {
            // No sender sends again, and Pagefind is closed only once every call in flight has
            // settled: a call after close() would start a new service without this index.
            failed = true;
            throw e;
          }
        }
      };
      const sent = await Promise.allSettled(Array.from({ length: Math.min(PAGES_IN_FLIGHT, pages.length) }, sender));
      const refused = sent.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (refused) throw refused.reason;
      const out = await created.index.getFiles();
      for (const f of out.files) {
        if (SKIP.test(f.path)) continue;
        files.set(`${prefix}pagefind/${f.path}`, f.content);
      }
      files.set(`${prefix}search/search.js`, new TextEncoder().encode(SEARCH_SCRIPT));
      await created.index.deleteIndex();
    }
  } catch (e) {
    bag.add('SearchIndexFailed', `the search index could not be made: ${(e as Error).message}`);
  } finally {
    await pagefind.close();
  }
}
