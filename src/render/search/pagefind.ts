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

/**
 * How many pages of a view may wait on Pagefind's answers. Answers are read only between pages
 * (a turn of the event loop every 10 ms of rendering), so a small number would leave Pagefind
 * idle in between: 16 left 1.5 s of indexing after a 4,000-page render, no limit 0.77 s.
 */
export const PAGES_IN_FLIGHT = 512;

/** A view to index: its folder and the pages it will have, in the order they are rendered. */
export interface SearchView {
  id: string;
  folder: string;
  /** Site paths of the pages, in the order they are sent (the front page, then each part's). */
  pages: string[];
}

/** Whether a site path is a page of the view in `prefix` that search indexes. */
function indexed(prefix: string, path: string): boolean {
  if (!path.startsWith(prefix) || !path.endsWith('.html') || path === `${prefix}search/index.html`) return false;
  return /^(index\.html|[^/]+\/index\.html)$/.test(path.slice(prefix.length)); // pages only, not attachments
}

/**
 * Search indexes made while the pages are rendered: Pagefind indexes in a process of its own, so
 * on a machine of two cores or more it works beside the rendering instead of after it.
 *
 * The index's bytes (and file names) depend on the order pages are added, and Pagefind's service
 * takes its messages one at a time in the order they arrive. So each page goes out in a fixed
 * order, the view's page list, whatever the order Eleventy renders them in: a page rendered
 * early is held until those before it have gone. Pages outside the list (none today) follow in
 * path order at the end.
 */
export interface SearchIndexer {
  /** A page as rendered; ignored unless it is on its view's list. */
  page(path: string, html: string): void;
  /** Sends what is left, waits for Pagefind, and adds each view's index files to `files`. */
  finish(files: Map<string, Uint8Array>, bag: DiagnosticBag): Promise<void>;
  /** Closes Pagefind without an index (a build that failed). */
  abandon(): Promise<void>;
}

interface ViewState {
  view: SearchView;
  prefix: string;
  position: Map<string, number>;
  next: number;
  held: Map<number, string>;
  sent: Set<string>;
  index: Promise<{ index?: pagefind.PagefindIndex; errors: string[] }>;
  calls: Promise<void>[];
  queue: [rel: string, html: string][];
  inFlight: number;
  problems: string[];
  failed?: unknown;
}

/**
 * Waits until every call of a view has settled. A settling call may issue the next queued page
 * (its `finally` runs first), so the list is read again until it stops growing. Calls never
 * reject: failures are kept in the state.
 */
async function settled(state: ViewState): Promise<void> {
  for (let done = 0; done < state.calls.length; ) {
    const upto = state.calls.length;
    await Promise.all(state.calls.slice(done, upto));
    done = upto;
  }
}

/**
 * Starts one Pagefind index per view. Pagefind's service is one per process and its close() is
 * global: one build at a time in a process (serve rebuilds one after another; batch builds each
 * input in a process of its own).
 */
export function startSearchIndexes(views: SearchView[]): SearchIndexer {
  const byPrefix: ViewState[] = [];
  for (const view of views) {
    // Only <main>: the display settings, banner and footer are on every page and would match every search.
    const index = pagefind.createIndex({ keepIndexUrl: true, rootSelector: 'main' });
    const state: ViewState = { view, prefix: `${view.folder}/`, position: new Map(view.pages.map((p, i) => [p, i])), next: 0, held: new Map(), sent: new Set(), index, calls: [], queue: [], inFlight: 0, problems: [] };
    index.catch(() => {}); // reported by finish()
    byPrefix.push(state);
  }
  let closed = false;
  const send = (state: ViewState, path: string, html: string) => {
    state.sent.add(path);
    state.queue.push([path.slice(state.prefix.length), html]);
    pump(state);
  };
  // At most PAGES_IN_FLIGHT calls a view at once, issued in the order the pages were sent.
  const pump = (state: ViewState) => {
    while (state.inFlight < PAGES_IN_FLIGHT && state.queue.length && state.failed === undefined && !closed) {
      const [rel, html] = state.queue.shift()!;
      state.inFlight++;
      const call = state.index.then(async (created) => {
        if (!created.index || state.failed !== undefined) return;
        try {
          // Rooted at the view's folder; the search page adds the folder's real path (baseUrl).
          const added = await created.index.addHTMLFile({ url: `/${rel}`, content: html });
          if (added.errors.length) state.problems.push(`${rel} could not be indexed: ${added.errors.join('; ')}`);
        } catch (e) {
          // Nothing more is sent; Pagefind is closed only once every call in flight has settled
          // (a call after close() would start a new service without this index).
          state.failed ??= e;
        }
      }, () => {}).finally(() => {
        state.inFlight--;
        pump(state);
      });
      state.calls.push(call);
    }
  };
  const forward = (state: ViewState) => {
    for (let html = state.held.get(state.next); html !== undefined; html = state.held.get(state.next)) {
      state.held.delete(state.next);
      send(state, state.view.pages[state.next]!, html);
      state.next++;
    }
  };
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.allSettled(byPrefix.map((s) => s.index));
    for (const state of byPrefix) await settled(state);
    await pagefind.close();
  };
  return {
    page(path, html) {
      // After close(), a call would start a new Pagefind service (its close() is global).
      if (closed) return;
      const state = byPrefix.find((s) => path.startsWith(s.prefix));
      const at = state?.position.get(path);
      if (!state || at === undefined || at < state.next || state.held.has(at)) return;
      state.held.set(at, html);
      forward(state);
    },
    async finish(files, bag) {
      const decoder = new TextDecoder();
      try {
        for (const state of byPrefix) {
          // Listed pages not sent yet (held behind one never rendered), then any other page.
          const listed = state.view.pages.filter((p) => !state.sent.has(p) && files.has(p));
          const others = [...files.keys()].filter((p) => indexed(state.prefix, p) && !state.position.has(p)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          for (const path of [...listed, ...others]) send(state, path, decoder.decode(files.get(path)!));
        }
        for (const state of byPrefix) {
          const { view, prefix } = state;
          let created: Awaited<ViewState['index']>;
          try {
            created = await state.index;
          } catch (e) {
            created = { errors: [(e as Error).message] };
          }
          await settled(state);
          for (const problem of state.problems) bag.add('SearchIndexFailed', `view "${view.id}": ${problem}`);
          if (!created.index) {
            bag.add('SearchIndexFailed', `view "${view.id}": the search index could not be made: ${created.errors.join('; ')}`);
            continue;
          }
          if (state.failed !== undefined) {
            bag.add('SearchIndexFailed', `view "${view.id}": the search index could not be made: ${(state.failed as Error).message}`);
            continue;
          }
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
        await close();
      }
    },
    abandon: close,
  };
}

/**
 * Indexes each searchable view's pages (HTML files under its folder, its search page excepted)
 * from finished files, in the order a build indexes them (searchViews), and adds the index
 * files to `files`. Result URLs are relative to the view's folder. (A build indexes while it
 * renders: startSearchIndexes; the Eleventy path, src/eleventy.ts, from the pages written.)
 */
export async function addSearchIndexes(plans: ViewPlan[], files: Map<string, Uint8Array>, bag: DiagnosticBag): Promise<void> {
  const views = searchViews(plans);
  if (views.length) await startSearchIndexes(views).finish(files, bag);
}

/** The views that get search, each with its pages in the order they are indexed: the front page, then each part's. */
export function searchViews(plans: ViewPlan[]): SearchView[] {
  return plans.filter(hasSearch).map((plan) => ({ id: plan.id, folder: plan.folder, pages: [`${plan.folder}/index.html`, ...plan.parts.map((p) => `${plan.folder}/${p.slug}/index.html`)] }));
}
