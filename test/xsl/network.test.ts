/**
 * No stylesheet reaches the network (issue 12). A local TCP and UDP listener stand for an
 * attacker's server (test/xsl/no-script.test.ts shows a stylesheet's side). Inside the stylesheet's process every network door (fetch, net, http, https, tls, dgram, dns,
 * WebSocket, process.binding, getBuiltinModule) refuses; where Linux allows it the process has
 * no network interface at all. Real child processes, real sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import type { Server } from 'node:net';
import { listenTcp } from '../support/listener.ts';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { childCommand, childFlags, networkNamespaceAvailable } from '../../src/render/xsl/run.ts';

const NO_NETWORK = resolve(import.meta.dirname, '../../src/render/xsl/no-network.cjs');
const received: string[] = [];
let tcp: Server;
let udp: UdpSocket;
let tcpPort = 0;
let udpPort = 0;

beforeAll(async () => {
  ({ server: tcp, port: tcpPort } = await listenTcp(received));
  udp = createSocket('udp4');
  udp.on('message', (m) => received.push(`udp: ${m}`));
  await new Promise<void>((ok) => udp.bind(0, '127.0.0.1', ok));
  udpPort = udp.address().port;
});

afterAll(() => {
  tcp.close();
  udp.close();
});

const settle = () => new Promise((ok) => setTimeout(ok, 1500));

describe('stylesheets have no network', () => {
  it('inside the stylesheet process, every network door refuses (without a namespace)', async () => {
    received.length = 0;
    const tries: Record<string, string> = {
      fetch: `fetch('http://127.0.0.1:${tcpPort}/')`,
      net: `require('node:net').connect(${tcpPort}, '127.0.0.1').write('x')`,
      netSocket: `new (require('node:net').Socket)().connect(${tcpPort}, '127.0.0.1')`,
      http: `require('node:http').get('http://127.0.0.1:${tcpPort}/')`,
      httpAgent: `new (require('node:http').Agent)().createConnection({ port: ${tcpPort}, host: '127.0.0.1' })`,
      https: `require('node:https').get('https://127.0.0.1:${tcpPort}/')`,
      tls: `require('node:tls').connect(${tcpPort}, '127.0.0.1')`,
      dgram: `require('node:dgram').createSocket('udp4').send('x', ${udpPort}, '127.0.0.1')`,
      dns: `(() => { const r = new (require('node:dns').Resolver)(); r.setServers(['127.0.0.1:${udpPort}']); r.resolve4('example.org', () => {}); })()`,
      dnsLookup: `require('node:dns').lookup('localhost', () => {})`,
      WebSocket: `new WebSocket('ws://127.0.0.1:${tcpPort}/')`,
      binding: `process.binding('tcp_wrap')`,
      linkedBinding: `process._linkedBinding('tcp_wrap')`,
      getBuiltinModule: `process.getBuiltinModule('node:net').connect(${tcpPort}, '127.0.0.1')`,
      mainModule: `process.mainModule.require('node:net').connect(${tcpPort}, '127.0.0.1')`,
      eval: `eval('1 + 1')`,
    };
    // The child's own flags (permission model, no code from strings), no namespace: this layer alone.
    // Each try is a function of the script (eval is refused under those flags).
    const script = `require(${JSON.stringify(NO_NETWORK)}).closeNetwork();
const tries = {${Object.entries(tries).map(([k, c]) => `${JSON.stringify(k)}: () => ${c}`).join(',\n')}};
const result = {};
for (const [k, f] of Object.entries(tries)) {
  try {
    const v = f();
    if (v && typeof v.catch === 'function') v.catch(() => {});
    if (v && typeof v.on === 'function') v.on('error', () => {});
    result[k] = 'ran';
  } catch (e) { result[k] = 'refused'; }
}
process.stdout.write(JSON.stringify(result)); setTimeout(() => {}, 800);`;
    const run = spawnSync(process.execPath, [...childFlags({ roots: [tmpdir()] }), '-e', script], { encoding: 'utf8', timeout: 20_000 });
    await settle();
    const result = JSON.parse(run.stdout || '{}') as Record<string, string>;
    expect(run.stderr).toBe('');
    for (const k of Object.keys(tries)) expect(result[k], `${k} (stderr: ${run.stderr})`).toBe('refused');
    expect(received).toEqual([]);
  }, 30_000);

  const ns = networkNamespaceAvailable();
  it.skipIf(!ns)(`where Linux allows it, the stylesheet process has no network interface at all${ns ? '' : ' (skipped: unshare -rn is not allowed here)'}`, async () => {
    received.length = 0;
    const { command, args } = childCommand({ roots: [tmpdir()] }, '-e');
    // Replace the script by code that does not close the network first: only the namespace stops it.
    const code = `const s = require('node:net').connect(${tcpPort}, '127.0.0.1', () => process.stdout.write('connected')); s.on('error', (e) => process.stdout.write(e.code));`;
    const run = spawnSync(command, [...args, code], { encoding: 'utf8', timeout: 20_000 });
    await settle();
    expect(command).toBe('unshare');
    expect(run.stdout).toMatch(/^E[A-Z]+$/);
    expect(received).toEqual([]);
  }, 30_000);
});
