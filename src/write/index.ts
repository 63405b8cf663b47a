/** The only stage that writes output. */
export { writeFileAtomic, type AtomicWriteOptions } from './atomic.ts';
export { writeSite, writeFiles, outputConflict, packageConflict, replaceConflict, SITE_MARKER } from './site.ts';
export { zipFiles } from '../formats/zip/encode.ts';
export { writeNewFolder, newFolderConflict } from './new-folder.ts';
