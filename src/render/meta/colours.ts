/**
 * The theme's colours for generated images (link preview cards, favicons), read from the custom
 * properties of the theme's stylesheet, so a card looks like the site it links to.
 */

/** The colours a card or favicon is drawn in. */
export interface CardColours {
  background: string;
  text: string;
  muted: string;
  accent: string;
}

/** Used when the stylesheet names none of the properties below. */
export const DEFAULT_COLOURS: CardColours = { background: '#fbfaf7', text: '#1b1b1f', muted: '#55555f', accent: '#8a2c0f' };

// Property names themes use for each role, most specific first.
const ROLES: Record<keyof CardColours, string[]> = {
  background: ['--card-background', '--paper', '--bg', '--background', '--color-bg'],
  text: ['--card-text', '--ink', '--fg', '--text', '--color-text'],
  muted: ['--card-muted', '--muted', '--color-muted'],
  accent: ['--card-accent', '--accent', '--color-accent', '--link'],
};

/**
 * The card colours of a stylesheet: the first `:root` declaration of each role's properties,
 * when it is a plain hex or rgb() colour (anything else could not be put into an SVG safely).
 */
export function themeColours(css: string | undefined): CardColours {
  const out = { ...DEFAULT_COLOURS };
  if (!css) return out;
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  for (const role of Object.keys(ROLES) as (keyof CardColours)[]) {
    for (const prop of ROLES[role]) {
      const m = new RegExp(`(?:^|[;\\s])${prop}\\s*:\\s*([^;]+)`).exec(root);
      const value = m?.[1]?.trim();
      if (value && isPlainColour(value)) {
        out[role] = value;
        break;
      }
    }
  }
  return out;
}

/** A hex colour or an rgb()/rgba() of numbers: nothing that could close an attribute. */
export function isPlainColour(s: string): boolean {
  return /^#[0-9a-f]{3,8}$/i.test(s) || /^rgba?\(\s*[\d.%\s,/]+\)$/i.test(s);
}
