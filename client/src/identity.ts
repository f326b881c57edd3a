/** The extension's own ids, as package.json declares them (a unit test checks they agree). */
export const EXTENSION_ID = 'news-annotator.news-annotator';
export const WALKTHROUGH_ID = 'newsAnnotator.gettingStarted';
/** The sample article the walkthrough opens (shipped in the .vsix). */
export const SAMPLE_PATH = 'samples/sample.news.txt';
