/**
 * `vitrine serve` on a free port: an edit is rebuilt, announced to the browser (server-sent
 * event) and served; a broken edit is announced with its diagnostic while the last good site
 * stays served.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { createImageProcessor } from '../../src/render/image-processor.ts';
import { startServer } from '../../src/serve/server.ts';

/** Listens to the server's events; `next(name)` resolves with the data of the next such event. */
function listen(url: string) {
  const events: { event: string; data: string }[] = [];
  const waiting: { name: string; done: (d: string) => void }[] = [];
  let buffer = '';
  const req = get(`${url}__vitrine/events`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        if (!event) continue;
        const w = waiting.findIndex((x) => x.name === event);
        if (w >= 0) waiting.splice(w, 1)[0]!.done(data);
        else events.push({ event, data });
      }
    });
  });
  return {
    next: (name: string) =>
      new Promise<string>((done) => {
        const i = events.findIndex((e) => e.event === name);
        if (i >= 0) done(events.splice(i, 1)[0]!.data);
        else waiting.push({ name, done });
      }),
    close: () => req.destroy(),
  };
}

const page = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, text: await r.text() };
};

describe('vitrine serve', () => {
  it('rebuilds on save, reloads the page, and keeps the last good site when an edit breaks', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-serve-'));
    let out = '';
    expect(await main(['init', 'p'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, cwd })).toBe(0);
    const dir = join(cwd, 'p');
    const server = await startServer(dir, { port: 0, debounceMs: 10, render: { processImage: createImageProcessor(join(cwd, 'cache')) } });
    const events = listen(server.url);
    try {
      const first = await page(`${server.url}portfolio/index.html`);
      expect(first.status).toBe(200);
      expect(first.text).toContain('Working in a team');
      expect(first.text).toContain('data-vitrine-serve');
      // The connection is open once the server has sent its first comment; give it a moment.
      await new Promise((r) => setTimeout(r, 100));

      const file = join(dir, 'parts/competencies/teamwork.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('title: Working in a team', 'title: Working in a crew'));
      await events.next('reload');
      const after = await page(`${server.url}portfolio/index.html`);
      expect(after.text).toContain('Working in a crew');
      expect(after.text).not.toContain('Working in a team');

      writeFileSync(file, readFileSync(file, 'utf8').replace('kind: competency', 'kind: competncy'));
      const problems = JSON.parse(await events.next('problems')) as { code: string; location: { file: string; line: number; column: number } }[];
      expect(problems.map((d) => `${d.code} ${d.location.file.slice(dir.length + 1)}:${d.location.line}:${d.location.column}`)).toEqual(['AuthoredKindUnknown parts/competencies/teamwork.md:4:7']);
      const still = await page(`${server.url}portfolio/index.html`);
      expect(still.status).toBe(200);
      expect(still.text).toContain('Working in a crew');
    } finally {
      events.close();
      await server.close();
    }
  }, 60_000);

  it('rebuilds when a style of the templates folder changes', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-serve-'));
    expect(await main(['init', 'p'], { stdout: { write: () => true }, stderr: { write: () => true }, cwd })).toBe(0);
    const templates = join(cwd, 'my-theme');
    mkdirSync(join(templates, 'theme'), { recursive: true });
    const server = await startServer(join(cwd, 'p'), { port: 0, debounceMs: 10, watch: [templates], render: { templates, processImage: createImageProcessor(join(cwd, 'cache')) } });
    const events = listen(server.url);
    try {
      await new Promise((r) => setTimeout(r, 100));
      writeFileSync(join(templates, 'theme', 'vitrine.css'), 'body { color: rebeccapurple }\n');
      await events.next('reload');
      expect((await page(`${server.url}theme/vitrine.css`)).text).toBe('body { color: rebeccapurple }\n');
    } finally {
      events.close();
      await server.close();
    }
  }, 60_000);
});

