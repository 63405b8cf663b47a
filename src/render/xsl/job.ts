/**
 * What a stylesheet run is asked to do and what comes back: shared by run.ts (which decides
 * what to run and turns answers into diagnostics) and child-process.ts (which runs it), so
 * neither imports the other for its types.
 */

/** One stylesheet run. */
export interface XslJob {
  /** Absolute path of the stylesheet file. */
  stylesheet: string;
  /**
   * The input document (the view document or the OSP adapter's): XML text, or a DOM-ready
   * tree the process builds without parsing (formats/xml/dom-tree.ts; the view document).
   */
  source: XslSource;
  params: Record<string, string>;
  /** Folders the stylesheet may read (its own folder at least); nothing else. */
  roots: string[];
  /** A package's stylesheet: its compiled form is checked against the function allow-list. */
  untrusted?: boolean;
  /**
   * Who may see what the run sees: runs share a warm process only within one audience.
   * `protected:<view>` keeps a protected view's process its own; default `public`.
   */
  audience?: string;
  /** Where compiled stylesheets are cached; none means no cache on disk. */
  cacheDir?: string;
  timeLimitMs?: number;
  memoryLimitMb?: number;
  /** The output cap (default XSL_OUTPUT_LIMIT_BYTES); over it the run is an XslOutputTooLarge error. */
  outputLimitBytes?: number;
  /** How the stylesheet is named in diagnostics (a package path such as `pkg/views/cv.xsl`). */
  display?: string;
}

/** A node of a DOM-ready tree: text, or `[qualified name, namespace URI, [attr qname, attr namespace, value, ...], ...children]`. */
export type XslDomNode = string | [string, string, string[], ...XslDomNode[]];

/** A stylesheet's input document: XML text, or a DOM-ready tree with its root element. */
export type XslSource = string | { tree: Extract<XslDomNode, unknown[]> };

/** What a successful run produced. */
export interface XslOutput {
  /** The principal result, serialized. */
  output: string;
  /** The output method (`html`, `xml`, `xhtml`, `text`). */
  method: string;
  /** Result documents by their relative href. */
  documents: Map<string, string>;
  /** True when the compiled form came from a cache (this build's or the one on disk). */
  cached: boolean;
  /** The process that ran it (none when the result was remembered from an identical run). */
  pid?: number;
  /** Where that process spent the run (benchmarks). */
  ms?: XslTimings;
}

/** What the child process answers (child.cjs, top comment). */
export interface ChildAnswer {
  ok: boolean;
  phase?: 'compile' | 'script' | 'check' | 'size' | 'run';
  refused?: boolean;
  message?: string;
  code?: string;
  module?: string;
  line?: number;
  column?: number;
  sef?: string;
  output?: string;
  method?: string;
  documents?: Record<string, string>;
  /** Where the process spent a successful run (child.cjs). */
  ms?: XslTimings;
}

/** Milliseconds a stylesheet process spent on one run: from the job's line to the document built, building it, transforming; and the CPU time of it all. */
export interface XslTimings {
  job: number;
  source: number;
  transform: number;
  cpu: number;
}

/** How one run ended: an answer, or the process's death. */
export interface ChildRun {
  answer?: ChildAnswer;
  killed?: 'time' | 'memory' | 'crash';
  stderr: string;
  /** The process it ran in. */
  pid?: number;
}

/** The time limit of one run. */
export const XSL_TIME_LIMIT_MS = 20_000;
/** The memory limit of a stylesheet's process (V8's old space). */
export const XSL_MEMORY_LIMIT_MB = 256;
/** The most a stylesheet may return (principal result and result documents), in bytes. */
export const XSL_OUTPUT_LIMIT_BYTES = 64 * 1024 * 1024;
