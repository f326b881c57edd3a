/**
 * Entity recognition for Chinese news text (Traditional and Simplified): gazetteer, patterns, user dictionary
 * and a character-level tagger trained on MSRA NER, merged; plus mention linking within an article.
 */
export { createEntityRecognizer, type RecognizerOptions } from './recognizer';
export { linkEntities, type EntityCluster } from './link';
export { normalizeForMatching } from '../normalize';
