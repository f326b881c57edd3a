/**
 * The entity recogniser: user dictionary, gazetteer, patterns and (when a model is given) the statistical
 * tagger, merged into one sorted, non-overlapping list of mentions with offsets into the original text.
 */
import type { EntityMention, EntityRecognizer, EntityType } from '../types';
import { abbreviationSpans, gazetteerSpans, gazetteerTrie, type Span } from './gazetteer';
import { normalizeForMatching } from '../normalize';
import {
  bylineNameSpans,
  companySpans,
  dottedNameSpans,
  growFromPlaces,
  orgContinuation,
  RARE_SURNAMES,
  roadSpans,
  splitNameRun,
  titleNameSpans,
} from './patterns';
import { Trie, TriePool } from './trie';
import { loadTagger, type Tagger } from './tagger';
import { SURNAMES } from './features';
import {
  areaSpans,
  brandSpans,
  companyStem,
  facilitySpans,
  honorificSurnameSpans,
  latinOutletSpans,
  outletSpans,
  paperSpans,
  pseudonymSpans,
} from './context-names';
import { LEX_LOC, LEX_ORG, LEX_PER, LEX_WORD, type NameLexicon } from './lexicon';
import type { WordSet } from './words';
import { RANK } from './ranks';
import {
  buildingsNotPeople,
  capitalMetonymy,
  dropGenericBodies,
  growCompanyTails,
  slotMates,
  sourceListSpans,
  splitPlaceModifiers,
  trimToArticleNames,
} from './article-level';
import { eachDistinctParagraph } from '../incremental/paragraphs';
import { dropTornSingles } from './torn-singles';
import { joinAdjacentOrganisations } from './joint-names';
import { dropProductBrands } from './product-brands';
import { accountSlots } from './account-slots';
import { completeCutNames, givenNameCharacters } from './cut-names';
import { retypeCompanyStems } from './company-stems';
import { titledMedia } from './titled-media';
import { dropTornLatin } from './torn-latin';
import { markDottedParts } from './dotted-parts';
import { growTransliterations, translitNames } from './translit';
import { markContextCompanies } from './company-contexts';
import { isHanUnit, punctuationInName, SPACE_UNIT } from './scan';
import { gateAdds, GATE_TEMPERATURE, GATE_THRESHOLDS, type GateKind } from './gates';
import { LineMarginals } from './marginals';
import { personListMates } from './person-lists';
import {
  dropAnonymised,
  dropChineseCulture,
  dropDeterminedNouns,
  dropEponyms,
  dropRareNames,
  genericCompound,
  personLike,
  trimOrdinals,
} from './not-names';
import { growOrganisationHeads } from './org-heads';
import { datelineOutlets } from './datelines';
import { mendTornCompanies } from './torn-companies';
import { splitOrganisationJoins } from './org-splits';
import { markListMates } from './list-mates';
import { countryNames } from './gazetteer-data';
import { latinNames } from './latin-names';
import { dropProductNames } from './product-names';
import { transportSpans } from './transport-names';
import { insideLonger, namedOnce, type SiteLexicon } from './copy-gates';
import { readEnumerations } from './enumerations';
import { lendListKinds } from './list-kinds';
import { inOrgLexicon, orgLexiconSpans, portalDeskSpans } from './org-lexicon';
import { markTitledCompanies } from './titled-companies';
import { copyWeakNames } from './weak-copies';
import { sourceSlotSpans } from './source-slots';
import { byStart, concatByStart, OverlapIndex, sortStable } from './overlaps';
import { anyMarked, articleMarks } from './marks';
import { moved } from './mention';

export interface RecognizerOptions {
  /** The trained tagger (models/ner.bin). Without it only the dictionary and pattern layers run. */
  model?: Uint8Array;
  /** A tagger the caller made already (decoded once per process, with a memo of tagged lines); wins over `model`. */
  tagger?: Tagger;
  /** Names the user wants recognised; they win over everything else. Either script. */
  userDictionary?: { text: string; type: EntityType }[];
  /** Rule families switched off, for the ablation table of `npm run eval` (never set by the product). */
  disable?: readonly RuleFamily[];
  /** Families that are off unless named here (OFF_BY_DEFAULT), for measuring them. */
  enable?: readonly RuleFamily[];
  /** Thresholds of the tagger-confidence gates (gates.ts) other than the shipped ones, for measuring them. */
  gates?: Partial<Record<GateKind, number>>;
  /** The temperature the gates read the tagger's marginals at (gates.ts GATE_TEMPERATURE), for measuring it. */
  gateTemperature?: number;
  /** Told every copy article consistency makes (scripts/eval/copies.ts tabulates them; never set by the product). */
  traceCopies?: (copy: CopyTrace) => void;
}

/**
 * One decision of article consistency: a name copied onto unmarked text (`copy`, or `stemCopy` when what is copied
 * is a company's stem), a model span grown to the name (`grow`, `grownFrom` its old end), or a place read as the
 * stem of a company the article names (`stemRetype`, company-stems.ts).
 */
export interface CopyTrace {
  kind: 'copy' | 'stemCopy' | 'grow' | 'stemRetype';
  start: number;
  end: number;
  type: EntityType;
  /** The mention whose reading is copied (for `stemRetype`, the place retyped). */
  from: EntityMention;
  grownFrom?: number;
  /** How many mentions of the copied string the article had before the copies. */
  readings?: number;
}

/** The parts of the recogniser that can be switched off one at a time to measure what each is worth. */
export const RULE_FAMILIES = [
  'gazetteer',
  'placeGrowth',
  'dottedNames',
  'titleNames',
  'bylines',
  'companies',
  'abbreviations',
  'roads',
  'consistency',
  'discovery',
  'honorifics',
  'pseudonyms',
  'outlets',
  'facilities',
  'tornCharacters',
  'remainders',
  'lexiconFeatures',
  'placeModifiers',
  'sourceLists',
  'slots',
  'genericNouns',
  'metonymy',
  'articleNames',
  'buildings',
  'tornSingles',
  'jointNames',
  'productBrands',
  'accountSlots',
  'cutNames',
  'genericPlaces',
  'companyStems',
  'titledMedia',
  'tornLatin',
  'dottedParts',
  'translit',
  'translitContext',
  'contextCompanies',
  'personLists',
  'anonymised',
  'eponyms',
  'chineseCulture',
  'rareNames',
  'ordinals',
  'determinedNouns',
  'personCopies',
  'genericCopies',
  'orgHeads',
  'datelines',
  'tornCompanies',
  'orgSplits',
  'listMates',
  'latinTerms',
  'latinHandles',
  'latinMates',
  'productNames',
  'transport',
  'copySites',
  'stemNames',
  'seenNames',
  'listKinds',
  'orgLexicon',
  'titledCompanies',
  'portalDesks',
  'weakCopies',
  'sourceSlots',
] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];
/**
 * Families measured and not shipped (docs/entities.md, "Fifth round: transliterations"; "Seventh round: silver pages":
 * `ordinals` follows one silver label against MSRA's convention, which keeps 第八届 in the name 13 times in test;
 * "Eighth round": `stemNames` gains on MSRA train read as articles and would cut the issue's own 澄星科技 … 澄星;
 * `seenNames` gains there too and loses six right copies on MSRA test; `listKinds` changes no gold, silver or MSRA
 * test mention).
 */
export const OFF_BY_DEFAULT: readonly RuleFamily[] = ['translitContext', 'ordinals', 'stemNames', 'seenNames', 'listKinds'];

type Source = EntityMention['source'];
export interface Candidate extends Span {
  source: Source;
  confidence: number;
  rank: number;
  /** The kind of merge decision the tagger's marginals may veto (gates.ts), for a candidate that adds a name. */
  gate?: GateKind;
}

/** Bodies every state has: a place before them stays part of the name (乌克兰外交部). */
/** Owners that name no one country: a body after them (两国外交部) is generic. The list form 外交部、国防部 follows. */
const GENERIC_OWNER = /(?:两国|各国|双方|该国|本国|多国)的?(?:[^，。；]{0,6}、)?$/u;
const GENERIC_BODY = /(?:部|院|会|局|署|厅|政府|议会|大使馆|领事馆|法院|警察局)$/u;

/** Characters that end a name's right context rather than continue the name (function words, verbs of saying). */
export const NOT_GIVEN_NAME = new Set([
  ...'的了在和与及是为将把被让从到于也都就已曾会要并而但或等由给以使向对说称表示同时认问道指强透介答告回这那其该每各等所',
]);
/** What usually follows a person's name: speech verbs, kinship, titles, particles. */
const NAME_RIGHT_CONTEXT =
  /^(?:说|表示|称|指出|认为|介绍|告诉|透露|回忆|女儿|儿子|妻子|丈夫|父亲|母亲|先生|女士|老师|老人|同志|教授|的|在|是|和|与|曾|还|也|就|生前|作|[，、。：；！？“])/u;

/** The tail of a place that is itself a place (so the hierarchy is split): 东区, 永康区, 崇明路. */
const PLACE_TAIL = /(?:区|路|街|镇|乡|村|县|市|省|州|大道|巷)$/u;

/** A compass part after a place (湖北西北部 = 湖北 + 西北部): the longest real compass word, so 北 in 湖北 stays. */
const COMPASS_PART = /^(.{2,}?)(?:东南|东北|西南|西北|中南|中东|中西|中北|东|南|西|北|中)部$/u;

const LIST_SURNAMES: ReadonlySet<string> = new Set([...SURNAMES, ...RARE_SURNAMES]);

const SOURCE_RANK: Record<Source, number> = {
  user: RANK.USER,
  gazetteer: RANK.GAZETTEER,
  pattern: RANK.PATTERN,
  model: RANK.MODEL,
  lexicon: RANK.MODEL,
  consistency: RANK.MODEL,
  article: RANK.MODEL,
};

/** Lines longer than this are tagged in slices so one huge line cannot blow up the decoder's memory. */
const MAX_SLICE = 4096;
const HAN_RE = /\p{Script=Han}/u;
/** An honorific whose first character a person's name took (汪勇[先]生). */
const HONORIFIC_AFTER = /^(?:先生|女士|小姐|太太|夫人|老师|教授|医生|师傅|阿姨)/u;
/** Before a one-character place abbreviation: 在京, 访华, 赴台, 驻港, and function words (的中巴, 对华). */
const TRAVEL_BEFORE = new Set([...'在赴访驻抵离回返来到旅的了是和与及对向为以把被从将']);
/** The tagger's confidence above which a one-character place is kept where it could also end a word. */
const CONFIDENT_SINGLE = 0.9;
/** Two organisations with the same kind of ending, joined by a conjunction. */
const ORG_PAIR = /^(\p{Script=Han}{2,}?[院所局会司行校馆厂部团])[及和与](\p{Script=Han}{2,}[院所局会司行校馆厂部团])$/u;

/**
 * Work arrays of one paragraph (a line: thousands per page), reused from line to line: recognition is synchronous
 * and a fresh typed array per line and pass cost more than the pass itself. Each holds its first n entries only.
 */
let taggedScratch = new Uint8Array(0);
let takenScratch = new Uint8Array(0);
let ownerScratch = new Int32Array(0);
let mendScratch = new Uint8Array(0);
function zeroed(a: Uint8Array<ArrayBuffer>, n: number): Uint8Array<ArrayBuffer> {
  if (a.length < n) return new Uint8Array(Math.max(n, a.length * 2));
  return a.fill(0, 0, n);
}

export function createEntityRecognizer(options: RecognizerOptions = {}): EntityRecognizer {
  let tagger: Tagger | undefined;
  let modelError: string | undefined;
  try {
    tagger = options.tagger ?? (options.model ? loadTagger(options.model) : undefined);
  } catch (e) {
    // A model from another build (different feature version) must not take entity recognition down with it:
    // the dictionary and pattern layers still work, and `name` says why the model is not used.
    modelError = e instanceof Error ? e.message : String(e);
  }
  const user = new Trie<EntityType>();
  for (const e of options.userDictionary ?? []) {
    const key = normalizeForMatching(e.text.trim());
    if (key) user.set(key, e.type);
  }
  const gaz = gazetteerTrie();
  const off = new Set<RuleFamily>([...OFF_BY_DEFAULT.filter((f) => !options.enable?.includes(f)), ...(options.disable ?? [])]);
  const gates = { ...GATE_THRESHOLDS, ...options.gates };
  const temperature = options.gateTemperature ?? GATE_TEMPERATURE;
  const paragraph = (text: string, norm: string) => recognizeParagraph(text, norm, user, gaz, tagger, off, gates, temperature);
  const article = (mentions: EntityMention[], text: string, norm: string) =>
    recognizeArticle(mentions, text, norm, gaz, tagger, off, gates, options.traceCopies);
  return {
    name: tagger ? 'gazetteer+patterns+model' : modelError ? `gazetteer+patterns (model not used: ${modelError})` : 'gazetteer+patterns',
    recognize(text: string, normalized?: string): EntityMention[] {
      const norm = normalized ?? normalizeForMatching(text);
      // Pages repeat lines (menus, captions, related lists): within one text each distinct line is read once.
      return article(eachDistinctParagraph(text, norm, paragraph), text, norm);
    },
    paragraph,
    article,
  };
}

/** A candidate of one shape whatever the span it is made from (a spread copies each source's shape and extras). */
function candidate(s: Span, source: Source, confidence: number, rank: number, gate?: GateKind): Candidate {
  return { start: s.start, end: s.end, type: s.type, source, confidence, rank, gate };
}

/**
 * `candidate` of each span onto `cands`. An indexed loop: `recognizeParagraph` is too large for the optimising
 * compiler, and a `for…of` there made an iterator and a result object per name (a sixth of its allocation).
 */
function addAll(cands: Candidate[], spans: readonly Span[], source: Source, confidence: number, rank: number, gate?: GateKind): void {
  for (let i = 0; i < spans.length; i++) cands.push(candidate(spans[i], source, confidence, rank, gate));
}

/*
 * The loops of `recognizeParagraph`, each in a function of its own, so that `recognizeParagraph` has no loop: V8
 * (Node 20) compiles a long-running loop of a function still in the interpreter on the stack ("OSR"), keeps that code
 * after it deoptimises, and enters it again at the loop's back edge on every later call. In one process in four to
 * ten it compiled `recognizeParagraph` at its tagger-marks loop with an `addAll` inlined that had not yet seen every
 * array map, and that code then deoptimised ("wrong map" on `spans.length`) 800-930 times, each time running the
 * rest of the line in the interpreter (docs/performance.md, eleventh round: the recognizeParagraph storm).
 */

/** Each user-dictionary name of the line, longest first from left to right. */
export function addUserNames(cands: Candidate[], user: Trie<EntityType>, norm: string): void {
  for (let i = 0; i < norm.length;) {
    const m = user.longestAt(norm, i);
    if (m) {
      cands.push(candidate({ start: i, end: m.end, type: m.value }, 'user', 1, SOURCE_RANK.user));
      i = m.end;
    } else i++;
  }
}

/** 1 over each span's extent in `marks`. */
export function markSpans(marks: Uint8Array, spans: readonly Span[]): void {
  for (let i = 0; i < spans.length; i++) marks.fill(1, spans[i].start, spans[i].end);
}

/** The CC-CEDICT organisations as list names (a weak one only where the tagger runs). */
export function addLexiconOrgs(cands: Candidate[], lexOrgs: readonly Span[], tagged: boolean): void {
  for (let i = 0; i < lexOrgs.length; i++) {
    const s = lexOrgs[i];
    if (tagged || !s.weak) cands.push(candidate(s, 'gazetteer', 0.9, RANK.GAZETTEER));
  }
}

/** `addAll` of facility or area spans, each span's type kept in `types` by "start:end" (made at the first span). */
export function addPlaces(
  cands: Candidate[],
  spans: readonly Span[],
  types: Map<string, EntityType> | undefined,
): Map<string, EntityType> | undefined {
  addAll(cands, spans, 'pattern', 0.7, RANK.PLACE_NAMED);
  for (let i = 0; i < spans.length; i++) (types ??= new Map()).set(`${spans[i].start}:${spans[i].end}`, spans[i].type);
  return types;
}

/** The tagger's names: a run of list surnames split into its people, an organisation continued by a second unit. */
export function addModelNames(cands: Candidate[], model: (Span & { confidence: number })[], norm: string): void {
  for (let i = 0; i < model.length; i++) {
    const s = model[i];
    if (s.type === 'PER') {
      const pieces = splitNameRun(norm.slice(s.start, s.end), LIST_SURNAMES);
      if (pieces) {
        for (const [a, b] of pieces)
          cands.push(candidate({ start: s.start + a, end: s.start + b, type: 'PER' }, 'model', s.confidence, SOURCE_RANK.model));
        continue;
      }
    }
    // 永康分局 + 盐行派出所: a second unit continues the organisation the model found.
    if (s.type === 'ORG') s.end += orgContinuation(norm, s.end);
    cands.push(candidate(s, 'model', s.confidence, SOURCE_RANK.model));
  }
}

/** The gate of each candidate without one, by its source (gates.ts). */
export function gateBySource(cands: Candidate[]): void {
  for (const c of cands)
    if (!c.gate) c.gate = c.source === 'gazetteer' ? 'gazetteerAdd' : c.source === 'pattern' ? 'patternAdd' : undefined;
}

/** 武汉体育中心: where a fuller organisation reading won the same span, the facility's ending still gives its type. */
export function retypeFacilities(resolved: EntityMention[], types: ReadonlyMap<string, EntityType>): void {
  for (const m of resolved) {
    const type = m.source !== 'user' ? types.get(`${m.start}:${m.end}`) : undefined;
    if (type) m.type = type;
  }
}

/**
 * The per-paragraph half of the recogniser (what one paragraph says on its own, cached per paragraph by the
 * editor: service/incremental/paragraphs.ts): model, gazetteer, patterns, resolve, torn characters.
 */
function recognizeParagraph(
  text: string,
  norm: string,
  user: Trie<EntityType>,
  gaz: Trie<EntityType>,
  tagger: Tagger | undefined,
  off: ReadonlySet<RuleFamily>,
  gates: Readonly<Record<GateKind, number>>,
  temperature: number,
): EntityMention[] {
  const cands: Candidate[] = [];
  if (user.size) addUserNames(cands, user, norm);
  let model: (Span & { confidence: number })[] = [];
  if (tagger) model = tagAll(tagger, norm, gaz, off.has('lexiconFeatures'));
  let gazSpans = off.has('gazetteer') ? [] : gazetteerSpans(norm, gaz);
  // A word of the tagger's induced lexicon at norm[a, a + len): where a company name may not stop (org-lexicon.ts).
  const inducedWord = tagger?.words ? (a: number, len: number) => tagger.words!.has(norm, a, len) : undefined;
  // CC-CEDICT's companies and outlets (org-lexicon.ts): checked like the gazetteer's names below.
  let lexOrgs = off.has('orgLexicon') ? [] : orgLexiconSpans(norm, inducedWord);
  const lexNames = tagger?.names;
  let taggedMarks: Uint8Array | undefined;
  if (tagger) {
    // A name that is also a common word (联想 in 联想到) counts only where the tagger also sees a name there.
    const tagged = (taggedMarks = taggedScratch = zeroed(taggedScratch, norm.length));
    markSpans(tagged, model);
    // (The tests below are closures over the line: made only for a line with a list name to test, not the many without.)
    if (gazSpans.length || lexOrgs.length) {
      // 发展[中国]家, 其[中国]有, 万[人大]签名: where the tagger sees no name, a name whose edge cuts through a word
      // of the model's lexicon is a segmentation accident, not a mention.
      const words = tagger.words;
      const cutsWord = (s: Span): boolean => {
        // A list name of four characters or more (央视新闻 before 的报道) is no segmentation accident.
        if (!words || s.end - s.start >= 4) return false;
        // Three- and four-character words only: the two-character ones (省长 in 吉林省长春市) are too often accidents.
        for (let len = 3; len <= 4; len++) {
          for (let a = s.start - len + 1; a < s.start; a++) if (a >= 0 && a + len < s.end && words.has(norm, a, len)) return true;
          for (let a = s.start + 1; a < s.end; a++) if (a + len > s.end && words.has(norm, a, len)) return true;
        }
        return false;
      };
      gazSpans = gazSpans.filter((s) => anyMarked(tagged, s.start, s.end) || (!s.weak && !cutsWord(s)));
      // The tagger's names that overlap a lexicon name, by position (a long line holds dozens of each): the answers of
      // a test of every name, made when the first lexicon name asks.
      let modelIndex: OverlapIndex<Span> | undefined;
      const overModel = (s: Span, test: (m: Span) => boolean) => (modelIndex ??= new OverlapIndex(model)).some(s.start, s.end, test);
      // A longer name the tagger found around a lexicon name (泰晤士河, 四川长虹, 中国近现代史博物馆) is that name.
      const inside = (s: Span) => overModel(s, (m) => m.start <= s.start && m.end >= s.end && m.end - m.start > s.end - s.start);
      // A name that is also a word of the tagger's training text (美的 in 最美的, 大发) is weak too.
      const wordLike = (s: Span) => s.weak || !!words?.has(norm, s.start, s.end - s.start);
      // …and so is one whose edge character makes a word with its neighbour (新浪 in 新[浪漫]号), or that lies inside a
      // longer word (箭牌 in 挡箭牌).
      const isWordAt = dictionaryWord(tagger, norm);
      // (A function character next to it makes no word: 的歌 of 的[歌诗达邮轮] is a pair of the induced lexicon only.)
      const torn = (s: Span) =>
        (!NOT_GIVEN_NAME.has(norm[s.start - 1]) && isWordAt(s.start - 1, 2)) ||
        (!NOT_GIVEN_NAME.has(norm[s.end]) && isWordAt(s.end - 1, 2));
      const withinWord = (s: Span) => insideLonger(norm, s.start, s.end, { isWord: isWordAt, isName: () => false });
      // The tagger's support is a name of exactly this extent (访[美]的 is no 美的, [我国]共产党 no 国共).
      const taggedSame = (s: Span) => overModel(s, (m) => m.start === s.start && m.end === s.end);
      lexOrgs = lexOrgs.filter((s) => !inside(s) && (taggedSame(s) || (!wordLike(s) && !torn(s) && !cutsWord(s) && !withinWord(s))));
    }
  }
  const grown = off.has('placeGrowth') ? [] : growFromPlaces(norm, gazSpans);
  const wordAt = tagger?.words
    ? (a: number, len: number) => tagger.words!.has(norm, a, len) || !!((lexNames?.get(norm, a, len) ?? 0) & LEX_WORD)
    : undefined;
  const taken = (takenScratch = zeroed(takenScratch, norm.length));
  markSpans(taken, gazSpans);
  const abbr = off.has('abbreviations') ? [] : abbreviationSpans(norm, taken);

  // The line's list and tagger names, for the three families that read them all (one array, made when one asks).
  let listedAndTagged: Span[] | undefined;
  const allNames = () => (listedAndTagged ??= (gazSpans as Span[]).concat(model));
  addAll(cands, gazSpans, 'gazetteer', 1, SOURCE_RANK.gazetteer);
  addLexiconOrgs(cands, lexOrgs, !!tagger);
  // A pattern name built on a known one (新浪 + 科技): above the company pattern that the known 新浪 would promote, and
  // gated as the list name it is built on.
  if (!off.has('portalDesks')) addAll(cands, portalDeskSpans(norm, inducedWord), 'pattern', 0.8, RANK.PATTERN_FULLER, 'gazetteerAdd');
  // An outlet named as the source (据锌财经报道): as sure as the outlet patterns, whatever its ending; a tagger ORG there
  // is the outlet read as a company.
  if (!off.has('sourceSlots') && wordAt)
    addAll(
      cands,
      sourceSlotSpans(norm, wordAt, () =>
        (gazSpans as Span[]).concat(
          lexOrgs,
          abbr,
          model.filter((m) => m.type !== 'ORG'),
        ),
      ),
      'pattern',
      0.8,
      RANK.OUTLET,
    );
  addAll(cands, grown, 'pattern', 0.9, SOURCE_RANK.pattern);
  if (!off.has('dottedNames')) addAll(cands, dottedNameSpans(norm), 'pattern', 0.9, SOURCE_RANK.pattern);
  if (!off.has('titleNames')) addAll(cands, titleNameSpans(norm), 'pattern', 0.75, SOURCE_RANK.pattern);
  if (!off.has('bylines')) addAll(cands, bylineNameSpans(norm, SURNAMES), 'pattern', 0.8, SOURCE_RANK.pattern);
  if (!off.has('companies') && tagger?.words)
    addAll(
      cands,
      brandSpans(norm, tagger.words, lexNames ? (a, len) => !!(lexNames.get(norm, a, len) & LEX_WORD) : undefined),
      'pattern',
      0.6,
      RANK.GAP_FILLER,
      'companyAdd',
    );
  if (!off.has('companies')) addAll(cands, companySpans(norm, gazSpans), 'pattern', 0.6, RANK.GAP_FILLER, 'companyAdd');
  // Below the other patterns, just above the model; inside a longer model organisation resolve drops the pair (美中 in
  // 美中贸易全国委员会). The rank alone does not make a pair yield to a model name of another type.
  addAll(cands, abbr, 'pattern', 0.8, RANK.ABBREVIATION);
  // Above the gazetteer: a road is named after places and people (中山路, 中华东路) and the name is the whole road.
  if (!off.has('roads')) addAll(cands, roadSpans(norm, allNames()), 'pattern', 0.7, RANK.PLACE_NAMED);
  if (!off.has('honorifics'))
    // The dictionary's words only: the induced lexicon holds function-word pairs (的陈) that would hide 的陈小姐.
    addAll(
      cands,
      honorificSurnameSpans(norm, LIST_SURNAMES, lexNames ? (a, len) => !!(lexNames.get(norm, a, len) & LEX_WORD) : undefined),
      'pattern',
      0.7,
      RANK.GAP_FILLER,
    );
  if (!off.has('pseudonyms')) addAll(cands, pseudonymSpans(norm, LIST_SURNAMES), 'pattern', 0.8, RANK.OUTLET);
  if (!off.has('sourceLists'))
    addAll(
      cands,
      sourceListSpans(norm, (a, b) => gazSpans.some((g) => g.start === a && g.end === b && g.type === 'MEDIA')),
      'pattern',
      0.75,
      RANK.OUTLET,
    );
  if (!off.has('outlets')) {
    addAll(cands, outletSpans(norm, gazSpans), 'pattern', 0.8, RANK.OUTLET);
    addAll(cands, latinOutletSpans(norm), 'pattern', 0.8, RANK.OUTLET);
    // Below the gazetteer: a known outlet's own name (人民日报) stays as the list has it.
    addAll(cands, paperSpans(norm), 'pattern', 0.7, RANK.PAPER);
  }
  // Above the gazetteer, as roads are: the place is part of the facility's name (南沙 in 南沙国际邮轮母港).
  // (Made when a facility is found: most lines have none.)
  let facilityType: Map<string, EntityType> | undefined;
  if (!off.has('facilities')) {
    facilityType = addPlaces(cands, facilitySpans(norm, allNames(), wordAt), facilityType);
    facilityType = addPlaces(
      cands,
      areaSpans(norm, model, gazSpans, (a, b) => !!((lexNames?.get(norm, a, b - a) ?? 0) & LEX_LOC)),
      facilityType,
    );
  }
  // Above the promoted fuller names: the whole road replaces the pieces the tagger and the lists tore it into (京 + 沪).
  if (!off.has('transport'))
    addAll(
      cands,
      transportSpans(norm, {
        names: allNames(),
        organisations: model.filter((m) => m.type === 'ORG'),
        lexiconName: lexNames ? (a, len, person) => !!(lexNames.get(norm, a, len) & (person ? LEX_LOC | LEX_PER : LEX_LOC)) : undefined,
        isWord: wordAt,
      }),
      'pattern',
      0.7,
      RANK.TRANSPORT,
    );
  addModelNames(cands, model, norm);

  // A name added where the tagger read none needs the tagger's marginals to be not negligible there (gates.ts; all
  // off as shipped, set for measuring).
  if (tagger && taggedMarks && (gates.companyAdd > 0 || gates.patternAdd > 0 || gates.gazetteerAdd > 0)) {
    gateBySource(cands);
    gateAdds(cands, taggedMarks, () => new LineMarginals(tagger, norm, gaz, off.has('lexiconFeatures'), temperature), gates);
  }
  const resolved = resolve(cands, text, norm, lexiconCommonWord(lexNames, norm));
  if (facilityType) retypeFacilities(resolved, facilityType);
  return tagger && !off.has('tornCharacters') ? mendTorn(resolved, text, norm, tagger) : resolved;
}

/** The article-level half: the passes that read every paragraph's mentions at once (article-level.ts, lexicon marks, new names, one reading per name). */
function recognizeArticle(
  paragraphs: EntityMention[],
  text: string,
  norm: string,
  gaz: Trie<EntityType>,
  tagger: Tagger | undefined,
  off: ReadonlySet<RuleFamily>,
  gates: Readonly<Record<GateKind, number>>,
  trace?: (copy: CopyTrace) => void,
): EntityMention[] {
  const levelled = articleLevel(paragraphs, text, norm, gaz, tagger, off);
  const joined = off.has('jointNames') ? levelled : joinAdjacentOrganisations(levelled, text);
  const merged = tagger?.words && !off.has('datelines') ? datelineOutlets(joined, text, norm, dictionaryWord(tagger, norm)) : joined;
  if (tagger?.names) markLexicon(merged, norm, tagger);
  // The article's enumerations, read once for the families that read lists (enumerations.ts).
  const lists = readEnumerations(norm);
  const listed =
    tagger?.words && !off.has('personLists')
      ? personListMates(merged, text, norm, (c) => SURNAMES.has(c), dictionaryWord(tagger, norm), lists)
      : merged;
  const found = tagger?.words && !off.has('discovery') ? discoverNames(listed, text, norm, tagger.words) : listed;
  // Before the spread, so a company its officer names (紫光展锐高级副总裁周晨) is marked at its other mentions too.
  const discovered =
    tagger?.words && !off.has('titledCompanies') ? markTitledCompanies(found, text, norm, dictionaryWord(tagger, norm)) : found;
  // Before the spread: a Latin word the article defines as a term is not copied, a Latin name it defines is.
  const latin = latinNames(discovered, text, norm, {
    off,
    listedType: (a, b) => gaz.allAt(norm, a).find((x) => x.end === b)?.value,
    lists,
  });
  const unproduced = off.has('productNames') ? latin : dropProductNames(latin, norm);
  const copied = off.has('consistency')
    ? unproduced
    : propagate(
        unproduced,
        text,
        norm,
        tagger,
        !off.has('remainders'),
        gates.copyAdd,
        !off.has('personCopies'),
        !off.has('genericCopies'),
        {
          trace,
          sites: tagger?.words && !off.has('copySites') ? siteLexicon(tagger, norm) : undefined,
          stemNames: !off.has('stemNames'),
          seenNames: !off.has('seenNames'),
        },
      );
  // Listed companies that are also words (小米), once the article has confirmed them, and listed companies' stems.
  const copiedWeak =
    tagger?.words && !off.has('weakCopies')
      ? copyWeakNames(copied, text, norm, dictionaryWord(tagger, norm), (w) => gaz.longestAt(w, 0)?.end === w.length || inOrgLexicon(w))
      : copied;
  const grownOrgs = tagger?.words && !off.has('orgHeads') ? orgHeads(copiedWeak, text, norm, tagger) : copiedWeak;
  const mendedOrgs = off.has('tornCompanies') ? grownOrgs : mendTornCompanies(grownOrgs, text, norm, LIST_SURNAMES);
  const splitOrgs = off.has('orgSplits') ? mendedOrgs : orgSplits(mendedOrgs, text, norm, gaz, tagger);
  const propagated =
    !tagger?.words || off.has('listMates')
      ? splitOrgs
      : markListMates(splitOrgs, text, norm, dictionaryWord(tagger, norm), lists, (c) => SURNAMES.has(c));
  const lent =
    !tagger?.words || off.has('listKinds')
      ? propagated
      : lendListKinds(propagated, text, norm, lists, {
          place: (a, len) =>
            !!((tagger.names?.get(norm, a, len) ?? 0) & LEX_LOC) || gaz.allAt(norm, a).some((x) => x.end === a + len && x.value === 'LOC'),
          isWord: dictionaryWord(tagger, norm),
        });
  const completed = tagger?.words && tagger.trainingNames && !off.has('cutNames') ? completeNames(lent, text, norm, tagger) : lent;
  const retyped = off.has('companyStems') ? completed : retypeCompanyStems(completed, norm, (s) => knownName(s, tagger));
  if (trace && retyped !== completed)
    retyped.forEach(
      (m, i) => m !== completed[i] && trace({ kind: 'stemRetype', start: m.start, end: m.end, type: m.type, from: completed[i] }),
    );
  const companies = tagger?.words && !off.has('contextCompanies') ? contextCompanies(retyped, text, norm, tagger) : retyped;
  const titled = off.has('titledMedia') ? companies : titledMedia(companies, text, norm);
  const untorn = off.has('tornLatin') ? titled : dropTornLatin(titled, text, norm);
  const parts = tagger?.words && !off.has('dottedParts') ? dottedParts(untorn, text, norm, tagger) : untorn;
  const out = tagger?.words ? translit(parts, text, norm, tagger, off) : parts;
  const mended = tagger?.names && !off.has('tornSingles') ? dropTornSingles(out, norm, tagger.names) : out;
  const products = off.has('productBrands') ? mended : dropProductBrands(mended, text);
  const names = tagger?.names;
  const commonWord = lexiconCommonWord(names, norm);
  const slots = !names || off.has('accountSlots') ? products : accountSlots(products, text, norm, (a, b) => commonWord(a, b - a));
  return notNames(slots, text, norm, names, off);
}

/** Last, so no pass before it can bring them back: the guidelines' non-names (not-names.ts). */
function notNames(
  mentions: EntityMention[],
  text: string,
  norm: string,
  names: NameLexicon | undefined,
  off: ReadonlySet<RuleFamily>,
): EntityMention[] {
  let out = mentions;
  const listed = (a: number, len: number) => !!((names?.get(norm, a, len) ?? 0) & (LEX_PER | LEX_LOC | LEX_ORG));
  if (!off.has('rareNames')) out = dropRareNames(out, norm, listed);
  if (!off.has('determinedNouns')) out = dropDeterminedNouns(out, norm, listed);
  if (!off.has('ordinals')) out = trimOrdinals(out, text, norm);
  if (!off.has('anonymised')) out = dropAnonymised(out, norm);
  if (!off.has('eponyms')) out = dropEponyms(out, norm);
  if (!off.has('chineseCulture')) out = dropChineseCulture(out, norm);
  return out;
}

/** Whether the tagger saw `name` as a name in training (its training-name lexicon holds exactly this string). */
function seenInTraining(tagger: Tagger | undefined, name: string): boolean {
  return !!tagger?.trainingNames?.allAt(name, 0).some((x) => x.end === name.length);
}

/** The dictionaries a copy site is read against (copy-gates.ts): the model's words, and the lexicons' and the gazetteer's names. */
function siteLexicon(tagger: Tagger, norm: string): SiteLexicon {
  const names = tagger.names;
  const gaz = gazetteerTrie();
  return {
    isWord: dictionaryWord(tagger, norm),
    isName: (a, len) => !!((names?.get(norm, a, len) ?? 0) & (LEX_PER | LEX_LOC | LEX_ORG)) || gaz.longestEnd(norm, a) === a + len,
  };
}

/** A gazetteer place or a person of the lexicons: a company stem that is one keeps that reading (company-stems.ts). */
function knownName(stem: string, tagger: Tagger | undefined): boolean {
  return !!gazetteerTrie().longestAt(stem, 0) || !!((tagger?.names?.get(stem, 0, stem.length) ?? 0) & LEX_PER);
}

/** An everyday word of the name lexicon that is no name (jieba's common words) at a..a+len of norm. */
function lexiconCommonWord(names: NameLexicon | undefined, norm: string): (a: number, len: number) => boolean {
  return (a, len) => (names?.get(norm, a, len) ?? 0) === LEX_WORD;
}

/** A word of the model's dictionaries (its word set, or a name-lexicon entry that is also a common word) at a..a+len of norm. */
function dictionaryWord(tagger: Tagger, norm: string): (a: number, len: number) => boolean {
  const words = tagger.words;
  const names = tagger.names;
  return (a, len) => a >= 0 && a + len <= norm.length && (!!words?.has(norm, a, len) || !!((names?.get(norm, a, len) ?? 0) & LEX_WORD));
}

/** The parts of dotted foreign names used alone (dotted-parts.ts), with the model's dictionaries. */
function dottedParts(mentions: EntityMention[], text: string, norm: string, tagger: Tagger): EntityMention[] {
  const isWord = dictionaryWord(tagger, norm);
  return markDottedParts(mentions, text, norm, isWord);
}

/** Transliterated names nobody lists (translit.ts), with the model's dictionaries as the words they must not be. */
function translit(mentions: EntityMention[], text: string, norm: string, tagger: Tagger, off: ReadonlySet<RuleFamily>): EntityMention[] {
  const words = tagger.words!;
  const commonWord = lexiconCommonWord(tagger.names, norm);
  const isWord = (a: number, len: number) => a >= 0 && a + len <= norm.length && (words.has(norm, a, len) || commonWord(a, len));
  const grown = off.has('translit') ? mentions : growTransliterations(mentions, text, norm, { isWord });
  return off.has('translitContext') ? grown : translitNames(grown, text, norm, { isWord });
}

/** Organisations grown over the unit heads after them (org-heads.ts); a modifier's words are the dictionaries' words and names. */
function orgHeads(mentions: EntityMention[], text: string, norm: string, tagger: Tagger): EntityMention[] {
  const isWord = dictionaryWord(tagger, norm);
  const names = tagger.names;
  return growOrganisationHeads(mentions, text, norm, (a, len) => isWord(a, len) || !!names?.get(norm, a, len));
}

let countries: ReadonlySet<string> | undefined;
/** Organisations joined with a place or a venue (org-splits.ts); a place is the gazetteer's or the lexicons'. */
function orgSplits(
  mentions: EntityMention[],
  text: string,
  norm: string,
  gaz: Trie<EntityType>,
  tagger: Tagger | undefined,
): EntityMention[] {
  const names = tagger?.names;
  // A lexicon place that is also an everyday word (城市) is no place here.
  const isPlace = (a: number, b: number) =>
    gaz.allAt(norm, a).some((x) => x.end === b && x.value === 'LOC') ||
    ((names?.get(norm, a, b - a) ?? 0) & (LEX_LOC | LEX_WORD)) === LEX_LOC;
  return splitOrganisationJoins(mentions, text, norm, isPlace, countries ?? (countries = countryNames()));
}
/** Companies nobody listed, read off the contexts organisations stand in (company-contexts.ts), with the model's dictionaries. */
function contextCompanies(mentions: EntityMention[], text: string, norm: string, tagger: Tagger): EntityMention[] {
  const isWord = dictionaryWord(tagger, norm);
  return markContextCompanies(mentions, text, norm, isWord);
}

/** Three-character names the tagger cut to two (cut-names.ts), with the model's dictionaries and training names. */
function completeNames(mentions: EntityMention[], text: string, norm: string, tagger: Tagger): EntityMention[] {
  const isWord = dictionaryWord(tagger, norm);
  return completeCutNames(mentions, text, norm, isWord, SURNAMES, NOT_GIVEN_NAME, () => givenNameCharacters(tagger.trainingNames!));
}

/** The article-level passes (article-level.ts), in order: each reads the mentions the one before it left. */
function articleLevel(
  mentions: EntityMention[],
  text: string,
  norm: string,
  gaz: Trie<EntityType>,
  tagger: Tagger | undefined,
  off: ReadonlySet<RuleFamily>,
): EntityMention[] {
  let out = mentions;
  const lexicon = tagger?.names;
  if (lexicon && !off.has('genericNouns')) out = dropGenericBodies(out, norm, lexicon, !off.has('genericPlaces'));
  if (!off.has('placeModifiers')) {
    const isPlace = (a: number, b: number) =>
      gaz.allAt(norm, a).some((x) => x.end === b && x.value === 'LOC') || !!((lexicon?.get(norm, a, b - a) ?? 0) & LEX_LOC);
    const isWord = (a: number, len: number) => !!tagger?.words?.has(norm, a, len) || !!((lexicon?.get(norm, a, len) ?? 0) & LEX_WORD);
    out = splitPlaceModifiers(out, text, norm, isPlace, isWord);
  }
  if (!off.has('slots')) out = slotMates(out, text, norm, lexiconCommonWord(lexicon, norm));
  if (!off.has('buildings')) buildingsNotPeople(out, norm);
  if (tagger?.words && !off.has('articleNames')) out = trimToArticleNames(out, text, norm, tagger.words);
  if (!off.has('companies')) growCompanyTails(out, text, norm);
  if (!off.has('metonymy')) capitalMetonymy(out, norm);
  return out;
}

const LEX_BIT: Record<EntityType, number> = { PER: LEX_PER, LOC: LEX_LOC, ORG: LEX_ORG, MEDIA: LEX_ORG };

/** A model name that is also an entry of its class in the external lexicons came from the lexicon as much as the model. */
function markLexicon(mentions: EntityMention[], norm: string, tagger: Tagger): void {
  const names = tagger.names!;
  for (const m of mentions) {
    if (m.source === 'model' && names.get(norm, m.start, m.end - m.start) & LEX_BIT[m.type]) m.source = 'lexicon';
  }
}

/**
 * No torn characters, no generic nouns: a model name that takes one character of the word before it (小[哥汪勇])
 * or after it (汪勇[先]生) gives it back; a one-character model name that is half of a word (母[港], [日]前) is
 * dropped; and an organisation or place that is a plain word of the induced lexicon and no known name of any
 * kind (酒店, 邮政局, 工作组) is a generic noun.
 */
export function mendTorn(mentions: EntityMention[], text: string, norm: string, tagger: Tagger): EntityMention[] {
  const words = tagger.words;
  if (!words) return mentions;
  // Only the model's names are mended: a line without one (most short lines) keeps its array.
  let model = false;
  for (let i = 0; i < mentions.length && !model; i++) model = mentions[i].source === 'model';
  if (!model) return mentions;
  const names = tagger.names;
  // A word of the dictionary (jieba's common words) or of the lexicon induced from the training text.
  const isWord = (a: number, len: number): boolean => a >= 0 && (words.has(norm, a, len) || !!((names?.get(norm, a, len) ?? 0) & LEX_WORD));
  // A name of some class in the external lexicons, or a name seen in training.
  const known = (a: number, b: number): boolean => {
    if ((names?.get(norm, a, b - a) ?? 0) & (LEX_PER | LEX_LOC | LEX_ORG)) return true;
    const t = tagger.trainingNames;
    return !!t && t.allAt(norm, a).some((x) => x.end === b);
  };
  const out: EntityMention[] = [];
  const taken = (mendScratch = zeroed(mendScratch, norm.length));
  for (const m of mentions) taken.fill(1, m.start, m.end);
  // Where a one-character mention starts (made when a one-character model name first needs it).
  let singleAt: Set<number> | undefined;
  for (const m of mentions) {
    if (m.source !== 'model') {
      out.push(m);
      continue;
    }
    let { start, end } = m;
    if (m.type === 'PER' && end - start >= 3 && !known(start, end)) {
      if (start > 0 && !taken[start - 1] && isWord(start - 1, 2) && !LIST_SURNAMES.has(norm[start]) && LIST_SURNAMES.has(norm[start + 1]))
        start++;
      if (HONORIFIC_AFTER.test(norm.slice(end - 1, end + 2))) end--;
    }
    if (end - start === 1 && !known(start, end)) {
      // Only the end of a word (母[港]): a one-character place that begins one is an abbreviation (华裔, 港人, 中巴),
      // and one after a verb of travel or a preposition is one too (在京, 访华).
      // (Never `m` itself: a one-character `m` starts at start, not at start - 1.)
      const neighbourSingle = (k: number) =>
        (singleAt ??= new Set(mentions.filter((o) => o.end - o.start === 1).map((o) => o.start))).has(k);
      // A place the tagger is sure of that begins a word as well (家[中外]合资, 为[日方]) is an abbreviation there.
      const confidentAbbreviation = m.type === 'LOC' && m.confidence >= CONFIDENT_SINGLE && isWord(start, 2);
      if (isWord(start - 1, 2) && !neighbourSingle(start - 1) && !TRAVEL_BEFORE.has(norm[start - 1]) && !confidentAbbreviation) continue;
    }
    // Organisations only: a place that is also a common word (大连 is one in jieba's dictionary) is still a place.
    if (
      (m.type === 'ORG' || m.type === 'MEDIA') &&
      end - start >= 2 &&
      end - start <= 4 &&
      isWord(start, end - start) &&
      !known(start, end)
    )
      continue;
    // 新光医院及马偕医院: two organisations joined by a conjunction are two names.
    const pair = m.type === 'ORG' ? ORG_PAIR.exec(norm.slice(start, end)) : null;
    if (pair) {
      const cut = start + pair[1].length;
      out.push(moved(m, text, start, cut));
      out.push(moved(m, text, cut + 1, end));
      continue;
    }
    out.push(start === m.start && end === m.end ? m : moved(m, text, start, end));
  }
  return out;
}

/** Surname code units, for a scan that must reject most characters on one array read. */
const SURNAME_CODE = new Uint8Array(0x10000);
for (const c of SURNAMES) SURNAME_CODE[c.charCodeAt(0)] = 1;

/** What follows a person who speaks or acts in news prose: enough, together with repetition, to take a new name. */
const SPEAKER_AFTER = /^(?:说|表示|回忆|称|透露|告诉|指出|认为|强调|坦言|笑称|直言|介绍|感叹)/u;

/**
 * 景甜 ×9: a name the tagger has never seen can still be read off the article itself. Two Han characters that
 * start with a surname, are no word of the model's lexicon, stand in at least three places outside other
 * mentions, and at least once before a verb of speaking or recalling, are taken as a person everywhere.
 */
export function discoverNames(mentions: EntityMention[], text: string, norm: string, words: WordSet): EntityMention[] {
  const covered = articleMarks.take(norm.length);
  try {
    for (const m of mentions) covered.fill(1, m.start, m.end);
    const seen = new Map<string, number[]>();
    for (let i = 0; i + 2 < norm.length; i++) {
      if (!SURNAME_CODE[norm.charCodeAt(i)] || covered[i] || covered[i + 1] || !isHanUnit(norm.charCodeAt(i + 1))) continue;
      // Inside a longer Han run that the tagger left alone, a pair is more likely part of a word than a name.
      // 文[章中]指出, 雷[米小]说, [金马]奖: the pair is a word or begins one, or either character belongs to a word
      // with its outer neighbour.
      if (
        NOT_GIVEN_NAME.has(norm[i + 1]) ||
        words.has(norm, i, 2) ||
        (i > 0 && words.has(norm, i - 1, 2)) ||
        words.has(norm, i + 1, 2) ||
        words.has(norm, i, 3) ||
        words.has(norm, i, 4)
      )
        continue;
      const key = norm.slice(i, i + 2);
      const at = seen.get(key);
      if (at) at.push(i);
      else seen.set(key, [i]);
    }
    const added: EntityMention[] = [];
    for (const at of seen.values()) {
      if (at.length < 3 || !at.some((i) => SPEAKER_AFTER.test(norm.slice(i + 2, i + 4)))) continue;
      // Below the default low-confidence threshold: shown fainter, with the hover's note that the name is a guess.
      for (const i of at) {
        // Two new names may share a character (李王 + 王明): the first one taken keeps it.
        if (covered[i] || covered[i + 1]) continue;
        covered.fill(1, i, i + 2);
        added.push({ start: i, end: i + 2, text: text.slice(i, i + 2), type: 'PER', confidence: 0.45, source: 'model' });
      }
    }
    if (!added.length) return mentions;
    return concatByStart(mentions, added);
  } finally {
    articleMarks.give(covered);
  }
}

/** What propagate's gates made of one name's text (each found when first asked). */
interface NameFacts {
  generic?: boolean;
  personLike?: boolean;
  genericCompound?: boolean;
  seen?: boolean;
  /** The stem it may lend, or '' for none. */
  stem?: string;
}

/** The linking's per-article trie of names, emptied and kept between articles (trie.ts, `TriePool`). */
const linkedNames = new TriePool<EntityMention>();

/**
 * One name, one reading per article: a person or organisation the model found is also marked where it occurs
 * again unmarked, and a shorter model span inside such an occurrence (潘振 in 潘振声) grows to the full name.
 * One linear pass with a trie of the names found, so it costs nothing on a large text.
 */
function propagate(
  mentions: EntityMention[],
  text: string,
  norm: string,
  tagger: Tagger | undefined,
  remainders: boolean,
  copyGate = 0,
  personGate = false,
  compoundGate = false,
  {
    trace,
    sites,
    stemNames,
    seenNames,
  }: { trace?: (copy: CopyTrace) => void; sites?: SiteLexicon; stemNames?: boolean; seenNames?: boolean } = {},
): EntityMention[] {
  const names = linkedNames.take();
  try {
    const stems = trace && new Set<EntityMention>();
    const readings = new Map<string, number>();
    if (trace) for (const m of mentions) readings.set(norm.slice(m.start, m.end), (readings.get(norm.slice(m.start, m.end)) ?? 0) + 1);
    // 公司, 酒店: a generic word the tagger once took for a name must not be spread over the article.
    const generic = (s: string): boolean => {
      const bits = tagger?.names?.get(s, 0, s.length) ?? 0;
      if (bits & (LEX_PER | LEX_LOC | LEX_ORG)) return false;
      return (
        !!(bits & LEX_WORD) ||
        (!!tagger?.words?.has(s, 0, s.length) && !(s.length >= 3 && tagger.trainingNames?.longestEnd(s, 0) === s.length))
      );
    };
    // What the gates below make of a name's text alone, found once per distinct text (a name recurs: 4,479 mentions
    // of 2,569 texts reach them on the megabyte); each is read only where the mention's type and source ask for it.
    const facts = new Map<string, NameFacts>();
    for (const m of mentions) {
      if (
        (m.source !== 'model' && m.source !== 'lexicon' && m.source !== 'pattern' && m.source !== 'article') ||
        (m.type !== 'PER' && m.type !== 'ORG') ||
        m.end - m.start < 2
      )
        continue;
      const name = norm.slice(m.start, m.end);
      let f = facts.get(name);
      if (!f) facts.set(name, (f = {}));
      if ((f.generic ??= generic(name))) continue;
      // 淘宝, 知道[创宇]: a person the tagger alone read is copied only where the string looks like a name (not-names.ts).
      if (
        personGate &&
        m.type === 'PER' &&
        (m.source === 'model' || m.source === 'lexicon') &&
        !(f.personLike ??= personLike(name, (c) => LIST_SURNAMES.has(c), !!((tagger?.names?.get(name, 0, name.length) ?? 0) & LEX_PER)))
      )
        continue;
      // 快递公司: an everyday word and a generic head is a kind of organisation, whichever pass read it (not-names.ts).
      // With the model only: the generic heads are counted from MSRA train, which the model-free mode must not read.
      if (
        compoundGate &&
        tagger &&
        m.type === 'ORG' &&
        (f.genericCompound ??= genericCompound(name, (a, len) => generic(name.slice(a, a + len))))
      )
        continue;
      // 海关, 田野, 高潮: a string the tagger saw as a name in training and read here once, leaving its other places
      // unmarked, was weighed there by a tagger that knows it (copy-gates.ts, seenNames).
      if (seenNames && (m.source === 'model' || m.source === 'lexicon') && (f.seen ??= seenInTraining(tagger, name))) continue;
      names.set(name, m);
      if (!remainders || m.type !== 'ORG') continue;
      // 澄星科技 … 澄星: the coined stem of a company, used alone later, is the same company. A stem that is a place or
      // a person (北京 of 北京医院) is that place or person, not the company; 窃电网络, 七大网络: a full name the article
      // gives only once is too weak a reading to lend its stem (copy-gates.ts).
      if ((f.stem ??= lendableStem(name)) && !names.longestAt(f.stem, 0)) {
        const proto = { ...m, confidence: m.confidence * 0.9 };
        names.set(f.stem, proto);
        stems?.add(proto);
      }
    }
    /** The stem of the company `name` if it may be copied: no place or person, lent by a name named twice, no generic word; else ''. */
    function lendableStem(name: string): string {
      const stem = companyStem(name);
      if (!stem) return '';
      const stemIsName = !!((tagger?.names?.get(stem, 0, stem.length) ?? 0) & (LEX_LOC | LEX_PER)) || !!gazetteerTrie().longestAt(stem, 0);
      const weakStem = stemNames && namedOnce(norm, name);
      return !stemIsName && !weakStem && !generic(stem) ? stem : '';
    }
    if (!names.size) return mentions;
    const added: EntityMention[] = [];
    let k = 0;
    for (let i = 0; i < norm.length;) {
      const end = names.longestEnd(norm, i);
      if (end < 0) {
        i++;
        continue;
      }
      const proto = names.lastValue as EntityMention;
      while (k < mentions.length && mentions[k].end <= i) k++;
      const overlapping: EntityMention[] = [];
      for (let j = k; j < mentions.length && mentions[j].start < end; j++) overlapping.push(mentions[j]);
      // A name copied onto unmarked text carries the confidence of the tagger's reading it copies (gates.ts, copyAdd).
      const unsure = (proto.source === 'model' || proto.source === 'lexicon') && proto.confidence < copyGate;
      // 高通 in 高通量: an occurrence that is part of a longer word or name is not this name (copy-gates.ts, copySites).
      if (!overlapping.length && !unsure && !(sites && insideLonger(norm, i, end, sites))) {
        added.push({
          start: i,
          end,
          text: text.slice(i, end),
          type: proto.type,
          confidence: Math.round(proto.confidence * 90) / 100,
          source: 'consistency',
        });
        trace?.({
          kind: stems?.has(proto) ? 'stemCopy' : 'copy',
          start: i,
          end,
          type: proto.type,
          from: proto,
          readings: readings.get(norm.slice(i, end)),
        });
      } else if (overlapping.length === 1) {
        const m = overlapping[0];
        if ((m.source === 'model' || m.source === 'lexicon') && m.type === proto.type && m.start === i && m.end < end) {
          trace?.({ kind: 'grow', start: i, end, type: proto.type, from: proto, grownFrom: m.end });
          m.end = end;
          m.text = text.slice(m.start, end);
        }
      }
      i = end;
    }
    if (!added.length) return mentions;
    return concatByStart(mentions, added);
  } finally {
    linkedNames.give(names);
  }
}

/**
 * The tagger's names in each `\n`-line of `norm` (in slices of MAX_SLICE), white space trimmed off their edges, offsets
 * into `norm`; each distinct slice tagged once.
 */
export function tagAll(tagger: Tagger, norm: string, gaz: Trie<EntityType>, noNames: boolean): (Span & { confidence: number })[] {
  const out: (Span & { confidence: number })[] = [];
  // Pages repeat lines (menus, captions, related lists): a line's tags depend on the line alone, so each
  // distinct line is tagged once per call. (The first slice's spans are held apart, and the map made for a second:
  // a paragraph is one line, so most calls tag one slice.)
  let first: string | undefined;
  let firstSpans: (Span & { confidence: number })[] | undefined;
  let seen: Map<string, (Span & { confidence: number })[]> | undefined;
  let lineStart = 0;
  while (lineStart <= norm.length) {
    let lineEnd = norm.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = norm.length;
    for (let s = lineStart; s < lineEnd; s += MAX_SLICE) {
      const e = Math.min(lineEnd, s + MAX_SLICE);
      const slice = norm.slice(s, e);
      // Lines without a Han character (URLs, numbers, menus in Latin) hold nothing the Chinese tagger can find.
      if (!HAN_RE.test(slice)) continue;
      let spans = slice === first ? firstSpans : seen?.get(slice);
      if (!spans) {
        spans = tagger.tag(slice, gaz, noNames);
        if (first === undefined) {
          first = slice;
          firstSpans = spans;
        } else (seen ??= new Map()).set(slice, spans);
      }
      for (let k = 0; k < spans.length; k++) {
        const span = spans[k];
        // White space at an edge is never part of a name; trimmed now so containment rules see the real span.
        let a = span.start;
        let b = span.end;
        while (a < b && SPACE_UNIT[slice.charCodeAt(a)]) a++;
        while (b > a && SPACE_UNIT[slice.charCodeAt(b - 1)]) b--;
        if (b > a) out.push({ start: a + s, end: b + s, type: span.type, confidence: span.confidence });
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/**
 * Conflict resolution, in passes run in order over the same candidates: fragments inside a model name are dropped,
 * a fuller name that contains a known one is promoted (美国国防部 over 美国), local vetoes and trims apply, and then
 * the highest rank wins each overlap (ranks.ts).
 */
export function resolve(cands: Candidate[], text: string, norm: string, commonWord: (a: number, len: number) => boolean): EntityMention[] {
  const touching = gazetteerTouching(cands);
  dropFragmentsOfModelNames(cands, norm);
  const extra = promoteFullerNames(cands, norm, touching, commonWord);
  for (let i = 0; i < extra.length; i++) cands.push(extra[i]);
  vetoAndTrim(cands, norm, touching);
  return keepHighestRanked(cands, text, norm);
}

/** Does `a` contain `b` and is it longer? */
function containsStrictly(a: Candidate, b: Candidate): boolean {
  return a.start <= b.start && a.end >= b.end && a.end - a.start > b.end - b.start;
}

/** What `gazetteerTouching` answers for a range no gazetteer candidate overlaps (most): one array, never changed. */
const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);

/** The gazetteer candidates that overlap a range. */
export function gazetteerTouching(cands: Candidate[]): (c: Candidate) => readonly Candidate[] {
  // Gazetteer spans do not overlap one another: sorted by start, the ones touching a range are found by bisection.
  // (A loop and an insertion sort: a line has a few candidates, and `filter` and `sort` allocate per call.)
  const gaz: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) if (cands[i].source === 'gazetteer') gaz.push(cands[i]);
  sortStable(gaz, byStart);
  return (c: Candidate): readonly Candidate[] => {
    // The first span that ends after the range starts (no closure for the bisection: this runs per candidate).
    let lo = 0;
    let hi = gaz.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gaz[mid].end <= c.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo === gaz.length || gaz[lo].start >= c.end) return NO_CANDIDATES;
    const out: Candidate[] = [];
    for (let i = lo; i < gaz.length && gaz[i].start < c.end; i++) out.push(gaz[i]);
    return out;
  };
}

/** The model span (`modelSpans`: sorted by start, not overlapping) that strictly contains `c`, if one does. */
function modelCovering(modelSpans: readonly Candidate[], c: Candidate): Candidate | undefined {
  // Model spans do not overlap one another: the one that can contain a range starts at or before it, last.
  let lo = 0;
  let hi = modelSpans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (modelSpans[mid].start <= c.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 3; i--) if (containsStrictly(modelSpans[i], c)) return modelSpans[i];
  return undefined;
}

/** Pass 1: a pattern name strictly inside a model name is a fragment of it. */
function dropFragmentsOfModelNames(cands: Candidate[], norm: string): void {
  const modelSpans: Candidate[] = [];
  let patterns = false;
  for (let i = 0; i < cands.length; i++) {
    if (cands[i].source === 'model') modelSpans.push(cands[i]);
    else patterns ||= cands[i].source === 'pattern';
  }
  // (Most lines have no pattern name, or no model name, to test.)
  if (!patterns || !modelSpans.length) return;
  sortStable(modelSpans, byStart);
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (c.source !== 'pattern') continue;
    const m = modelCovering(modelSpans, c);
    if (!m) continue;
    // 威尔[逊], 帕巴拉·格[列朗杰], 主席[南斯拉夫]联盟共和国: a pattern name inside a longer model name is a fragment
    // of it (the pattern stops at the first character outside its closed set; the model read the whole name).
    if (c.type === 'PER') c.rank = RANK.DROPPED;
    // 美中 in 美中贸易全国委员会, 中国海军 in 中国海军舰艇编队: the model's organisation is the longest name.
    // Not when the model's span runs into a title (商务局曲局 + 长): then the pattern's name is the sound one.
    else if (m.type === 'ORG' && (c.rank === RANK.ABBREVIATION || c.type === 'ORG') && norm[m.end] !== '长') c.rank = RANK.DROPPED;
  }
}

/**
 * Pass 2: a model or pattern name that wholly contains gazetteer names is promoted above them where it is the
 * fuller name; returns the rest of a split place hierarchy (湖北恩施 → 恩施) as extra model candidates, unless that
 * rest is one of `commonWord`'s everyday words (合肥 + 铁路, 台州 + 公路).
 */
function promoteFullerNames(
  cands: Candidate[],
  norm: string,
  touching: (c: Candidate) => readonly Candidate[],
  commonWord: (a: number, len: number) => boolean,
): readonly Candidate[] {
  // Both made when first needed: on most lines no candidate gets that far.
  let extra: Candidate[] | undefined;
  let modelOrgStartByEnd: Map<number, number> | undefined;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (c.source !== 'model' && c.source !== 'pattern') continue;
    if (c.rank < 0) continue;
    const near = touching(c);
    // (Nothing touches most candidates: every test below then fails or finds no inner name.)
    if (!near.length) continue;
    const inner = near.filter((g) => containsStrictly(c, g));
    const crossing = near.some((g) => !containsStrictly(c, g));
    // 张国[华为]: a gazetteer name that starts inside a person's name and runs past it is a false hit.
    if (
      c.source === 'model' &&
      c.type === 'PER' &&
      c.end - c.start >= 2 &&
      near.length === 1 &&
      near[0].start > c.start &&
      near[0].end > c.end
    ) {
      near[0].rank = RANK.DROPPED;
      c.rank = RANK.FULLER;
      continue;
    }
    if (crossing || !inner.length) continue;
    // 李[长春], 陈[云林]: a surname and a place name that the model reads as one three-character person.
    if (
      c.source === 'model' &&
      c.type === 'PER' &&
      c.end - c.start === 3 &&
      SURNAMES.has(norm[c.start]) &&
      inner.length === 1 &&
      inner[0].start === c.start + 1 &&
      inner[0].end === c.end &&
      inner[0].type !== 'PER'
    ) {
      c.rank = RANK.FULLER;
      continue;
    }
    const head = inner.find((g) => g.start === c.start);
    // 深圳大疆, 美国白宫, 俄罗斯塔斯社: a place before a name that stands alone is split off, so a span made
    // only of gazetteer names keeps them apart, unless the last one is a generic body (美国国防部).
    const covered = inner.reduce((n, g) => n + (g.end - g.start), 0) === c.end - c.start;
    const last = inner.reduce((a, b) => (b.end > a.end ? b : a));
    if (covered && inner.length >= 2 && !GENERIC_BODY.test(norm.slice(last.start, last.end))) continue;
    if (/[《》“”"「」()（）]/u.test(norm.slice(c.start, c.end))) continue;
    if (c.type === 'LOC' && head?.type === 'LOC' && c.source === 'model') {
      const rest = norm.slice(head.end, c.end);
      // Place hierarchies are split (湖北恩施, 台南市东区): the gazetteer place, then the rest as its own place.
      // A bare administrative suffix (潍坊市, 山东半岛) or a named building (中国美术馆) stays one name.
      const restIsPlace = inner.some((g) => g.start >= head.end) || (rest.length >= 2 && PLACE_TAIL.test(rest) && !rest.endsWith('军区'));
      if (!restIsPlace) {
        c.rank = RANK.FULLER;
        continue;
      }
      if (
        rest.length >= 2 &&
        /^\p{Script=Han}+$/u.test(rest) &&
        !inner.some((g) => g.start >= head.end) &&
        !commonWord(head.end, rest.length)
      )
        (extra ??= []).push(candidate({ start: head.end, end: c.end, type: 'LOC' }, 'model', c.confidence, RANK.MODEL));
      continue;
    }
    // A pattern organisation inside a longer model organisation (中保人寿保险[武汉市分公司]) is only its tail.
    if (c.source === 'pattern' && ((modelOrgStartByEnd ??= modelOrgStarts(cands)).get(c.end) ?? Infinity) < c.start) continue;
    // 市人大常委会, 人民日报群工部: a model organisation that adds words around a known organisation is the fuller name.
    if (c.source === 'model' && c.type === 'ORG' && !covered) {
      c.rank = RANK.FULLER;
      continue;
    }
    // 特朗普 + 加征: a known person with characters glued on by the tagger is still the known person.
    if (c.source === 'model' && c.type === 'PER' && head?.type === 'PER' && !norm.slice(head.end, c.end).includes('·')) continue;
    if (head && (head.type === 'LOC' || head.type === 'PER' || (head.type === 'ORG' && c.type === 'ORG')))
      c.rank = c.source === 'pattern' ? RANK.PATTERN_FULLER : RANK.FULLER;
    else if (c.source === 'pattern' && c.type === 'PER' && inner.every((g) => g.type === 'PER')) c.rank = RANK.FULLER;
  }
  return extra ?? NO_CANDIDATES;
}

/** The earliest start of a model organisation ending at each end (the pass above changes ranks only, not these). */
function modelOrgStarts(cands: readonly Candidate[]): Map<number, number> {
  const starts = new Map<number, number>();
  for (const m of cands) if (m.source === 'model' && m.type === 'ORG') starts.set(m.end, Math.min(m.start, starts.get(m.end) ?? Infinity));
  return starts;
}

/** Pass 3: vetoes (generic nouns, anonymised people, directions) and trims of edges a name took from its context. */
function vetoAndTrim(cands: Candidate[], norm: string, touching: (c: Candidate) => readonly Candidate[]): void {
  for (const c of cands) {
    if (c.source === 'user') continue;
    const surface = norm.slice(c.start, c.end);
    const after = norm.slice(c.end, c.end + 2);
    // 马克思主义: before the gazetteer exit, so a known person's doctrine is no mention of the person either.
    if (c.type === 'PER' && after === '主义') c.rank = RANK.DROPPED;
    // 东北地区中东部: a compass word before 部 is a direction.
    if (c.type === 'LOC' && /^[东南西北中]{1,3}$/u.test(surface) && after[0] === '部') c.rank = RANK.DROPPED;
    // 两国外交部、国防部, 各国央行: a ministry or central bank of no one country is a generic noun (the guidelines' 政府 rule).
    if (
      c.type === 'ORG' &&
      (GENERIC_BODY.test(surface) || surface.endsWith('央行')) &&
      GENERIC_OWNER.test(norm.slice(Math.max(0, c.start - 10), c.start))
    )
      c.rank = RANK.DROPPED;
    if (c.source === 'gazetteer') continue;
    // 李男明: surname + 男/女 is an anonymised person, whatever the model glued to it.
    if (c.type === 'PER' && /^.[男女]/u.test(surface)) c.rank = RANK.DROPPED;
    // 潘振 + 声 + 女儿: a two-character name the model cut short before a name's usual right context.
    if (
      c.type === 'PER' &&
      c.end - c.start === 2 &&
      SURNAMES.has(surface[0]) &&
      HAN_RE.test(norm[c.end] ?? '') &&
      !NOT_GIVEN_NAME.has(norm[c.end]) &&
      NAME_RIGHT_CONTEXT.test(norm.slice(c.end + 1, c.end + 3)) &&
      !cands.some((o) => o !== c && o.start <= c.end && o.end > c.end && o.rank >= RANK.GAZETTEER)
    )
      c.end += 1;
    // 陳屍 (the body was found) is a verb phrase, not a surname and a given name.
    if (c.type === 'PER' && surface[1] === '尸') c.rank = RANK.DROPPED;
    // 台中報導: a place before the byline verb 报导/报道 is no newspaper (台中报).
    if (c.type === 'ORG' && surface.endsWith('报') && (norm[c.end] === '导' || norm[c.end] === '道')) c.rank = RANK.DROPPED;
    // 李姓男子, 李男, 陈姓: anonymised people are not names.
    if (c.type === 'PER' && (/[姓男女]$/u.test(surface) || surface.includes('姓') || after[0] === '姓')) c.rank = RANK.DROPPED;
    // 江苏省文联党[组]: a span that ends inside 党组/党委 has taken the first character of the word after the name.
    if (c.type === 'ORG' && surface.endsWith('党') && c.end - c.start > 3 && '组委员'.includes(norm[c.end] ?? '')) c.end -= 1;
    // 江苏省文联党组成员: the party group of a body is not part of the body's name.
    else if (
      c.type === 'ORG' &&
      /(?:党组|党委)$/u.test(surface) &&
      c.end - c.start > 4 &&
      /^(?:成员|书记|副书记|委员)/u.test(norm.slice(c.end, c.end + 3))
    )
      c.end -= 2;
    // 俄方, 美方 (the Russian side): the guidelines mark no place there.
    if (c.type === 'LOC' && c.end - c.start === 1 && norm[c.end] === '方') c.rank = RANK.DROPPED;
    // 湖北恩施部分地区: 部 that begins 部分 (a part of) is not an organisation suffix.
    if (c.type === 'ORG' && surface.endsWith('部') && norm[c.end] === '分') c.rank = RANK.DROPPED;
    // 东北部局地: 局 that begins 局地/局部/局面/局势 is not an organisation suffix.
    if (c.type === 'ORG' && surface.endsWith('局') && '地部面势限'.includes(norm[c.end] ?? '')) {
      c.end -= 1;
      if (!/[东南西北中]{1,3}部$/u.test(norm.slice(c.start, c.end))) c.rank = RANK.DROPPED;
    }
    // Last of the trims, as it moves the end the checks above read through `surface`.
    // 华坚集团东莞总部: a headquarters is a place of the organisation, not part of its name; the place before
    // 总部 (a gazetteer place, kept on its own) is cut off too.
    if (c.type === 'ORG' && surface.endsWith('总部') && c.end - c.start > 4) {
      c.end -= 2;
      const place = touching(c).find((g) => g.type === 'LOC' && g.end === c.end && g.start > c.start + 1);
      if (place) c.end = place.start;
    }
    // 湖北西南部, 河北中南部: a compass part is not part of the name.
    const compass = COMPASS_PART.exec(norm.slice(c.start, c.end));
    if (compass && c.type !== 'PER') {
      c.end = c.start + compass[1].length;
      c.type = 'LOC';
    }
  }
}

/** Highest rank first, then longest, then earliest. */
const BY_RANK = (a: Candidate, b: Candidate): number => b.rank - a.rank || b.end - b.start - (a.end - a.start) || a.start - b.start;

/** Pass 4: highest rank first (then longest, then earliest), each candidate kept if none of its characters is taken. */
function keepHighestRanked(cands: Candidate[], text: string, norm: string): EntityMention[] {
  sortStable(cands, BY_RANK);
  const n = norm.length;
  if (ownerScratch.length < n) ownerScratch = new Int32Array(Math.max(n, ownerScratch.length * 2));
  // Only the first n entries are this paragraph's (a position past the text is never owned).
  const owner = ownerScratch.fill(-1, 0, n);
  const kept: Candidate[] = [];
  outer: for (const c of cands) {
    if (c.rank < 0) continue;
    // A name never holds punctuation (a quote mark, a comma, a bracket): such a span has swallowed its context.
    if (c.source !== 'user' && punctuationInName(norm, c.start, c.end)) continue;
    // A tagged span never starts or ends in white space.
    while (c.start < c.end && SPACE_UNIT[norm.charCodeAt(c.start)]) c.start++;
    while (c.end > c.start && SPACE_UNIT[norm.charCodeAt(c.end - 1)]) c.end--;
    const end = Math.min(c.end, n);
    for (let i = c.start; i < end; i++) if (owner[i] >= 0) continue outer;
    if (!c.end || c.end <= c.start) continue;
    owner.fill(kept.length, c.start, end);
    kept.push(c);
  }
  sortStable(kept, byStart);
  // A push loop: the array is packed in every tier (mention.ts packedMap), and no closure is made per line.
  const out: EntityMention[] = [];
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i];
    out.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.type, confidence: c.confidence, source: c.source });
  }
  return out;
}
