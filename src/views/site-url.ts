/** The site's public base URL (`url:` in the config, `--url`): checked and normalised. */

/** Why a text is not usable as the site's base URL, or undefined when it is. */
export function siteUrlProblem(s: string): string | undefined {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return `"${s}" is not an absolute URL (write it as https://example.org/portfolio/)`;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `"${s}" must start with https:// (or http://)`;
  if (u.username || u.password) return 'must not carry a user name or password';
  if (u.search || u.hash) return `"${s}" must not have a query (?) or fragment (#)`;
  return undefined;
}

/** A valid base URL with exactly one trailing slash, so page paths can be appended. */
export function normalizeSiteUrl(s: string): string {
  return new URL(s).href.replace(/\/*$/, '/');
}
