/** Views: the site config, selection, the privacy closure and the personal-data listing. */
export type { Access, Follow, Selector, ViewConfig, SiteConfig, ViewPlan, PersonalDataItem } from './types.ts';
export { readSiteConfig, readConfigFile, parseSiteConfig, chooseSiteConfig, CONFIG_NAMES } from './config.ts';
export { readPortfolioViews, parsePortfolioViews, readViewConfig } from './portfolio-views.ts';
export { ACCESS_LEVELS, VIEW_ID_PATTERN } from './config-schema.ts';
export { selectParts, findPart } from './select.ts';
export { FOLLOWS, FOLLOW_RULES, relationKey, type FollowRule } from './follow.ts';
export { planViews, planPreview, viewFolder, PREVIEW_ID } from './plan.ts';
export { findPersonalData } from './personal-data.ts';
export { loadSecrets, saveSecrets, resolveSecrets, secretsPathFor, newToken, generatePassphrase, SECRETS_NAME, type Secrets, type ViewSecret, type ViewAccessSecrets } from './secrets.ts';
export { applyConfigTrust, packageFolderOf, type TrustOptions } from './trust.ts';
export { privacyReport, formatPrivacyReport, externalLinks, type ViewPrivacy } from './privacy-report.ts';
