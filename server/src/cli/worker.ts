/**
 * A worker thread of `annotate --jobs N`: annotates the batches of jobs the pool posts, in the order sent, and
 * answers each batch with the output text of every job (written here, so the main thread only copies strings).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useLentModel } from '../node/model';
import { annotateBatch, type WorkerData, type WorkerRequest } from './pool';
import { createAnnotator } from './annotateJob';

const data = workerData as WorkerData;
// The model file as the main thread read it, shared by every worker (no copy, no second read).
if (data.model) useLentModel(data.model, data.modelMemory);
const annotate = createAnnotator(data.options);
parentPort!.on('message', (msg: WorkerRequest) => parentPort!.postMessage(annotateBatch(annotate, msg, data.format)));
