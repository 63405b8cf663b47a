/** Batch fixtures: a folder of generated IMS ePortfolio zips, each with its own view config. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePackage } from '../../src/api.ts';
import { zipFiles } from '../../src/write/index.ts';
import { generateLargePortfolio } from '../support/generate-portfolio.ts';

/**
 * Writes `count` zips `student-NN.zip` of `parts` parts each into `dir`, with `student-NN.vitrine.yaml`
 * beside each: a view of products and competencies, or with `everything` of every part (one page each).
 */
export function writeBatchInputs(dir: string, count: number, parts: number, everything = false): string[] {
  mkdirSync(dir, { recursive: true });
  const portfolio = generateLargePortfolio(parts, 0);
  const zip = zipFiles(generatePackage(portfolio));
  const kinds = everything ? [...new Set(portfolio.parts.map((p) => p.kind))] : ['product', 'competency'];
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `student-${String(i + 1).padStart(2, '0')}`;
    writeFileSync(join(dir, `${name}.zip`), zip);
    writeFileSync(join(dir, `${name}.vitrine.yaml`), `views:\n  - id: showcase-${i + 1}\n    access: public\n    select: [${kinds.map((k) => `{ kind: ${k} }`).join(', ')}]\n`);
    names.push(name);
  }
  return names;
}
