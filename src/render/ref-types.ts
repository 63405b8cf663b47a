/**
 * The two smallest pieces of the template data (render/types.ts): a link to a part and a media
 * item. They import nothing of render/, so every module of the contract can use them.
 */
import type { PartKind } from '../model/types.ts';

/** A link to another part of the same view, with what a list or a thumbnail of it shows. */
export interface PartRef {
  id: string;
  slug: string;
  kind: PartKind;
  title: string;
  /** Language of the title, when it is not the view's (put it on the element showing the title). */
  titleLang?: string;
  /** Relative to the view root: `<slug>/index.html`. */
  href: string;
  /** The part's type within its kind (typename), e.g. "Essay"; IMS vocabulary words translated. */
  type?: string;
  /** Who wrote it (assertions, reflections). */
  author?: string;
  /** The part's first image, for thumbnails and galleries. */
  cover?: MediaData;
  /** The start of its text (about 220 characters, cut at a word), for quotes and cards. */
  excerpt?: string;
}

/** A media item as a template shows it. */
export interface MediaData {
  kind: 'image' | 'audio' | 'video' | 'pdf' | 'document' | 'text' | 'html' | 'link' | 'missing';
  /** Relative to the view root. */
  href?: string;
  name?: string;
  mediaType?: string;
  size?: number;
  sizeLabel?: string;
  /** Package path of the file (to match `Person.photo`); not a link. */
  path?: string;
  /** The owner's caption for the file (`caption:` in the authored format), plain text. */
  caption?: string;
  /** Offer the file as a download rather than a page: HTML and SVG attachments could run scripts on the site. */
  download?: boolean;
  alt?: string;
  /** Inline text (plain) or sanitized HTML for `html`. */
  text?: string;
  image?: {
    width: number;
    height: number;
    src: string;
    /** `srcset` strings by format, largest first. */
    srcset: { type: string; srcset: string }[];
  };
  /** Caption/subtitle tracks found beside audio and video; one is `default` (the audience's language first). */
  tracks?: { href: string; lang?: string; label?: string; kind: 'captions' | 'subtitles'; default?: boolean }[];
  /** A transcript; `inline` holds its text when the view's audience needs it on the page. */
  transcript?: { href: string; name: string; inline?: { text?: string; html?: string } };
  /** A long description of an image or video; `expanded` when the audience needs it. */
  longDescription?: { href: string; name: string; expanded: boolean; text?: string; html?: string };
  /** A sign-language version; `shown` (as a player beside the media) when the audience needs it. */
  signLanguage?: { href: string; name: string; mediaType: string; shown: boolean };
}
