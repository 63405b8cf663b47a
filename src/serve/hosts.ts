/**
 * Which `Host` headers the dev server answers. A page on any web site can make the browser
 * send requests to 127.0.0.1 under its own name once its DNS answer flips to 127.0.0.1 (DNS
 * rebinding); the browser then lets that page read the answers, drafts and protected views
 * included. Such requests carry the attacker's name in `Host`, so only the names the server
 * listens as are answered.
 */
import { networkInterfaces } from 'node:os';

/** The loopback names every server answers to. */
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** An address as it appears in a Host header: IPv6 in brackets, lower case. */
function hostForm(address: string): string {
  const a = address.toLowerCase();
  return a.includes(':') && !a.startsWith('[') ? `[${a}]` : a;
}

/**
 * Every `host:port` the server answers to: the loopback names, the host it was told to listen
 * on, and, when that is a wildcard (0.0.0.0, ::), the machine's own interface addresses, so a
 * phone on the same network can open it by IP, but still not under a foreign name.
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set(LOOPBACK);
  names.add(hostForm(host));
  if (host === '0.0.0.0' || host === '::' || host === '[::]') {
    for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) names.add(hostForm(i.address.replace(/%.*$/, '')));
  }
  return new Set([...names].map((n) => `${n}:${port}`));
}

/** Whether a request's Host header names the server itself (absent or foreign: no). */
export function hostAllowed(header: string | undefined, allowed: Set<string>): boolean {
  return header !== undefined && allowed.has(header.toLowerCase());
}
