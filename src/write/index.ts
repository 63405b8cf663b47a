/** The only stage that writes output. */
export { zipFiles, writeFileAtomic } from './zip.ts';
