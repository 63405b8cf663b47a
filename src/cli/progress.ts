/**
 * Progress of long work (reading, encoding images, rendering, indexing, writing): nothing for
 * work done within a second; then, on a terminal, one line redrawn in place with a bar over
 * the stages; elsewhere (CI logs, pipes) a plain line when a stage starts and every few seconds
 * while it runs. `--quiet` and `--json` silence it. Only cli/ prints, so it lives here.
 */
import type { Io, OutputFlags } from './output.ts';

/** The stages of a build in order, for the bar. */
export const STAGES = ['reading', 'encoding images', 'rendering pages', 'indexing for search', 'writing'] as const;

/** Knobs, for tests: a clock, the quiet first period and the period of plain lines. */
export interface ProgressOptions {
  now?: () => number;
  afterMs?: number;
  everyMs?: number;
  /** Start a timer that reports periodically (off in tests, which call `poll`). */
  timer?: boolean;
}

/** A progress reporter: stages start, items are counted, and `end` clears it. */
export interface Progress {
  stage(name: string): void;
  /** One more item of the current stage (an image encoded). */
  tick(): void;
  /** Reports now if it is time (the timer calls it). */
  poll(): void;
  end(): void;
}

const WIDTH = 24;

/** Creates the reporter for a command's output. */
export function createProgress(io: Io, flags: OutputFlags, options: ProgressOptions = {}): Progress {
  const now = options.now ?? (() => performance.now());
  const afterMs = options.afterMs ?? 1000;
  const everyMs = options.everyMs ?? 3000;
  const silent = flags.quiet || flags.json;
  const tty = !!io.stderr.isTTY;
  const started = now();
  let stage = '';
  let count = 0;
  let lastLine = -Infinity;
  let drawn = false;
  let announced = '';
  const status = () => {
    const secs = ((now() - started) / 1000).toFixed(1);
    return `${stage}${count ? `: ${count} done` : ''} (${secs} s)`;
  };
  const report = (force: boolean) => {
    if (silent || !stage || now() - started < afterMs) return;
    if (tty) {
      const i = Math.max(0, STAGES.indexOf(stage as (typeof STAGES)[number]));
      const filled = Math.round((i / STAGES.length) * WIDTH);
      io.stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${status()}`);
      drawn = true;
      return;
    }
    // Plain lines: when a stage starts, then every `everyMs` while it lasts.
    if (force ? announced !== stage : now() - lastLine >= everyMs) {
      io.stderr.write(`... ${status()}\n`);
      lastLine = now();
      announced = stage;
    }
  };
  const timer = options.timer === false || silent ? undefined : setInterval(() => report(false), Math.min(everyMs, 250));
  timer?.unref();
  return {
    stage(name) {
      stage = name;
      count = 0;
      report(true);
    },
    tick() {
      count++;
      if (tty) report(false);
    },
    poll: () => report(false),
    end() {
      if (timer) clearInterval(timer);
      if (drawn) io.stderr.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
