/** The only stage that writes output. */
export { writeFileAtomic } from './zip.ts';
export { writeSite, writeFiles, outputConflict, packageConflict, replaceConflict, SITE_MARKER, SiteWriteError, type SiteWritten, type PreviousSite } from './site.ts';
export { acquireOutputLock, lockPathFor, LockTimeoutError, type LockOptions, type LockRecord } from './lock.ts';
export { zipFiles } from '../formats/zip/encode.ts';
export { writeNewFolder, newFolderConflict } from './new-folder.ts';
