/**
 * What `vitrine serve` adds to every HTML page it serves (never to built sites): a script that
 * reloads the page after a good rebuild and shows the diagnostics of a broken one in an overlay.
 */
import { mediaTypeOf } from '../model/files.ts';

/** The server-sent events endpoint. */
export const EVENTS_PATH = '/__vitrine/events';

const extra: Record<string, string> = {
  html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml', woff2: 'font/woff2', woff: 'font/woff', ico: 'image/x-icon', webmanifest: 'application/manifest+json',
  txt: 'text/plain; charset=utf-8', vtt: 'text/vtt; charset=utf-8', xml: 'application/xml; charset=utf-8', json: 'application/json; charset=utf-8',
};

/** The Content-Type of a served file, by its name. */
export function contentTypeOf(path: string): string {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  return extra[ext] ?? mediaTypeOf(path);
}

// Plain DOM, no innerHTML: diagnostics are the author's text and must never run as markup.
const script = `<script data-vitrine-serve>
(() => {
  const es = new EventSource(${JSON.stringify(EVENTS_PATH)});
  es.addEventListener('reload', () => location.reload());
  es.addEventListener('problems', (e) => {
    const list = JSON.parse(e.data);
    let box = document.getElementById('vitrine-serve-problems');
    if (!box) {
      box = document.createElement('section');
      box.id = 'vitrine-serve-problems';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#1b1b1b;color:#fff;font:14px/1.5 ui-monospace,monospace;border-top:4px solid #e0245e';
      document.body.append(box);
    }
    box.replaceChildren();
    const h = document.createElement('h2');
    h.style.cssText = 'margin:0 0 .5rem;font-size:1rem;color:#fff';
    h.textContent = 'The last edit broke the build; this is the last good version. Fix it and save:';
    box.append(h);
    for (const d of list) {
      const p = document.createElement('p');
      p.style.margin = '.25rem 0';
      const where = d.location ? d.location.file + (d.location.line ? ':' + d.location.line + (d.location.column ? ':' + d.location.column : '') : '') + '  ' : '';
      p.textContent = where + d.message + '  [' + d.code + ']';
      box.append(p);
    }
  });
})();
</script>`;

/** The page with the live-reload client added before </body> (or at the end). */
export function injectClient(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + script : html.slice(0, at) + script + html.slice(at);
}
