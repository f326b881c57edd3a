import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { annotateBatch, createPool } from '../../server/src/cli/pool';
import type { AnnotateJob, Annotations } from '../../server/src/cli/annotateJob';
import { loadNerModel, readModelShared, sharedTagger, useLentModel } from '../../server/src/node/model';
import { normalizeForMatching } from '../../server/src/service/normalize';
import { ROOT, ensureBuilt } from '../protocol/lspClient';

describe('the worker pool of annotate --jobs N', function () {
  this.timeout(180000);

  it('reads the model once into shared memory, and the tagger opened over it tags as the file does', () => {
    const own = loadNerModel()!;
    const shared = readModelShared()!;
    assert.ok(shared.buffer instanceof SharedArrayBuffer);
    assert.ok(Buffer.from(shared).equals(Buffer.from(own)));
    const lines = ['新华社北京3日电 外交部发言人赵立坚表示', '臺北市長柯文哲昨天在市議會說'].map(normalizeForMatching);
    useLentModel(undefined);
    const fromFile = lines.map((l) => sharedTagger()!.tag(l, undefined));
    assert.ok(
      fromFile.every((spans) => spans.length > 0),
      'names found in both lines',
    );
    try {
      useLentModel(shared);
      const tagger = sharedTagger()!;
      // Views over the lent bytes, not a copy: the weights live in the SharedArrayBuffer.
      assert.equal(tagger.weights!.quad!.buffer, shared.buffer);
      assert.deepEqual(
        lines.map((l) => tagger.tag(l, undefined)),
        fromFile,
      );
    } finally {
      useLentModel(undefined);
    }
  });

  it('answers every job of a batch, in order, one failure not taking the others with it', () => {
    const jobs: AnnotateJob[] = ['a', 'boom', 'c'].map((text) => ({ uri: `untitled:${text}`, text, id: text }));
    const annotate = (job: AnnotateJob): Annotations => {
      if (job.text === 'boom') throw new Error('boom');
      return { id: job.id, script: 'none', published: null, entities: [], dates: [], boilerplate: [] } as unknown as Annotations;
    };
    const answers = annotateBatch(
      annotate,
      jobs.map((job, seq) => ({ seq: seq + 10, job })),
      'jsonl',
    );
    assert.deepEqual(
      answers.map((a) => a.seq),
      [10, 11, 12],
    );
    assert.equal(answers[0].text, '{"id":"a","script":"none","published":null,"entities":[],"dates":[],"boilerplate":[]}\n');
    assert.match(answers[1].error!, /boom/);
    assert.equal(answers[2].error, undefined);
  });

  it('gives each job its own answer in input order when short documents travel in batches across workers', async () => {
    ensureBuilt();
    const texts = Array.from({ length: 60 }, (_, i) => (i % 3 ? `習近平${i}日在北京會見普京。` : `新华社上海${(i % 28) + 1}日电 李强说。`));
    const jobs: AnnotateJob[] = texts.map((text, i) => ({ id: i, uri: `untitled:stdin-${i}`, text }));
    const run = async (n: number) => {
      const pool = createPool(n, { locale: 'en' }, 'jsonl', path.join(ROOT, 'dist', 'cli-worker.js'));
      try {
        return await Promise.all(jobs.map((j) => pool.run(j)));
      } finally {
        await pool.close();
      }
    };
    const one = await run(1);
    const two = await run(2);
    assert.deepEqual(two, one);
    assert.deepEqual(
      two.map((r) => (r.ok ? (JSON.parse(r.value) as { id: number }).id : r.error)),
      texts.map((_, i) => i),
    );
    assert.ok(two.some((r) => r.ok && r.value.includes('"普京"')));
  });
});
