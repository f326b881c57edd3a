/**
 * The review's semantic tokens (features/review.ts `reviewTokens`, on every keystroke in the server) against the
 * implementation before it stopped making a key string per mention and annotation: the same tokens on analysed
 * fixture articles under random reviews (decisions, rejections, a name dictionary, highlight settings), and on
 * articles built to reach the rare paths (mentions not sorted by start, two mentions on one span, mentions that
 * linking left without a cluster, annotations on no mention).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SemanticTokens } from 'vscode-languageserver-types';
import { analyseArticle, type Article } from '../../server/src/service/article';
import {
  buildDictionary,
  byStart,
  effectiveAnnotations,
  emptyAnnotations,
  overlaps,
  predictions,
  mark,
  reject,
  type Annotation,
  type AnnotationLabel,
  type ArticleAnnotations,
  type Rejection,
} from '../../server/src/service/annotations';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { reviewedAnnotations, reviewTokens, spanLookup } from '../../server/src/service/features/review';
import { encodeTokens, type PlainToken } from '../../server/src/service/features/semanticTokens';
import type { TokenModifier, TokenType } from '../../server/src/service/legend';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import type { NewsAnnotatorSettings } from '../../server/src/service/contract';
import type { DateMention, EntityMention, EntityType } from '../../server/src/service/types';
import { Rng } from '../../scripts/lib/rng';
import { date, entity, makeArticle, withSettings } from './helpers';

const TOKEN_OF: Record<AnnotationLabel, TokenType> = { PER: 'person', ORG: 'organization', LOC: 'location', MEDIA: 'media', DATE: 'date' };

/** reviewTokens as it was written before (string keys): the reference. */
function reference(article: Article, annotations: readonly Annotation[], settings: NewsAnnotatorSettings): SemanticTokens {
  const types = new Set<string>(settings.highlight.entityTypes);
  const entityAt = new Map(article.entities.map((m, i) => [`${m.start}:${m.end}`, i]));
  const dateAt = new Map(article.dates.map((d) => [`${d.start}:${d.end}`, d]));
  const seen = new Set<string>();
  const tokens: PlainToken[] = [];
  for (const a of annotations) {
    if (a.label === 'DATE' ? !settings.highlight.dates : !types.has(a.label)) continue;
    const modifiers: TokenModifier[] = [];
    const key = `${a.start}:${a.end}`;
    if (a.label !== 'DATE') {
      const i = entityAt.get(key);
      const cluster = i !== undefined ? `c${article.clusterOf[i].id}:${article.clusterOf[i].canonical}` : `t${a.text}`;
      if (!seen.has(cluster)) modifiers.push('firstMention');
      seen.add(cluster);
      if (a.status === 'predicted' && i !== undefined && article.entities[i].confidence < settings.entities.confidenceThreshold)
        modifiers.push('lowConfidence');
    } else {
      const d = dateAt.get(key);
      if (d && d.kind !== 'absolute' && d.kind !== 'time') modifiers.push('relative');
    }
    modifiers.push(a.status === 'predicted' ? 'predicted' : 'reviewed');
    tokens.push({ start: a.start, end: a.end, type: TOKEN_OF[a.label], modifiers });
  }
  return encodeTokens(article, tokens);
}

const DIR = path.join(__dirname, '..', 'fixtures', 'articles');
const LABELS: AnnotationLabel[] = ['PER', 'ORG', 'LOC', 'MEDIA', 'DATE'];
const TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MEDIA'];
const who = { by: 'test', at: '2026-12-06T02:00:00Z' };

/** A random review of the article: marks over mentions and elsewhere, rejections, in progress or reviewed. */
function randomReview(r: Rng, article: Article): ArticleAnnotations {
  let a = emptyAnnotations();
  const n = Math.floor(r.next() * 12);
  for (let k = 0; k < n; k++) {
    const m = article.entities.length && r.next() < 0.6 ? article.entities[Math.floor(r.next() * article.entities.length)] : undefined;
    const start = m ? m.start : Math.floor(r.next() * Math.max(1, article.text.length - 4));
    const end = m ? m.end : start + 1 + Math.floor(r.next() * 3);
    if (r.next() < 0.3 && m) a = reject(a, { ...m, label: m.type });
    else a = mark(a, article.text, { start, end }, LABELS[Math.floor(r.next() * LABELS.length)], who);
  }
  return r.next() < 0.3 ? { ...a, state: 'reviewed' } : a;
}

function randomSettings(r: Rng): NewsAnnotatorSettings {
  if (r.next() < 0.5) return DEFAULT_SETTINGS;
  return withSettings({
    highlight: { entityTypes: TYPES.filter(() => r.next() < 0.7), dates: r.next() < 0.7 },
    entities: { ...DEFAULT_SETTINGS.entities, confidenceThreshold: r.next() },
  });
}

describe('review tokens', function () {
  this.timeout(60000);

  it('equal the string-keyed implementation on analysed articles under random reviews and settings', () => {
    const recognizer = createEntityRecognizer();
    const r = new Rng(17);
    let tokens = 0;
    for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
      const article = analyseArticle(fs.readFileSync(path.join(DIR, file), 'utf8'), { recognizer });
      for (let round = 0; round < 8; round++) {
        const stored = round === 0 ? emptyAnnotations() : randomReview(r, article);
        const dictionary = round % 3 === 2 ? buildDictionary([stored]) : undefined;
        const annotations = reviewedAnnotations(article, { stored, dictionary });
        const settings = round === 0 ? DEFAULT_SETTINGS : randomSettings(r);
        const want = reference(article, annotations, settings);
        assert.deepEqual(reviewTokens(article, annotations, settings), want, `${file}, round ${round}`);
        tokens += want.data.length / 5;
      }
    }
    assert.ok(tokens > 1000, `tokens compared: ${tokens}`);
  });

  it('equal it on mentions out of order, on one span twice, without a cluster, and on annotations on no mention', () => {
    const text = '特朗普與普京通話，特朗普說，普京說，美國與俄羅斯';
    const base = makeArticle(text, {
      entities: [
        entity('特朗普', text, 'PER', 0, 0.2),
        entity('普京', text, 'PER', 0),
        entity('特朗普', text, 'PER', 1),
        entity('普京', text, 'PER', 1, 0.1),
        entity('美國', text, 'LOC'),
        entity('俄羅斯', text, 'LOC'),
      ],
    });
    // Linking left 美國 and 俄羅斯 alone (id -1 each), and a second 普京 mention on the same span as the first, typed ORG.
    const loose = (i: number) => ({
      id: -1,
      canonical: base.entities[i].text,
      type: 'LOC' as const,
      aliases: [base.entities[i].text],
      mentions: [base.entities[i]],
    });
    const twice = { ...base.entities[1], type: 'ORG' as const, confidence: 0.05 };
    const variants: Article[] = [
      { ...base, clusterOf: base.clusterOf.map((c, i) => (i >= 4 ? loose(i) : c)) },
      { ...base, entities: [...base.entities, twice], clusterOf: [...base.clusterOf, base.clusterOf[1]] },
      // Out of order: the lookup falls back to the map and still finds the last mention on a span.
      { ...base, entities: [...base.entities].reverse(), clusterOf: [...base.clusterOf].reverse() },
    ];
    const extra: Annotation[] = [
      { start: text.indexOf('俄羅斯') + 1, end: text.indexOf('俄羅斯') + 3, label: 'LOC', text: '羅斯', status: 'corrected' },
      { start: text.indexOf('通話'), end: text.indexOf('通話') + 2, label: 'ORG', text: '通話', status: 'predicted' },
    ];
    for (const [v, article] of variants.entries()) {
      const annotations = [...reviewedAnnotations(article, { stored: emptyAnnotations() }), ...extra].sort((a, b) => a.start - b.start);
      for (const settings of [DEFAULT_SETTINGS, withSettings({ highlight: { entityTypes: ['PER', 'LOC'], dates: true } })])
        assert.deepEqual(reviewTokens(article, annotations, settings), reference(article, annotations, settings), `variant ${v}`);
    }
  });

  it('finds the last item on a span, by binary search when sorted and by a map when not', () => {
    const items = [
      { start: 0, end: 2 },
      { start: 3, end: 5 },
      { start: 3, end: 4 },
      { start: 3, end: 5 },
      { start: 7, end: 9 },
    ];
    const sorted = spanLookup(items);
    assert.deepEqual(
      [sorted(0, 2), sorted(3, 5), sorted(3, 4), sorted(7, 9), sorted(7, 8), sorted(1, 2), sorted(9, 10)],
      [0, 3, 2, 4, -1, -1, -1],
    );
    const shuffled = [items[4], items[1], items[0], items[3], items[2]];
    const unsorted = spanLookup(shuffled);
    assert.deepEqual([unsorted(3, 5), unsorted(3, 4), unsorted(0, 2), unsorted(5, 6)], [3, 4, 2, -1]);
    assert.equal(spanLookup([])(0, 0), -1);
  });
});

/** predictions and effectiveAnnotations as they were written before (a copy per step, a key string per prediction). */
function referencePredictions(entities: readonly EntityMention[], dates: readonly DateMention[]): Annotation[] {
  const out: Annotation[] = [
    ...entities.map((m): Annotation => ({ start: m.start, end: m.end, label: m.type, text: m.text, status: 'predicted' })),
    ...dates.map((d): Annotation => ({ start: d.start, end: d.end, label: 'DATE', text: d.text, value: d.value, status: 'predicted' })),
  ];
  return out.sort(byStart);
}

function referenceEffective(predicted: readonly Annotation[], stored: ArticleAnnotations): Annotation[] {
  const reviewed = [...stored.annotations].sort(byStart);
  const disjoint = reviewed.every((r, i) => i === 0 || reviewed[i - 1].end <= r.start);
  const touchesReviewed = (p: Annotation) => {
    if (!disjoint) return reviewed.some((r) => overlaps(r, p));
    let lo = 0;
    let hi = reviewed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reviewed[mid].end <= p.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < reviewed.length && reviewed[lo].start < p.end;
  };
  const rejected = new Map<string, Rejection[]>();
  for (const r of stored.rejected) {
    const k = `${r.start}:${r.end}`;
    rejected.set(k, [...(rejected.get(k) ?? []), r]);
  }
  const rejectedHere = (p: Annotation) =>
    (rejected.get(`${p.start}:${p.end}`) ?? []).some((r) => (r.label === 'DATE') === (p.label === 'DATE'));
  const out = [...reviewed];
  let lastEnd = -1;
  for (const p of [...predicted].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (p.start < lastEnd) continue;
    if (touchesReviewed(p) || rejectedHere(p)) continue;
    out.push(stored.state === 'reviewed' ? { ...p, status: 'accepted' } : p);
    lastEnd = p.end;
  }
  return out.sort(byStart);
}

describe('predictions and the effective annotations', () => {
  it('equal the implementation before, on random mentions, decisions and rejections', () => {
    const r = new Rng(23);
    const span = (max: number) => {
      const start = Math.floor(r.next() * max);
      return { start, end: start + 1 + Math.floor(r.next() * 4) };
    };
    let kept = 0;
    for (let round = 0; round < 400; round++) {
      const n = Math.floor(r.next() * 30);
      const entities: EntityMention[] = Array.from({ length: n }, (_, k) => ({
        ...span(60),
        text: `e${k}`,
        type: TYPES[Math.floor(r.next() * TYPES.length)],
        confidence: r.next(),
        source: 'model',
      }));
      const dates: DateMention[] = Array.from({ length: Math.floor(r.next() * 6) }, (_, k) => {
        // Some dates on an entity's span, so a rejection of one kind must leave the other.
        const at = entities.length && r.next() < 0.3 ? entities[Math.floor(r.next() * entities.length)] : span(60);
        return {
          ...date('12月6日', '12月6日', '2026-12-06'),
          start: at.start,
          end: at.end,
          text: `d${k}`,
          kind: r.next() < 0.5 ? 'absolute' : 'relative',
        };
      });
      const predicted = predictions(entities, dates);
      assert.deepEqual(predicted, referencePredictions(entities, dates), `round ${round}`);
      const decisions = Math.floor(r.next() * 4);
      const stored: ArticleAnnotations = {
        ...emptyAnnotations(),
        state: r.next() < 0.3 ? 'reviewed' : r.next() < 0.5 ? 'in-progress' : 'not-started',
        // An imported set may overlap itself.
        annotations: Array.from({ length: decisions }, (_, k) => ({
          ...span(60),
          label: LABELS[k % 5],
          text: `r${k}`,
          status: 'corrected',
        })),
        rejected: predicted
          .filter(() => r.next() < (round % 2 ? 0.2 : 0))
          .map((p) => ({ start: p.start, end: p.end, text: p.text, label: r.next() < 0.5 ? p.label : 'PER' })),
      };
      const got = effectiveAnnotations(predicted, stored);
      assert.deepEqual(got, referenceEffective(predicted, stored), `round ${round}`);
      kept += got.length;
    }
    assert.ok(kept > 2000, `annotations compared: ${kept}`);
  });
});
