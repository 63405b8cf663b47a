/** The only stage that writes output. */
export { writeFileAtomic } from './zip.ts';
export { writeSite, writeFiles, outputConflict, packageConflict, replaceConflict, SITE_MARKER } from './site.ts';
export { zipFiles } from '../formats/zip/encode.ts';
export { writeNewFolder, newFolderConflict } from './new-folder.ts';
export { acquireFolderLease, leaseFileFor, recoverInterruptedWrite, type FolderLease } from './folder-lease.ts';
