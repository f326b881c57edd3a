/** A worker thread of `annotate --jobs N`: annotates the jobs the pool posts, one at a time, in the order sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { createAnnotator, type AnnotateJob, type AnnotatorOptions } from './annotateJob';

const annotate = createAnnotator(workerData as AnnotatorOptions);
parentPort!.on('message', (msg: { seq: number; job: AnnotateJob }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, result: annotate(msg.job) });
  } catch (e) {
    parentPort!.postMessage({ seq: msg.seq, error: (e as Error).stack ?? String(e) });
  }
});
