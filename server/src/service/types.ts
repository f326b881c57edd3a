/**
 * The plain data the language service works with. Editor-independent: no `vscode`, no LSP connection,
 * no Node built-ins. Every recogniser and every feature reads and writes these shapes.
 *
 * Offsets are UTF-16 code unit offsets into the article text (JavaScript string indices), end exclusive.
 * Line numbers are 0-based. The CLI converts to code points and 1-based lines once, on output.
 */

import type { DateValue, DayValue } from './dates/value';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MEDIA'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const BOILERPLATE_KINDS = [
  'site-title',
  'navigation',
  'image-caption',
  'copyright',
  'editor',
  'promo',
  'related',
  'comments',
  'share',
  'footer',
  'other',
] as const;
export type BoilerplateKind = (typeof BOILERPLATE_KINDS)[number];

export type Script = 'traditional' | 'simplified' | 'mixed' | 'none';

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** 0..1; gazetteer and user-dictionary hits are 1. */
  confidence: number;
  /**
   * Where the name came from: the built-in gazetteer, a pattern of the surrounding words, the statistical model,
   * the model backed by an external lexicon entry of the same class, another mention of it in the same article,
   * the article's own structure (the name standing alone elsewhere, a source list, a slot of companies), or the
   * user's dictionary.
   */
  source: 'gazetteer' | 'pattern' | 'model' | 'lexicon' | 'consistency' | 'article' | 'user';
}

/** Anything that finds entities. A trained model, the gazetteer, or both merged, all fit here. */
export interface EntityRecognizer {
  readonly name: string;
  /** Mentions in `text`, sorted by start, non-overlapping. */
  /** `normalized`: the article's normalizeForMatching(text), when the caller has it already. */
  recognize(text: string, normalized?: string): EntityMention[];
  /**
   * The two halves of `recognize` (which is `article` over every paragraph's `paragraph`), so the editor can cache
   * each paragraph's mentions (service/incremental/paragraphs.ts). `paragraph` reads one line of the article and its
   * normalised text alone (offsets into it); `article` takes every paragraph's mentions, shifted into the article
   * and in order, and runs the passes that read the whole article.
   */
  paragraph?(text: string, normalized: string): EntityMention[];
  article?(mentions: EntityMention[], text: string, normalized: string): EntityMention[];
}

export type DateKind = 'absolute' | 'relative' | 'weekday' | 'anaphoric' | 'range' | 'period' | 'time';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /**
   * Resolved value in the project's schema: `2025-07-03`, `2025-07-03T09:50`, `2025-07`, `2025`,
   * `2025-07-09/2025-07-10`, `2025-07-03TEV` (MO/AF/EV/NI), `2025-06-EARLY|MID|LATE`, `2025-Q3`,
   * `2025-SU` (SP/SU/FA/WI), or `UNKNOWN`: always `formatDateValue(date)`.
   */
  value: string;
  /** The resolved value as data (what the hover, the inlay hint and `describeDate` read). */
  date: DateValue;
  kind: DateKind;
  /** The expression is stated in local time at the place reported on (當地時間). */
  localTime?: boolean;
  /** The day is named by a festival, a solar term or a lunar date (中秋節, 冬至, 正月初一), as readers of the traditional calendar know it. */
  calendarNamed?: boolean;
  /** An event-anchored day (案发次日, 失踪第3天): the event as written, its day, and the days from it to this one. */
  anchor?: { event: string; day: DayValue; days: number };
}

export interface DateContext {
  /** ISO date or date-time that anchors relative expressions (the article's publication time). */
  reference?: string;
  /** normalizeForMatching(text) when the caller has it already (same length, position for position). */
  normalized?: string;
  /**
   * Spans of `text` read as blanked (every code unit in them but the line breaks a space; blanked.ts): [start, end)
   * pairs flattened, sorted and disjoint. `normalized` is then the normalised text with the same spans blanked.
   * Answers are those for the blanked copy of the text, which is not made.
   */
  blanked?: readonly number[];
  /**
   * Mark holiday names (国庆节, 春节, 中秋节) as the day they fall on, as JioNLP does. Off by default: the gold
   * marks only calendar days (除夕, 大年初一, 冬至) and a holiday with a finer part (中秋节晚上, 国庆节当天).
   */
  holidays?: boolean;
}

export interface Publication {
  /** ISO `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD`. */
  value: string;
  line: number;
}

export interface BoilerplateBlock {
  /** First and last line of the block, 0-based, inclusive. Blank lines inside a block belong to it. */
  startLine: number;
  endLine: number;
  kind: BoilerplateKind;
  /**
   * false when the detector is unsure: shown with a lower severity and left out of "remove all"
   * so that a bulk fix never deletes article text on a guess.
   */
  confident: boolean;
}
