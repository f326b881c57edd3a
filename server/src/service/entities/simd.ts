/**
 * The tagger's emission sums in WebAssembly SIMD (wasm/emissions.wat): a bucket of 16 biased bytes is one 128-bit
 * load and two widening adds, where JavaScript needs four loads and seven integer operations (decode.ts). Viterbi
 * then runs in the same module over the scores where they were written, its maxima kept with `select` rather than
 * branches, to the tags and margins decode.ts computes.
 *
 * The kernel reads the weights where they are: the model file is read into a WebAssembly memory in the first place
 * (`modelMemory`; node/model.ts does it), so the table is never copied. It reads the packed table of the model file
 * (modelFormat.ts packEmissions: the non-zero buckets only, found by a rank; 5.6 MB instead of 16), which a table
 * outside such a memory is unpacked from for the sums in JavaScript. Each memory holds, after the file, a
 * work area for one call: the feature ids of up to KERNEL_CHARS characters and their scores. A model whose bytes are
 * not in such a memory (training's float weights, a copy, a runtime without wasm SIMD) is decoded in JavaScript, to
 * the same doubles bit for bit.
 *
 * A shared memory serves the CLI's worker threads: one copy of the model, and each thread grows the memory by its
 * own work area when it first decodes (a shared memory grows in place, and `grow` hands each caller its own pages).
 */
import { EMISSIONS_WASM, EMISSIONS_WASM_SHARED } from './wasm/emissionsWasm';

/** Characters one call of the kernel sums: longer lines are summed in slices of this many. */
export const KERNEL_CHARS = 8192;
/** Features per character and scores per character the work area is laid out for (features.ts, tagScheme.ts). */
const MAX_FEATURES = 40;
const SCORES = 13;
const PAGE = 65536;
/** The folded code units of a line for `characterIds`: two before it, two after, and four more it may read. */
const CODES_BYTES = (KERNEL_CHARS + 8) * 2;
/**
 * The byte arrays of a line `contextIds` reads (features.ts AREA_LINES names them), each with 8 bytes before it and 8
 * after (the values beyond a line's ends, and the reads of a last turn of four): emissions.wat has the stride.
 */
export const LINE_ARRAYS = 11;
const LINE_STRIDE = KERNEL_CHARS + 16;
const LINES_BYTES = LINE_ARRAYS * LINE_STRIDE;
/** Where `emissions` keeps the bucket addresses of the spread slots of 32 characters between its two passes (emissions.wat). */
const ADDRESS_BYTES = 32 * 64;
/** Viterbi's tables in the work area: the 14 x 13 transitions, the 7 x 7 closed-to-opener block, two score rows. */
const TABLE_BYTES = ((SCORES + 1) * SCORES + 7 * 7 + 2 * SCORES) * 8;
/**
 * Bytes of one work area: the ids, the scores, Viterbi's tables, its back pointers (13 bytes a character), the tags
 * (one) and the margins (four), and 64 bytes to spare. Only the pages a line reaches are ever touched.
 */
const WORK_BYTES =
  KERNEL_CHARS * (MAX_FEATURES * 4 + SCORES * 8) +
  TABLE_BYTES +
  KERNEL_CHARS * (SCORES + 1 + 4) +
  CODES_BYTES +
  LINES_BYTES +
  ADDRESS_BYTES +
  64;
const WORK_PAGES = Math.ceil(WORK_BYTES / PAGE);
/** Threads that may each add a work area to one shared memory (its maximum is reserved address space, not memory). */
const MAX_THREADS = 256;

interface KernelExports {
  emissions(table: number, ids: number, n: number, features: number, em: number, bias: number, scale: number, addresses: number): number;
  viterbi(em: number, n: number, tr: number, tc: number, spread: number, rows: number, back: number, tags: number, margin: number): void;
  characterIds(codes: number, ids: number, n: number, shift: number): void;
  contextIds(lines: number, ids: number, n: number, small: number): void;
  wordContextIds(codes: number, lines: number, ids: number, n: number, shift: number): void;
}

/**
 * Whether the kernel sums `features` ids per character: it sums features.ts's 30 slots, each as its slot needs (the
 * slots that hash into the first buckets only read the packed table's dense head, modelFormat.ts packEmissions).
 */
export function kernelTakes(features: number): boolean {
  return features === 30 && features <= MAX_FEATURES;
}

/** The compiled modules, or null where this runtime has no WebAssembly SIMD (or, for the shared one, no threads). */
const compiled: { plain?: WebAssembly.Module | null; shared?: WebAssembly.Module | null } = {};
function kernelModule(shared: boolean): WebAssembly.Module | undefined {
  const key = shared ? 'shared' : 'plain';
  if (compiled[key] === undefined) {
    try {
      compiled[key] = typeof WebAssembly === 'object' ? new WebAssembly.Module(shared ? EMISSIONS_WASM_SHARED : EMISSIONS_WASM) : null;
    } catch {
      compiled[key] = null;
    }
  }
  return compiled[key] ?? undefined;
}

/** Whether this runtime runs the kernel (WebAssembly with SIMD). */
export function simdAvailable(): boolean {
  return !!kernelModule(false);
}

/** The memories made or adopted here, by the buffer the model's views were made over; `work`: the work area's offset. */
const memories = new WeakMap<ArrayBufferLike, { memory: WebAssembly.Memory; work?: number }>();

/**
 * A WebAssembly memory with a model file's `size` bytes at offset 0 (for the caller to fill) and room for the
 * kernel's work area; `shared` for the worker threads of one process. Undefined when the kernel cannot run here
 * (the model is then read into ordinary memory and decoded in JavaScript).
 */
export function modelMemory(size: number, shared = false): { memory: WebAssembly.Memory; bytes: Uint8Array } | undefined {
  if (!kernelModule(shared)) return undefined;
  const work = Math.ceil(size / 64) * 64;
  let memory: WebAssembly.Memory;
  if (shared) {
    const pages = Math.ceil(work / PAGE);
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages + MAX_THREADS * WORK_PAGES, shared: true });
  } else memory = new WebAssembly.Memory({ initial: Math.ceil((work + WORK_BYTES) / PAGE) });
  memories.set(memory.buffer, { memory, work: shared ? undefined : work });
  return { memory, bytes: new Uint8Array(memory.buffer, 0, size) };
}

/** A shared memory `modelMemory` made in another thread, adopted here: the model's `size` bytes in it. */
export function adoptModelMemory(memory: WebAssembly.Memory, size: number): Uint8Array {
  if (!(memory.buffer instanceof SharedArrayBuffer)) throw new Error('only a shared model memory can be adopted');
  memories.set(memory.buffer, { memory });
  return new Uint8Array(memory.buffer, 0, size);
}

/** The memory a model's bytes live in, if `modelMemory` or `adoptModelMemory` made them here. */
export function memoryOf(bytes: Uint8Array): WebAssembly.Memory | undefined {
  return memories.get(bytes.buffer)?.memory;
}

/** The kernel bound to one memory and its work area in this thread. */
export class EmissionKernel {
  /** The work area's ids: feature extraction may write a line's ids here, and the kernel reads them in place. */
  readonly ids: Uint32Array;
  /** The work area's scores, KERNEL_CHARS x 13, valid until the next call. */
  readonly scores: Float64Array;
  /** The touching loads' xor of the last call (kept so that they are not dropped). */
  touched = 0;
  private readonly run: KernelExports['emissions'];
  private readonly decode: KernelExports['viterbi'];
  private readonly hashCharacters: KernelExports['characterIds'];
  private readonly codesAt: number;
  private readonly hashContext: KernelExports['contextIds'];
  private readonly hashWords: KernelExports['wordContextIds'];
  private readonly linesAt: number;
  private readonly addressesAt: number;
  /** The work area's byte arrays of a line (LINE_ARRAYS of them, KERNEL_CHARS + 8 long), for `contextIds`. */
  readonly lines: Uint8Array[];
  /**
   * The work area's folded code units: feature extraction writes a line's here (two BOS, the line, two EOS) and
   * `characterIds` hashes them into `ids`.
   */
  readonly codes: Uint16Array;
  private readonly idsAt: number;
  private readonly scoresAt: number;
  private readonly trAt: number;
  private readonly tcAt: number;
  private readonly rowsAt: number;
  private readonly backAt: number;
  private readonly tagsAt: number;
  private readonly marginAt: number;
  /** Viterbi's views: the transition tables (written when they change), the tags and margins it writes. */
  private readonly tables: Float64Array;
  private readonly tagsOut: Uint8Array;
  private readonly marginOut: Float32Array;
  /** The transition table last written into the work area (decode.ts makes one per model, and keeps it). */
  private written: Float64Array | undefined;

  constructor(memory: WebAssembly.Memory, work: number) {
    const shared = memory.buffer instanceof SharedArrayBuffer;
    const instance = new WebAssembly.Instance(kernelModule(shared)!, { env: { memory } });
    const exports = instance.exports as unknown as KernelExports;
    this.run = exports.emissions;
    this.decode = exports.viterbi;
    this.hashCharacters = exports.characterIds;
    this.hashContext = exports.contextIds;
    this.hashWords = exports.wordContextIds;
    this.idsAt = work;
    this.scoresAt = work + KERNEL_CHARS * MAX_FEATURES * 4;
    this.trAt = this.scoresAt + KERNEL_CHARS * SCORES * 8;
    this.tcAt = this.trAt + (SCORES + 1) * SCORES * 8;
    this.rowsAt = this.tcAt + 7 * 7 * 8;
    this.backAt = this.trAt + TABLE_BYTES;
    this.marginAt = this.backAt + KERNEL_CHARS * SCORES;
    this.tagsAt = this.marginAt + KERNEL_CHARS * 4;
    this.codesAt = this.tagsAt + KERNEL_CHARS;
    this.linesAt = this.codesAt + CODES_BYTES;
    this.addressesAt = this.linesAt + LINES_BYTES;
    // Taken after any growth: a shared memory's buffer object is new each time it grows.
    const buffer = memory.buffer;
    this.ids = new Uint32Array(buffer, this.idsAt, KERNEL_CHARS * MAX_FEATURES);
    this.scores = new Float64Array(buffer, this.scoresAt, KERNEL_CHARS * SCORES);
    this.tables = new Float64Array(buffer, this.trAt, (SCORES + 1) * SCORES + 7 * 7);
    this.tagsOut = new Uint8Array(buffer, this.tagsAt, KERNEL_CHARS);
    this.marginOut = new Float32Array(buffer, this.marginAt, KERNEL_CHARS);
    this.codes = new Uint16Array(buffer, this.codesAt, KERNEL_CHARS + 8);
    this.lines = Array.from(
      { length: LINE_ARRAYS },
      (_, k) => new Uint8Array(buffer, this.linesAt + k * LINE_STRIDE + 8, KERNEL_CHARS + 8),
    );
  }

  /**
   * features.ts `characterIds` for the n <= KERNEL_CHARS characters whose folded code units are in `codes` (after two
   * BOS), into `ids` (30 a character): the same ids, four characters a turn.
   */
  characterIds(n: number, shift: number): void {
    if (n > KERNEL_CHARS) throw new RangeError('character ids: too many characters');
    this.hashCharacters(this.codesAt, this.idsAt, n, shift);
  }

  /**
   * features.ts `contextIds` for the n <= KERNEL_CHARS characters whose arrays are in `lines` (features.ts
   * AREA_LINES), into `ids`: the same ids, four characters a turn. Writes the values beyond the line's ends into
   * the arrays first (before index 0 and at index n).
   */
  contextIds(n: number, small: number): void {
    if (n > KERNEL_CHARS) throw new RangeError('context ids: too many characters');
    this.hashContext(this.linesAt, this.idsAt, n, small);
  }

  /**
   * features.ts `wordContextIds` for the n <= KERNEL_CHARS characters whose codes are in `codes` and whose arrays
   * are in `lines`, into `ids`: the same ids, four characters a turn.
   */
  wordContextIds(n: number, shift: number): void {
    if (n > KERNEL_CHARS) throw new RangeError('word context ids: too many characters');
    this.hashWords(this.codesAt, this.linesAt, this.idsAt, n, shift);
  }

  /**
   * Viterbi over the scores of the last `emissions` call (its first n <= KERNEL_CHARS characters), as decode.ts
   * `viterbiScores` decodes them: `tr` the 14 x 13 transitions, `tc` the 7 x 7 closed-to-opener block and `spread`
   * as it makes them. Writes the tags into `tags` and, with `margin`, each tagged character's margin (the others
   * are left as they were, as in JavaScript).
   */
  viterbi(tr: Float64Array, tc: Float64Array, spread: number, n: number, tags: Uint8Array, margin?: Float32Array): void {
    if (n > KERNEL_CHARS || tr.length !== (SCORES + 1) * SCORES || tc.length !== 7 * 7)
      throw new RangeError('viterbi kernel: too many characters, or tables it does not take');
    if (tr !== this.written) {
      this.tables.set(tr);
      this.tables.set(tc, tr.length);
      this.written = tr;
    }
    this.decode(this.scoresAt, n, this.trAt, this.tcAt, spread, this.rowsAt, this.backAt, this.tagsAt, this.marginAt);
    const out = this.tagsOut;
    tags.set(out.subarray(0, n));
    if (margin) {
      const m = this.marginOut;
      for (let i = 0; i < n; i++) if (out[i]) margin[i] = m[i];
    }
  }

  /**
   * The scores of n <= KERNEL_CHARS characters whose `features` ids per character are in `ids` (copied into the
   * work area unless they are its own view), over the buckets at byte offset `table`: (sum - bias) * scale per tag.
   */
  emissions(table: number, ids: Uint32Array, n: number, features: number, bias: number, scale: number): Float64Array {
    if (n > KERNEL_CHARS || !kernelTakes(features))
      throw new RangeError('emission kernel: too many characters, or a feature count it does not take');
    if (ids !== this.ids) this.ids.set(ids.subarray(0, n * features));
    this.touched = this.run(table, this.idsAt, n, features, this.scoresAt, bias, scale, this.addressesAt);
    return this.scores;
  }
}

/** Each memory's kernel in this thread (null: the buffer is no model memory). */
const kernels = new WeakMap<ArrayBufferLike, EmissionKernel | null>();

/** The kernel that sums over a table in `buffer`, when it lies in a model memory; made at the first call. */
export function kernelFor(buffer: ArrayBufferLike): EmissionKernel | undefined {
  let kernel = kernels.get(buffer);
  if (kernel === undefined) {
    const entry = memories.get(buffer);
    kernel = null;
    if (entry) {
      // A shared memory gets this thread's own work area: `grow` returns where the new pages start. Past its
      // maximum (MAX_THREADS work areas) it cannot grow, and this thread sums in JavaScript.
      let work = entry.work;
      try {
        work ??= entry.memory.grow(WORK_PAGES) * PAGE;
      } catch {
        work = undefined;
      }
      if (work !== undefined) kernel = new EmissionKernel(entry.memory, work);
    }
    kernels.set(buffer, kernel);
  }
  return kernel ?? undefined;
}
