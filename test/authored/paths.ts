/** Where the authored tests find the examples. */
import { join } from 'node:path';
import { repoRoot } from '../support/env.ts';

/** The bundled example (an authored folder once converted). */
export const contentDir = join(repoRoot, 'content');
/** The IMS example package (the bundled example before it became an authored folder). */
export const imsExampleDir = join(repoRoot, 'test', 'fixtures', 'ims-example');
