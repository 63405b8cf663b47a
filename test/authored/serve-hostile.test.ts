/**
 * `vitrine serve` against hostile requests (issue 12): a malformed URL gets 400 and the server
 * keeps serving; a request under a foreign Host name (DNS rebinding: a page elsewhere whose
 * name now resolves to 127.0.0.1) gets 403 and nothing of the site.
 */
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { createImageProcessor } from '../../src/render/image-processor.ts';
import { startServer, type RunningServer } from '../../src/serve/server.ts';
import { allowedHosts } from '../../src/serve/hosts.ts';

/** One raw GET to 127.0.0.1 with the given path and Host header. */
function get(port: number, path: string, host: string): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('vitrine serve against hostile requests', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrine-serve-hostile-'));
    expect(await main(['init', 'p'], { stdout: { write: () => true }, stderr: { write: () => true }, cwd })).toBe(0);
    server = await startServer(join(cwd, 'p'), { port: 0, render: { processImage: createImageProcessor(join(cwd, 'cache')) } });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('answers /% with 400 and keeps serving', async () => {
    const here = `127.0.0.1:${server.port}`;
    const bad = await get(server.port, '/%', here);
    expect(bad.status).toBe(400);
    expect((await get(server.port, '/portfolio/%E0%A4%A', here)).status).toBe(400);
    const good = await get(server.port, '/portfolio/index.html', here);
    expect(good.status).toBe(200);
    expect(good.text).toContain('Working in a team');
  });

  it('answers only the names it listens as, with its port', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`, `[::1]:${server.port}`]) {
      expect((await get(server.port, '/portfolio/index.html', host)).status, host).toBe(200);
    }
    for (const host of [`attacker.example:${server.port}`, 'attacker.example', `127.0.0.1:${server.port + 1}`, 'localhost', `localhost.attacker.example:${server.port}`]) {
      const r = await get(server.port, '/portfolio/index.html', host);
      expect(r.status, host).toBe(403);
      expect(r.text).not.toContain('Working in a team');
    }
    // The event stream (live reload, diagnostics) is refused too.
    expect((await get(server.port, '/__vitrine/events', `attacker.example:${server.port}`)).status).toBe(403);
  });

  it('adds the configured host, and the interface addresses when it listens on all of them', () => {
    expect([...allowedHosts('192.0.2.7', 8080)]).toEqual(['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', '192.0.2.7:8080']);
    const all = allowedHosts('0.0.0.0', 8080);
    expect(all.has('127.0.0.1:8080')).toBe(true);
    expect([...all].some((h) => h.startsWith('attacker'))).toBe(false);
  });
});
