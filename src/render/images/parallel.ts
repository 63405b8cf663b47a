/**
 * How many images are encoded at once, and with how many libvips threads each, so that a cold
 * build keeps every core busy without oversubscribing them.
 */
import { availableParallelism } from 'node:os';

/** Files encoded at once: one per core (each file's variants then queue on libuv's pool). */
export function imageConcurrency(): number {
  return availableParallelism();
}

/** Maps `fn` over `items` with {@link imageConcurrency} calls in flight; results in input order. */
export async function encodeAll<T, R>(items: T[], fn: (item: T) => Promise<R>, limit = imageConcurrency()): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
