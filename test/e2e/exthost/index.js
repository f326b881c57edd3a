// extensionTestsPath entry: the workbench calls run() inside the real extension host once the extension under
// development is loaded. Mocha runs the *.test.js files here; results go to the console (spec reporter, so a
// failure shows expected vs actual) and, as JSON, to $NEWS_E2E_RESULTS (set by run.mjs in code-server's env,
// which the extension host inherits).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

async function run() {
  const mochaModule = require('mocha');
  const Mocha = mochaModule.Mocha || mochaModule.default || mochaModule;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  const only = process.env.NEWS_E2E_GREP;
  if (only) mocha.grep(only);
  for (const f of fs
    .readdirSync(__dirname)
    .filter((n) => n.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  await mocha.loadFilesAsync();
  const results = [];
  const failures = await new Promise((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err) =>
      results.push({
        title: t.fullTitle(),
        state: 'failed',
        ms: t.duration,
        error: String(err && (err.stack || err.message))
          .split('\n')
          .slice(0, 6)
          .join('\n'),
        expected: err && err.expected !== undefined ? show(err.expected) : undefined,
        actual: err && err.actual !== undefined ? show(err.actual) : undefined,
      }),
    );
  });
  if (process.env.NEWS_E2E_RESULTS) fs.writeFileSync(process.env.NEWS_E2E_RESULTS, JSON.stringify(results, null, 2));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}

function show(v) {
  try {
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return s.length > 1500 ? `${s.slice(0, 1500)}…` : s;
  } catch {
    return String(v);
  }
}

module.exports = { run };
