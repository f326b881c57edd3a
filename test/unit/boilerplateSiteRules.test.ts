import * as assert from 'node:assert/strict';
import { detectBoilerplate, parseSiteRules, unsafePatternReason } from '../../server/src/service/boilerplate';

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
    ['invalid regex', { boilerplate: { always: [{ pattern: '([' }] } }, /always\[0\]: pattern "\(\[" rejected: not a valid regular expression/],
    ['backreference', { boilerplate: { always: [{ pattern: '(a)\\1' }] } }, /backreferences/],
    ['nested quantifier', { boilerplate: { always: [{ pattern: '(a+)+$' }] } }, /always\[0\]: pattern "\(a\+\)\+\$" rejected: nested quantifiers/],
    ['quantified alternation', { boilerplate: { never: [{ pattern: '(a|aa)*b' }] } }, /never\[0\]: .*nested quantifiers/],
    ['too long', { boilerplate: { always: [{ pattern: 'a'.repeat(201) }] } }, /longer than 200/],
    ['kind in never', { boilerplate: { never: [{ phrase: 'x', kind: 'promo' }] } }, /"kind" has no meaning in "never"/],
  ];
  for (const [name, json, msg] of bad) {
    it(`reports ${name} with the entry's name`, () => {
      const { errors } = parseSiteRules(json);
      assert.ok(errors.some((e) => msg.test(e)), errors.join(' | '));
    });
  }

  it('keeps the good entries when one is bad', () => {
    const { rules, errors } = parseSiteRules({ boilerplate: { always: [{ pattern: '(a+)+$' }, { phrase: '本站專題' }] } });
    assert.equal(errors.length, 1);
    assert.equal(rules.always.length, 1);
  });

  it('returns no rules and no errors when the file has no boilerplate section', () => {
    assert.deepEqual(parseSiteRules({ other: 1 }), { rules: { always: [], never: [] }, errors: [] });
    assert.deepEqual(parseSiteRules(undefined).errors, []);
  });

  const dangerous = ['(a+)+$', '(a*)*b', '(.*a){12}', '(\\w+\\s?)+$', '((ab)+)+', '(a|a)+', '(?:x+x+)+y', '.*.*.*.*a'];
  for (const p of dangerous) {
    it(`rejects the catastrophic pattern ${p}`, () => assert.ok(unsafePatternReason(p)));
  }
  const fine = ['^更多.*內容$', '[0-9]{3,4}-[0-9]{4}', '(責任編輯|责任编辑)：\\S+', '^(a|b)c+$', '第\\d+頁'];
  for (const p of fine) {
    it(`accepts the ordinary pattern ${p}`, () => assert.equal(unsafePatternReason(p), null));
  }

  it('runs an accepted pattern on a very long line quickly', () => {
    const { rules } = parseSiteRules({ boilerplate: { always: [{ pattern: '^(a|b)c+$' }, { pattern: 'a.*b.*c' }] } });
    const long = 'a'.repeat(100000);
    const t0 = Date.now();
    detectBoilerplate(`${long}\n${long}`, { rules });
    assert.ok(Date.now() - t0 < 1000);
  });
});
