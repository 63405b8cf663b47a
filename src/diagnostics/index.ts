export { catalogue, type DiagnosticCode, type Severity, type CatalogueEntry } from './catalogue.ts';
export {
  diagnostic,
  DiagnosticBag,
  formatLocation,
  type Diagnostic,
  type Location,
  type Result,
} from './diagnostic.ts';
