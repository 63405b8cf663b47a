/**
 * What a format adapter is: how Vitrine recognises a format's input, reads it into the neutral
 * Portfolio, writes a Portfolio back, and what of the model the format has no place for. One
 * adapter per format; model/registry.ts lists them. docs/architecture.md ("Adding a format").
 */
import type { DiagnosticBag } from '../diagnostics/index.ts';
import type { SourceBundle } from '../read/index.ts';
import type { Portfolio } from './types.ts';

/** What a reader gets besides the input's files. */
export interface ReadContext {
  bag: DiagnosticBag;
  /** The portfolio id to use when the input names none (the input's base name). */
  fallbackId: string;
  /** The input path as the user gave it, for messages. */
  input: string;
}

/** What a writer may be told besides the portfolio. */
export interface WriteOptions {
  /** Absolute URL of the published view's folder (ending in `/`), for links to part pages (JSON Resume). */
  viewUrl?: string;
}

/** One format Vitrine reads (and maybe writes). */
export interface Format {
  /** The name `--format` and the docs use (`ims`, `leap2a`, `authored`). */
  id: string;
  /** One line saying what the format is. */
  title: string;
  /** How an input is recognised as this format, in words (for docs and help). */
  recognisedBy: string;
  /** True when the input's files are this format's. The registry asks formats in its order; the first yes reads. */
  detect(bundle: SourceBundle): boolean;
  /** Reads the input into the neutral model; undefined (with diagnostics in `cx.bag`) when it cannot. */
  read(bundle: SourceBundle, cx: ReadContext): Portfolio | undefined;
  /** Writes the portfolio as this format's files (paths → bytes), reporting what it could not carry. Absent: read-only. */
  write?(portfolio: Portfolio, bag: DiagnosticBag, options?: WriteOptions): Map<string, Uint8Array>;
  /** `zip`: the files go into one package file; `folder`: they are written as a folder; `file`: the one file is written as it is. */
  output?: 'zip' | 'folder' | 'file';
  /** Called when an earlier format of the registry claimed the input: says so when this format would have read it too. */
  shadowedBy?(bundle: SourceBundle, winner: string, bag: DiagnosticBag): void;
  /** What of the neutral model the format has no place for (each is reported as ExportFieldDropped when present). */
  cannotCarry: string[];
}
