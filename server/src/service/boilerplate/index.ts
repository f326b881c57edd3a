/**
 * Boilerplate detection for scraped news pages: which lines are the page's debris (site title,
 * menus, captions, copyright, editor, promo, related lists, comments, share buttons, footer) and
 * which are the article. Pure: no Node built-ins, no editor.
 */
export { detectBoilerplate, type BoilerplateOptions, type BoilerplateResult } from './detect';
export { SiteIndex } from './siteIndex';
export { MAX_RULES, parseSiteRules, type SiteRule, type SiteRules } from './siteRules';
export { unsafeReason as unsafePatternReason } from './userPattern';
