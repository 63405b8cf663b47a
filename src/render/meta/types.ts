/**
 * The link-preview data of a view's pages (part of render/types.ts, the theme's contract), made
 * by page-meta.ts; kept apart from it so render/types.ts imports no code that imports it.
 */

/** One page's link preview and structured data, as the `head-meta` partial prints them. */
export interface PageMeta {
  title: string;
  description?: string;
  /** Canonical and og:url, when the site's url is known. */
  url?: string;
  /** og:image (the view's card), when the site's url is known. */
  image?: string;
  imageAlt: string;
  type: 'website' | 'profile' | 'article';
  /** JSON-LD texts, already safe to print inside a script element. */
  jsonLd: string[];
}

/** A view's generated extras and the meta of each of its pages. */
export interface ViewMeta {
  front: PageMeta;
  /** Part pages by slug. */
  pages: Record<string, PageMeta>;
  siteName: string;
  /** `og:locale` (en_GB style). */
  locale: string;
  /** Relative to the view root. */
  favicon: string;
  card: string;
  /** The view's Atom feed (public views), relative to the view root. */
  feed?: string;
  /** The view's search page (public and unlisted views), relative to the view root. */
  search?: string;
}
