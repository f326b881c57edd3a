/**
 * The categories of names that failed on articles nobody tuned for (issue 11), each pinned on sentences written
 * for this test (none from the gold pages), in Simplified and in Traditional script.
 */
import { strict as assert } from 'node:assert';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { RULE_FAMILIES } from '../../server/src/service/entities/recognizer';
import {
  brandSpans,
  companyStem,
  facilitySpans,
  honorificSurnameSpans,
  latinOutletSpans,
  outletSpans,
  paperSpans,
  PAPER_SCAN_PARTS,
  pseudonymSpans,
} from '../../server/src/service/entities/context-names';
import {
  LEX_LOC,
  LEX_ORG,
  LEX_PER,
  LEX_WORD,
  NameLexicon,
  parseLexicon,
  serializeLexicon,
} from '../../server/src/service/entities/lexicon';
import { encodeModel, NTAGS, openModel } from '../../server/src/service/entities/tagger';
import { WordSet } from '../../server/src/service/entities/words';
import { loadNerModel } from '../../server/src/node/model';
import { toTraditional } from '../../server/src/service/convert';
import type { EntityMention } from '../../server/src/service/types';

const SURNAMES = new Set([...'王李张刘陈周林赵']);
const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`);
const texts = (norm: string, spans: { start: number; end: number; type: string }[]) =>
  spans.map((s) => `${norm.slice(s.start, s.end)}/${s.type}`);

describe('name lexicon (external lexicon features)', () => {
  const lex = new NameLexicon([
    ['澄江', LEX_LOC],
    ['澄江镇', LEX_LOC],
    ['江镇', LEX_PER],
    ['研究所', LEX_ORG | LEX_WORD],
  ]);

  it('looks entries up by exact string and returns their class bits', () => {
    assert.equal(lex.get('在澄江镇', 1, 3), LEX_LOC);
    assert.equal(lex.get('在澄江镇', 2, 2), LEX_PER);
    assert.equal(lex.get('研究所', 0, 3), LEX_ORG | LEX_WORD);
    assert.equal(lex.get('澄江市', 0, 3), 0);
    assert.equal(lex.get('澄', 0, 1), 0);
  });

  it('marks each character with its position in the longest entry of each class', () => {
    const text = '到澄江镇去';
    const marks = new Uint8Array(text.length);
    const len = new Uint8Array(text.length);
    lex.marks(text, marks, len, new Uint8Array(text.length * 4));
    const loc = (i: number) => (marks[i] >> 2) & 3;
    const per = (i: number) => marks[i] & 3;
    assert.deepEqual([0, 1, 2, 3, 4].map(loc), [0, 1, 2, 3, 0]);
    assert.deepEqual([0, 1, 2, 3, 4].map(per), [0, 0, 1, 3, 0]);
    assert.deepEqual([...len], [0, 3, 3, 3, 0]);
  });

  it('round-trips through its text form and through the model file', () => {
    const entries: [string, number][] = [
      ['澄江', LEX_LOC],
      ['研究所', LEX_ORG | LEX_WORD],
    ];
    assert.deepEqual(parseLexicon(serializeLexicon(entries)), entries);
    const bits = 4;
    const bytes = encodeModel({
      bits,
      emission: new Float32Array((1 << bits) * NTAGS).fill(0.5),
      transition: new Float32Array((NTAGS + 1) * NTAGS),
      names: entries,
    });
    // The model file holds the lexicon's table, not its text: every entry answers with its classes, nothing else does.
    const names = openModel(bytes).names!;
    assert.equal(names.size, entries.length);
    for (const [w, bits] of entries) assert.equal(names.get(w, 0, w.length), bits, w);
    assert.equal(names.get('澄江县', 0, 3), 0);
  });
});

describe('names the article introduces itself (pattern level, no model)', () => {
  it('takes the surname before an honorific as a person, not inside a longer name', () => {
    const norm = '记者见到周先生，林女士说。老王先生也在';
    assert.deepEqual(texts(norm, honorificSurnameSpans(norm, SURNAMES)), ['周/PER', '林/PER']);
  });

  it('takes the name before a pseudonym note as a person', () => {
    const norm = '今年十岁的小雨(化名)说，网友阿强（化名）也来了';
    assert.deepEqual(texts(norm, pseudonymSpans(norm, SURNAMES)), ['小雨/PER', '阿强/PER']);
  });

  it('reads outlets named as a source, by a dateline, or by a newspaper ending', () => {
    const norm = '据江城网报道，来源：滨海网\n滨海网5月3日讯（记者）\n他在《江南晚报》发表文章。上报说明情况';
    const found = [...texts(norm, outletSpans(norm, [])), ...texts(norm, paperSpans(norm))];
    assert.ok(found.includes('江城网/MEDIA'), found.join(' '));
    assert.ok(found.includes('滨海网/MEDIA'), found.join(' '));
    assert.ok(found.includes('江南晚报/MEDIA'), found.join(' '));
    assert.ok(!found.some((f) => f.startsWith('上报')), found.join(' '));
  });

  it('extends a known outlet by its channel and reads Latin outlets', () => {
    const norm = '央视新闻频道播出，BBC News and The Daily Telegraph reported';
    assert.deepEqual(texts(norm, outletSpans(norm, [{ start: 0, end: 2, type: 'MEDIA' }])), ['央视新闻频道/MEDIA']);
    assert.deepEqual(texts(norm, latinOutletSpans(norm)), ['BBC News/MEDIA', 'The Daily Telegraph/MEDIA']);
    assert.deepEqual(texts('Fake News is a phrase', latinOutletSpans('Fake News is a phrase')), []);
  });

  it('extends every known outlet of a line, given in any order, a later span of the same start winning', () => {
    const norm = '央视新闻报道，新华社客户端发布，人民网称，又见央视频道';
    const at = (name: string, from = 0) => norm.indexOf(name, from);
    const media = (name: string, from = 0) => ({ start: at(name, from), end: at(name, from) + name.length, type: 'MEDIA' as const });
    // Unsorted, with a place among them, and 人民网 known twice (the second, shorter reading is the one kept).
    const known = [
      media('央视', 10),
      media('新华社'),
      { start: 0, end: 2, type: 'LOC' as const },
      media('人民网'),
      media('人民'),
      media('央视'),
    ];
    assert.deepEqual(texts(norm, outletSpans(norm, known)), ['央视新闻/MEDIA', '新华社客户端/MEDIA', '人民网/MEDIA', '央视频道/MEDIA']);
    // Known outlets at neighbouring starts: the first extends to nothing, the second to its channel.
    const pair = [
      { start: 1, end: 2, type: 'MEDIA' as const },
      { start: 0, end: 1, type: 'MEDIA' as const },
    ];
    assert.deepEqual(texts('央视新闻', outletSpans('央视新闻', pair)), ['视新闻/MEDIA']);
  });

  it('takes a facility built on the nearest place as a place, and metro lines and terminals', () => {
    const norm = '从青州东湖露营地到青州客运站，换乘地铁六号线到T2航站楼';
    const places = [
      { start: 1, end: 3, type: 'LOC' as const },
      { start: 9, end: 11, type: 'LOC' as const },
    ];
    assert.deepEqual(
      texts(norm, facilitySpans(norm, places)).sort(),
      ['T2航站楼/LOC', '地铁六号线/LOC', '青州东湖露营地/LOC', '青州客运站/LOC'].sort(),
    );
  });

  it('takes a coined stem before a business ending as a company, not a plain word', () => {
    const words = new WordSet(['发展', '高科', '个人', '科技']);
    const norm = '澄星科技发布财报，发展高科技，个人征信';
    assert.deepEqual(texts(norm, brandSpans(norm, words)), ['澄星科技/ORG']);
    assert.equal(companyStem('澄星科技'), '澄星');
    assert.equal(companyStem('鲸鱼征信'), '鲸鱼');
    assert.equal(companyStem('澄星'), undefined);
  });
});

describe('categories of issue 11 with the shipped model, in both scripts', function () {
  this.timeout(60000);
  const model = loadNerModel();
  const recognizer = createEntityRecognizer({ model });
  const both = (simplified: string, check: (ms: EntityMention[], text: string) => void) => {
    for (const text of [simplified, toTraditional(simplified)]) check(recognizer.recognize(text), text);
  };
  const has = (ms: EntityMention[], text: string, surface: string, type: string) =>
    assert.ok(
      ms.some((m) => m.text === surface && m.type === type),
      `${surface}/${type} not in ${show(ms).join(' ')} (${text})`,
    );
  const not = (ms: EntityMention[], text: string, pred: (m: EntityMention) => boolean, why: string) =>
    assert.ok(!ms.some(pred), `${why}: ${show(ms).join(' ')} (${text})`);

  before(function () {
    if (!model) assert.fail('models/ner.bin is missing');
  });

  it('pseudonyms and honorific surnames', () => {
    both('今年九岁的小雨（化名）在青州上学，小雨说她想家。', (ms, t) => {
      assert.equal(ms.filter((m) => m.type === 'PER' && m.text === '小雨').length, 2, show(ms).join(' '));
      has(ms, t, '小雨', 'PER');
    });
    both('记者见到了周先生，林女士也在场。', (ms, t) => {
      has(ms, t, '周', 'PER');
      has(ms, t, '林', 'PER');
    });
  });

  it('an unlisted company, then its stem alone, with the stem marked by article-level consistency', () => {
    both('澄星科技昨日发布财报。澄星表示，今年营收增长三成。', (ms, t) => {
      has(ms, t, t.slice(0, 4), 'ORG');
      const stem = ms.find((m) => m.start === t.indexOf('澄星', 4));
      assert.ok(stem && stem.type === 'ORG' && stem.source === 'consistency', show(ms).join(' '));
    });
  });

  it('facilities named after places', () => {
    both('游客从杭州东站出发，前往西溪湿地公园。', (ms, t) => {
      has(ms, t, t.slice(t.indexOf('西溪'), t.indexOf('。')), 'LOC');
    });
    both('旅客可乘坐地铁六号线前往T2航站楼。', (ms, t) => {
      has(ms, t, t.slice(5, 10), 'LOC');
      has(ms, t, t.slice(12, 17), 'LOC');
    });
  });

  it('outlets ending in 网/报, outlets with a channel, and Latin outlets', () => {
    both('据江城网报道，此事已有定论。', (ms, t) => has(ms, t, t.slice(1, 4), 'MEDIA'));
    both('他在《江南晚报》发表文章。', (ms, t) => has(ms, t, t.slice(3, 7), 'MEDIA'));
    both('央视新闻频道当晚播出了这段视频。', (ms, t) => has(ms, t, t.slice(0, 6), 'MEDIA'));
    both('英国BBC News当天也报道了此事。', (ms, t) => has(ms, t, 'BBC News', 'MEDIA'));
  });

  it('no torn characters, no generic nouns, no punctuation inside a name', () => {
    both('快递小哥汪明说，汪明先生每天送货。', (ms, t) => {
      not(ms, t, (m) => m.type === 'PER' && (m.text.startsWith('哥') || m.text.endsWith('先')), 'a name took a character of the next word');
    });
    both('公司表示，酒店已经关闭，工作组正在调查。', (ms, t) => {
      not(ms, t, (m) => ['公司', '工作组', '工作組'].includes(m.text), 'a generic noun was marked');
    });
    both('他说：“王大明、李小华和张三丰”都来了，《青山报》也到了。', (ms, t) => {
      not(ms, t, (m) => /[：“”、《》，]/u.test(m.text), 'a name holds punctuation');
    });
    both('伤者被送往青州医院及东湖医院救治。', (ms, t) => {
      not(ms, t, (m) => m.text.includes('及'), 'two organisations read as one');
    });
  });

  it('says where each name came from: model, lexicon, article-level consistency, user dictionary', () => {
    const user = createEntityRecognizer({ model, userDictionary: [{ text: '扬眼', type: 'MEDIA' }] });
    const ms = user.recognize('扬眼记者获悉，王大明在青州说。王大明随后离开。');
    assert.equal(ms.find((m) => m.text === '扬眼')?.source, 'user');
    const sources = new Set(ms.map((m) => m.source));
    assert.ok(sources.has('consistency') || sources.has('model') || sources.has('lexicon'), show(ms).join(' '));
    const lex = recognizer.recognize('徐悲鸿的画在展出。');
    assert.equal(lex.find((m) => m.text === '徐悲鸿')?.source, 'lexicon', show(lex).join(' '));
  });

  it('switches each rule family off for the ablation table, and only that family', () => {
    const text = '今年九岁的小雨（化名）说，据江城网报道。';
    for (const family of RULE_FAMILIES) {
      const ms = createEntityRecognizer({ model, disable: [family] }).recognize(text);
      if (family === 'pseudonyms') assert.ok(!ms.some((m) => m.text === '小雨'), show(ms).join(' '));
      else if (family === 'outlets') assert.ok(!ms.some((m) => m.text === '江城网' && m.type === 'MEDIA'), show(ms).join(' '));
      else {
        assert.ok(
          ms.some((m) => m.text === '小雨'),
          `${family}: ${show(ms).join(' ')}`,
        );
        assert.ok(
          ms.some((m) => m.text === '江城网' && m.type === 'MEDIA'),
          `${family}: ${show(ms).join(' ')}`,
        );
      }
    }
  });
});

describe('paperSpans', () => {
  const { PAPER, DATELINE, DATELINE_OUTLET, PAPER_LAST, SELF_REFERENCE, LINE_OPENER, clearLeft, XUN } = PAPER_SCAN_PARTS;
  /** paperSpans as it was: 讯 and 报/刊 looked for afresh at every position. */
  function reference(norm: string): { start: number; end: number; type: string }[] {
    const out: { start: number; end: number; type: string }[] = [];
    for (let i = 0; i < norm.length; i++) {
      const c = norm.charCodeAt(i);
      if (!(c >= 0x3400 && c <= 0x9fff)) continue;
      if (i > 0 && !clearLeft(norm.charCodeAt(i - 1))) continue;
      if (SELF_REFERENCE[c]) continue;
      const line = i === 0 || LINE_OPENER[norm.charCodeAt(i - 1)] === 1;
      let xun = false;
      for (let k = i; k < Math.min(norm.length, i + 20); k++) xun ||= norm.charCodeAt(k) === XUN;
      const d = line && xun ? DATELINE.exec(norm.slice(i, i + 20)) : null;
      if (d && (/[A-Za-z]/.test(d[1]) || DATELINE_OUTLET.test(d[1]))) {
        out.push({ start: i, end: i + d[1].length, type: 'MEDIA' });
        i += d[1].length - 1;
        continue;
      }
      let paper = false;
      for (let k = i + 3; k < i + 10 && k < norm.length && !paper; k++) paper = PAPER_LAST[norm.charCodeAt(k)] === 1;
      if (!paper) continue;
      const m = PAPER.exec(norm.slice(i, i + 10));
      if (m) {
        out.push({ start: i, end: i + m[0].length, type: 'MEDIA' });
        i += m[0].length - 1;
      }
    }
    return out;
  }

  it('finds what a scan for 讯 and 报/刊 at every position finds', () => {
    const pieces = [
      '讯',
      '报',
      '刊',
      '日报',
      '晚报',
      '网',
      '社',
      '青',
      '州',
      '江',
      '南',
      '本',
      '该',
      '5月3日',
      '\n',
      '（',
      '，',
      ' ',
      'e',
      'A',
      '的',
    ];
    let x = 3;
    const rnd = (n: number) => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) >>> 8) % n;
    let found = 0;
    for (let round = 0; round < 20000; round++) {
      let s = '';
      for (let k = rnd(30); k >= 0; k--) s += pieces[rnd(pieces.length)];
      const want = reference(s);
      found += want.length;
      assert.deepEqual(paperSpans(s), want, s);
    }
    assert.ok(found > 3000, `${found} found`);
  });
});
