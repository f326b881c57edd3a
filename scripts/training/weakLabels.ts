/**
 * Pattern-seeded weak labels from unlabelled news (issue 11, sixth round; docs/entities.md "Sixth round: weak labels
 * from unlabelled news"). Training only, never shipped.
 *
 * The body sentences of the unlabelled pages (`pages/unlabelled`, `pages/cwced`; every page that is also a gold
 * article left out, and every sentence that also occurs in a gold article's text) are searched with closed patterns
 * of the guidelines' categories, not lists of names: a surname-shaped name before a verb of saying (X表示, 称, 指出)
 * after a clear left edge or a title, 据X介绍, a byline (记者X), a pseudonym (X（化名）), a bare surname before an
 * honorific (周先生), an outlet named as a source (据X报道, 来源：X) and a company name ending in 公司/集团/科技 after
 * punctuation. Each sentence where a pattern fired becomes a training sentence whose pattern names are sure; the
 * rest of the sentence is either labelled by the current tagger's confident names (mode `full`: everything else O)
 * or left free (mode `partial`: only the sure characters constrain the perceptron's target, see `partial.ts`).
 * Mode `free` is the control: the same sentences with nothing constrained.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EntityType } from '../../server/src/service/types';
import type { Span } from '../../server/src/service/entities/gazetteer';
import { gazetteerTrie } from '../../server/src/service/entities/gazetteer';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { unlabelledPageLines } from './unlabelledPages';
import { SURNAMES } from '../../server/src/service/entities/features';
import { bylineNameSpans } from '../../server/src/service/entities/patterns';
import { honorificSurnameSpans, outletSpans, pseudonymSpans } from '../../server/src/service/entities/context-names';
import { eachMatch } from '../../server/src/service/entities/scan';
import { LEX_LOC, LEX_ORG, LEX_PER, LEX_WORD, NameLexicon } from '../../server/src/service/entities/lexicon';
import { loadTagger } from '../../server/src/service/entities/tagger';
import { NTAGS, TAGS } from '../../server/src/service/entities/tagScheme';
import type { TrainingSentence } from './trainer';

/** The patterns, by name (the precision table in docs/entities.md uses these names). */
export type WeakPattern = 'speech' | 'according' | 'byline' | 'pseudonym' | 'honorific' | 'outlet' | 'company';
export const WEAK_PATTERNS: readonly WeakPattern[] = ['speech', 'according', 'byline', 'pseudonym', 'honorific', 'outlet', 'company'];

export interface WeakSpan extends Span {
  pattern: WeakPattern;
}

/** A sentence of unlabelled text with the names the patterns found in it. */
export interface WeakSentence {
  text: string;
  spans: WeakSpan[];
}

/**
 * Body sentences of the unlabelled pages, normalised: each line cut after 。！？, kept with at least 4 Han
 * characters, each distinct sentence once. Pages that are gold articles are skipped by name, and a sentence that
 * occurs in any gold article's text is skipped too (the same story captured twice), so the page figures stay
 * free of the text they score. No label of any page is read.
 */
export function weakSourceSentences(corpus: string): string[] {
  const articles = path.join(corpus, 'articles');
  const goldFiles = fs.readdirSync(articles).filter((f) => f.endsWith('.txt'));
  const goldText = goldFiles.map((f) => normalizeForMatching(fs.readFileSync(path.join(articles, f), 'utf8'))).join('\n');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of unlabelledPageLines(corpus))
    for (const piece of normalizeForMatching(line).split(/(?<=[。！？!?])/u)) {
      const s = piece.trim();
      if ((s.match(/\p{Script=Han}/gu)?.length ?? 0) < 4 || seen.has(s)) continue;
      seen.add(s);
      if (goldText.includes(s)) continue;
      out.push(s);
    }
  return out;
}

/** Titles that may stand between a clear edge and a person's name (titles are not part of names). */
const TITLE =
  '(?:副)?(?:董事长|总经理|总裁|经理|主任|局长|处长|科长|院长|校长|所长|教授|研究员|专家|律师|医生|书记|市长|县长|省长|部长|主席|总统|总理|发言人|负责人|创始人|合伙人|老师|队长|警官|民警|村民|市民|网友|患者|家属|工作人员|秘书长|理事长|会长|首席执行官|分析师|学者)';
/** What a clear left edge is: the start, punctuation, a space or a quote. */
const EDGE = '(?:^|(?<=[，。！？；：、“”‘’"\'（）()《》【】\\s,.;:!?]))';
/** Verbs of saying after a person's name. */
const SPEECH =
  '(?:(?:表示|指出|介绍|认为|强调|透露|坦言|告诉|提到|解释|建议|呼吁|坦承|直言|感叹|笑称)(?!录|书|信)|(?:说|称|回忆)(?=[,，:：“"]))';
/** Characters that never stand inside a two- or three-character Chinese personal name in running text. */
const NOT_IN_NAME = /[某男女姓氏家们等的了是在也都还就又曾则将已对向和与及称说这那其该此每各我你他她它个年月日时分]/u;
/** X表示 after a clear edge or a title; X is a surname and one or two more characters. */
const SPEECH_RE = new RegExp(`(?:${EDGE}|(?<=${TITLE}))(\\p{Script=Han}{2,3}?)(?=${SPEECH})`, 'gu');
/** 据X介绍 / 据X说 / 据X透露, with an optional title. */
const ACCORDING_RE = new RegExp(`据${TITLE}?(\\p{Script=Han}{2,3}?)(?=介绍|说|透露|表示|称)`, 'gu');
/** A company's name after punctuation: 2–10 Han characters, then its ending. */
const COMPANY_RE = new RegExp(
  `${EDGE}(\\p{Script=Han}{2,10}?(?:股份有限公司|有限责任公司|有限公司|集团|公司|科技(?!大学|学院|专家|工作|报|动态|人员|园|馆|部|局|厅|委|处|奖|创新|成果|进步|发展|水平|领域|企业)))(?!\\p{Script=Han}{0,1}(?:公司|集团|科技))`,
  'gu',
);
/** Words that begin a generic company phrase (该公司, 母公司, 上市公司). */
const NOT_COMPANY_START =
  /^(?:该|本|这|那|其|各|每|此|母|子|分|总|上市|民营|国有|外资|合资|我|你|他|她|一|两|几|多|某|大型|小型|中小|相关|有关|互联网|科技|网络|保险|投资|物流|电商|快递|航空|旅游|地产|房地产|家|新)/u;
/** Function words and adverbs that begin a clause, not a company's name. */
const FUNCTION_FIRST = /^[受但对也都要让将把被给向从在于为以而并且又还就才便即若如因所由已曾动]/u;
const NOT_IN_COMPANY = /[的了是在和与及、这该其每我你他她们个]/u;

/** A dictionary check the patterns use: `classes(word)` gives the lexicon's class bits of a string (0 if absent). */
export type LexiconClasses = (word: string) => number;

/** True if `w` is an everyday word of the dictionary and no name of any class. */
function commonWord(classes: LexiconClasses, w: string): boolean {
  const c = classes(w);
  return (c & LEX_WORD) !== 0 && (c & (LEX_PER | LEX_LOC | LEX_ORG)) === 0;
}

/** True if `w` is one everyday word or a run of them (物流, 装饰装潢, 热门话题): no coined name in it. */
function wordsOnly(classes: LexiconClasses, w: string): boolean {
  const ok = new Uint8Array(w.length + 1);
  ok[0] = 1;
  for (let e = 2; e <= w.length; e++)
    for (let l = 2; l <= 4 && l <= e; l++) if (ok[e - l] && commonWord(classes, w.slice(e - l, e))) ok[e] = 1;
  return ok[w.length] === 1;
}

/** True if `w` starts with a place of the lexicon, two characters or more. */
function placeHead(classes: LexiconClasses, w: string): boolean {
  for (let l = 2; l <= Math.min(6, w.length - 2); l++) if (classes(w.slice(0, l)) & LEX_LOC) return true;
  return false;
}

/** A person-shaped name: a listed surname, then one or two given-name characters, none a function word. */
function personShaped(x: string, classes: LexiconClasses): boolean {
  if (x.length < 2 || x.length > 3 || !SURNAMES.has(x[0])) return false;
  if (NOT_IN_NAME.test(x.slice(1))) return false;
  // 于是, 高度, 明确: a common word at the start is no name (one that is also a name in the lexicon is kept).
  if (commonWord(classes, x.slice(0, 2)) || (x.length === 3 && commonWord(classes, x.slice(1, 3)))) return false;
  if (x.length === 3 && commonWord(classes, x)) return false;
  return true;
}

/** What may stand before a surname of address: no Han character, or a function word (的, 向, 和 …). */
const HONORIFIC_LEFT = /[^\p{Script=Han}]|[的向对和与据了是位名说称请让给跟被及在像]/u;
/** Link lists of a page's menus and related-article blocks: Han, a space, Han, more than once. */
const LINK_LIST = /\p{Script=Han}[ \u3000\t]+\p{Script=Han}.*\p{Script=Han}[ \u3000\t]+\p{Script=Han}/u;

/** Every pattern's names in one normalised sentence, the first pattern's reading kept where two overlap. */
export function weakSpans(norm: string, classes: LexiconClasses): WeakSpan[] {
  const found: WeakSpan[] = [];
  const add = (start: number, end: number, type: EntityType, pattern: WeakPattern) => found.push({ start, end, type, pattern });
  eachMatch(ACCORDING_RE, norm, (m) => {
    const x = m[1];
    if (personShaped(x, classes)) add(m.index + m[0].length - x.length, m.index + m[0].length, 'PER', 'according');
  });
  eachMatch(SPEECH_RE, norm, (m) => {
    const x = m[1];
    if (personShaped(x, classes)) add(m.index + m[0].length - x.length, m.index + m[0].length, 'PER', 'speech');
  });
  for (const s of bylineNameSpans(norm, SURNAMES))
    if (personShaped(norm.slice(s.start, s.end), classes)) add(s.start, s.end, 'PER', 'byline');
  for (const s of pseudonymSpans(norm, SURNAMES)) add(s.start, s.end, 'PER', 'pseudonym');
  const isWord = (start: number, length: number) => commonWord(classes, norm.slice(start, start + length));
  for (const s of honorificSurnameSpans(norm, SURNAMES, isWord))
    // Only the honorifics of address (周先生, 林女士, 王小姐), after no Han character or a closed set of function
    // words: a Han character before may be the rest of a full name (赵紫[阳]先生).
    if (/^(?:先生|女士|小姐)/u.test(norm.slice(s.end, s.end + 2)) && (s.start === 0 || HONORIFIC_LEFT.test(norm[s.start - 1])))
      add(s.start, s.end, 'PER', 'honorific');
  for (const s of outletSpans(norm, [])) add(s.start, s.end, 'ORG', 'outlet');
  eachMatch(COMPANY_RE, norm, (m) => {
    const name = m[1];
    const stem = name.replace(/(?:股份有限公司|有限责任公司|有限公司|集团|公司|科技)$/u, '');
    if (stem.length < 2 || NOT_COMPANY_START.test(stem) || NOT_IN_COMPANY.test(stem) || wordsOnly(classes, stem)) return;
    // A long stem is a registered name only when it starts with a listed place (北京科能广告有限公司); otherwise
    // the clause's first words are in it (因为苹果公司, 所以物流公司).
    // A long one must also have a registered name's form (有限公司, 集团), not a bare 公司 (日本最后一家传呼机公司).
    if (stem.length > 4 && (!placeHead(classes, stem) || /(?<!有限)公司$|科技$/u.test(name))) return;
    // A function word first: the clause runs into the name (受苹果公司, 对物流公司, 要让科技).
    if (FUNCTION_FIRST.test(stem)) return;
    // 中国航天科技集团 + 有限公司: the registered form's ending is part of the name.
    const end = m.index + m[0].length;
    const more = /^(?:股份有限公司|有限责任公司|有限公司)/u.exec(norm.slice(end, end + 6));
    add(end - name.length, end + (more ? more[0].length : 0), 'ORG', 'company');
  });
  // First pattern wins an overlap (the order above: the surer patterns first).
  const taken = new Uint8Array(norm.length);
  const out: WeakSpan[] = [];
  for (const s of found) {
    let free = true;
    for (let k = s.start; k < s.end; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = s.start; k < s.end; k++) taken[k] = 1;
    out.push(s);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The sentences where at least one pattern fired, with their names. */
export function weakSentences(sentences: readonly string[], classes: LexiconClasses, only?: ReadonlySet<WeakPattern>): WeakSentence[] {
  const out: WeakSentence[] = [];
  for (const text of sentences) {
    if (LINK_LIST.test(text)) continue;
    const spans = weakSpans(text, classes).filter((s) => !only || only.has(s.pattern));
    if (spans.length) out.push({ text, spans });
  }
  return out;
}

const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));
/** The BIOES tag index of position k of a span [start, end) of type t. */
function bioesTag(t: EntityType, start: number, end: number, k: number): number {
  const type = t === 'MEDIA' ? 'ORG' : t;
  const role = end - start === 1 ? 'S' : k === start ? 'B' : k === end - 1 ? 'E' : 'I';
  return TAG_INDEX.get(`${role}-${type}`)!;
}
const ALL_TAGS = (1 << NTAGS) - 1;

/**
 * Training sentences from the weak sentences. The pattern names are sure; the tagger in `modelFile` adds its
 * names of confidence ≥ `minConf` that overlap no pattern name. `full`: those names are the labels and every other
 * character is O. `partial`: the same names are the only constraints (`allowed` masks; every other character may
 * take any tag), and the perceptron's target is the best reading under them (partial.ts).
 */
export function weakTrainingSentences(
  weak: readonly WeakSentence[],
  modelFile: string | undefined,
  minConf: number,
  mode: 'full' | 'partial' | 'free',
): TrainingSentence[] {
  const tagger = modelFile ? loadTagger(new Uint8Array(fs.readFileSync(modelFile))) : undefined;
  const gaz = gazetteerTrie();
  const out: TrainingSentence[] = [];
  for (const w of weak) {
    const n = w.text.length;
    const spans: Span[] = [...w.spans];
    const taken = new Uint8Array(n);
    for (const s of w.spans) for (let k = s.start; k < s.end; k++) taken[k] = 1;
    if (tagger)
      for (const s of tagger.tag(w.text, gaz)) {
        if (s.confidence < minConf) continue;
        let free = true;
        for (let k = s.start; k < s.end; k++) if (taken[k]) free = false;
        if (free) spans.push(s);
      }
    const tags = new Array<string>(n).fill('O');
    const allowed = mode !== 'full' ? new Uint16Array(n).fill(ALL_TAGS) : undefined;
    // `free`: the control. The same sentences, every character free: no update comes from them, but the
    // perceptron's shuffle and averaging see the same number of sentences, so a difference from it is information.
    if (mode === 'free') {
      out.push({ text: w.text, tags, allowed: allowed! });
      continue;
    }
    for (const s of spans) {
      const type = s.type === 'MEDIA' ? 'ORG' : s.type;
      for (let k = s.start; k < s.end; k++) {
        tags[k] = `${k === s.start ? 'B' : 'I'}-${type}`;
        if (allowed) allowed[k] = 1 << bioesTag(s.type, s.start, s.end, k);
      }
    }
    out.push(allowed ? { text: w.text, tags, allowed } : { text: w.text, tags });
  }
  return out;
}

/** `LexiconClasses` over a lexicon file's entries (models/lexicon.tsv). */
export function lexiconClasses(entries: readonly (readonly [string, number])[]): LexiconClasses {
  const lex = new NameLexicon(entries);
  return (w) => lex.get(w, 0, w.length);
}

/**
 * `scripts/train.ts --weak MODEL [--weak-mode full|partial|free] [--weak-conf C] [--weak-repeat K] [--weak-only P,Q]`:
 * the weak training sentences (MODEL tags the rest of each sentence; `none` for pattern names alone), each
 * repeated K times. Undefined without `--weak`.
 */
export function weakFromArgs(
  argv: readonly string[],
  corpus: string,
  lexicon: readonly (readonly [string, number])[],
): TrainingSentence[] | undefined {
  const at = argv.indexOf('--weak');
  if (at < 0) return undefined;
  const opt = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i > 0 ? argv[i + 1] : fallback;
  };
  const model = argv[at + 1] === 'none' ? undefined : argv[at + 1];
  const m = opt('weak-mode', 'partial');
  const mode = m === 'full' || m === 'free' ? m : 'partial';
  const only = argv.includes('--weak-only') ? new Set(opt('weak-only', '').split(',') as WeakPattern[]) : undefined;
  const weak = weakSentences(weakSourceSentences(corpus), lexiconClasses(lexicon), only);
  const once = weakTrainingSentences(weak, model, Number(opt('weak-conf', '0.9')), mode);
  const repeat = Number(opt('weak-repeat', '1'));
  const out: TrainingSentence[] = [];
  for (let r = 0; r < repeat; r++) out.push(...once);
  console.log(`weak labels: ${once.length} sentences (${mode}, ${weak.reduce((n, w) => n + w.spans.length, 0)} pattern names) x ${repeat}`);
  return out;
}
