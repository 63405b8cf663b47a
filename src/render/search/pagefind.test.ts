/**
 * Pages go to Pagefind several at a time. When one call fails, the others must stop sending
 * and every call in flight must settle before Pagefind is closed: after close(), a call starts
 * a new Pagefind service that has no such index. Pagefind cannot be made to fail one message
 * on purpose, so its module is replaced here by one that fails the third page; the real
 * service is used by the site tests (test/site/search-browser.test.ts, previews.test.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { DiagnosticBag } from '../../diagnostics/index.ts';
import type { ViewPlan } from '../../views/types.ts';

const events: string[] = [];
const tick = () => new Promise((r) => setTimeout(r, 1));

vi.mock('pagefind', () => ({
  createIndex: async () => ({
    errors: [],
    index: {
      addHTMLFile: async ({ url }: { url: string }) => {
        events.push(`send ${url}`);
        await tick();
        if (url === '/p-0002/index.html') {
          events.push(`fail ${url}`);
          throw new Error('the service could not read this message');
        }
        await tick();
        events.push(`done ${url}`);
        return { errors: [] };
      },
      getFiles: async () => ({ files: [] }),
      deleteIndex: async () => {},
    },
  }),
  close: async () => {
    events.push('close');
  },
}));

describe('addSearchIndexes, a page refused while others are in flight', () => {
  it('stops sending, lets every call in flight settle, then closes Pagefind once', async () => {
    const { addSearchIndexes, PAGES_IN_FLIGHT } = await import('./pagefind.ts');
    const files = new Map<string, Uint8Array>();
    for (let i = 0; i < PAGES_IN_FLIGHT + 100; i++) files.set(`v/p-${String(i).padStart(4, '0')}/index.html`, new TextEncoder().encode(`<main>${i}</main>`));
    const bag = new DiagnosticBag();
    await addSearchIndexes([{ id: 'v', folder: 'v', access: 'public', parts: [] } as unknown as ViewPlan], files, bag);
    const closed = events.indexOf('close');
    const sentAfterFailure = events.slice(events.indexOf('fail /p-0002/index.html')).filter((e) => e.startsWith('send'));
    await new Promise((r) => setTimeout(r, 20));
    expect(events.filter((e) => e === 'close')).toHaveLength(1);
    // Nothing after close: no call was still running, none started.
    expect(events.slice(closed + 1)).toEqual([]);
    // Every call sent before the failure settled before close, and no more were in flight than allowed.
    const sent = events.filter((e) => e.startsWith('send')).length;
    const settled = events.filter((e) => e.startsWith('done') || e.startsWith('fail')).length;
    expect(settled).toBe(sent);
    expect(sent).toBeLessThanOrEqual(PAGES_IN_FLIGHT);
    expect(sent).toBeLessThan(PAGES_IN_FLIGHT + 100);
    expect(sentAfterFailure).toEqual([]);
    expect(bag.items.map((d) => d.code)).toEqual(['SearchIndexFailed']);
    expect(bag.items[0]!.message).toContain('could not read this message');
  });
});

describe('startSearchIndexes, a page after the build gave up', () => {
  it('sends nothing once Pagefind is closed (a call would start a new service)', async () => {
    const { startSearchIndexes } = await import('./pagefind.ts');
    events.length = 0;
    const indexer = startSearchIndexes([{ id: 'v', folder: 'v', pages: ['v/index.html', 'v/a/index.html'] }]);
    await indexer.abandon();
    indexer.page('v/index.html', '<main>late</main>');
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual(['close']);
  });
});
