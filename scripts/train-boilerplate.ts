/**
 * Fits the boilerplate line scorer and writes server/src/service/boilerplate/scorerWeights.ts.
 * `npm run train:boilerplate` (reads ../shared/corpus or NEWS_CORPUS). Deterministic: the same corpus
 * gives the same file byte for byte. The threshold is chosen on leave-one-page-out scores, so that the
 * removable lines of pages the model did not see reach precision >= 0.995.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FEATURES } from '../server/src/service/boilerplate/scorer';
import { corpusDir } from './eval/corpus';
import { NOISY, TARGET_PRECISION, chooseThreshold, fit, leaveOnePageOut, loadPages, pageRows } from './boilerplate/fit';

const corpus = corpusDir();
const pages = loadPages(corpus).map(pageRows);
const folds = leaveOnePageOut(pages);
// The scorer gates what the rules would remove: the threshold is chosen among those lines.
const RULE_CONFIDENT = FEATURES.indexOf('rule.confident');
const scored = pages
  .filter((p) => !p.page.name.startsWith(NOISY))
  .flatMap((p) => p.rows.flatMap((r, k) => (r.v[RULE_CONFIDENT] ? [{ s: folds.get(p.page.name)![k], y: r.y }] : [])));
const threshold = chooseThreshold(scored);
const weights = fit(pages);
const hash = crypto.createHash('sha256');
for (const p of pages) hash.update(p.page.name).update(p.page.text);
const rows = pages.reduce((a, p) => a + p.rows.length, 0);
const out = path.join(__dirname, '..', 'server', 'src', 'service', 'boilerplate', 'scorerWeights.ts');
const body = `// Written by \`npm run train:boilerplate\` (scripts/train-boilerplate.ts); do not edit by hand.
// Data: ${pages.length} gold pages (articles/ and pages/cwced/; the labels of ${NOISY}, whose gold drops table cells, are not used),
// ${rows} flagged lines; corpus sha256 ${hash.digest('hex').slice(0, 16)}. Logistic regression, Adam, 300 epochs,
// zero start. Threshold: lowest leave-one-page-out score at which the lines the rules would remove
// reach pooled precision >= ${TARGET_PRECISION}.
import type { ScorerWeights } from './scorer';

export const SCORER: ScorerWeights | null = {
  features: ${JSON.stringify(FEATURES)},
  weights: ${JSON.stringify(weights)},
  threshold: ${Math.round(threshold * 1e6) / 1e6},
};
`;
fs.writeFileSync(out, body);
console.log(`wrote ${out}: ${FEATURES.length} features, threshold ${threshold.toFixed(4)}`);
