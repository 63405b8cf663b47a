/**
 * How many images are encoded at once, and with how many libvips threads each, so that a cold
 * build keeps every core busy without oversubscribing them.
 */
import { availableParallelism } from 'node:os';

/**
 * libvips threads per sharp operation. libuv's pool (UV_THREADPOOL_SIZE, 4 unless set) runs at
 * most that many operations at once, so each gets cores / pool threads, at least 1: the pool's
 * operations together use every core and no more. On 2 cores this is sharp's own glibc default
 * of 1; measured there (12 photos, 72 variants, shared machine), 2 threads per operation with
 * one file at a time took 3.8-5.4 s against 3.3-3.9 s for 1 thread and 2 files, the same CPU.
 */
export function vipsThreads(cores = availableParallelism(), pool = Number(process.env.UV_THREADPOOL_SIZE) || 4): number {
  return Math.max(1, Math.floor(cores / pool));
}

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
