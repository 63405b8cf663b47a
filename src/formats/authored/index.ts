/** The authored format: a folder with portfolio.yaml and Markdown part files with front matter. */
export { isAuthored, readAuthoredSource, PORTFOLIO_FILE, type AuthoredSource, type AuthoredPartFile } from './read-authored.ts';
export { parseLocatedYaml, type LocatedYaml, type YamlPath } from './located-yaml.ts';
export { splitFrontMatter } from './front-matter.ts';
export { renderMarkdown } from './markdown.ts';
export { stringifyFrontMatter, stringifyYaml } from './write.ts';
