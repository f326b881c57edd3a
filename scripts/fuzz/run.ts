/**
 * `npm run fuzz`: seeded, bounded fuzzing of the service, the CLI and the server's LSP framing.
 *   npm run fuzz -- [--seed N] [--seconds S] [--targets service,cli,lsp] [--only target:index]
 * Prints the counts (inputs, crashes, violations) and each finding with the index that reproduces it;
 * exits 1 when there is any.
 */
import { parseArgs } from 'node:util';
import { Report, inputRng } from './common';
import { fuzzService, serviceCase } from './service';
import { fuzzCli } from './cli';
import { fuzzLsp } from './lsp';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '180' },
    targets: { type: 'string', default: 'service,cli,lsp' },
    only: { type: 'string' },
  },
});

async function main() {
  const seed = Number(values.seed);
  const report = new Report(seed);
  if (values.only) {
    const [target, index] = values.only.split(':');
    if (target === 'service') console.log(serviceCase(inputRng(seed, 'service', +index), +index) ?? 'no violation');
    else if (target === 'cli') await fuzzCli(report, +index, 1);
    else await fuzzLsp(report, +index, 1);
  } else {
    const targets = values.targets!.split(',');
    const deadline = Date.now() + Number(values.seconds) * 1000;
    const next: Record<string, number> = { service: 0, cli: 0, lsp: 0 };
    const before: Record<string, number> = {};
    // Round robin in small batches until the time is up, so every target gets its share.
    while (Date.now() < deadline) {
      for (const t of targets) {
        if (Date.now() >= deadline) break;
        const n = t === 'service' ? 20 : t === 'cli' ? 4 : 1;
        before[t] = report.inputs;
        if (t === 'service') fuzzService(report, next.service, n);
        else if (t === 'cli') await fuzzCli(report, next.cli, n);
        else if (t === 'lsp') await fuzzLsp(report, next.lsp, n);
        next[t] += n;
      }
    }
    console.log(`seed ${seed}, ${values.seconds} s: service ${next.service} articles, cli ${next.cli} runs, lsp ${next.lsp} sessions`);
  }
  for (const f of report.findings) console.log(`${f.kind} ${f.target}:${f.index}: ${f.message}`);
  const by = Object.entries(report.inputsBy)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(`inputs ${report.inputs} (${by}; lsp counts messages), crashes ${report.crashes}, violations ${report.violations}`);
  process.exitCode = report.findings.length ? 1 : 0;
}

void main();
