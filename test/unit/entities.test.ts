import { strict as assert } from 'node:assert';
import { createEntityRecognizer, linkEntities } from '../../server/src/service/entities';
import { withoutSpaces } from '../../server/src/service/entities/link';
import { SURNAMES } from '../../server/src/service/entities/features';
import { RARE_SURNAMES, splitNameRun } from '../../server/src/service/entities/patterns';
import type { EntityMention } from '../../server/src/service/types';

const plain = createEntityRecognizer({});
const show = (ms: EntityMention[]) => ms.map((m) => `${m.text}/${m.type}@${m.start}`);

describe('entity recogniser: gazetteer and patterns', () => {
  it('finds gazetteer names in Simplified text with exact offsets', () => {
    const text = '俄罗斯总统普京与美国总统特朗普通电话';
    assert.deepEqual(show(plain.recognize(text)), ['俄罗斯/LOC@0', '普京/PER@5', '美国/LOC@8', '特朗普/PER@12']);
  });

  it('finds the same names in Traditional text at the same offsets, returning the original characters', () => {
    const text = '俄羅斯總統普京與美國總統特朗普通電話';
    const ms = plain.recognize(text);
    assert.deepEqual(show(ms), ['俄羅斯/LOC@0', '普京/PER@5', '美國/LOC@8', '特朗普/PER@12']);
    for (const m of ms) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('keeps offsets exact when opencc converts multi-character phrases (軟體, 網路, 計程車) before an entity', () => {
    const text = '臺灣的軟體公司在網路上叫計程車，法新社報導';
    const ms = plain.recognize(text);
    const media = ms.find((m) => m.type === 'MEDIA');
    assert.ok(media, show(ms).join(' '));
    assert.equal(media.text, '法新社');
    assert.equal(media.start, text.indexOf('法新社'));
  });

  it('counts an astral (Extension B) character before an entity as two UTF-16 units', () => {
    const text = '𠀀𠀁據塔斯社報道';
    const ms = plain.recognize(text);
    assert.deepEqual(show(ms), ['塔斯社/MEDIA@5']);
  });

  const media: [string, string][] = [
    ['據塔斯社報道', '塔斯社'],
    ['法新社消息', '法新社'],
    ['新華社電', '新華社'],
    ['英國金融時報稱', '金融時報'],
    ['彭博社報導', '彭博社'],
    ['中央社記者', '中央社'],
    ['觀察者網訊', '觀察者網'],
    ['路透社和美聯社', '路透社'],
    ['BBC報道', 'BBC'],
    ['CNN記者', 'CNN'],
  ];
  for (const [text, name] of media) {
    it(`tags ${name} as MEDIA in "${text}"`, () => {
      const hit = plain.recognize(text).find((m) => m.text === name);
      assert.equal(hit?.type, 'MEDIA');
    });
  }

  it('builds organisation names on a known place (烏克蘭外交部, 美國國防部, 台南市永康分局)', () => {
    for (const name of ['烏克蘭外交部', '美國國防部', '台南市永康分局', '美國駐烏克蘭大使館']) {
      const ms = plain.recognize(`${name}表示`);
      assert.deepEqual(show(ms), [`${name}/ORG@0`]);
    }
  });

  it('finds company names by their business ending at a clear left edge, not plain nouns', () => {
    assert.deepEqual(show(plain.recognize('全球最大女鞋生产企业之一的華堅集團')), ['華堅集團/ORG@13']);
    assert.deepEqual(show(plain.recognize('死者為台南市興南客運司機')), ['台南市/LOC@3', '興南客運/ORG@6']);
    assert.deepEqual(show(plain.recognize('隨著發展高科技')), []);
  });

  it('extends a region by 地区 and 流域', () => {
    assert.deepEqual(show(plain.recognize('长江中下游地区有雨')), ['长江中下游地区/LOC@0']);
  });

  it('recognises a transliterated name after a title, and dotted names', () => {
    assert.deepEqual(show(plain.recognize('總統助理烏沙科夫說')), ['烏沙科夫/PER@4']);
    assert.deepEqual(show(plain.recognize('總統唐納德·川普')), ['唐納德·川普/PER@2']);
  });

  it('marks paired country abbreviations (美俄) but not 中英文 or 美方', () => {
    assert.deepEqual(show(plain.recognize('美俄關係')), ['美/LOC@0', '俄/LOC@1']);
    assert.deepEqual(show(plain.recognize('中英文版本')), []);
    assert.deepEqual(show(plain.recognize('美方表示')), []);
  });

  const cityPairs: [string, string[]][] = [
    ['深穗莞三地房价', ['深/LOC@0', '穗/LOC@1', '莞/LOC@2']],
    // (京沪高铁 is one road, the transport family's: entities-transport.test.ts.)
    ['京沪两地', ['京/LOC@0', '沪/LOC@1']],
    ['京港台时间', ['京/LOC@0', '港/LOC@1', '台/LOC@2']],
    // Doubled characters and city characters next to country ones are words or names, not places.
    ['他深深地爱着', []],
    ['吃得津津有味', []],
    ['其中沪指收盘下跌', []],
    ['雾岛奈津美的作品', []],
  ];
  for (const [text, want] of cityPairs) {
    it(`city abbreviations in pairs: ${text} → ${want.join(' ') || 'none'}`, () => {
      assert.deepEqual(
        show(plain.recognize(text)).filter((m) => /^[京津冀沪深穗莞粤渝港澳台中美]\//u.test(m)),
        want,
      );
    });
  }

  it('reads a compass word before 部 as a direction (東北地區中東部), keeping 中東 elsewhere', () => {
    assert.ok(!plain.recognize('東北地區中東部降溫').some((m) => m.text === '中東'));
    assert.ok(plain.recognize('中東局勢').some((m) => m.text === '中東'));
  });

  it('reads 白宮 as the administration when it acts, as a place otherwise', () => {
    assert.equal(plain.recognize('白宮周三宣布')[0].type, 'ORG');
    assert.equal(plain.recognize('他重返白宮')[0].type, 'LOC');
  });

  it('lets the user dictionary win over the gazetteer, in either script', () => {
    const r = createEntityRecognizer({
      userDictionary: [
        { text: '美國之音', type: 'ORG' },
        { text: '张小明', type: 'PER' },
      ],
    });
    const ms = r.recognize('美國之音採訪張小明');
    assert.deepEqual(show(ms), ['美國之音/ORG@0', '張小明/PER@6']);
    assert.equal(ms[0].source, 'user');
  });

  it('returns sorted, non-overlapping mentions whose text is the original substring', () => {
    const text = '據塔斯社報道，白宮和五角大樓周三宣布，美國國防部長與烏克蘭外交部會談。';
    const ms = plain.recognize(text);
    for (let i = 0; i < ms.length; i++) {
      assert.equal(text.slice(ms[i].start, ms[i].end), ms[i].text);
      if (i) assert.ok(ms[i].start >= ms[i - 1].end);
      assert.ok(ms[i].confidence > 0 && ms[i].confidence <= 1);
    }
  });
});

describe('entity recogniser: where a place-built organisation or a dotted name stops', () => {
  // Without a model only the gazetteer and patterns run, so each answer here is the pattern's own.
  const cases: [string, string[], string[]][] = [
    ['俄罗斯和北约在巴黎正式签署了文件', ['巴黎/LOC'], ['巴黎正式签署']],
    ['五国元首在莫斯科签署了协定', ['莫斯科/LOC'], ['莫斯科签署']],
    ['在香港设立终审法院是落实一国两制的要求', ['香港/LOC'], ['香港设立终审法院']],
    ['以色列总理本雅明·内塔尼亚胡今天表示', ['本雅明·内塔尼亚胡/PER'], ['理本雅明·内塔尼亚胡']],
    ['乌克兰外交部发表声明', ['乌克兰外交部/ORG'], []],
    // A country's 政府 is the country and a generic noun (as MSRA marks it); a named body stays one organisation.
    ['中国政府和人民始终支持', ['中国/LOC'], ['中国政府']],
    ['经过长春市人民政府的努力', ['长春市人民政府/ORG'], []],
    // A ministry of no one country is generic too; a country's stays a name.
    ['俄美兩國外交部、國防部和總統助理將保持聯繫', [], ['外交部', '國防部']],
    ['美国国防部发表声明', ['美国国防部/ORG'], []],
  ];
  for (const [text, want, never] of cases) {
    it(`${text} → ${want.join(' ')}`, () => {
      const found = plain.recognize(text).map((m) => `${m.text}/${m.type}`);
      for (const w of want) assert.ok(found.includes(w), found.join(' '));
      for (const n of never) assert.ok(!found.some((f) => f.startsWith(`${n}/`)), found.join(' '));
    });
  }
});

describe('entity recogniser: names run together in a list', () => {
  const cases: [string, string[] | undefined][] = [
    ['杨尚昆万里宋平薄一波', ['杨尚昆', '万里', '宋平', '薄一波']],
    ['王平伍修权', ['王平', '伍修权']],
    ['刘澜涛江华', ['刘澜涛', '江华']],
    // One name: too short to be a list, a compound surname, a dotted or transliterated name.
    ['王海王群', undefined],
    ['欧阳明华', undefined],
    ['欧阳中石王明', undefined],
    ['阿沛·阿旺晋美', undefined],
    ['马拉多纳', undefined],
    ['克瓦希涅夫斯基', undefined],
  ];
  for (const [run, names] of cases) {
    it(`${run} → ${names ? names.join(' | ') : 'one name'}`, () => {
      const pieces = splitNameRun(run, new Set([...SURNAMES, ...RARE_SURNAMES]));
      assert.deepEqual(
        pieces?.map(([a, b]) => run.slice(a, b)),
        names,
      );
    });
  }
});

describe('entity recogniser: road names', () => {
  const cases: [string, string[], string[]][] = [
    ['行經台南市東區崇明路與中華東路口時', ['崇明路/LOC', '中華東路/LOC'], ['中/LOC', '華東/LOC']],
    ['轄區永安路發生民眾輕生', ['永安路/LOC'], []],
    ['新北市汐止區大同路三段一處社區', ['大同路三段/LOC'], []],
    ['北京市朝阳区大屯路甲11号', ['大屯路/LOC'], []],
    // Words that end in 路 or 街 without naming a road.
    ['沿著這條道路走', [], ['道路']],
    ['公司盈利能力却在走下坡路', [], ['走下坡路']],
    ['使政治路线得到延续', [], ['政治路']],
    ['顺德区大良街道党工委', [], ['大良街']],
    ['在网路上购买', [], ['网路']],
    ['这是经济之路', [], ['济之路']],
  ];
  for (const [text, want, never] of cases) {
    it(`${text} → ${want.join(' ') || 'no road'}`, () => {
      const found = plain.recognize(text).map((m) => `${m.text}/${m.type}`);
      for (const w of want) assert.ok(found.includes(w), found.join(' '));
      for (const n of never) assert.ok(!found.some((f) => f === n || f.startsWith(`${n}/`)), found.join(' '));
    });
  }
});

describe('entity linking', () => {
  const link = (text: string, extra: EntityMention[] = []) => {
    const ms = [...plain.recognize(text), ...extra].sort((a, b) => a.start - b.start);
    return linkEntities(text, ms);
  };

  it('links 普京 and 普京總統 forms into one cluster', () => {
    const text = '普京表示。普京總統說';
    const m2: EntityMention = { start: 5, end: 9, text: '普京總統', type: 'PER', confidence: 1, source: 'user' };
    const ms = plain.recognize(text).filter((m) => m.start < 5);
    const clusters = linkEntities(text, [...ms, m2]);
    assert.equal(clusters.length, 1);
    assert.deepEqual(clusters[0].aliases, ['普京', '普京總統']);
    assert.equal(clusters[0].canonical, '普京');
  });

  it('links 特朗普 and the Taiwanese 川普', () => {
    const clusters = link('特朗普與川普是同一人').filter((c) => c.type === 'PER');
    assert.equal(clusters.length, 1);
    assert.deepEqual(clusters[0].aliases, ['特朗普', '川普']);
    assert.equal(clusters[0].mentions.length, 2);
  });

  it('links 美 in 美俄 to 美國 and keeps the full name canonical', () => {
    const clusters = link('美國與俄羅斯。美俄關係');
    const us = clusters.find((c) => c.aliases.includes('美'));
    assert.ok(us);
    assert.equal(us.canonical, '美國');
    assert.deepEqual(us.aliases, ['美國', '美']);
    assert.equal(clusters.length, 2);
  });

  it('numbers clusters in order of first mention', () => {
    const clusters = link('法新社報道，美國與俄羅斯');
    assert.deepEqual(
      clusters.map((c) => c.id),
      clusters.map((_, i) => i),
    );
    assert.equal(clusters[0].canonical, '法新社');
  });
});

describe("entity linking: canonical names in the article's script", () => {
  it("writes the alias-table name of 美 in Traditional when only 美 occurs (美國 from the text's own 國)", () => {
    const text = '美俄兩國元首通話，雙方討論烏克蘭問題。';
    const clusters = linkEntities(text, plain.recognize(text));
    const us = clusters.find((c) => c.aliases.includes('美'));
    assert.ok(us, JSON.stringify(clusters));
    assert.equal(us.canonical, '美國');
  });
});

describe('entity linking: containment and stripped forms', () => {
  const mention = (text: string, start: number, type: EntityMention['type']): EntityMention => ({
    start,
    end: start + text.length,
    text,
    type,
    confidence: 0.9,
    source: 'model',
  });

  it('folds a company name without 集團 into the full name, which stays canonical', () => {
    const text = '龍湖集團宣布，龍湖表示';
    const clusters = linkEntities(text, [mention('龍湖集團', 0, 'ORG'), mention('龍湖', 7, 'ORG')]);
    assert.equal(clusters.length, 1);
    assert.equal(clusters[0].canonical, '龍湖集團');
    assert.equal(clusters[0].mentions.length, 2);
  });

  it('orders clusters by their first mention after folding (a short name before its full name moves the cluster up)', () => {
    const text = '潘说，美国和潘振声';
    const clusters = linkEntities(text, [mention('潘', 0, 'PER'), mention('美国', 3, 'LOC'), mention('潘振声', 6, 'PER')]);
    assert.deepEqual(
      clusters.map((c) => `${c.id} ${c.canonical} ${c.mentions.map((m) => m.start).join(',')}`),
      ['0 潘振声 0,6', '1 美国 3'],
    );
  });

  it('folds a bare surname into the only full name that starts with it', () => {
    const text = '潘振声作曲。潘老说';
    const clusters = linkEntities(text, [mention('潘振声', 0, 'PER'), mention('潘', 6, 'PER')]);
    assert.equal(clusters.length, 1);
    assert.deepEqual(clusters[0].aliases, ['潘振声', '潘']);
  });

  it('counts a full name that starts and ends with the short one as one host, and sorts the joined mentions', () => {
    // 王小王 is listed under 王 both as a prefix and as a suffix: still one name the bare surname can belong to.
    const text = '王说，王小王说';
    const clusters = linkEntities(text, [mention('王', 0, 'PER'), mention('王小王', 3, 'PER')]);
    assert.equal(clusters.length, 1);
    assert.deepEqual(
      clusters[0].mentions.map((m) => m.start),
      [0, 3],
    );
    assert.equal(clusters[0].canonical, '王小王');
  });

  it('keys each text once per type: the same text as a person and an organisation is two clusters, two texts of one key one', () => {
    const text = '華為說，華為公司與華為的任正非';
    const clusters = linkEntities(text, [
      mention('華為', 0, 'ORG'),
      mention('華為公司', 4, 'ORG'),
      mention('華為', 9, 'PER'),
      mention('任正非', 12, 'PER'),
    ]);
    assert.deepEqual(
      clusters.map((c) => [c.type, c.aliases.join('/'), c.mentions.map((m) => m.start).join(',')]),
      [
        ['ORG', '華為/華為公司', '0,4'],
        ['PER', '華為', '9'],
        ['PER', '任正非', '12'],
      ],
    );
  });

  it("takes the first form written as the key for the canonical name (習近平 before 习近平), in order of the forms' first mentions", () => {
    const text = '習近平說，习近平稱，習近平總書記';
    const clusters = linkEntities(text, [mention('習近平', 0, 'PER'), mention('习近平', 5, 'PER'), mention('習近平', 10, 'PER')]);
    assert.equal(clusters.length, 1);
    assert.deepEqual(clusters[0].aliases, ['習近平', '习近平']);
    assert.equal(clusters[0].canonical, '習近平');
  });

  it("lists each cluster's texts once, in order of first mention, in a cluster of many mentions and a text in two clusters", () => {
    const texts = [
      '華為',
      '華為公司',
      '華為',
      '華爲',
      '華為公司',
      '華為',
      '華為',
      '任正非',
      '華為',
      '任正非',
      '華為',
      '華為',
      '華為',
      '華為',
    ];
    const types: EntityMention['type'][] = [
      'ORG',
      'ORG',
      'ORG',
      'ORG',
      'ORG',
      'PER',
      'PER',
      'PER',
      'PER',
      'PER',
      'PER',
      'ORG',
      'PER',
      'PER',
    ];
    let at = 0;
    const ms = texts.map((t, i) => {
      const m = mention(t, at, types[i]);
      at += t.length + 1;
      return m;
    });
    const clusters = linkEntities(ms.map((m) => m.text).join('，'), ms);
    assert.deepEqual(
      clusters.map((c) => [c.type, c.aliases.join('/'), c.mentions.length]),
      [
        ['ORG', '華為/華為公司/華爲', 6],
        ['PER', '華為', 6],
        ['PER', '任正非', 2],
      ],
    );
  });

  it('reads a name that is a property of every object (constructor, toString) as any other name', () => {
    for (const type of ['PER', 'ORG', 'LOC'] as const) {
      const clusters = linkEntities('constructor, toString, constructor', [
        mention('constructor', 0, type),
        mention('toString', 13, type),
        mention('constructor', 23, type),
      ]);
      assert.deepEqual(
        clusters.map((c) => [c.canonical, c.aliases.join('/'), c.mentions.length]),
        [
          ['constructor', 'constructor', 2],
          ['toString', 'toString', 1],
        ],
      );
    }
  });

  it('withoutSpaces drops every run of white space, as the regex does, and returns a name without any as it is', () => {
    for (const s of ['', '普京', '\t普京', ' 普 京 ', '唐纳德\u3000·\t特朗普\n', '\u00a0\ufeffA B'])
      assert.equal(withoutSpaces(s), s.replace(/\s+/g, ''), JSON.stringify(s));
  });

  it('keeps a bare surname apart when two full names share it', () => {
    const text = '王文、王毅和王';
    const clusters = linkEntities(text, [mention('王文', 0, 'PER'), mention('王毅', 3, 'PER'), mention('王', 6, 'PER')]);
    assert.equal(clusters.length, 3);
  });
});

describe('entity recogniser: compass parts and common-word names', () => {
  it('cuts the compass part off a place without eating the place (湖北西北部 → 湖北, 廣東西北部 → 廣東)', () => {
    const found = show(plain.recognize('湖北西北部、廣東西北部、黑龍江東部'));
    assert.ok(found.includes('湖北/LOC@0'), found.join(' '));
    assert.ok(found.includes('廣東/LOC@6'), found.join(' '));
    assert.ok(!found.some((m) => m.startsWith('湖/') || m.startsWith('廣/')), found.join(' '));
  });

  it('reads 美德 as a word, not a pair of country abbreviations, and 民主党派 as no party', () => {
    assert.deepEqual(show(plain.recognize('传统的美德')), []);
    assert.deepEqual(show(plain.recognize('各民主党派人士')), []);
  });
});

describe('entity recogniser: bylines', () => {
  it('finds the reporter in a byline (記者林悅／南市報導, 本报记者张三 摄), not a word after 记者', () => {
    assert.ok(show(plain.recognize('記者林悅／南市報導')).includes('林悅/PER@2'));
    assert.ok(show(plain.recognize('本报记者张三 摄')).includes('张三/PER@4'));
    assert.deepEqual(
      plain.recognize('记者表示，他很好').filter((m) => m.type === 'PER'),
      [],
    );
    assert.ok(show(plain.recognize('【文/观察者网专栏作者 王文】')).includes('王文/PER@12'));
    assert.deepEqual(
      plain.recognize('作者表示 同意').filter((m) => m.type === 'PER'),
      [],
    );
  });
});
