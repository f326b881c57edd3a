/**
 * The bench's memory scenario with the seed article opened first (scripts/bench/editor.ts memoryFigures), over
 * Node IPC as VS Code starts the server (TransportKind.ipc: `fork(server, ['--node-ipc'])` with SERVER_EXEC_ARGV),
 * instead of stdio: the server's RSS before the 1 MB article and at its answers, and the peak.
 *   NEWS_CORPUS=/work/shared/corpus npx tsx scripts/perf/ipcMemory.ts [dist/server.js]
 * BENCH_NODE_ARGS replaces the options as for the bench (a base build's); BENCH_NODE_ENV adds to the environment.
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPCMessageReader, IPCMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { handshake, openAndTokens, serverLaunch } from '../bench/editor';
import { unlabelledText } from './pages';

const serverJs = path.resolve(process.argv[2] ?? 'dist/server.js');
const status = (pid: number) => {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (k: string) => (Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0) / 1024).toFixed(1);
  return `RSS ${mb('VmRSS')} MB, peak ${mb('VmHWM')} MB`;
};

async function main() {
  const { nodeArgs, env } = serverLaunch();
  const proc = fork(serverJs, ['--node-ipc'], { execArgv: nodeArgs, env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const conn = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
  const { diagnostics } = await handshake(conn);
  await conn.sendNotification('initialized', {});
  const pid = proc.pid!;
  const seed = fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'articles', 'seed_guancha_ttyw.txt'), 'utf8');
  await openAndTokens({ conn, diagnostics }, pathToFileURL(path.join(process.cwd(), 'bench-seed-ipc.news.txt')).toString(), seed);
  await new Promise((r) => setTimeout(r, 2000));
  console.log(`over IPC, the seed article open: ${status(pid)}`);
  const uri = pathToFileURL(path.join(process.cwd(), 'bench-1mb-ipc.news.txt')).toString();
  await openAndTokens({ conn, diagnostics }, uri, unlabelledText(1 << 20));
  console.log(`over IPC, the 1 MB article's answers: ${status(pid)}`);
  await new Promise((r) => setTimeout(r, 12_000));
  console.log(`over IPC, 12 s later: ${status(pid)}`);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  proc.kill();
}
void main();
