/**
 * The inputs of a batch: every zip, folder and file at the top of one folder, each with its own
 * config and secrets file, so no two portfolios ever share a token or a configuration.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

/** One portfolio of a batch: where it is, and the files that belong to it alone. */
export interface BatchInput {
  /** The output folder's name, OUT/<name>: the entry's name without its extension. */
  name: string;
  /** Absolute path of the zip, folder or file. */
  input: string;
  /** A folder (its config and secrets inside it) rather than a zip or file. */
  folder: boolean;
  /** `<name>.vitrine.yaml` beside a zip or file; a folder keeps its own config inside. */
  config?: string;
  /** Why this entry cannot be built (a name that is not a safe folder name, or taken twice). */
  problem?: string;
}

/** Per-input side files, never inputs themselves. */
const CONFIG_SUFFIX = '.vitrine.yaml';
const SECRETS_SUFFIX = '.vitrine-secrets.json';
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The secrets file of a batch input: `DIR/<name>.json` under `--secrets-dir`, else its own beside or inside it. */
export function batchSecretsPath(input: Pick<BatchInput, 'name' | 'input' | 'folder'>, secretsDir?: string): string | undefined {
  if (secretsDir) return join(resolve(secretsDir), `${input.name}.json`);
  // A folder keeps .vitrine-secrets.json inside it; zips side by side must not share one.
  return input.folder ? undefined : join(resolve(input.input, '..'), `${input.name}${SECRETS_SUFFIX}`);
}

/**
 * Lists the inputs of `dir`, sorted by name. Hidden entries, `<name>.vitrine.yaml` and
 * `<name>.vitrine-secrets.json` are not inputs. A `vitrine.config.yaml` at the top of `dir`
 * would be read as the config of every zip there, so it is refused (a thrown error).
 */
export async function listBatchInputs(dir: string): Promise<BatchInput[]> {
  const root = resolve(dir);
  const entries = (await readdir(root, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = new Set(entries.map((e) => e.name));
  const shared = ['vitrine.config.yaml', 'vitrine.config.yml', 'vitrine.config.json'].find((n) => names.has(n));
  if (shared) throw new Error(`${join(dir, shared)} would be the config of every zip in ${dir}; give each its own <name>${CONFIG_SUFFIX} beside it`);
  const inputs: BatchInput[] = [];
  const taken = new Map<string, string>();
  for (const e of entries) {
    if (e.name.endsWith(CONFIG_SUFFIX) || e.name.endsWith(SECRETS_SUFFIX)) continue;
    const path = join(root, e.name);
    const isFolder = e.isDirectory() || (e.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isDirectory() === true);
    const name = isFolder ? e.name : e.name.slice(0, e.name.length - extname(e.name).length) || e.name;
    const input: BatchInput = { name, input: path, folder: isFolder };
    const config = join(root, `${name}${CONFIG_SUFFIX}`);
    if (!isFolder && names.has(`${name}${CONFIG_SUFFIX}`)) input.config = config;
    if (!SAFE_NAME.test(name)) input.problem = `"${name}" is not a safe folder name (letters, digits, '.', '_' and '-', starting with a letter or digit)`;
    else if (taken.has(name)) input.problem = `${e.name} and ${taken.get(name)} would both be built into ${name}/`;
    taken.set(name, e.name);
    inputs.push(input);
  }
  return inputs;
}
