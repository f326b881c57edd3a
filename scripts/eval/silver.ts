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
import { corpusDir, loadLabelledPages, prf, type GoldArticle } from './corpus';
import { makeTaggerOnly, scoreLabelledPages, sumPages } from './entities';

/** The labels' folder: beside this file under tsx, `../scripts/eval/silver` from the bundle in `dist/`. */
export const SILVER_DIR = [path.join(__dirname, 'silver'), path.resolve(__dirname, '..', 'scripts', 'eval', 'silver')].find((d) =>
  fs.existsSync(d),
)!;

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

/** cwced pages labelled blind (no tool output, no other label seen): independent labels from sites no rule saw. */
const BLIND_PREFIX = 'cwced_';
export const isBlind = (name: string): boolean => name.startsWith(BLIND_PREFIX);

export function loadSilverPages(dir = corpusDir()): SilverPage[] {
  const silver = loadLabelledPages(SILVER_DIR, '.silver.json', path.join(dir, 'pages', 'unlabelled'));
  const cwced = path.join(dir, 'pages', 'cwced');
  const blindDir = path.join(SILVER_DIR, 'cwced');
  if (!fs.existsSync(blindDir) || !fs.existsSync(cwced)) return silver;
  const blind = loadLabelledPages(blindDir, '.blind.json', cwced).map((p) => ({ ...p, name: BLIND_PREFIX + p.name }));
  return silver.concat(blind);
}

type Section = { title: string; lines: string[]; metrics: Record<string, number> };

const GROUPS = [
  ['dev', (n: string) => !isTest(n) && !isBlind(n)],
  ['test (held out)', isTest],
  ['all', (n: string) => !isBlind(n)],
  ['cwced blind', isBlind],
] as const;

/**
 * The silver figures for `npm run eval`: the recogniser and the model alone on dev and test sites, and each rule
 * family switched off (the ablation measured on pages no rule was written from).
 */
export function run(corpus = corpusDir(), model = loadNerModel(), options: { ablate?: boolean; modelAlone?: boolean } = {}): Section {
  const pages = loadSilverPages(corpus);
  const lines: string[] = [];
  const metrics: Record<string, number> = {};
  const count = (only: (n: string) => boolean) => pages.filter((p) => only(p.name)).length;
  const show = (label: string, key: string, recognizer: EntityRecognizer) => {
    const scored = scoreLabelledPages(recognizer, pages);
    for (const [group, only] of GROUPS) {
      if (!count(only)) continue;
      const s = sumPages(scored, only);
      const types = Object.entries(s.per).map(([k, v]) => `${k} ${prf(v).f1.toFixed(3)}`);
      const { p, r, f1 } = prf(s.total);
      lines.push(
        `${label.padEnd(12)} ${`${group} (${count(only)})`.padEnd(20)} P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f1.toFixed(4)}  ${types.join(' ')}`,
      );
      metrics[`${key}_${group.split(' ')[0]}F1`] = f1;
    }
    return scored;
  };
  const full = show('recogniser', 'recogniser', createEntityRecognizer({ model }));
  const taggerOnly = options.modelAlone === false ? undefined : makeTaggerOnly();
  if (taggerOnly) show('model alone', 'model', taggerOnly);
  if (options.ablate) {
    lines.push('each rule family off, F1 change (+: better without it); decide on dev, report test:');
    const base = Object.fromEntries(GROUPS.map(([g, only]) => [g, prf(sumPages(full, only).total).f1]));
    for (const family of RULE_FAMILIES) {
      const scored = scoreLabelledPages(createEntityRecognizer({ model, disable: [family as RuleFamily] }), pages);
      const cells = GROUPS.filter(([, only]) => count(only)).map(([g, only]) => {
        const d = prf(sumPages(scored, only).total).f1 - base[g];
        return `${g.split(' ')[0]} ${d >= 0 ? '+' : ''}${d.toFixed(4)}`;
      });
      lines.push(`  ${family.padEnd(22)} ${cells.join('  ')}`);
    }
  }
  return {
    title: `Entities on ${count((n) => !isBlind(n))} silver pages (team labels, no rule written from them) and ${count(isBlind)} cwced pages labelled blind (scripts/eval/silver/README.md)`,
    lines,
    metrics,
  };
}

function main(): void {
  const at = process.argv.indexOf('--model');
  const model = at > 0 ? new Uint8Array(fs.readFileSync(process.argv[at + 1])) : loadNerModel();
  const section = run(corpusDir(), model, { ablate: process.argv.includes('--ablate'), modelAlone: at < 0 });
  for (const l of section.lines) console.log(l);
  if (process.argv.includes('--errors')) {
    // Only the dev sites' errors: the test sites and the blind pages stay unread.
    const pages = loadSilverPages();
    for (const e of sumPages(scoreLabelledPages(createEntityRecognizer({ model }), pages), GROUPS[0][1]).errors) console.log(e);
  }
}

if (require.main === module && /silver\.[tj]s$/.test(process.argv[1] ?? '')) main();
