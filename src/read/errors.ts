/** Small helpers for the system errors `read/` turns into diagnostics. */

/** The `code` of a Node system error (`ENOENT`, `ELOOP`...), or '' for anything else. */
export function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
}

/** The message of a thrown value, whatever was thrown. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
