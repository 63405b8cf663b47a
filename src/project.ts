/**
 * The pipeline context: everything build, serve and the Eleventy plugin need before planning,
 * made once. The input is read once (its files stay in `bundle`, from which the portfolio,
 * portfolio.yaml's views and a package's own presentations are all taken); then the view
 * config and the secrets of unlisted and protected views.
 */
import { existsSync } from 'node:fs';
import { DiagnosticBag, type Result } from './diagnostics/index.ts';
import { portfolioFromBundle } from './api.ts';
import { defaultReadLimits, readInput, type SourceBundle } from './read/index.ts';
import type { Portfolio } from './model/types.ts';
import { readViewConfig, type SiteConfig } from './views/index.ts';
import type { ViewConfig } from './views/types.ts';
import { loadSecrets, resolveSecrets, saveSecrets, secretsPathFor } from './views/secrets.ts';

/** Where the secrets of unlisted and protected views are, and what to do with them. */
export interface SecretOptions {
  /** The secrets file (default: `.vitrine-secrets.json` in the input folder, or beside an input file). */
  secrets?: string | undefined;
  /** Views whose folder token (and generated passphrase) are replaced by new ones. */
  rotate?: string[] | undefined;
  /** Environment the passphrase variables are read from (default: process.env). */
  env?: Record<string, string | undefined>;
}

/** A project loaded for planning. */
export interface Project {
  input: string;
  /** The input's files, read once. */
  bundle: SourceBundle;
  portfolio: Portfolio;
  config: SiteConfig;
  /** The views to plan (all configured views, less those the caller leaves out). */
  views: ViewConfig[];
  /** Folders and passphrases of unlisted and protected views, and the secrets file. */
  access: NonNullable<Awaited<ReturnType<typeof accessSecrets>>>;
}

/** What loading needs besides the input. */
export interface ProjectOptions extends SecretOptions {
  /** A config file to use instead of the one found beside the input. */
  config?: string | undefined;
  /** Lets a package's own config run its stylesheets (`--allow-package-code`); views/trust.ts. */
  allowPackageCode?: boolean;
  /** Leaves views out before secrets are resolved (the Eleventy plugin: protected views), reporting why in `bag`. */
  leaveOut?: (view: ViewConfig, bag: DiagnosticBag) => boolean;
}

/** Reads the input, its portfolio, the view config and the secrets; undefined (with diagnostics) when any has errors. */
export async function loadProject(input: string, options: ProjectOptions = {}): Promise<Result<Project | undefined>> {
  const bag = new DiagnosticBag();
  const fail = () => ({ value: undefined, diagnostics: bag.items });
  const read = await readInput(input, defaultReadLimits);
  bag.push(...read.diagnostics);
  if (!read.value || bag.hasErrors()) return fail();
  const bundle = read.value;
  // The secrets file in use is never read as part of the portfolio, wherever the owner keeps it.
  const portfolio = await portfolioFromBundle(bundle, input, bag, [secretsPathFor(input, options.secrets)]);
  if (!portfolio || bag.hasErrors()) return fail();
  const config = await readViewConfig(input, options.config, { allowPackageCode: !!options.allowPackageCode }, bundle);
  bag.push(...config.diagnostics);
  if (bag.hasErrors()) return fail();
  const views = config.value.views.filter((v) => !options.leaveOut?.(v, bag));
  const access = await accessSecrets(input, views, options, bag);
  if (bag.hasErrors() || !access) return fail();
  return { value: { input, bundle, portfolio, config: config.value, views, access }, diagnostics: bag.items };
}

/**
 * Folders and passphrases of the unlisted and protected views, from the secrets file, which is
 * written (before any site) when a token or passphrase was made, so none is ever lost.
 */
export async function accessSecrets(input: string, views: ViewConfig[], options: SecretOptions, bag: DiagnosticBag) {
  const hidden = views.filter((v) => v.access !== 'public');
  for (const id of options.rotate ?? []) {
    if (!hidden.some((v) => v.id === id)) bag.add('RotateUnknownView', `--rotate ${id}: no unlisted or protected view has this id (${hidden.map((v) => v.id).join(', ') || 'none configured'})`);
  }
  const path = secretsPathFor(input, options.secrets);
  // With no hidden view the file is still read when it exists: a view that was protected and is
  // now public must leave its token behind (resolveSecrets), or making it unlisted again would reuse it.
  if (hidden.length === 0 && !existsSync(path)) return bag.hasErrors() ? undefined : { byView: new Map(), generated: [], path: undefined };
  const loaded = await loadSecrets(path);
  bag.push(...loaded.diagnostics);
  if (!loaded.value || bag.hasErrors()) return undefined;
  const env = options.env ?? process.env;
  const resolved = resolveSecrets(views, loaded.value, { env, ...(options.rotate ? { rotate: options.rotate } : {}) });
  for (const l of resolved.lowered) {
    const v = views.find((x) => x.id === l.view);
    bag.add('AccessLowered', `view "${l.view}" was protected and is now ${l.access}: it gets a new ${l.access === 'public' ? 'token in the secrets file (unused while public)' : 'folder'}, so the link sent with its passphrase does not open it without one`, v?.origin ?? { file: path });
  }
  for (const v of hidden) {
    if (v.access === 'protected' && v.passphraseEnv && !env[v.passphraseEnv]) {
      bag.add('PassphraseEnvUnset', `view "${v.id}": ${v.passphraseEnv} is not set, so the passphrase kept in ${path} opens the view`, v.origin ?? { file: path });
    }
  }
  if (resolved.changed) {
    try {
      await saveSecrets(path, resolved.secrets);
    } catch (e) {
      bag.add('SecretsUnwritable', `could not write ${path}: ${(e as Error).message}`, { file: path });
      return undefined;
    }
  }
  return { byView: resolved.byView, generated: resolved.generated, path: hidden.length ? path : undefined };
}
