import * as assert from 'node:assert/strict';
import { MAX_RULES, detectBoilerplate, parseSiteRules, unsafePatternReason } from '../../server/src/service/boilerplate';
import { createLocalizer } from '../../server/src/service/messages';

const BODY = '當地時間7月3日,美國總統特朗普與俄羅斯總統普京通電話,討論了俄烏衝突、中東局勢、美俄雙邊關係等議題,通話持續近一個小時。';
const text = ['特朗普與普京通電話 - 天天要聞', '特朗普與普京通電話', BODY, '（完）', '更多精彩內容請見本站專題', '版權所有'].join('\n');

describe('boilerplate: site rules from .news-annotator.json', () => {
  it('accepts phrases and patterns with kinds', () => {
    const { rules, errors } = parseSiteRules({
      boilerplate: { always: [{ phrase: '本站專題', kind: 'promo' }, { pattern: '^更多.*內容' }], never: [{ phrase: '（完）' }] },
    });
    assert.deepEqual(errors, []);
    assert.equal(rules.always.length, 2);
    assert.equal(rules.never.length, 1);
  });

  it('applies "always" with its kind and "never" over everything else', () => {
    const { rules } = parseSiteRules({
      boilerplate: { always: [{ phrase: '本站專題', kind: 'promo' }], never: [{ phrase: '版權所有' }] },
    });
    const k = detectBoilerplate(text, { rules }).lineKinds;
    assert.equal(k[4], 'promo');
    assert.equal(k[5], null);
    assert.equal(k[2], null);
    assert.equal(detectBoilerplate(text).lineKinds[5], 'copyright');
  });

  it('an "always" match is confident even inside the body', () => {
    const { rules } = parseSiteRules({ boilerplate: { always: [{ pattern: '^（完）$', kind: 'other' }] } });
    const r = detectBoilerplate(text, { rules });
    const b = r.blocks.find((x) => x.startLine === 3);
    assert.ok(b);
    assert.equal(b.kind, 'other');
    assert.equal(b.confident, true);
  });

  const bad: [string, unknown, RegExp][] = [
    ['not an object', 42, /expected a JSON object/],
    ['boilerplate not an object', { boilerplate: [] }, /^boilerplate: expected an object/],
    ['unknown list', { boilerplate: { sometimes: [] } }, /unknown key "sometimes"/],
    ['list not an array', { boilerplate: { always: {} } }, /boilerplate\.always: expected a list/],
    ['entry not an object', { boilerplate: { always: ['版權'] } }, /boilerplate\.always\[0\]: expected an object/],
    ['both pattern and phrase', { boilerplate: { always: [{ pattern: 'a', phrase: 'b' }] } }, /always\[0\]: give exactly one/],
    ['empty phrase', { boilerplate: { never: [{ phrase: ' ' }] } }, /never\[0\]: "phrase" must be a non-empty string/],
    ['unknown kind', { boilerplate: { always: [{ phrase: 'x', kind: 'advert' }] } }, /always\[0\]: kind "advert" is not one of/],
    [
      'invalid regex',
      { boilerplate: { always: [{ pattern: '([' }] } },
      /always\[0\]: pattern "\(\[" rejected: not a valid regular expression/,
    ],
    ['backreference', { boilerplate: { always: [{ pattern: '(a)\\1' }] } }, /backreferences are not supported/],
    ['lookahead', { boilerplate: { never: [{ pattern: 'a(?=b)' }] } }, /never\[0\]: .*lookahead and lookbehind are not supported/],
    ['too long', { boilerplate: { always: [{ pattern: 'a'.repeat(201) }] } }, /longer than 200/],
    ['kind in never', { boilerplate: { never: [{ phrase: 'x', kind: 'promo' }] } }, /"kind" has no meaning in "never"/],
  ];
  for (const [name, json, msg] of bad) {
    it(`reports ${name} with the entry's name`, () => {
      const { errors } = parseSiteRules(json);
      assert.ok(
        errors.some((e) => msg.test(e)),
        errors.join(' | '),
      );
    });
  }

  it('keeps the good entries when one is bad', () => {
    const { rules, errors } = parseSiteRules({ boilerplate: { always: [{ pattern: '(a)\\1' }, { phrase: '本站專題' }] } });
    assert.equal(errors.length, 1);
    assert.equal(rules.always.length, 1);
  });

  it('returns no rules and no errors when the file has no boilerplate section', () => {
    assert.deepEqual(parseSiteRules({ other: 1 }), { rules: { always: [], never: [] }, errors: [] });
    assert.deepEqual(parseSiteRules(undefined).errors, []);
  });

  // Patterns that take seconds to minutes on a backtracking engine: on RE2 each is linear in the line.
  const hostile = [
    '(a+)+$',
    '(a*)*b',
    '(.*a){12}',
    '(\\w+\\s?)+$',
    '((ab)+)+c',
    '(a|a)+c',
    '(?:x+x+)+y',
    '.*.*.*x',
    '.{0,50}.{0,50}.{0,50}.{0,50}!',
    '.*.*.*.*a',
  ];
  it('accepts hostile patterns and answers on long lines within milliseconds', () => {
    const always = hostile.map((pattern) => ({ pattern }));
    const { rules, errors } = parseSiteRules({ boilerplate: { always } });
    assert.deepEqual(errors, []);
    assert.equal(rules.always.length, hostile.length);
    // 250 distinct 400-character lines (a 100 KB article) that fail every pattern late.
    const lines = Array.from({ length: 250 }, (_, i) => `${'x'.repeat(396)}${String(i).padStart(3, '0')}`);
    const t0 = performance.now();
    const r = detectBoilerplate(lines.join('\n'), { rules });
    const ms = performance.now() - t0;
    assert.ok(ms < 1500, `${ms} ms`);
    // `.*.*.*x` matches every one of them: the rules did run.
    assert.ok(r.lineKinds.every((k) => k === 'other'));
    // Each hostile pattern alone on one such line: milliseconds, not the 96 s a backtracking engine takes.
    for (const p of hostile) {
      const one = parseSiteRules({ boilerplate: { always: [{ pattern: p }] } }).rules.always[0];
      const t1 = performance.now();
      one.test(`${'x'.repeat(399)}y`);
      one.test('a'.repeat(400));
      assert.ok(performance.now() - t1 < 50, `${p}: ${performance.now() - t1} ms`);
    }
  });

  it('a hostile pattern still matches what it should', () => {
    const { rules } = parseSiteRules({ boilerplate: { always: [{ pattern: '.{0,50}.{0,50}.{0,50}.{0,50}!', kind: 'promo' }] } });
    const k = detectBoilerplate(['標題', '快來訂閱本站新聞！', BODY].join('\n'), { rules }).lineKinds;
    assert.equal(k[1], 'promo');
    assert.equal(k[2], null);
  });

  const fine = [
    '^更多.*內容$',
    '[0-9]{3,4}-[0-9]{4}',
    '(責任編輯|责任编辑)：\\S+',
    '^(a|b)c+$',
    '第\\d+頁',
    '^\\p{Script=Han}{2}$',
    '(?<y>\\d{4})年',
  ];
  for (const p of fine) {
    it(`accepts the ordinary pattern ${p}`, () => assert.equal(unsafePatternReason(p), null));
  }

  it('JavaScript syntax reads the same on RE2: \\p{Script=Han}, \\uXXXX, named groups', () => {
    const { rules, errors } = parseSiteRules({
      boilerplate: {
        always: [{ pattern: '^\\p{Script=Han}{4}$' }, { pattern: '^[\\u4e00-\\u9fff]+網$' }, { pattern: '^(?<n>\\d+)則留言$' }],
      },
    });
    assert.deepEqual(errors, []);
    assert.ok(rules.always[0].test('本站專題'));
    assert.ok(!rules.always[0].test('本站專題頁'));
    assert.ok(rules.always[1].test('天天要聞網'));
    assert.ok(rules.always[2].test('12則留言'));
  });

  it('the first matching rule gives the kind, phrases and patterns in file order', () => {
    const { rules } = parseSiteRules({
      boilerplate: {
        always: [
          { pattern: '^更多', kind: 'related' },
          { phrase: '更多精彩', kind: 'promo' },
          { pattern: '精彩', kind: 'share' },
        ],
      },
    });
    const k = detectBoilerplate(['標題', '更多精彩內容', '精彩回顧', '看看更多精彩', BODY].join('\n'), { rules }).lineKinds;
    assert.deepEqual(k.slice(1, 4), ['related', 'share', 'promo']);
  });

  it(`reads at most ${MAX_RULES} rules and says so in the user's language`, () => {
    const always = Array.from({ length: MAX_RULES + 5 }, (_, i) => ({ phrase: `規則${i}` }));
    const { rules, errors } = parseSiteRules({ boilerplate: { always, never: [{ phrase: '（完）' }] } });
    assert.equal(rules.always.length, MAX_RULES);
    assert.equal(rules.never.length, 0);
    assert.ok(
      errors.some((e) => e.includes(String(MAX_RULES + 6)) && e.includes(String(MAX_RULES))),
      errors.join(' | '),
    );
    const zh = parseSiteRules({ boilerplate: { always } }, createLocalizer('zh-tw')).errors;
    assert.ok(
      zh.some((e) => e.includes('只採用前')),
      zh.join(' | '),
    );
    const cn = parseSiteRules({ boilerplate: { always } }, createLocalizer('zh-cn')).errors;
    assert.ok(
      cn.some((e) => e.includes('只采用前')),
      cn.join(' | '),
    );
  });

  it(`${MAX_RULES} pattern rules cost little per analysis`, () => {
    const always = Array.from({ length: MAX_RULES }, (_, i) => ({ pattern: `^更多.{0,8}新聞${i}$` }));
    const { rules } = parseSiteRules({ boilerplate: { always } });
    const page = Array.from({ length: 400 }, (_, i) => `${BODY}${i}`).join('\n');
    detectBoilerplate(page, { rules });
    const t0 = performance.now();
    detectBoilerplate(page, { rules });
    assert.ok(performance.now() - t0 < 1000, `${performance.now() - t0} ms`);
    assert.equal(detectBoilerplate(['標題', '更多國際新聞17', BODY].join('\n'), { rules }).lineKinds[1], 'other');
  });

  it('runs an accepted pattern on a very long line quickly', () => {
    const { rules } = parseSiteRules({ boilerplate: { always: [{ pattern: '^(a|b)c+$' }, { pattern: 'a.*b.*c' }] } });
    const long = 'a'.repeat(100000);
    const t0 = Date.now();
    detectBoilerplate(`${long}\n${long}`, { rules });
    assert.ok(Date.now() - t0 < 1000);
  });
});
