/**
 * Entities on the silver pages: pages of `pages/unlabelled` that have no gold, labelled by this team with the gold
 * guidelines (`scripts/eval/silver/README.md`). No rule family was written from them before they were labelled, so
 * their figure is the nearest thing here to the pages the product is judged on. They are split by site: rules may
 * be developed while reading the `dev` sites' errors; the `test` sites are only scored (`--errors` refuses them).
 *
 * `NEWS_CORPUS=/path/to/corpus npx tsx scripts/eval/silver.ts [--ablate] [--errors] [--model M.bin]`
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEntityRecognizer } from '../../server/src/service/entities';
import { RULE_FAMILIES, type RuleFamily } from '../../server/src/service/entities/recognizer';
import type { EntityRecognizer } from '../../server/src/service/types';
import { loadNerModel } from '../../server/src/node/model';
import { corpusDir, prf, type GoldArticle } from './corpus';
import { makeTaggerOnly, scoreLabelledPages, sumPages } from './entities';

export const SILVER_DIR = path.join(__dirname, 'silver');

/** Sites whose pages are held out: scored, never read for errors while rules are written. */
const TEST_SITES = [
  'cn_ifeng',
  'cn_guancha',
  'cn_njxfhn',
  'cn_shanxi',
  'cn_sina',
  'cn_sxmu',
  'cn_thepaper',
  'cn_xds',
  'cn_zsnews',
  'cn_zyyfy',
  'cn_toutiao',
  'cn_wechat',
  'tw_',
];
export const isTest = (name: string): boolean => TEST_SITES.some((s) => name.startsWith(s));

type SilverPage = Pick<GoldArticle, 'name' | 'text' | 'gold'>;

export function loadSilverPages(dir = corpusDir()): SilverPage[] {
  return fs
    .readdirSync(SILVER_DIR)
    .filter((f) => f.endsWith('.silver.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.silver\.json$/, '');
      const text = fs.readFileSync(path.join(dir, 'pages', 'unlabelled', `${name}.txt`), 'utf8');
      const silver = JSON.parse(fs.readFileSync(path.join(SILVER_DIR, f), 'utf8')) as GoldArticle['gold'];
      return { name, text, gold: silver };
    });
}

function main(): void {
  const pages = loadSilverPages();
  const at = process.argv.indexOf('--model');
  const model = at > 0 ? new Uint8Array(fs.readFileSync(process.argv[at + 1])) : loadNerModel();
  const groups = [
    ['dev', (n: string) => !isTest(n)],
    ['test (held out)', isTest],
    ['all', undefined],
  ] as const;
  const count = (only?: (n: string) => boolean) => pages.filter((p) => !only || only(p.name)).length;
  const show = (label: string, recognizer: EntityRecognizer) => {
    const scored = scoreLabelledPages(recognizer, pages);
    for (const [group, only] of groups) {
      const s = sumPages(scored, only);
      const types = Object.entries(s.per).map(([k, v]) => `${k} ${prf(v).f1.toFixed(3)}`);
      const scripts = Object.entries(s.byScript)
        .filter(([, v]) => v.tp + v.fp + v.fn > 0)
        .map(([k, v]) => `${k} ${prf(v).f1.toFixed(3)}`);
      const { p, r, f1 } = prf(s.total);
      console.log(
        `${label.padEnd(30)} ${`${group} (${count(only)})`.padEnd(20)} P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f1.toFixed(4)}  ${types.join(' ')} | ${scripts.join(' ')}`,
      );
    }
    return scored;
  };
  const full = show('recogniser', createEntityRecognizer({ model }));
  const taggerOnly = at > 0 ? undefined : makeTaggerOnly();
  if (taggerOnly) show('model alone', taggerOnly);
  if (process.argv.includes('--errors')) {
    // Only the dev sites' errors: the test sites stay unread.
    for (const e of sumPages(full, (n) => !isTest(n)).errors) console.log(e);
  }
  if (process.argv.includes('--ablate')) {
    console.log('\nEach rule family off (F1 change; +: better without it)');
    const base = Object.fromEntries(groups.map(([g, only]) => [g, prf(sumPages(full, only).total).f1]));
    for (const family of RULE_FAMILIES) {
      const scored = scoreLabelledPages(createEntityRecognizer({ model, disable: [family as RuleFamily] }), pages);
      const cells = groups.map(([g, only]) => {
        const d = prf(sumPages(scored, only).total).f1 - base[g];
        return `${g.split(' ')[0]} ${d >= 0 ? '+' : ''}${d.toFixed(4)}`;
      });
      console.log(`${family.padEnd(22)} ${cells.join('  ')}`);
    }
  }
}

if (require.main === module) main();
