/** Batch fixtures: a folder of generated IMS ePortfolio zips, each with its own view config. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePackage } from '../../src/api.ts';
import { zipFiles } from '../../src/write/index.ts';
import { generateLargePortfolio } from '../support/generate-portfolio.ts';

/** Writes `count` zips `student-NN.zip` of `parts` parts each into `dir`, with `student-NN.vitrine.yaml` beside each. */
export function writeBatchInputs(dir: string, count: number, parts: number): string[] {
  mkdirSync(dir, { recursive: true });
  const zip = zipFiles(generatePackage(generateLargePortfolio(parts, 0)));
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `student-${String(i + 1).padStart(2, '0')}`;
    writeFileSync(join(dir, `${name}.zip`), zip);
    writeFileSync(join(dir, `${name}.vitrine.yaml`), `views:\n  - id: showcase-${i + 1}\n    access: public\n    select: [{ kind: product }, { kind: competency }]\n`);
    names.push(name);
  }
  return names;
}
