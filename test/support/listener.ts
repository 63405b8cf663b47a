/** A TCP listener on 127.0.0.1 that records what reaches it: tests that nothing an input runs gets out. */
import { createServer, type Server } from 'node:net';

/** Starts a listener on a free port; each connection and each chunk of data is pushed to `received`. */
export async function listenTcp(received: string[]): Promise<{ server: Server; port: number }> {
  const server = createServer((s) => {
    received.push('tcp connection');
    s.on('data', (d) => received.push(`tcp: ${d}`));
    s.on('error', () => undefined);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, port: (server.address() as { port: number }).port };
}
