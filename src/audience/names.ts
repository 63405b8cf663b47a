/** Names and language tags as the config writes them, shared by views and audience profiles. */

/** A view id: a folder name that is the same on every file system and in every URL. */
export const VIEW_ID_PATTERN = /^[a-z0-9][a-z0-9-_]*$/;
/** A BCP 47 language tag, loosely: `en`, `fr-CA`, `zh-Hant-TW`. */
export const LANG_PATTERN = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
/** Longest view id: a folder name well under every file system's limit. */
export const MAX_ID_LENGTH = 64;
