import * as assert from 'node:assert/strict';
import { recognizeDates } from '../../server/src/service/dates';
import { getHover } from '../../server/src/service/features/hover';
import { createLocalizer, type Locale } from '../../server/src/service/messages';
import { makeArticle } from './helpers';

const published = '2019-10-08T10:00';
function hoverOf(text: string, span: string, locale: Locale): string {
  const dates = recognizeDates(text, { reference: published });
  const a = makeArticle(text, { published, dates });
  const h = getHover(a, { line: 0, character: text.indexOf(span) + 1 }, createLocalizer(locale));
  return (h?.contents as { value: string }).value;
}

describe("hover: an event-anchored date names its event and the event's day", () => {
  const text = '9月28日，一辆货车发生车祸。车祸后第三天，司机仍在医院。车祸次日，交警到场。';
  it('in English', () => {
    const h = hoverOf(text, '车祸后第三天', 'en');
    assert.match(h, /Value: `2019-09-30`/);
    assert.match(h, /2 days after 车祸 \(2019-09-28\)/);
    assert.match(hoverOf(text, '车祸次日', 'en'), /1 day after 车祸 \(2019-09-28\)/);
  });
  it('in Traditional and Simplified Chinese', () => {
    assert.match(hoverOf(text, '车祸后第三天', 'zh-tw'), /车祸（2019-09-28）後 2 天/);
    assert.match(hoverOf(text, '车祸后第三天', 'zh-cn'), /车祸（2019-09-28）后 2 天/);
  });
  it("names the event's own day", () => {
    const h = hoverOf('9月28日，张某因病入院。入院当晚，他接受了手术。', '入院当晚', 'en');
    assert.match(h, /the day of 入院 \(2019-09-28\)/);
  });
  it('says nothing of an event for a plain anaphor', () => {
    assert.doesNotMatch(hoverOf('9月28日，比赛开幕。次日，雨停了。', '次日', 'en'), /after|the day of/);
  });
});
