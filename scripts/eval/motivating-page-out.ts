/**
 * "Leave the motivating page out" for hand rules (issue 11): each gold page is scored with the rule families that
 * were written from its errors switched off, so no page is scored by a rule written while reading it. Two
 * variants: only the families added in the second and fourth rounds of issue 11, and those plus the older families the second round
 * edited (too harsh: it also removes last round's rules in them). Run by hand:
 * `NEWS_CORPUS=/path/to/corpus npx tsx scripts/eval/motivating-page-out.ts [--model M.bin]` (default: the shipped model).
 */
import * as fs from 'node:fs';
import { createEntityRecognizer } from '../../server/src/service/entities';
import type { RuleFamily } from '../../server/src/service/entities/recognizer';
import { loadNerModel } from '../../server/src/node/model';
import { corpusDir, NEVER_TUNED, prf } from './corpus';
import { scorePages, sumPages } from './entities';

/** The pages whose errors each family of the second round was written from (docs/entities.md). */
const NEW_FAMILIES: Record<string, RuleFamily[]> = {
  cn_toutiao__5: ['placeModifiers', 'genericNouns', 'articleNames'],
  cn_stcn__1: ['placeModifiers', 'slots'],
  cn_cjn__1: ['sourceLists', 'buildings'],
  cn_thepaper__4: ['sourceLists'],
};
/** The families of the fourth round and the page whose gold error each answers (docs/entities.md, fourth round). */
const FOURTH_ROUND: Record<string, RuleFamily[]> = {
  cn_stcn__1: ['jointNames'],
  cn_wechat__1: ['productBrands', 'accountSlots'],
  cn_thepaper__4: ['accountSlots'],
  cn_toutiao__5: ['accountSlots'],
};
/** The families of the fifth round and the pages whose gold errors they answer (docs/entities.md, fifth round). */
const FIFTH_ROUND: Record<string, RuleFamily[]> = {
  cn_guancha__guancha: ['cutNames'],
  'tw_chinatimes_2019-07-05_0df4d9c8': ['cutNames'],
  // bylines: read after a colon since this round (作者：李在山); the whole family goes off on the page.
  cn_stcn__1: ['cutNames', 'bylines'],
  cn_thepaper__4: ['genericPlaces'],
};
/** Older families the round edited, and the pages those edits came from. */
const EDITED_FAMILIES: Record<string, RuleFamily[]> = {
  cn_toutiao__5: ['facilities', 'companies'],
  cn_cjn__1: ['facilities'],
  cn_thepaper__4: ['companies', 'facilities'],
  cn_hexun__1: ['outlets'],
  cn_stcn__1: ['companies'],
  seed_guancha_ttyw: ['outlets'],
  cn_sina__5: ['facilities'],
  cn_toutiao__4: ['facilities'],
  'tw_appledaily_2018-11-01_e074ffdc': ['facilities'],
  'tw_appledaily_2019-04-17_2b11e7fc': ['facilities'],
  'tw_appledaily_2019-07-05_b6b8557b': ['facilities'],
  'tw_ettoday_2019-07-05_650c0adc': ['facilities'],
};

function main(): void {
  const dir = corpusDir();
  const at = process.argv.indexOf('--model');
  const model = at > 0 ? new Uint8Array(fs.readFileSync(process.argv[at + 1])) : loadNerModel();
  const full = scorePages(createEntityRecognizer({ model }), dir);
  const leaveOut = (table: Record<string, RuleFamily[]>[]) =>
    full.map((p) => {
      const disable = table.flatMap((t) => t[p.name] ?? []);
      return disable.length ? scorePages(createEntityRecognizer({ model, disable }), dir, (n) => n === p.name)[0] : p;
    });
  const show = (label: string, pages: typeof full) => {
    for (const [group, only] of [
      ['all 21', undefined],
      ['10 labelled second', (n: string) => NEVER_TUNED.has(n)],
      ['11 older', (n: string) => !NEVER_TUNED.has(n)],
    ] as const) {
      const s = sumPages(pages, only);
      const types = Object.entries(s.per).map(([k, v]) => `${k} ${prf(v).f1.toFixed(3)}`);
      const scripts = Object.entries(s.byScript).map(([k, v]) => `${k} ${prf(v).f1.toFixed(3)}`);
      console.log(`${label.padEnd(34)} ${group.padEnd(19)} F1 ${prf(s.total).f1.toFixed(4)}  ${types.join(' ')} | ${scripts.join(' ')}`);
    }
  };
  show('in-sample', full);
  show('new families off where written', leaveOut([NEW_FAMILIES, FOURTH_ROUND, FIFTH_ROUND]));
  show('also edited families off (harsh)', leaveOut([NEW_FAMILIES, FOURTH_ROUND, FIFTH_ROUND, EDITED_FAMILIES]));
}

main();
