/**
 * A document's normalised text (`normalizeForMatching`), kept from one version to the next: the normaliser works
 * `\n`-line by `\n`-line and character by character, so after an edit only the changed lines are normalised again
 * and spliced between the previous version's unchanged ones; the result is the full normalisation.
 */
import { normalizeForMatching } from '../normalize';
import { changedLines, spliceDerived } from './lineArrays';

export class NormalizedText {
  private text: string | undefined;
  private value = '';

  of(text: string): string {
    if (text === this.text) return this.value;
    if (this.text === undefined) this.value = normalizeForMatching(text);
    else {
      const change = changedLines(this.text, text);
      this.value = spliceDerived(this.value, change, normalizeForMatching(text.slice(change.from, change.newTo)));
    }
    this.text = text;
    return this.value;
  }

  /** A copy from this version on that goes its own way (the idle warm-up's private edit). */
  clone(): NormalizedText {
    const copy = new NormalizedText();
    copy.text = this.text;
    copy.value = this.value;
    return copy;
  }
}
