/**
 * The silver dev pages (scripts/eval/silver, dev sites only) as supervised training sentences: each content line
 * with its labelled mentions as BIO tags (MEDIA as ORG, as the tagger's three types have it). An experiment of the
 * eighth round (`train.ts --pages K`, the lines repeated K times): modern web news beside MSRA's 1998 newswire.
 * The silver test sites and the blind cwced pages are never read, so their figures stay held out.
 */
import { loadSilverPages, isBlind, isTest } from '../eval/silver';
import type { TrainingSentence } from './trainer';

export function silverDevSentences(corpus: string): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  for (const page of loadSilverPages(corpus)) {
    if (isTest(page.name) || isBlind(page.name)) continue;
    const lines = page.text.split(/\r?\n/);
    const byLine = new Map<number, { text: string; type: string }[]>();
    for (const e of page.gold.entities) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
    for (const n of page.gold.content) {
      const text = lines[n - 1] ?? '';
      if (text.trim().length < 2) continue;
      const tags = new Array<string>(text.length).fill('O');
      // Mentions are listed in reading order: each is found from the end of the one before.
      let from = 0;
      for (const e of byLine.get(n) ?? []) {
        let at = text.indexOf(e.text, from);
        if (at < 0) at = text.indexOf(e.text);
        if (at < 0 || tags.slice(at, at + e.text.length).some((t) => t !== 'O')) continue;
        const type = e.type === 'MEDIA' ? 'ORG' : e.type;
        for (let k = at; k < at + e.text.length; k++) tags[k] = `${k === at ? 'B' : 'I'}-${type}`;
        from = at + e.text.length;
      }
      out.push({ text, tags });
    }
  }
  return out;
}
