/**
 * Large documents are analysed on the main thread a slice at a time: a few milliseconds of the service's steps
 * (`prepare`: boilerplate, normalised text, one paragraph's entities per step, then the article-level passes),
 * then a turn of the event loop, so requests for other documents are answered in between. The paragraphs land
 * in the document's paragraph cache, so an edit afterwards re-reads only the paragraphs it touched, as for any
 * document. (Before, a worker thread analysed them with a second copy of the model: about 100 MB more while it
 * ran, and every edit re-read the whole document there.)
 */
import type { LanguageService } from '../service/index';
import type { ArticleDocument } from '../service/text';

/** Above this, analysis takes about a second of CPU or more: long enough to hold up every other document. */
export const LARGE_DOCUMENT_CHARS = 200_000;

/** How long one slice may run before the server reads its messages again. */
export const SLICE_MS = 10;

export class SlicedAnalysis {
  /** The analysis key (version, settings, context) under way for each document. */
  private readonly running = new Map<string, string>();

  constructor(
    private readonly service: Pick<LanguageService, 'prepare' | 'analysisInput'>,
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** Whether doc's analysis is under way (its features answer empty meanwhile, as they would for a worker's). */
  busy(uri: string): boolean {
    return this.running.has(uri);
  }

  /**
   * Analyses doc in slices. Resolves true when its analysis is at hand, false when a newer version, a change of
   * settings or closing the document superseded it; undefined when the same analysis is already under way.
   */
  analyse(doc: ArticleDocument): Promise<boolean> | undefined {
    const { key } = this.service.analysisInput(doc);
    if (this.running.get(doc.uri) === key) return undefined;
    this.running.set(doc.uri, key);
    const steps = this.service.prepare(doc);
    return new Promise((resolve, reject) => {
      const slice = () => {
        if (this.running.get(doc.uri) !== key) return resolve(false);
        const until = performance.now() + this.sliceMs;
        try {
          while (performance.now() < until) {
            if (steps.next().done) {
              this.running.delete(doc.uri);
              return resolve(true);
            }
          }
        } catch (e) {
          this.running.delete(doc.uri);
          return reject(e as Error);
        }
        setImmediate(slice);
      };
      setImmediate(slice);
    });
  }

  /** Stops doc's analysis (the document was closed). */
  cancel(uri: string): void {
    this.running.delete(uri);
  }
}
