/**
 * `vitrine serve`: builds the site in memory, serves it on localhost and rebuilds when a file of
 * the portfolio, the templates or the configuration changes. Browsers reload through
 * server-sent events; a build with errors keeps the last good site served and shows its
 * diagnostics in an overlay on the page (and the caller prints them in the terminal).
 *
 * Server-sent events rather than @11ty/eleventy-dev-server: Vitrine renders sites in memory
 * through its own pipeline (reading, views, images, packages), not from an Eleventy output
 * folder the dev server could watch; an EventSource is a few lines on both ends, needs no
 * dependency, and carries the diagnostics for the overlay as well as the reload.
 */
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { renderPortfolioSite, type BuildOptions } from '../build.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import { defaultTemplatesDir } from '../render/render-site.ts';
import { createXslContext } from '../render/xsl/context.ts';
import { contentTypeOf, injectClient, EVENTS_PATH } from './client.ts';
import { allowedHosts, hostAllowed } from './hosts.ts';

/** What one rebuild gave. */
export interface BuildEvent {
  ok: boolean;
  /** Milliseconds the build took. */
  ms: number;
  diagnostics: Diagnostic[];
  /** The file whose change started it (undefined for the first build). */
  changed?: string;
  /** Number of files served after this build. */
  files: number;
  /** The views built, unlisted and protected ones included (their folders are tokens), when the build succeeded. */
  views?: { id: string; title: string; folder: string; access: string }[];
}

/** Options of the server. */
export interface ServeOptions extends BuildOptions {
  /** Port to listen on; the next free one is taken when busy (0: any free port). */
  port?: number;
  host?: string;
  /** How long to wait after a change for more changes before rebuilding. */
  debounceMs?: number;
  /** Extra folders or files to watch (templates, a config outside the input). */
  watch?: string[];
  onBuild?: (e: BuildEvent) => void;
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  /** Rebuilds now (as a change would). */
  rebuild(changed?: string): Promise<BuildEvent>;
  close(): Promise<void>;
}

/** Tries ports from `first` up (`first` = 0: any), skipping busy ones. */
async function listen(server: Server, first: number, host: string): Promise<number> {
  for (let port = first, tries = 0; ; port++, tries++) {
    try {
      await new Promise<void>((ok, fail) => {
        server.once('error', fail);
        server.listen(port, host, () => {
          server.off('error', fail);
          ok();
        });
      });
      const addr = server.address();
      return typeof addr === 'object' && addr ? addr.port : port;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || first === 0 || tries >= 50) throw e;
    }
  }
}

/** Paths whose changes never start a rebuild: hidden files (editor swap files, caches), dependencies, built sites. */
function ignored(name: string): boolean {
  return name.split(/[\\/]/).some((s) => s.startsWith('.') || s === 'node_modules' || s === '_site');
}

/** Starts the server after a first build (which may fail: the overlay then says why). */
export async function startServer(input: string, options: ServeOptions = {}): Promise<RunningServer> {
  let files = new Map<string, Uint8Array>();
  let problems: Diagnostic[] | undefined;
  const clients = new Set<ServerResponse>();
  const send = (event: string, data: unknown) => {
    for (const c of clients) c.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  // One XSL context for the server's life: its rebuilds reuse warm stylesheet processes,
  // compiled stylesheets and the results of unchanged runs; closed with the server.
  const xslContext = options.render?.xslContext ?? createXslContext();
  const buildOptions: BuildOptions = { ...options, render: { ...options.render, xslContext } };
  let running: Promise<BuildEvent> | undefined;
  let again: string | undefined | null = null;
  const buildOnce = async (changed?: string): Promise<BuildEvent> => {
    const started = performance.now();
    let result;
    try {
      result = await renderPortfolioSite(input, buildOptions);
    } catch (e) {
      // A template error escapes as an exception: it is the author's to fix, like any other.
      result = { value: undefined, diagnostics: [{ code: 'TemplateInvalid', severity: 'error', message: (e as Error).message } as Diagnostic] };
    }
    const failing = !result.value || result.diagnostics.some((d) => d.severity === 'error');
    const event: BuildEvent = { ok: !failing, ms: Math.round(performance.now() - started), diagnostics: result.diagnostics, files: files.size, ...(changed ? { changed } : {}) };
    if (!failing && result.value) {
      files = result.value.files;
      event.files = files.size;
      event.views = result.value.plans.map((p) => ({ id: p.id, title: p.title, folder: p.folder, access: p.access }));
      problems = undefined;
      send('reload', { ms: event.ms });
    } else {
      problems = result.diagnostics.filter((d) => d.severity === 'error');
      send('problems', problems);
    }
    options.onBuild?.(event);
    return event;
  };
  /** One build at a time; changes during a build start one more build after it. */
  const rebuild = (changed?: string): Promise<BuildEvent> => {
    if (running) {
      again = changed ?? '';
      return running;
    }
    running = buildOnce(changed).finally(() => {
      running = undefined;
      if (again !== null) {
        const next = again || undefined;
        again = null;
        void rebuild(next);
      }
    });
    return running;
  };

  await rebuild();

  const server = createServer((req, res) => handle(req, res));
  let allowed = new Set<string>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host, allowed)) {
      // A foreign name means a page elsewhere reached this server (DNS rebinding): say nothing of the site.
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`vitrine serve answers only as ${[...allowed].join(', ')}\n`);
      return;
    }
    let url: URL;
    let path: string;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      // `/%` and the like: a thrown URIError here used to end the whole server.
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('malformed URL\n');
      return;
    }
    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': vitrine\n\n');
      if (problems) res.write(`event: problems\ndata: ${JSON.stringify(problems)}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (path === '' || path.endsWith('/')) path += 'index.html';
    let body = files.get(path);
    if (!body && files.has(`${path}/index.html`)) {
      res.writeHead(301, { location: `/${path}/` });
      res.end();
      return;
    }
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(injectClient(`<!doctype html><title>Not found</title><p>No page at /${escapeText(path)} in the site being served.</p>`));
      return;
    }
    const type = contentTypeOf(path);
    if (type.startsWith('text/html')) body = new TextEncoder().encode(injectClient(new TextDecoder().decode(body)));
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };

  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 8080, host);
  allowed = allowedHosts(host, port);

  // Watch the portfolio folder, the templates and anything else asked for.
  const watchers: FSWatcher[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let pending: NodeJS.Timeout | undefined;
  const targets = [input, options.render?.templates ?? defaultTemplatesDir, defaultTemplatesDir, ...(options.config ? [options.config] : []), ...(options.watch ?? [])];
  for (const target of [...new Set(targets.map((t) => resolve(t)))]) {
    try {
      const w = watch(target, { recursive: true }, (_event, name) => {
        if (name && ignored(String(name))) return;
        if (pending) clearTimeout(pending);
        pending = setTimeout(() => {
          timers.delete(pending!);
          pending = undefined;
          void rebuild(name ? resolve(target, String(name)) : target);
        }, options.debounceMs ?? 20);
        timers.add(pending);
      });
      watchers.push(w);
    } catch {
      // A folder that does not exist (no custom templates) has nothing to watch.
    }
  }

  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`,
    port,
    rebuild,
    close: async () => {
      for (const w of watchers) w.close();
      for (const t of timers) clearTimeout(t);
      for (const c of clients) c.end();
      clients.clear();
      await running?.catch(() => undefined);
      if (xslContext !== options.render?.xslContext) xslContext.close();
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
