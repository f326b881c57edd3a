/**
 * Warming the edit path while the editor is idle (issue 14). The first keystrokes after a large article is opened
 * cost several times the later ones: V8 compiles the incremental path (boilerplate's per-line passes, the entity
 * paragraphs, the lent diagnostics) only once it runs, and compiles it again when the arrays it meets take another
 * shape. After a document's first analysis the server may type a few private keystrokes into a copy of the
 * document's caches, so that the user's first keystroke is not the first compilation. Nothing of it is kept: the
 * copy is dropped, the document's own caches and answers are left as they were, and nothing is published.
 */

/**
 * Where the k-th of `keystrokes` private keystrokes goes, as a fraction of the text (for `shadowKeystroke`). The first
 * goes into the first non-empty line, usually the page title: boilerplate's passes single the title out, so that edit
 * runs the whole detection, as a user's edit to a line whose facts change does, and V8 compiles those passes too (the
 * other keystrokes are decided from the previous version). The others spread evenly through the text.
 */
export function warmUpFraction(keystroke: number, keystrokes: number): number {
  return keystroke === 0 ? 0 : (keystroke - 0.5) / Math.max(1, keystrokes - 1);
}

/** The character typed: the commonest in Chinese news text. */
const TYPED = '的';

/**
 * `text` with one character typed into the middle of the non-empty line at or after `fraction` of the way
 * through it (wrapping round to the start), or undefined for a text with no non-empty line.
 */
export function shadowKeystroke(text: string, fraction: number): string | undefined {
  if (!text.length) return undefined;
  const from = Math.min(text.length - 1, Math.max(0, Math.floor(text.length * fraction)));
  for (const origin of [text.lastIndexOf('\n', from) + 1, 0]) {
    for (let start = origin; start < text.length;) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end > start + 1 || (end > start && text.charCodeAt(start) !== 13)) {
        let at = start + ((end - start) >> 1);
        // Not between the halves of a surrogate pair.
        const c = text.charCodeAt(at);
        if (c >= 0xdc00 && c <= 0xdfff) at--;
        return text.slice(0, at) + TYPED + text.slice(at);
      }
      start = end + 1;
    }
  }
  return undefined;
}
