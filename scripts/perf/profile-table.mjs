// Self time of a V8 CPU profile (node --cpu-prof) grouped by function and by source file of an esbuild bundle
// (unminified: the bundle's `// path/to/file.ts` comments say where each module starts). Only samples under the
// driver's `measuredRuns` count (scripts/perf/profile.ts). Usage: node profile-table.mjs PROFILE BUNDLE [TOP]
import * as fs from 'node:fs';

const [profPath, bundlePath, topArg] = process.argv.slice(2);
const prof = JSON.parse(fs.readFileSync(profPath, 'utf8'));
const bundle = fs.readFileSync(bundlePath, 'utf8').split('\n');
// Module start lines of the bundle.
const starts = [];
bundle.forEach((l, i) => {
  const m = /^\/\/ (\S+\.(?:ts|js|mjs|cjs|json))$/.exec(l);
  if (m) starts.push([i, m[1]]);
});
const fileAt = (line) => {
  let lo = 0,
    hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid][0] <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo ? starts[lo - 1][1] : '?';
};
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const measured = new Map();
const isMeasured = (id) => {
  if (measured.has(id)) return measured.get(id);
  const n = byId.get(id);
  const p = parent.get(id);
  const v = n.callFrame.functionName === 'measuredRuns' || (p !== undefined && isMeasured(p));
  measured.set(id, v);
  return v;
};
const dt = prof.timeDeltas;
const self = new Map();
let total = 0;
let gc = 0;
prof.samples.forEach((id, k) => {
  const d = dt[k + 1] ?? 0;
  const n = byId.get(id);
  if (n.callFrame.functionName === '(garbage collector)') gc += d;
  if (!isMeasured(id)) return;
  self.set(id, (self.get(id) ?? 0) + d);
  total += d;
});
const byFn = new Map();
const byFile = new Map();
for (const [id, t] of self) {
  const cf = byId.get(id).callFrame;
  const file = cf.url.endsWith(bundlePath.split('/').pop()) ? fileAt(cf.lineNumber) : cf.url || '(native)';
  const key = `${cf.functionName || '(anonymous)'} ${file.replace(/^.*server\/src\/service\//, '')}:${cf.lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + t);
  byFile.set(file, (byFile.get(file) ?? 0) + t);
}
const pct = (t) => ((100 * t) / total).toFixed(1).padStart(5);
console.log(`measured ${(total / 1000).toFixed(0)} ms; garbage collector (whole profile) ${(gc / 1000).toFixed(0)} ms`);
console.log('\nby file');
for (const [f, t] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${pct(t)} %  ${f}`);
console.log('\nby function');
for (const [f, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 60))) console.log(`${pct(t)} %  ${f}`);

// Inclusive time of what each of these calls directly (a pass of the recogniser is a call of one of them).
const parents = (process.env.PARENTS ?? 'recognizeArticle,articleLevel,notNames,recognizeParagraph,analyseArticle,once').split(',');
const inclusive = new Map();
const totalOf = (id) => {
  if (inclusive.has(id)) return inclusive.get(id);
  const n = byId.get(id);
  let t = self.get(id) ?? 0;
  for (const c of n.children ?? []) t += totalOf(c);
  inclusive.set(id, t);
  return t;
};
for (const p of parents) {
  const rows = new Map();
  let whole = 0;
  for (const n of prof.nodes) {
    if (n.callFrame.functionName !== p || !isMeasured(n.id)) continue;
    whole += totalOf(n.id);
    for (const c of n.children ?? []) {
      const cf = byId.get(c).callFrame;
      const key = cf.functionName || `(anonymous):${cf.lineNumber + 1}`;
      rows.set(key, (rows.get(key) ?? 0) + totalOf(c));
    }
  }
  if (!whole) continue;
  console.log(`\n${p}: ${pct(whole)} % inclusive; its calls:`);
  for (const [k, t] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, 40)) if (t / total >= 0.001) console.log(`${pct(t)} %  ${k}`);
}
