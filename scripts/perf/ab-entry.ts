/**
 * What `ab.mjs` measures of one tree, for bundling that tree as the product is (see ab.mjs). Imports by relative
 * path only, so the same file bundles against any checkout it is copied into.
 */
export { analyseArticle } from '../../server/src/service/article';
export { createEntityRecognizer, linkEntities } from '../../server/src/service/entities';
export { loadNerModel } from '../../server/src/node/model';
export { normalizeForMatching } from '../../server/src/service/normalize';
// The module whole: what `recognize` calls for its per-line half differs between trees (ab.mjs picks it).
export * as paragraphs from '../../server/src/service/incremental/paragraphs';
export { detectBoilerplate } from '../../server/src/service/boilerplate';
export { unlabelledText } from './pages';
