/**
 * splitPlaceModifiers (article-level.ts): a name that begins with a place, whose rest the article also writes on its
 * own elsewhere, is the place + the name. The cuts are looked for from the longest place down; the rests are
 * indexed only where a cut may need them, so these cases pin the answers of reading every mention.
 */
import * as assert from 'node:assert/strict';
import { splitPlaceModifiers } from '../../server/src/service/entities/article-level';
import type { EntityMention, EntityType } from '../../server/src/service/types';

const PLACES = ['湖北', '武汉', '湖北武汉', '日本', '浙江', '台南市', '深圳'];
const WORDS = ['体育', '中心'];
const text =
  '湖北武汉金银潭医院收治病人。金银潭医院表示，日本伊戈尔到访，伊戈尔说。浙江证监局称，证监局说。' +
  '武汉体育中心开放，体育中心说。深圳大疆发布，深圳大疆称。武汉三一重工。三一重工说。用户武汉银行，武汉银行。' +
  '武汉金银潭医院开放。深圳南山站停运，南山站说。';
const isPlace = (a: number, b: number) => PLACES.includes(text.slice(a, b));
const isWord = (a: number, len: number) => WORDS.includes(text.slice(a, a + len));
const all = (s: string, type: EntityType, source: EntityMention['source'] = 'model'): EntityMention[] => {
  const out: EntityMention[] = [];
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1))
    out.push({ start: i, end: i + s.length, text: s, type, confidence: 0.8, source });
  return out;
};
const mentions = [
  ...all('湖北武汉金银潭医院', 'ORG'),
  ...all('金银潭医院', 'ORG').filter((m) => m.start > 10),
  ...all('日本伊戈尔', 'PER'), // a person: not split
  ...all('伊戈尔', 'PER').filter((m) => m.start > 25),
  ...all('浙江证监局', 'ORG'), // a body of government keeps its place
  ...all('证监局', 'ORG').filter((m) => m.start > 40),
  ...all('武汉体育中心', 'LOC'), // the rest is only words: a description
  ...all('体育中心', 'LOC').filter((m) => m.start > 50),
  ...all('深圳大疆', 'ORG'), // the rest only ever after the same place: no split
  ...all('大疆', 'ORG'),
  ...all('武汉三一重工', 'ORG'), // a digit after the place
  ...all('三一重工', 'ORG').filter((m) => m.start > 80),
  ...all('武汉银行', 'ORG', 'user').slice(0, 1),
  ...all('武汉银行', 'ORG').slice(1),
  // Two cuts whose rests both stand alone: the longer place is taken (湖北武汉 + 金银潭医院, not 湖北 + 武汉金银潭医院).
  ...all('武汉金银潭医院', 'ORG').filter((m) => m.start > 10),
  // A place, not an organisation: a government ending keeps no place.
  ...all('深圳南山站', 'LOC'),
  ...all('南山站', 'LOC').slice(1),
].sort((a, b) => a.start - b.start);

describe('place modifiers (splitPlaceModifiers)', () => {
  it('splits where the rest stands alone elsewhere, the longest place first, and leaves the rest', () => {
    const out = splitPlaceModifiers(mentions, text, text, isPlace, isWord);
    assert.deepEqual(
      out.map((m) => `${m.text}/${m.type}/${m.source}@${m.start}`),
      [
        '湖北武汉/LOC/model@0',
        '金银潭医院/ORG/article@4',
        '金银潭医院/ORG/model@14',
        '日本伊戈尔/PER/model@22',
        '伊戈尔/PER/model@30',
        '浙江证监局/ORG/model@35',
        '证监局/ORG/model@42',
        '武汉体育中心/LOC/model@47',
        '体育中心/LOC/model@56',
        '深圳大疆/ORG/model@62',
        '大疆/ORG/model@64',
        '深圳大疆/ORG/model@69',
        '大疆/ORG/model@71',
        '武汉三一重工/ORG/model@75',
        '三一重工/ORG/model@82',
        '武汉银行/ORG/user@90',
        '武汉银行/ORG/model@95',
        '武汉/LOC/model@100',
        '金银潭医院/ORG/article@102',
        '金银潭医院/ORG/model@102',
        '深圳/LOC/model@110',
        '南山站/LOC/article@112',
        '南山站/LOC/model@118',
      ],
    );
  });

  it('splits nothing when no rest stands alone (the same mentions, in a new array)', () => {
    const few = mentions.filter((m) => m.type === 'PER');
    const out = splitPlaceModifiers(few, text, text, isPlace, isWord);
    assert.notEqual(out, few);
    assert.deepEqual(out, few);
  });
});
