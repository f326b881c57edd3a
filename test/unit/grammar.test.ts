import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The TextMate grammar, checked without VS Code: its regexes are Oniguruma, but this grammar keeps to the
 * subset that JavaScript's `u` regexes share (plus `\A`), so a small tokenizer with the same rules as
 * vscode-textmate (earliest match wins, the end pattern wins ties, captures may carry patterns) runs it.
 */
interface Rule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  patterns?: Rule[];
}
type Captures = Record<string, { name?: string; patterns?: Rule[] }>;
interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}
interface Frame {
  patterns: Rule[];
  end?: string;
  endCaptures?: Captures;
  scopes: string[];
}
interface Token {
  text: string;
  scopes: string[];
}

const grammarPath = path.resolve(__dirname, '../../syntaxes/news-article.tmLanguage.json');
const grammar: Grammar = JSON.parse(readFileSync(grammarPath, 'utf8'));

/** `\A` (start of the document) is the one Oniguruma-only escape used; it can only match on line 1. */
function compile(source: string, firstLine: boolean): RegExp {
  return new RegExp(source.replace(/\\A/g, firstLine ? '^' : '(?!)'), 'gud');
}

function resolve(patterns: Rule[]): Rule[] {
  return patterns.flatMap((rule) => {
    if (rule.include) {
      const target = grammar.repository[rule.include.slice(1)];
      assert.ok(target, `unknown include ${rule.include}`);
      return resolve([target]);
    }
    return rule.match || rule.begin ? [rule] : resolve(rule.patterns ?? []);
  });
}

function tokenizeLine(text: string, firstLine: boolean, stack: Frame[]): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const emit = (to: number, scopes: string[]) => {
    if (to > pos) tokens.push({ text: text.slice(pos, to), scopes });
    pos = Math.max(pos, to);
  };
  const emitCaptures = (m: RegExpExecArray, captures: Captures | undefined, scopes: string[]) => {
    const end = m.indices![0][1];
    const outer = captures?.['0']?.name ? [...scopes, captures['0'].name] : scopes;
    for (let group = 1; group < m.length; group++) {
      const capture = captures?.[String(group)];
      const span = m.indices![group];
      if (!capture || !span || span[0] === span[1]) continue;
      emit(span[0], outer);
      const inner = capture.name ? [...outer, capture.name] : outer;
      if (capture.patterns) {
        for (const t of tokenizeLine(text.slice(span[0], span[1]), false, [{ patterns: capture.patterns, scopes: inner }])) {
          tokens.push(t);
        }
        pos = span[1];
      } else emit(span[1], inner);
    }
    emit(end, outer);
  };
  for (let guard = 0; guard < 10_000; guard++) {
    const top = stack[stack.length - 1];
    let best: { m: RegExpExecArray; rule?: Rule } | undefined;
    if (top.end) {
      const re = compile(top.end, firstLine);
      re.lastIndex = pos;
      const m = re.exec(text);
      if (m) best = { m };
    }
    for (const rule of resolve(top.patterns)) {
      const re = compile((rule.match ?? rule.begin)!, firstLine);
      re.lastIndex = pos;
      const m = re.exec(text);
      // A zero-width `match` makes no progress; vscode-textmate skips it the same way.
      if (m && !(rule.match && m[0] === '') && (!best || m.index < best.m.index)) best = { m, rule };
    }
    if (!best) break;
    emit(best.m.index, top.scopes);
    const { m, rule } = best;
    if (!rule) {
      emitCaptures(m, top.endCaptures, top.scopes);
      stack.pop();
    } else {
      const scopes = rule.name ? [...top.scopes, rule.name] : top.scopes;
      if (rule.match) emitCaptures(m, rule.captures, scopes);
      else {
        emitCaptures(m, rule.beginCaptures, scopes);
        stack.push({ patterns: rule.patterns ?? [], end: rule.end, endCaptures: rule.endCaptures, scopes });
      }
    }
    // At the end of the line only a pending end pattern (like `$`) can still match.
    if (pos >= text.length && stack[stack.length - 1].end === undefined) break;
  }
  emit(text.length, stack[stack.length - 1].scopes);
  return tokens;
}

function tokenize(text: string): Token[][] {
  const stack: Frame[] = [{ patterns: grammar.patterns, scopes: [grammar.scopeName] }];
  return text.split('\n').map((line, i) => tokenizeLine(line, i === 0, stack));
}

/** The scopes (without the `.news-article` suffix and the root scope) of the token that is exactly `text`. */
function scopesOf(lines: Token[][], text: string): string[] {
  const token = lines.flat().find((t) => t.text === text);
  assert.ok(token, `no token "${text}" in ${JSON.stringify(lines.flat().map((t) => t.text))}`);
  // A name may hold several scopes separated by spaces, as in vscode-textmate.
  return token.scopes
    .slice(1)
    .flatMap((s) => s.split(' '))
    .map((s) => s.replace(/\.news-article$/, ''));
}
const has = (lines: Token[][], text: string, scope: string) => scopesOf(lines, text).some((s) => s.startsWith(scope));

function allRegexSources(): string[] {
  const sources: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') sources.push(value);
        else walk(value);
      }
    }
  };
  walk(grammar);
  return sources;
}

describe('news-article TextMate grammar', () => {
  it('has the scope name package.json points at and resolves every include', () => {
    assert.equal(grammar.scopeName, 'text.news-article');
    const includes = JSON.stringify(grammar).match(/"include":"#[^"]+"/g) ?? [];
    for (const include of includes) assert.ok(grammar.repository[include.slice(12, -1)], include);
  });

  it('compiles every pattern as a JavaScript regex with the u flag, and uses no \\b', () => {
    const sources = allRegexSources();
    assert.ok(sources.length >= 10);
    for (const source of sources) {
      assert.doesNotThrow(() => compile(source, true), source);
      assert.ok(!source.includes('\\b'), `\\b does not work on Chinese: ${source}`);
    }
  });

  describe('headline', () => {
    it('is the first non-blank line, and only that line', () => {
      const lines = tokenize('\n  \n特朗普與普京通電話,還計劃周五與澤連斯基通話  \n\n當地時間7月3日,美國總統特朗普與普京通電話。');
      assert.ok(has(lines, '特朗普與普京通電話,還計劃周五與澤連斯基通話', 'markup.heading'));
      assert.ok(!lines[4].some((t) => t.scopes.some((s) => s.startsWith('markup.heading'))));
    });

    it('keeps quotes inside the headline', () => {
      const lines = tokenize('王文：中美贸易“持久战”，中国人的斗志被激发\n正文');
      assert.deepEqual(scopesOf(lines, '持久战'), ['markup.heading.headline', 'string.regexp.headline', 'string.quoted.double']);
    });
  });

  describe('dateline', () => {
    const table: [string, string, string | undefined][] = [
      ['2025年07月04日09:50:21 國際 8308', '2025年07月04日', '09:50:21'],
      ['2019-09-07 09:25', '2019-09-07', '09:25'],
      ['2019年10月23日 09:05 来源：新浪新闻', '2019年10月23日', '09:05'],
      ['2019/09/07', '2019/09/07', undefined],
    ];
    for (const [line, date, time] of table) {
      it(`reads "${line}" as a dateline`, () => {
        const lines = tokenize(`標題\n${line}`);
        assert.deepEqual(scopesOf(lines, date), ['meta.dateline', 'constant.numeric.date']);
        if (time) assert.deepEqual(scopesOf(lines, time), ['meta.dateline', 'constant.numeric.time']);
      });
    }

    for (const line of ['2019年9月7日，国务院常务会议决定', '2019年1-7月，东莞规模以上工业增加值', '当地时间2019-09-07 09:25发布']) {
      it(`does not take the body sentence "${line}" for a dateline`, () => {
        const lines = tokenize(`標題\n${line}`);
        assert.ok(!lines[1].some((t) => t.scopes.some((s) => s.startsWith('meta.dateline'))));
      });
    }
  });

  describe('bylines', () => {
    it('reads 【文/…】 with its role and author', () => {
      const lines = tokenize('標題\n【文/觀察者網 陳思佳】當地時間7月3日');
      assert.ok(has(lines, '文', 'meta.byline'));
      assert.deepEqual(scopesOf(lines, '觀察者網 陳思佳'), ['meta.byline', 'entity.name.tag.author']);
      assert.deepEqual(scopesOf(lines, '7月3日'), ['constant.numeric.date']);
    });

    it('leaves a bracketed section label such as 【深度】 alone', () => {
      const lines = tokenize('標題\n【深度】探路先行一一中国制造2025试点');
      assert.ok(!lines[1].some((t) => t.scopes.some((s) => s.startsWith('meta.byline'))));
    });

    const reporters: [string, string][] = [
      ['扬子晚报记者 张楠', '张楠'],
      ['（中央社記者王小明台北5日電）', '王小明'],
      ['（記者王小明／台北報導）', '王小明'],
      ['新华社北京9月7日电（记者 李四）', '李四'],
    ];
    for (const [line, name] of reporters) {
      it(`finds the reporter ${name} in "${line}"`, () => {
        assert.deepEqual(scopesOf(tokenize(`標題\n${line}`), name), ['meta.byline', 'entity.name.tag.author']);
      });
    }

    it('does not read "记者采访了" as a reporter named 采访了', () => {
      const lines = tokenize('標題\n扬子晚报记者采访了原作者的家人。');
      assert.ok(!lines[1].some((t) => t.scopes.some((s) => s.startsWith('meta.byline'))));
    });
  });

  describe('quotes', () => {
    it('scopes “…” 「…」 『…』 and 《…》, nested ones inside the outer', () => {
      const lines = tokenize('標題\n他說「我讀了『好書』」，通話“沒有取得任何進展”，《人民日報》報導。');
      assert.deepEqual(scopesOf(lines, '我讀了'), ['string.quoted.other.corner']);
      assert.deepEqual(scopesOf(lines, '好書'), ['string.quoted.other.corner', 'string.quoted.other.white-corner']);
      assert.deepEqual(scopesOf(lines, '沒有取得任何進展'), ['string.quoted.double']);
      assert.deepEqual(scopesOf(lines, '人民日報'), ['string.quoted.other.title']);
      assert.deepEqual(scopesOf(lines, '報導。'), []);
    });

    it('ends an unclosed quote at the end of its line', () => {
      const lines = tokenize('標題\n他說“還沒說完\n下一段不是引語');
      assert.deepEqual(scopesOf(lines, '還沒說完'), ['string.quoted.double']);
      assert.deepEqual(scopesOf(lines, '下一段不是引語'), []);
    });
  });

  describe('numbers, units, dates and links', () => {
    it('scopes numbers with their magnitude and unit', () => {
      const lines = tokenize('標題\n同比增長6.8%，達3.5億美元，共20,536人，百分之十五');
      assert.deepEqual(scopesOf(lines, '6.8'), ['constant.numeric']);
      assert.deepEqual(scopesOf(lines, '%'), ['keyword.other.unit']);
      assert.deepEqual(scopesOf(lines, '億'), ['constant.numeric.magnitude']);
      assert.deepEqual(scopesOf(lines, '美元'), ['keyword.other.unit']);
      assert.deepEqual(scopesOf(lines, '20,536'), ['constant.numeric']);
      assert.deepEqual(scopesOf(lines, '百分之十五'), ['constant.numeric.percentage']);
    });

    it('scopes body dates and times, but not digits inside a word', () => {
      const lines = tokenize('標題\n2019年1-7月，10月23日 17:26 ETtoday2019');
      assert.deepEqual(scopesOf(lines, '2019年'), ['constant.numeric.date']);
      assert.deepEqual(scopesOf(lines, '10月23日'), ['constant.numeric.date']);
      assert.deepEqual(scopesOf(lines, '17:26'), ['constant.numeric.time']);
      assert.ok(lines[1].some((t) => t.text.includes('ETtoday2019') && t.scopes.length === 1));
    });

    it('underlines a URL and stops it at Chinese punctuation', () => {
      const lines = tokenize('標題\n原文：https://www.guancha.cn/internation/2025_07_04_781.shtml。完');
      assert.deepEqual(scopesOf(lines, 'https://www.guancha.cn/internation/2025_07_04_781.shtml'), ['markup.underline.link']);
    });
  });

  it('tokenizes a whole article excerpt without getting stuck', () => {
    const article = readFileSync(path.resolve(__dirname, '../fixtures/articles/seed_guancha_ttyw.txt'), 'utf8');
    const lines = tokenize(article);
    assert.equal(lines.length, article.split('\n').length);
    assert.equal(lines.map((l) => l.map((t) => t.text).join('')).join('\n'), article, 'tokens cover the text exactly');
  });
});
