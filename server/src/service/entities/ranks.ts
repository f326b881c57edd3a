/**
 * The recogniser's ranks: where two candidate names overlap, the higher rank keeps its characters
 * (recognizer.ts `resolve`; ties go to the longer span, then the earlier one). Every rank in one place, highest first.
 */
export const RANK = {
  /** The user's dictionary: the user's word beats every other layer. */
  USER: 4,
  /** A pattern name promoted over a known name it begins with (a place + the rest): above FULLER so a pattern's reading beats the model's. */
  PATTERN_FULLER: 3.6,
  /** Transport names (京沪高速, 徐霞客大道): the whole road beats the torn pieces, even a promoted one (江东 + 路 in 滨江东路). */
  TRANSPORT: 3.55,
  /** A model or pattern name promoted over a known name it wholly contains (美国国防部 over 美国): the longest proper name wins. */
  FULLER: 3.5,
  /** Pseudonyms and news outlets (新华社记者, Reuters): their context is surer than a list entry or a road inside them. */
  OUTLET: 3.3,
  /** Roads and facilities: named after places and people (中山路), so above the gazetteer; the whole road is the name. */
  PLACE_NAMED: 3.2,
  /** The built-in gazetteer: a known name beats a pattern's or the model's guess. */
  GAZETTEER: 3,
  /** A newspaper's title (…日报): below the gazetteer, so a known outlet's own name stays as the list has it. */
  PAPER: 2.5,
  /** The pattern layer (grown places, dotted, title and byline names): rules beat the model where they fire. */
  PATTERN: 2,
  /** One-character place abbreviations joined (中美, 中巴): just above the model; a longer model organisation around them still wins (resolve). */
  ABBREVIATION: 1.5,
  /** Brands, companies and honorific surnames: gap fillers, just above the model so they only fill what it left. */
  GAP_FILLER: 1.2,
  /** The tagger, the lexicon it used and the article-consistency pass: the fallback everything else outranks. */
  MODEL: 1,
  /** Vetoed by a resolve pass: never kept. */
  DROPPED: -1,
} as const;
