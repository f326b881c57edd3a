/**
 * The entity warm-up the bench does (recognize a 20 kB slice, then the megabyte five times) in one fresh process,
 * for counting the deoptimisations of `recognizeParagraph` per process (the "storm" of the eleventh round):
 *   npx esbuild scripts/perf/storm.ts --bundle --platform=node --target=node20 --outfile=/tmp/storm.js \
 *     --external:jieba-wasm --loader:.bin=binary
 *   for i in $(seq 12); do NEWS_CORPUS=../shared/corpus node --trace-deopt /tmp/storm.js \
 *     | grep -c 'deoptimizing.*recognizeParagraph'; done                 (from the repository root)
 * REPS sets the number of whole-megabyte runs (5). `--invocation-count-for-osr=20` (V8's default 500: the calls a
 * function marked for optimisation may make before its loops are compiled on the stack instead) stands in for a loaded
 * machine, where the optimising compiler's job is late: with it the storm came in 6 of 7 base processes, not 1 in 26.
 */
import { createEntityRecognizer } from '../../server/src/service/entities';
import { loadNerModel } from '../../server/src/node/model';
import { unlabelledText } from './pages';

const REPS = Number(process.env.REPS ?? 5);
const text = unlabelledText(1 << 20);
const recognizer = createEntityRecognizer({ model: loadNerModel() });
const t0 = performance.now();
recognizer.recognize(text.slice(0, 20000));
const walls: number[] = [];
for (let i = 0; i < REPS; i++) {
  const t = performance.now();
  recognizer.recognize(text);
  walls.push(performance.now() - t);
}
console.log(`recognize ms: ${walls.map((w) => w.toFixed(0)).join(', ')}; total ${(performance.now() - t0).toFixed(0)}`);
