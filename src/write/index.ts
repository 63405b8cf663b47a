/** The only stage that writes output. */
export { writeFileAtomic, type AtomicWriteOptions } from './atomic.ts';
export { writeSite, writeFiles, outputConflict, packageConflict, replaceConflict, SITE_MARKER, SiteWriteError, type SiteWritten, type PreviousSite } from './site.ts';
export { acquireOutputLock, lockPathFor, LockTimeoutError, type LockOptions, type LockRecord } from './lock.ts';
export { zipFiles } from '../formats/zip/encode.ts';
export { writeNewFolder, newFolderConflict } from './new-folder.ts';
export { acquireFolderLease, leaseFileFor, recoverInterruptedWrite, type FolderLease } from './folder-lease.ts';
export { makeFolder, withTempFolder, type FolderOptions, makeTempFolder, writeTempFile, copyIntoTempFolder, removeTempFolder } from './folders.ts';
