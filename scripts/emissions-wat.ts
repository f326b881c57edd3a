/**
 * Writes the tagger's WebAssembly kernel, server/src/service/entities/wasm/emissions.wat. The kernel is unrolled (a
 * turn per feature slot, per tag, per closed tag), so most of its 1,000 lines repeat a few shapes with other offsets
 * and constants; this script holds each shape once, with the tables that vary it. Edit this script, not the .wat:
 * `npm run build:wasm` writes the .wat from it and assembles that into emissionsWasm.ts, and
 * test/unit/simd.test.ts checks that the committed .wat is what this script writes.
 *
 * The constants come from where the TypeScript takes them: features.ts's seeds for each slot (test/unit/simd.test.ts
 * holds every slot's ids equal to features.ts's), simd.ts's work area (KERNEL_CHARS), decode.ts's tag layout.
 */
import { KERNEL_CHARS } from '../server/src/service/entities/simd';

const I = (depth: number) => '  '.repeat(depth);
const get = (local: string) => `(local.get $${local})`;
const set = (local: string, value: string) => `(local.set $${local} ${value})`;
const i32 = (value: number | string) => `(i32.const ${value})`;
const hex = (value: number) => `0x${value.toString(16)}`;

/** The 13 tags: O, then B- I- E- S- of each of the three types (decode.ts checks this layout before it calls in). */
const TAGS = 13;
const CLOSED = [0, 3, 4, 7, 8, 11, 12]; // O, E-, S-: the tags a name may end on
const OPENERS = [0, 1, 4, 5, 8, 9, 12]; // O, B-, S-: the tags that may follow a closed one
const TYPES = 3;

/** Bytes a character: 13 f64 scores. */
const ROW = TAGS * 8;
/** Bytes a character: 30 u32 feature ids, and four characters a turn of the hashing loops. */
const IDS = 30 * 4;

/**
 * contextIds' 11 byte arrays, one after the other, each LINE_STRIDE bytes with 8 bytes before its first element
 * (simd.ts). The attributes start with the two BOS of `codes`, so character i is at its index i + 2; the others at i.
 */
const LINE_STRIDE = KERNEL_CHARS + 16;
const ARRAY = {
  attributes: 0,
  cover: 1, // the gazetteer's cover and start lengths
  startLength: 2,
  nameCover: 3, // the training names' cover and start lengths
  nameStart: 4,
  wordStart: 5,
  wordEnd: 6,
  wordInside: 7,
  forward: 8, // forward maximum matching
  lexiconMark: 9, // the name lexicon's marks and lengths
  lexiconLength: 10,
} as const;
type LineArray = keyof typeof ARRAY;
/** The byte offset of `array`'s element for the character `delta` places from the turn's first one. */
const at = (array: LineArray, delta: number) => 8 + ARRAY[array] * LINE_STRIDE + delta + (array === 'attributes' ? 2 : 0);

/** One round of features.ts `mix` in four lanes: `target` = mix(`h`, `v`). */
function mix(depth: number, target: string, h: string, v: string): string[] {
  return [
    `${I(depth)}${set(target, `(i32x4.mul (v128.xor ${h} ${v}) ${get('k1')})`)}`,
    `${I(depth)}${set(target, `(v128.xor ${get(target)} (i32x4.shr_u ${get(target)} ${i32(13)}))`)}`,
    `${I(depth)}${set(target, `(i32x4.mul ${get(target)} ${get('k2')})`)}`,
    `${I(depth)}${set(target, `(v128.xor ${get(target)} (i32x4.shr_u ${get(target)} ${i32(16)}))`)}`,
  ];
}

/** `$h` shifted to the table's size and stored as slot `slot`'s id of each of the turn's four characters. */
function storeIds(depth: number, slot: number, shift: string): string[] {
  return [
    `${I(depth)}${set('h', `(i32x4.shr_u ${get('h')} ${get(shift)})`)}`,
    ...[0, 1, 2, 3].map((lane) => `${I(depth)}(v128.store32_lane offset=${slot * 4 + lane * IDS} ${lane} ${get('ids')} ${get('h')})`),
  ];
}

/** A slot hashed from its seed and the values mixed in after it, one round each. */
function hashedSlot(depth: number, slot: number, seed: number, values: string[], shift: string, comment = `Slot ${slot}.`): string[] {
  const [first, ...rest] = values;
  return [
    `${I(depth)};; ${comment}`,
    ...mix(depth, 'h', `(i32x4.splat ${i32(hex(seed))})`, first),
    ...rest.flatMap((v) => mix(depth, 'h', get('h'), v)),
    ...storeIds(depth, slot, shift),
  ];
}

// ---- emissions ----------------------------------------------------------------------------------------------------

/** The slots whose buckets spread over the whole table (features.ts), touched before the sums. */
const TOUCHED_SLOTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 17, 24, 25, 26, 29];
/** Where a packed table's occupancy words start (modelFormat.ts PACKED_HEADER_WORDS words of header). */
const PACKED_OCCUPANCY = 64;
/** Bytes of the touched addresses of a character (15 slots, padded), and of a touching pass (32 characters). */
const ADDRESS_ROW = 64;
const ADDRESS_BYTES = 32 * ADDRESS_ROW;
/** Feature slots a character (features.ts FEATURES_PER_CHAR; simd.ts kernelTakes). */
const FEATURES = 30;
/** The slots that hash into the first 2^15 buckets only (features.ts `small`): the packed table stores those densely. */
export const SMALL_SLOTS = [10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 23, 27, 28];

/**
 * `$at` = the address of the stored bucket of the id `id` (modelFormat.ts packEmissions): its occupancy word shifted
 * left so that the id's bit is the sign (a shift counts mod 32, so 31 - (id & 31) is id ^ 31), and then the count
 * before its word plus the population count of what is left (the bits up to its own), or 0, the all-zero bucket,
 * when its bit is clear.
 */
function bucketAt(depth: number, id: string): string[] {
  return [
    `${I(depth)}${set('id', id)}`,
    `${I(depth)}${set('o', `(i32.add ${get('occ')} (i32.shl (i32.shr_u ${get('id')} ${i32(5)}) ${i32(3)}))`)}`,
    `${I(depth)}${set('s', `(i32.shl (i32.load ${get('o')}) (i32.xor ${get('id')} ${i32(31)}))`)}`,
    `${I(depth)}(local.set $at (i32.add ${get('stored')}`,
    `${I(depth + 1)}(i32.shl (select (i32.add (i32.load offset=4 ${get('o')}) (i32.popcnt ${get('s')})) ${i32(0)} (i32.lt_s ${get('s')} ${i32(0)})) ${i32(4)})))`,
  ];
}

function emissions(): string[] {
  // The touching pass finds the spread slots' stored buckets (a rank each) and keeps their addresses for the sums.
  const touch = TOUCHED_SLOTS.flatMap((slot, j) => [
    ...bucketAt(7, `(i32.load offset=${slot * 4} ${get('t')})`),
    `${I(7)}(i32.store offset=${j * 4} ${get('tp')} ${get('at')})`,
    `${I(7)}${set('touch', `(i32.xor ${get('touch')} (i32.load ${get('at')}))`)}`,
  ]);
  // Every slot's turn written out: the slots that hash into the first buckets only read theirs without a rank.
  const sums = Array.from({ length: FEATURES }, (_, slot) => [
    SMALL_SLOTS.includes(slot)
      ? `${I(4)}${set('at', `(i32.add ${get('stored')} (i32.shl (i32.add (i32.load offset=${slot * 4} ${get('ids')}) ${i32(1)}) ${i32(4)}))`)}`
      : `${I(4)}${set('at', `(i32.load offset=${TOUCHED_SLOTS.indexOf(slot) * 4} ${get('ap')})`)}`,
    `${I(4)}${set('v', `(v128.load ${get('at')})`)}`,
    `${I(4)}${set('lo', `(i16x8.add ${get('lo')} (i16x8.extend_low_i8x16_u ${get('v')}))`)}`,
    `${I(4)}${set('hi', `(i16x8.add ${get('hi')} (i16x8.extend_high_i8x16_u ${get('v')}))`)}`,
  ]).flat();
  const swapHalves = (x: string) => `(i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 ${x} ${x})`;
  const scaled = (x: string) => `(f64x2.mul (f64x2.convert_low_i32x4_s ${x}) ${get('scales')})`;
  const fourTags = (
    [
      ['low', 'lo'],
      ['high', 'lo'],
      ['low', 'hi'],
    ] as const
  ).flatMap(([half, sum], k) => [
    `${I(4)}${set('x', `(i32x4.sub (i32x4.extend_${half}_i16x8_u ${get(sum)}) ${get('biases')})`)}`,
    `${I(4)}(v128.store offset=${k * 32} ${get('em')} ${scaled(get('x'))})`,
    `${I(4)}(v128.store offset=${k * 32 + 16} ${get('em')}`,
    `${I(5)}${scaled(swapHalves(get('x')))})`,
  ]);
  return [
    `  ;; emissions(table, ids, n, features, em, bias, scale, addresses): for each of n characters, the features' bucket ids`,
    `  ;; (u32, \`features\` = ${FEATURES} per character from byte offset \`ids\`) are summed over the`,
    `  ;; packed buckets at byte offset \`table\` (modelFormat.ts packEmissions: a header whose first word is the offset of`,
    `  ;; the stored buckets, then from byte ${PACKED_OCCUPANCY} the occupancy words and counts), and the ${TAGS} scores are written as`,
    `  ;; f64 from byte offset \`em\`, ${TAGS} per character. \`addresses\`: ${ADDRESS_BYTES} bytes of work area, where the touching`,
    `  ;; pass leaves the addresses of the spread slots' buckets for the sums.`,
    `  ;; Returns the touching loads' xor, so that no compiler drops them.`,
    `  (func (export "emissions")`,
    `    (param $table i32) (param $ids i32) (param $n i32) (param $features i32) (param $em i32)`,
    `    (param $bias i32) (param $scale f64) (param $addresses i32) (result i32)`,
    `    (local $k i32) (local $t i32) (local $tend i32) (local $touch i32)`,
    `    (local $end i32) (local $v v128) (local $lo v128) (local $hi v128) (local $x v128)`,
    `    (local $biases v128) (local $scales v128) (local $occ i32) (local $stored i32) (local $id i32) (local $o i32)`,
    `    (local $s i32) (local $at i32) (local $tp i32) (local $ap i32)`,
    `    ${set('occ', `(i32.add ${get('table')} ${i32(PACKED_OCCUPANCY)})`)}`,
    `    ${set('stored', `(i32.add ${get('table')} (i32.load ${get('table')}))`)}`,
    `    ${set('biases', `(i32x4.splat ${get('bias')})`)}`,
    `    ${set('scales', `(f64x2.splat ${get('scale')})`)}`,
    `    (block $done`,
    `      (loop $char`,
    `        (br_if $done (i32.eqz ${get('n')}))`,
    `        ;; $k: characters left before the next touching pass.`,
    `        (if (i32.eqz ${get('k')})`,
    `          (then`,
    `            ${set('k', `(select ${get('n')} ${i32(32)} (i32.lt_u ${get('n')} ${i32(32)}))`)}`,
    `            ${set('t', get('ids'))}`,
    `            ${set('tp', get('addresses'))}`,
    `            ${set('ap', get('addresses'))}`,
    `            ${set('tend', `(i32.add ${get('ids')} (i32.mul ${get('k')} (i32.shl ${get('features')} ${i32(2)})))`)}`,
    `            (loop $touching`,
    ...touch,
    `              ${set('t', `(i32.add ${get('t')} (i32.shl ${get('features')} ${i32(2)}))`)}`,
    `              ${set('tp', `(i32.add ${get('tp')} ${i32(ADDRESS_ROW)})`)}`,
    `              (br_if $touching (i32.lt_u ${get('t')} ${get('tend')})))))`,
    `        ${set('k', `(i32.sub ${get('k')} ${i32(1)})`)}`,
    `        ${set('lo', '(v128.const i64x2 0 0)')}`,
    `        ${set('hi', '(v128.const i64x2 0 0)')}`,
    `        ;; The sums, slot by slot.`,
    ...sums,
    `        ${set('ids', `(i32.add ${get('ids')} (i32.shl ${get('features')} ${i32(2)}))`)}`,
    `        ${set('ap', `(i32.add ${get('ap')} ${i32(ADDRESS_ROW)})`)}`,
    `        ;; Per four tags: widen to i32, subtract the bias (exact), convert pairs to f64 (exact) and scale (one rounding).`,
    ...fourTags,
    `        ;; Tag 12 alone (lanes 13-15 are padding).`,
    `        (v128.store64_lane offset=96 0 ${get('em')}`,
    `          ${scaled(`(i32x4.sub (i32x4.extend_high_i16x8_u ${get('hi')}) ${get('biases')})`)})`,
    `        ${set('em', `(i32.add ${get('em')} ${i32(ROW)})`)}`,
    `        ${set('n', `(i32.sub ${get('n')} ${i32(1)})`)}`,
    `        (br $char)))`,
    `    ${get('touch')})`,
  ];
}

// ---- viterbi ------------------------------------------------------------------------------------------------------

const f64At = (offset: number, base: string) => `(f64.load offset=${offset} ${get(base)})`;
/** The transition from `from` (-1: the start) to `to`, in the 14 x 13 table at `tr`. */
const transition = (from: number, to: number) => f64At(((from + 1) * TAGS + to) * 8, 'tr');
/** The closed-to-opener block at `base` (7 x 7, opener-major): closed tag number `j` to opener number `o`. */
const closedToOpener = (o: number, j: number) => (o * CLOSED.length + j) * 8;

/** `best`/`arg` (and `more`) take `value` when it is strictly greater: the earlier of equals stays. */
function keepGreater(depth: number, value: string, best: string, tag: number, more: [string, number][] = []): string[] {
  return [
    `${I(depth)}${set('c', `(f64.gt ${value} ${get(best)})`)}`,
    `${I(depth)}${set(best, `(select ${value} ${get(best)} ${get('c')})`)}`,
    ...more.map(([local, v]) => `${I(depth)}${set(local, `(select ${i32(v)} ${get(local)} ${get('c')})`)}`),
    `${I(depth)}${set('arg', `(select ${i32(tag)} ${get('arg')} ${get('c')})`)}`,
  ];
}

function viterbi(): string[] {
  const q = (j: number) => get(`q${j}`);
  const rowZero = Array.from(
    { length: TAGS },
    (_, t) => `    (f64.store offset=${t * 8} ${get('rows')} (f64.add ${f64At(t * 8, 'tr')} ${f64At(t * 8, 'em')}))`,
  );
  const closedScores = CLOSED.map((tag, j) => `        ${set(`q${j}`, f64At(tag * 8, 'pr'))}`);
  const bestClosed = CLOSED.slice(1).flatMap((tag, k) => keepGreater(4, q(k + 1), 'top', tag, [['j', k + 1]]));
  const withinSpread = CLOSED.map((_, j) => `(f64.ge ${q(j)} ${get('floor')})`).reduce((sum, term) => `(i32.add ${sum} ${term})`);
  const oneClosed = OPENERS.flatMap((tag, o) => [
    `            (f64.store offset=${tag * 8} ${get('row')}`,
    `              (f64.add (f64.add ${get('top')} ${f64At(closedToOpener(o, 0), 'j')}) ${f64At(tag * 8, 'e')}))`,
    `            (i32.store8 offset=${tag} ${get('bk')} ${get('arg')})`,
  ]);
  const everyClosed = OPENERS.flatMap((tag, o) => [
    `            ;; Opener ${tag}.`,
    `            ${set('best', `(f64.add ${q(0)} ${f64At(closedToOpener(o, 0), 'tc')})`)}`,
    `            ${set('arg', i32(0))}`,
    ...CLOSED.slice(1).flatMap((closed, k) => [
      `            ${set('v', `(f64.add ${q(k + 1)} ${f64At(closedToOpener(o, k + 1), 'tc')})`)}`,
      ...keepGreater(6, get('v'), 'best', closed),
    ]),
    `            (f64.store offset=${tag * 8} ${get('row')} (f64.add ${get('best')} ${f64At(tag * 8, 'e')}))`,
    `            (i32.store8 offset=${tag} ${get('bk')} ${get('arg')})`,
  ]);
  const insides = Array.from({ length: TYPES }, (_, k) => 1 + 4 * k).flatMap((begin) =>
    [begin + 1, begin + 2].flatMap((to) => [
      `        ${set('x', `(f64.add ${f64At(begin * 8, 'pr')} ${transition(begin, to)})`)}`,
      `        ${set('y', `(f64.add ${f64At((begin + 1) * 8, 'pr')} ${transition(begin + 1, to)})`)}`,
      `        ${set('c', `(f64.ge ${get('x')} ${get('y')})`)}`,
      `        (f64.store offset=${to * 8} ${get('row')} (f64.add (select ${get('x')} ${get('y')} ${get('c')}) ${f64At(to * 8, 'e')}))`,
      `        (i32.store8 offset=${to} ${get('bk')} (select ${i32(begin)} ${i32(begin + 1)} ${get('c')}))`,
    ]),
  );
  const lastBest = CLOSED.flatMap((tag) => [`    ${set('v', f64At(tag * 8, 'pr'))}`, ...keepGreater(2, get('v'), 'best', tag)]);
  const margins = Array.from({ length: TAGS }, (_, t) => [
    `            ${set('v', f64At(t * 8, 'e'))}`,
    `            ${set('best', `(select ${get('v')} ${get('best')} (i32.and (i32.ne ${get('tag')} ${i32(t)}) (f64.gt ${get('v')} ${get('best')})))`)}`,
  ]).flat();
  return [
    `  ;; viterbi(em, n, tr, tc, spread, rows, back, tags, margin): decode.ts \`viterbiScores\` over the scores \`emissions\``,
    `  ;; wrote (13 f64 a character from byte offset \`em\`), the same comparisons in the same order on the same doubles, so`,
    `  ;; the same tags and margins bit for bit. \`tr\`: the 14 x 13 transitions (f64, illegal ones -Infinity); \`tc\`: the`,
    `  ;; closed-to-opener block (7 x 7 f64, opener-major); \`spread\` as decode.ts makes it. \`rows\`: two rows of 13 f64 (only`,
    `  ;; the previous row is read, so the scores need not be kept); \`back\`: 13 bytes a character; out: \`tags\` (a byte a`,
    `  ;; character) and, for each tagged character, its margin in \`margin\` (f32, as a Float32Array stores it).`,
    `  ;; The tag layout is fixed here: closed tags (O, E-, S-) ${CLOSED.join(' ')}, openers (O, B-, S-) ${OPENERS.join(' ')}, and`,
    `  ;; B- I- E- S- of a type at 1 + 4k (decode.ts checks the tag scheme before it calls this). Maxima are kept with`,
    `  ;; \`select\`, not branches; ties keep the earlier tag, as the JavaScript's strict \`>\` does.`,
    `  (func (export "viterbi")`,
    `    (param $em i32) (param $n i32) (param $tr i32) (param $tc i32) (param $spread f64)`,
    `    (param $rows i32) (param $back i32) (param $tags i32) (param $margin i32)`,
    `    (local $i i32) (local $pr i32) (local $row i32) (local $e i32) (local $bk i32) (local $swap i32)`,
    `    ${CLOSED.map((_, j) => `(local $q${j} f64)`).join(' ')}`,
    `    (local $top f64) (local $floor f64) (local $best f64) (local $v f64) (local $x f64) (local $y f64)`,
    `    (local $j i32) (local $arg i32) (local $c i32) (local $tag i32)`,
    `    ;; Row 0: the start transitions plus the scores.`,
    ...rowZero,
    `    ${set('pr', get('rows'))}`,
    `    ${set('row', `(i32.add ${get('rows')} ${i32(ROW)})`)}`,
    `    ${set('e', get('em'))}`,
    `    ${set('bk', get('back'))}`,
    `    ${set('i', i32(1))}`,
    `    (block $rows_done`,
    `      (loop $char`,
    `        (br_if $rows_done (i32.ge_u ${get('i')} ${get('n')}))`,
    `        ${set('e', `(i32.add ${get('e')} ${i32(ROW)})`)}`,
    `        ${set('bk', `(i32.add ${get('bk')} ${i32(TAGS)})`)}`,
    `        ;; The closed tags' previous scores, and the best of them ($j its index among them, $arg the tag).`,
    ...closedScores,
    `        ${set('top', q(0))}`,
    `        ${set('j', i32(0))}`,
    `        ${set('arg', i32(0))}`,
    ...bestClosed,
    `        ${set('floor', `(f64.sub ${get('top')} ${get('spread')})`)}`,
    `        ;; One closed tag within \`spread\` of the best: it is every opener's predecessor.`,
    `        (if (i32.eq ${i32(1)} ${withinSpread})`,
    `          (then`,
    `            ${set('j', `(i32.add ${get('tc')} (i32.shl ${get('j')} ${i32(3)}))`)}`,
    ...oneClosed,
    `          )`,
    `          (else`,
    ...everyClosed,
    `          ))`,
    `        ;; I- and E- follow their own B- or I- (ties to B-).`,
    ...insides,
    `        ${set('swap', get('pr'))}`,
    `        ${set('pr', get('row'))}`,
    `        ${set('row', get('swap'))}`,
    `        ${set('i', `(i32.add ${get('i')} ${i32(1)})`)}`,
    `        (br $char)))`,
    `    ;; The best tag a line may end on (O, E-, S-), the first of equals.`,
    `    ${set('best', '(f64.const -inf)')}`,
    `    ${set('arg', i32(0))}`,
    ...lastBest,
    `    ;; Back through the pointers.`,
    `    ${set('i', get('n'))}`,
    `    (block $back_done`,
    `      (loop $backwards`,
    `        (br_if $back_done (i32.eqz ${get('i')}))`,
    `        ${set('i', `(i32.sub ${get('i')} ${i32(1)})`)}`,
    `        (i32.store8 (i32.add ${get('tags')} ${get('i')}) ${get('arg')})`,
    `        ${set('arg', `(i32.load8_u (i32.add (i32.add ${get('back')} (i32.mul ${get('i')} ${i32(TAGS)})) ${get('arg')}))`)}`,
    `        (br $backwards)))`,
    `    ;; Each tagged character's score over the best other tag's.`,
    `    ${set('i', i32(0))}`,
    `    ${set('e', get('em'))}`,
    `    (block $margins_done`,
    `      (loop $margins`,
    `        (br_if $margins_done (i32.ge_u ${get('i')} ${get('n')}))`,
    `        ${set('tag', `(i32.load8_u (i32.add ${get('tags')} ${get('i')}))`)}`,
    `        (if ${get('tag')}`,
    `          (then`,
    `            ${set('best', '(f64.const -inf)')}`,
    ...margins,
    `            (f32.store (i32.add ${get('margin')} (i32.shl ${get('i')} ${i32(2)}))`,
    `              (f32.demote_f64 (f64.sub (f64.load (i32.add ${get('e')} (i32.shl ${get('tag')} ${i32(3)}))) ${get('best')})))))`,
    `        ${set('e', `(i32.add ${get('e')} ${i32(ROW)})`)}`,
    `        ${set('i', `(i32.add ${get('i')} ${i32(1)})`)}`,
    `        (br $margins)))`,
    `  )`,
  ];
}

// ---- feature hashing ----------------------------------------------------------------------------------------------

const KEYS = [`    ${set('k1', `(i32x4.splat ${i32('0x85ebca6b')})`)}`, `    ${set('k2', `(i32x4.splat ${i32('0xc2b2ae35')})`)}`];
/** Four bytes of a line array from the turn's first character, widened to four i32 lanes. */
const bytes = (array: LineArray, delta: number) =>
  `(i32x4.extend_low_i16x8_u (i16x8.extend_low_i8x16_u (v128.load32_zero offset=${at(array, delta)} ${get('lines')})))`;
const low = (local: string) => `(v128.and ${get(local)} ${get('m15')})`;
const high = (local: string) => `(i32x4.shr_u ${get(local)} ${i32(4)})`;
/** Fields packed into one integer as features.ts packs them: the first as it is, each other shifted left. */
const packed = (first: string, ...rest: [string, number][]) =>
  rest.reduce((x, [field, shift]) => `(v128.or ${x} (i32x4.shl ${field} ${i32(shift)}))`, first);
const L = get;

/** characterIds' slots: the seed and the code units mixed in (features.ts `characterIds`). */
const CHARACTER_SLOTS: [number, string[]][] = [
  [0x1001, ['m2']],
  [0x2002, ['m1']],
  [0x3003, ['c0']],
  [0x4004, ['p1']],
  [0x5005, ['p2']],
  [0x6006, ['m2', 'm1']],
  [0x7007, ['m1', 'c0']],
  [0x8008, ['c0', 'p1']],
  [0x9009, ['p1', 'p2']],
  [0xa00a, ['m1', 'p1']],
];

function characterIds(): string[] {
  return [
    `  ;; characterIds(codes, ids, n, shift): features.ts \`characterIds\` (slots 0-9: the folded code units at -2..+2 and`,
    `  ;; five bigrams, each hashed by \`mix\`) four characters at a time, one i32x4 lane a character: the same 32-bit`,
    `  ;; multiplications, shifts and xors, so the same ids. \`codes\`: the line's folded code units (u16) after two BOS, and`,
    `  ;; readable four units past its two EOS; \`ids\`: 30 u32 a character. The last turn may hash up to three characters`,
    `  ;; past n, into ids no one reads (the work area holds KERNEL_CHARS of 40).`,
    `  (func (export "characterIds") (param $codes i32) (param $ids i32) (param $n i32) (param $shift i32)`,
    `    (local $m2 v128) (local $m1 v128) (local $c0 v128) (local $p1 v128) (local $p2 v128) (local $h v128)`,
    `    (local $k1 v128) (local $k2 v128)`,
    ...KEYS,
    `    (block $done`,
    `      (loop $four`,
    `        (br_if $done (i32.le_s ${get('n')} ${i32(0)}))`,
    ...['m2', 'm1', 'c0', 'p1', 'p2'].map((local, k) => `        ${set(local, `(v128.load16x4_u offset=${k * 2} ${get('codes')})`)}`),
    ...CHARACTER_SLOTS.flatMap(([seed, units], slot) => hashedSlot(4, slot, seed, units.map(L), 'shift')),
    `        ${set('codes', `(i32.add ${get('codes')} ${i32(8)})`)}`,
    `        ${set('ids', `(i32.add ${get('ids')} ${i32(4 * IDS)})`)}`,
    `        ${set('n', `(i32.sub ${get('n')} ${i32(4)})`)}`,
    `        (br $four)))`,
    `  )`,
  ];
}

/** contextIds' slots: the seed and the integer packed from the line's arrays (features.ts `contextIds`). */
const CONTEXT_SLOTS: [number, number, string][] = [
  [10, 0x1c01c, packed(low('am1'), [low('a0'), 4], [L('fm'), 8])],
  [11, 0x1a01a, packed(high('a0'), [high('am1'), 4], [L('elm'), 8], [L('sl'), 12])],
  [12, 0x1b01b, packed(L('fm'), [L('lcov'), 8], [L('cov'), 16])],
  [13, 0xe00e, packed(low('am1'), [low('a0'), 4], [low('ap1'), 8])],
  [14, 0xf00f, packed(high('am1'), [high('a0'), 4], [high('ap1'), 8], [high('am2'), 12], [high('ap2'), 16])],
  [15, 0x10010, packed(L('cov'), [bytes('startLength', 0), 8])],
  [16, 0x11011, packed(bytes('cover', -1), [L('cov'), 8], [bytes('cover', 1), 16])],
  [18, 0x13013, packed(L('lcov'), [bytes('nameStart', 0), 8])],
  [19, 0x14014, packed(bytes('nameCover', -1), [L('lcov'), 8], [bytes('nameCover', 1), 16])],
  [20, 0x15015, packed(L('lcov'), [L('cov'), 8])],
  [21, 0x16016, packed(L('sl'), [L('el'), 4], [bytes('wordInside', 0), 8])],
  [22, 0x17017, packed(L('elm'), [L('sl'), 4], [L('el'), 8], [bytes('wordStart', 1), 12])],
  [23, 0x18018, packed(bytes('forward', -1), [L('fm'), 8], [bytes('forward', 1), 16])],
  [27, 0x1f01f, packed(L('nm'), [bytes('lexiconLength', 0), 8], [L('fm'), 11])],
  [28, 0x20020, packed(bytes('lexiconMark', -1), [L('nm'), 8], [bytes('lexiconMark', 1), 16])],
];
/** The turn's values read once and shared by several slots. */
const CONTEXT_VALUES: [string, string][] = [
  ['am2', bytes('attributes', -2)],
  ['am1', bytes('attributes', -1)],
  ['a0', bytes('attributes', 0)],
  ['ap1', bytes('attributes', 1)],
  ['ap2', bytes('attributes', 2)],
  ['cov', bytes('cover', 0)],
  ['lcov', bytes('nameCover', 0)],
  ['sl', bytes('wordStart', 0)],
  ['el', bytes('wordEnd', 0)],
  ['elm', bytes('wordEnd', -1)],
  ['fm', bytes('forward', 0)],
  ['nm', bytes('lexiconMark', 0)],
];
/** The values features.ts uses beyond a line's ends: before its first element, and after its last. */
const BEYOND_START: [LineArray, number][] = [
  ['wordEnd', 15],
  ['forward', 255],
  ['cover', 255],
  ['nameCover', 255],
  ['lexiconMark', 255],
];
const BEYOND_END: [LineArray, number][] = [
  ['wordStart', 15],
  ['forward', 255],
  ['cover', 255],
  ['nameCover', 255],
  ['lexiconMark', 255],
];
const beforeLine = (array: LineArray, value: number) => `    (i32.store8 offset=${at(array, -1)} ${get('lines')} ${i32(value)})`;
const afterLine = (array: LineArray, value: number) =>
  `    (i32.store8 offset=${at(array, 0)} (i32.add ${get('lines')} ${get('n')}) ${i32(value)})`;

function contextIds(): string[] {
  return [
    `  ;; contextIds(lines, ids, n, small): features.ts \`contextIds\` (slots 10-16, 18-23, 27, 28: character classes and`,
    `  ;; flags, dictionary, word, training-name and name-lexicon positions, each packed into an integer and hashed by`,
    `  ;; \`mix\`) four characters at a time, one i32x4 lane a character: the same integers and the same 32-bit arithmetic,`,
    `  ;; so the same ids. \`lines\`: ${Object.keys(ARRAY).length} byte arrays a line long, ${LINE_STRIDE} bytes apart, each with 8 bytes before its first`,
    `  ;; element: the attributes of the folded code units (as \`codes\`, two BOS first), the gazetteer's cover and start`,
    `  ;; lengths, the training names' cover and start lengths, the word starts, ends, insides and forward maximum`,
    `  ;; matching, the name-lexicon marks and lengths. The values features.ts uses beyond the line's ends (255, or 15`,
    `  ;; for word ends and starts) are written first before and after the arrays that have them. As in \`characterIds\`,`,
    `  ;; the last turn may hash up to three characters past n.`,
    `  (func (export "contextIds") (param $lines i32) (param $ids i32) (param $n i32) (param $small i32)`,
    `    (local $k1 v128) (local $k2 v128) (local $h v128) (local $x v128) (local $m15 v128)`,
    `    (local $am2 v128) (local $am1 v128) (local $a0 v128) (local $ap1 v128) (local $ap2 v128)`,
    `    (local $cov v128) (local $lcov v128) (local $sl v128) (local $el v128) (local $elm v128) (local $fm v128) (local $nm v128)`,
    `    (local $end i32)`,
    ...BEYOND_START.map(([array, value]) => beforeLine(array, value)),
    ...BEYOND_END.map(([array, value]) => afterLine(array, value)),
    ...KEYS,
    `    ${set('m15', `(i32x4.splat ${i32(15)})`)}`,
    `    ${set('end', `(i32.add ${get('lines')} ${get('n')})`)}`,
    `    (block $done`,
    `      (loop $four`,
    `        (br_if $done (i32.ge_s ${get('lines')} ${get('end')}))`,
    ...CONTEXT_VALUES.map(([local, value]) => `        ${set(local, value)}`),
    ...CONTEXT_SLOTS.flatMap(([slot, seed, x]) => {
      const [comment, ...hashed] = hashedSlot(4, slot, seed, [get('x')], 'small');
      return [comment, `        ${set('x', x)}`, ...hashed];
    }),
    `        ${set('lines', `(i32.add ${get('lines')} ${i32(4)})`)}`,
    `        ${set('ids', `(i32.add ${get('ids')} ${i32(4 * IDS)})`)}`,
    `        (br $four)))`,
    `  )`,
  ];
}

/** wordContextIds' mark slots: the seed and the line array whose mark is mixed with the character. */
const MARK_SLOTS: [number, number, LineArray][] = [
  [17, 0x12012, 'cover'],
  [24, 0x19019, 'forward'],
  [29, 0x21021, 'lexiconMark'],
];

/**
 * An induced word's slot: its seed plus its length, then a round per code unit, each lane taking a round's unit only
 * while its word lasts (`min`: the length from which the round's unit is in the word; none: always, the word or the
 * neighbour), then the character's side class.
 */
interface WordSlot {
  slot: number;
  seed: number;
  comment: string;
  length: string;
  rounds: { comment: string; unit: string; min?: number }[];
  side: string;
}
const WORD_SLOTS: WordSlot[] = [
  {
    slot: 25,
    seed: 0x1d01d,
    comment: 'the word ending just before (el[i - 1] units, ending at m1), or m1 alone',
    length: bytes('wordEnd', -1),
    rounds: [
      { comment: 'codes[i - 2], in words of 4 units or more', unit: `(v128.load16x4_u (i32.sub ${get('codes')} ${i32(4)}))`, min: 4 },
      { comment: 'codes[i - 1], in words of 3 units or more', unit: `(v128.load16x4_u (i32.sub ${get('codes')} ${i32(2)}))`, min: 3 },
      { comment: 'codes[i], in words of 2 units or more', unit: `(v128.load16x4_u offset=0 ${get('codes')})`, min: 2 },
      { comment: 'codes[i + 1] (m1), always (the word or the neighbour)', unit: `(v128.load16x4_u offset=2 ${get('codes')})` },
    ],
    side: `(v128.and (i32x4.shr_u ${get('a0')} ${i32(4)}) (i32x4.splat ${i32(3)}))`,
  },
  {
    slot: 26,
    seed: 0x1e01e,
    comment: 'the word starting just after (sl[i + 1] units, from p1), or p1 alone',
    length: bytes('wordStart', 1),
    rounds: [
      { comment: 'codes[i + 3] (p1), always (the word or the neighbour)', unit: `(v128.load16x4_u offset=6 ${get('codes')})` },
      { comment: 'codes[i + 4], in words of 2 units or more', unit: `(v128.load16x4_u offset=8 ${get('codes')})`, min: 2 },
      { comment: 'codes[i + 5], in words of 3 units or more', unit: `(v128.load16x4_u offset=10 ${get('codes')})`, min: 3 },
      { comment: 'codes[i + 6], in words of 4 units or more', unit: `(v128.load16x4_u offset=12 ${get('codes')})`, min: 4 },
    ],
    side: `(i32x4.shr_u ${get('a0')} ${i32(6)})`,
  },
];

function wordSlot({ slot, seed, comment, length, rounds, side }: WordSlot): string[] {
  const splat = `(i32x4.splat ${i32(hex(seed))})`;
  return [
    `        ;; Slot ${slot}: ${comment}.`,
    `        ${set('len', length)}`,
    `        ${set('h', `(i32x4.add ${splat} ${get('len')})`)}`,
    ...rounds.flatMap(({ comment: said, unit, min }, k) => [
      `        ;; Round ${k}: ${said}.`,
      ...mix(4, 'g', get('h'), unit),
      min === undefined
        ? `        ${set('h', get('g'))}`
        : `        ${set('h', `(v128.bitselect ${get('g')} ${get('h')} (i32x4.gt_u ${get('len')} (i32x4.splat ${i32(min - 1)})))`)}`,
    ]),
    ...mix(4, 'h', get('h'), `(i32x4.add ${splat} ${side})`),
    ...storeIds(4, slot, 'shift'),
  ];
}

function wordContextIds(): string[] {
  return [
    `  ;; wordContextIds(codes, lines, ids, n, shift): features.ts \`wordContextIds\` (slots 17, 24, 29: a mark with the`,
    `  ;; character; 25, 26: the induced word just before and just after the character, hashed unit by unit, or the`,
    `  ;; neighbouring character where there is none) four characters at a time, one i32x4 lane a character. A word's`,
    `  ;; hash runs four rounds, each lane taking a round's code unit only while its word lasts (the words are 2 to 4`,
    `  ;; units, and the neighbour counts as one), so each lane mixes exactly the units the JavaScript loop mixes, in its`,
    `  ;; order. \`codes\` and \`lines\` as for \`characterIds\` and \`contextIds\`; here no word ends before the line and none`,
    `  ;; starts after it (0 is written there first). The last turn may hash up to three characters past n.`,
    `  (func (export "wordContextIds") (param $codes i32) (param $lines i32) (param $ids i32) (param $n i32) (param $shift i32)`,
    `    (local $k1 v128) (local $k2 v128) (local $h v128) (local $g v128) (local $c0 v128) (local $a0 v128) (local $len v128)`,
    `    (local $end i32)`,
    beforeLine('wordEnd', 0),
    afterLine('wordStart', 0),
    ...KEYS,
    `    ${set('end', `(i32.add ${get('lines')} ${get('n')})`)}`,
    `    (block $done`,
    `      (loop $four`,
    `        (br_if $done (i32.ge_s ${get('lines')} ${get('end')}))`,
    `        ${set('c0', `(v128.load16x4_u offset=4 ${get('codes')})`)}`,
    `        ${set('a0', bytes('attributes', 0))}`,
    ...MARK_SLOTS.flatMap(([slot, seed, array]) => hashedSlot(4, slot, seed, [bytes(array, 0), get('c0')], 'shift')),
    ...WORD_SLOTS.flatMap(wordSlot),
    `        ${set('codes', `(i32.add ${get('codes')} ${i32(8)})`)}`,
    `        ${set('lines', `(i32.add ${get('lines')} ${i32(4)})`)}`,
    `        ${set('ids', `(i32.add ${get('ids')} ${i32(4 * IDS)})`)}`,
    `        (br $four)))`,
    `  )`,
  ];
}

const HEADER = `;; The tagger's arithmetic in 128-bit SIMD: the emission sums (decode.ts \`emissions\`), Viterbi over them (\`viterbi\`),
;; and the feature hashing of features.ts (\`characterIds\`, \`contextIds\`, \`wordContextIds\`), each to the same numbers as
;; the TypeScript it replaces (test/unit/simd.test.ts). Assembled by scripts/build-wasm.ts into emissionsWasm.ts
;; (twice: over a plain memory, and with the memory declared shared for the CLI's worker threads). Written by
;; scripts/emissions-wat.ts, which holds each unrolled shape once (a turn per slot, per tag, per closed tag): edit it.
;;
;; A bucket is 16 biased bytes, one per tag (13 tags and 3 bytes of padding): one v128.load. Its low and high
;; halves are widened to 16-bit lanes and added into two accumulators (at most 30 features x 255 < 2^16, so no lane
;; carries into the next). Each score is then (sum - bias) * scale, the integer difference exact and the product
;; rounded once, as decode.ts computes it in JavaScript: the same doubles bit for bit (the subtraction and the
;; conversions are exact in i32 and f64 lanes, the product is the one IEEE rounding either way).
;;
;; The table is packed (modelFormat.ts packEmissions): the two thirds of the buckets that are all zero weights are not
;; stored, and a bucket's place among the stored ones is its rank over an occupancy bitmap (a count per 32 buckets and
;; i32.popcnt); an absent bucket reads the all-zero bucket stored first. 5.6 MB instead of 16.
;;
;; Each bucket is a cache miss more often than not (a table of megabytes read at random). As in the JavaScript sums, the
;; buckets of the next 32 characters are first touched in a loop with nothing else in it, so dozens of misses are in
;; flight at once; only the slots that hash into the whole table are touched (features.ts: 0-9, 17, 24-26, 29; the
;; others share its first 2^15 buckets, which stay cached). Which buckets are touched never changes a score.
;; Measured against the plain loop (scripts in docs/performance.md, "Ninth round"): touching all 30 slots was slower,
;; these 15 faster. The sums are written out slot by slot (the small slots need no rank).`;

/** The whole .wat, as `npm run build:wasm` writes it. */
export function emissionsWat(): string {
  return [
    HEADER,
    '(module',
    '  (import "env" "memory" (memory 1))',
    '',
    ...emissions(),
    '',
    ...viterbi(),
    '',
    ...characterIds(),
    '',
    ...contextIds(),
    '',
    ...wordContextIds(),
    '',
    ')',
    '',
  ].join('\n');
}
