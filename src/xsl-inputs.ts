/**
 * The pipeline's part of XSL views (render/xsl/inputs.ts): the view document writer and the
 * input package's `ims-epView` presentations, both format code, made here and handed to render.
 */
import { DiagnosticBag } from './diagnostics/index.ts';
import { readImsPackage } from './formats/ims-package/index.ts';
import { presentationsOf, type PackagePresentation } from './formats/ims-package/presentations.ts';
import type { SourceBundle } from './read/index.ts';
import type { XslInputs } from './render/xsl/inputs.ts';
import { buildViewTree } from './xsl-view-document.ts';

/** The input's package and its presentations, from the files already read (the input is not opened again). */
export function loadPackagePresentations(bundle: SourceBundle): { files: Map<string, Uint8Array>; presentations: PackagePresentation[] } | undefined {
  const pkg = readImsPackage(bundle, new DiagnosticBag());
  if (!pkg?.manifest) return undefined;
  return { files: pkg.files, presentations: presentationsOf(pkg.manifest) };
}

/** What XSL rendering needs from the input (`bundle`, when the input was read): read at most once per build. */
export function xslInputs(bundle?: SourceBundle): Omit<XslInputs, 'packagePresentations'> & { packagePresentations(): ReturnType<typeof loadPackagePresentations> } {
  let loaded: { value: ReturnType<typeof loadPackagePresentations> } | undefined;
  return {
    // A tree, not text: the stylesheet process builds it without parsing (formats/xml/dom-tree.ts).
    viewDocument: buildViewTree,
    packagePresentations: () => (loaded ??= { value: bundle ? loadPackagePresentations(bundle) : undefined }).value,
  };
}
