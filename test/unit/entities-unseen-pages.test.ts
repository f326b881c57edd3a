/**
 * Issue 11, fourth round (docs/entities.md, "fourth round: unseen pages"): each category pinned on sentences
 * written for this test (none from the gold pages), with the shipped model, in Simplified and in Traditional.
 */
import { strict as assert } from 'node:assert';
import { toTraditional } from '../../server/src/service/convert';
import type { EntityMention } from '../../server/src/service/types';
import { shippedRecognizer } from './shipped';
import { joinAdjacentOrganisations } from '../../server/src/service/entities/joint-names';

const show = (ms: readonly EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`).join(' ');

describe('entities on unseen pages (fourth round), with the shipped model, in both scripts', function () {
  this.timeout(60000);
  const { both } = shippedRecognizer();

  it('drops a one-character name torn out of a dictionary word (农村, 高校, 完美)', () => {
    for (const [s, c] of [
      ['他从小在闭塞农村长大，后来当上了县长。', '农'],
      ['镇上几所小初高校长开会讨论。', '高'],
      ['这款手机画质完美台下观众都惊呆了。', '美'],
    ]) {
      const at = s.indexOf(c);
      both(s, (ms, t) => assert.ok(!ms.some((m) => m.start === at && m.end === at + 1), `${t}: ${show(ms)}`));
    }
  });

  it('keeps a one-character place that begins a word or follows a verb of travel (港人, 访华, 全港)', () => {
    both('港人在全港各区投票，总理下月访华。', (ms, t) => {
      for (const i of [0, 15])
        assert.ok(
          ms.some((m) => m.start === i && m.end === i + 1 && m.type === 'LOC'),
          `${t}[${i}]: ${show(ms)}`,
        );
    });
    both('政府已在全港中小学推行新课程。', (ms, t) =>
      assert.ok(
        ms.some((m) => m.start === 5 && m.end === 6 && m.type === 'LOC'),
        `${t}: ${show(ms)}`,
      ),
    );
  });

  it('reads an account card (a name over 关注 or 微信号, or a name and a timestamp) as the publishing outlet', () => {
    both('澄湖视界\n关注\n正文第一段。', (ms, t) => {
      assert.ok(
        ms.some((m) => m.start === 0 && m.end === 4 && m.type === 'MEDIA'),
        `${t}: ${show(ms)}`,
      );
    });
    both('标题\n青禾速递 2021-05-06 09:30\n正文。', (ms, t) => {
      assert.ok(
        ms.some((m) => m.start === 3 && m.end === 7 && m.type === 'MEDIA'),
        `${t}: ${show(ms)}`,
      );
    });
    // A button row is no account: 分享 is a word of the dictionary.
    both('分享\n关注\n正文。', (ms, t) => assert.ok(!ms.some((m) => m.type === 'MEDIA'), `${t}: ${show(ms)}`));
  });

  it('leaves a brand before a Latin product-line name unmarked, and keeps the company where it acts', () => {
    both('发布会上，华为Mate系列亮相，华为CEO出席。', (ms, t) => {
      assert.ok(!ms.some((m) => m.start === 5), `${t}: ${show(ms)}`);
      assert.ok(
        ms.some((m) => m.start === 16 && m.end === 18 && m.type === 'ORG'),
        `${t}: ${show(ms)}`,
      );
    });
  });
});

describe('adjacent organisations (joint-names.ts)', () => {
  const org = (
    text: string,
    start: number,
    end: number,
    type: EntityMention['type'] = 'ORG',
    source: EntityMention['source'] = 'model',
  ) => ({
    start,
    end,
    text: text.slice(start, end),
    type,
    source,
    confidence: 0.5,
  });
  it('makes two touching organisations one name, in both scripts, and leaves outlets and separated names apart', () => {
    for (const text of [
      '天宇股份中标东风日产项目，新华社参考消息报道，东风、日产回应。',
      toTraditional('天宇股份中标东风日产项目，新华社参考消息报道，东风、日产回应。'),
    ]) {
      const ms = [
        org(text, 0, 4),
        org(text, 6, 8),
        org(text, 8, 10),
        org(text, 13, 16, 'MEDIA'),
        org(text, 16, 20, 'MEDIA'),
        org(text, 23, 25),
        org(text, 26, 28),
      ];
      assert.deepEqual(
        joinAdjacentOrganisations(ms, text).map((m) => m.text),
        [text.slice(0, 4), text.slice(6, 10), text.slice(13, 16), text.slice(16, 20), text.slice(23, 25), text.slice(26, 28)],
      );
    }
  });
  it('never joins a name from the user dictionary', () => {
    const text = '东风日产';
    assert.equal(joinAdjacentOrganisations([org(text, 0, 2, 'ORG', 'user'), org(text, 2, 4)], text).length, 2);
  });
});
