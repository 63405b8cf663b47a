/** The JSON Resume adapter: `resume.json` (docs/jsonresume-mapping.md). */
import { detectJsonResume, generateJsonResume, readJsonResume, RESUME_FILE } from '../../formats/jsonresume/index.ts';
import { displayPath } from '../../read/index.ts';
import type { Format } from '../format.ts';
import { portfolioFromJsonResume } from './from-jsonresume.ts';
import { portfolioToJsonResume } from './to-jsonresume.ts';

/** JSON Resume 1.x, read and written; its round trip is exact. */
export const jsonResumeFormat: Format = {
  id: 'jsonresume',
  title: 'JSON Resume (resume.json)',
  recognisedBy: 'resume.json in a folder or zip, or one .json file shaped like a résumé',
  detect: (bundle) => detectJsonResume(bundle) !== undefined,
  read(bundle, cx) {
    const doc = readJsonResume(bundle, detectJsonResume(bundle)!, cx.bag);
    return doc ? portfolioFromJsonResume(doc, bundle, cx.bag, cx.fallbackId) : undefined;
  },
  write: (portfolio, bag, options) => new Map([[RESUME_FILE, generateJsonResume(portfolioToJsonResume(portfolio, bag, options?.viewUrl ? { viewUrl: options.viewUrl } : {}))]]),
  output: 'file',
  shadowedBy(bundle, winner, bag) {
    if (winner === 'authored' && bundle.files.has(RESUME_FILE)) bag.add('JsonResumeShadowed', `${displayPath(bundle, RESUME_FILE)} was not read: this folder is an authored portfolio (portfolio.yaml), which wins`, { file: displayPath(bundle, RESUME_FILE) });
  },
  cannotCarry: ['reflections, goals, rubrics and other parts a CV has no section for', 'attached files', 'tags', 'relations other than evidence', 'free-text dates'],
};
