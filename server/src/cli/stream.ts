/**
 * `annotate` over a corpus: inputs from the command line or streamed from stdin (`--stdin-files`: one path per
 * line; `--stdin-jsonl`: one `{"id", "text"}` object per line), annotated on the worker pool, written in input
 * order. Streaming holds a bounded window of documents, so memory stays flat however long the input runs; with
 * `--stdin-jsonl` every input line gives exactly one output line, as Hadoop Streaming and Spark's RDD.pipe expect.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { SiteIndex } from '../service/boilerplate';
import type { Localize } from '../service/messages';
import { KeepStore } from '../node/workspaceFiles';
import { configFilesFor, loadConfig } from '../node/config';
import { recurringPairs, type AnnotateJob, type AnnotatorOptions } from './annotateJob';
import { createPool, type JobResult } from './pool';
import { Progress } from './progress';
import { runStats } from './runStats';
import { readInput } from './readInput';
import { jsonLine } from './output';

export interface CorpusOptions extends AnnotatorOptions {
  jobs: number;
  format: 'json' | 'jsonl';
  encoding: string;
  stdinFiles?: boolean;
  stdinJsonl?: boolean;
}

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean; columns?: number };
  t: Localize;
}

/** Lines of a stream, pulled one chunk at a time (so a slow consumer pauses the producer). */
export async function* lines(input: Readable): AsyncGenerator<string> {
  input.setEncoding('utf8');
  let carry = '';
  for await (const chunk of input as AsyncIterable<string>) {
    carry += chunk;
    let nl: number;
    while ((nl = carry.indexOf('\n')) >= 0) {
      yield carry.slice(0, nl).replace(/\r$/, '');
      carry = carry.slice(nl + 1);
    }
  }
  if (carry) yield carry.replace(/\r$/, '');
}

/** Writes and waits for the stream to drain when its buffer is full. */
function writer(out: Writable): (s: string) => Promise<void> {
  return (s) => (out.write(s) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
}

type Item = { job?: AnnotateJob; error?: string; bytes: number; id?: unknown };

/** Runs `annotate`; returns the exit status (2 when an input could not be read or analysed, every other one still done). */
export async function annotateCorpus(files: string[], options: CorpusOptions, io: Io): Promise<number> {
  const { t } = io;
  let status = 0;
  const keepStore = new KeepStore();
  // Each file reads the `.news-annotator.json` of its folder and parents, as the editor does; problems in one
  // are reported once here, the workers load the same files quietly.
  const configsSeen = new Set<string>();
  const fileJob = (file: string): Item => {
    const read = readInput(file, options.encoding, t);
    if (!read.ok) return { error: read.message, bytes: 0 };
    const kept = keepStore.kept(path.resolve(file));
    const configFiles = configFilesFor(file);
    const key = configFiles.join('\0');
    if (configFiles.length && !configsSeen.has(key)) {
      configsSeen.add(key);
      for (const problem of loadConfig(configFiles, t).problems) io.stderr.write(`news-annotate: ${problem}\n`);
    }
    return {
      job: { file, uri: pathToFileURL(path.resolve(file)).toString(), text: read.text, kept: kept ? [...kept] : undefined, configFiles },
      bytes: Buffer.byteLength(read.text),
    };
  };

  let items: AsyncIterable<Item> | Iterable<Item>;
  let total: number | undefined;
  if (options.stdinJsonl) {
    items = (async function* () {
      let n = 0;
      for await (const line of lines(io.stdin)) {
        n++;
        if (!line.trim()) continue;
        let rec: { id?: unknown; text?: unknown };
        try {
          rec = JSON.parse(line);
        } catch (e) {
          yield { error: t('cli.corpus.badJson', n, (e as Error).message), bytes: 0, id: null };
          continue;
        }
        if (!rec || typeof rec !== 'object' || typeof rec.text !== 'string') {
          yield { error: t('cli.corpus.badJson', n, 'text'), bytes: 0, id: (rec as { id?: unknown })?.id ?? null };
          continue;
        }
        const id = rec.id ?? null;
        yield { job: { id, uri: `untitled:stdin-${n}`, text: rec.text }, bytes: Buffer.byteLength(rec.text) };
      }
    })();
  } else if (options.stdinFiles) {
    items = (async function* () {
      for await (const line of lines(io.stdin)) if (line.trim()) yield fileJob(line.trim());
    })();
  } else {
    // Files named on the command line form a corpus: lines that recur across them are a boilerplate signal.
    const read = files.map(fileJob);
    const index = new SiteIndex();
    for (const it of read) if (it.job) index.set(it.job.uri, it.job.text);
    for (const it of read) if (it.job) it.job.recurring = recurringPairs(it.job.text, index.recurring(it.job.uri));
    items = read;
    total = read.length;
  }

  // No more workers than files: each one loads the model (half a second and 60 MB) before its first article.
  const pool = createPool(
    Math.max(1, Math.min(options.jobs, total ?? options.jobs)),
    options,
    options.format === 'jsonl' || options.stdinJsonl ? 'jsonl' : 'json',
  );
  const write = writer(io.stdout);
  const progress = new Progress(io.stderr, t, total);
  const stats = runStats(pool.size);
  let first = true;
  const emit = async (item: Item, result?: JobResult) => {
    let error = item.error;
    if (result && !result.ok) error = `${item.job?.file ?? item.job?.id}: ${result.error}`;
    if (error !== undefined) {
      status = 2;
      progress.clear();
      io.stderr.write(`news-annotate: ${error}\n`);
      // One output line per input line in JSON lines mode, so the consumer's records stay aligned.
      if (options.stdinJsonl) await write(jsonLine({ id: item.job?.id ?? item.id ?? null, error }) + '\n');
      return;
    }
    // The pool wrote the text (a worker thread, when there are several): a JSON line, or an element of the array.
    const text = (result as { value: string }).value;
    if (options.format === 'jsonl' || options.stdinJsonl) await write(text);
    else {
      await write((first ? '[\n  ' : ',\n  ') + text);
      first = false;
    }
    progress.tick(item.bytes);
    stats?.done(item.bytes);
  };

  // A window of documents in flight: enough to keep every worker busy while one waits for the head of the line
  // (a worker takes a few short documents at a time), small enough to keep memory flat.
  const window = pool.size === 1 ? 4 : pool.size * 8;
  const inFlight: { item: Item; result: Promise<JobResult> | undefined }[] = [];
  try {
    for await (const item of items) {
      inFlight.push({ item, result: item.job ? pool.run(item.job) : undefined });
      while (inFlight.length >= window) {
        const head = inFlight.shift()!;
        await emit(head.item, head.result && (await head.result));
      }
    }
    while (inFlight.length) {
      const head = inFlight.shift()!;
      await emit(head.item, head.result && (await head.result));
    }
  } finally {
    await pool.close();
    progress.clear();
  }
  if (!options.stdinJsonl && options.format === 'json') await write(first ? '[]\n' : '\n]\n');
  stats?.finish();
  return status;
}
