/**
 * What XSL views need that is made by format code, which render/ does not import: the view
 * document (IMS LIP elements, written by src/xsl-view-document.ts) and the input package's own
 * `ims-epView` presentations (read by src/xsl-inputs.ts). The pipeline makes them and hands
 * them to render in RenderOptions.
 */
import type { ViewPlan } from '../../views/types.ts';
import type { ImageInfo } from '../page-data.ts';
import type { XslSource } from './job.ts';

/** What the view document is made from: the plan and what rendering made for it. */
export interface ViewDocumentInput {
  plan: ViewPlan;
  /** Image variants rendering made, by package path (images are published only as variants). */
  images: Map<string, ImageInfo>;
  /** Theme words of the view's language, for part titles. */
  messages?: Record<string, string>;
}

/** One `ims-epView` resource of the input package. */
export interface PackagePresentationFiles {
  /** The resource identifier (what a view's `xsl: { package: ID }` names). */
  identifier: string;
  /** Package path of the stylesheet. */
  stylesheet: string;
  /** Package paths of its CSS, in cascade order. */
  styles: string[];
  /** Package paths of the files the resource lists (the stylesheet, its modules and data). */
  files: string[];
}

/** The input package's files and its presentations, read once per build. */
export interface LoadedPackage {
  files: Map<string, Uint8Array>;
  presentations: PackagePresentationFiles[];
}

/** The pipeline's part of XSL rendering (file comment). */
export interface XslInputs {
  /** The view document of a view (docs/xsl-views.md), as text or as a DOM-ready tree. */
  viewDocument(input: ViewDocumentInput): XslSource;
  /** The input package and its presentations; undefined when the input is no IMS package. */
  packagePresentations(): LoadedPackage | undefined;
}
