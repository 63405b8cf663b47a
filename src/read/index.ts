/** Front door of `read/`: the only stage that opens the input. It never writes anything. */
export { readInput } from './input.ts';
export { readZip } from './zip.ts';
export { readFolder } from './folder.ts';
export { dropSecretsFiles, isSecretsFile } from './secrets-file.ts';
export {
  defaultReadLimits,
  displayPath,
  type ReadLimits,
  type SourceBundle,
  type SourceFile,
} from './types.ts';
