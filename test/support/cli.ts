/** Runs the command line in-process, as a user would, capturing what it prints. */
import { main } from '../../src/cli/main.ts';
import { repoRoot } from './env.ts';

/** `vitrine <args>` in `cwd` (default: the repository root): exit status, stdout and stderr. */
export async function runCli(args: string[], cwd = repoRoot): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd });
  return { code, out, err };
}
