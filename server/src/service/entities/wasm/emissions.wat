;; The tagger's emission sums (decode.ts `emissions`) with 128-bit SIMD. Assembled by scripts/build-wasm.ts into
;; emissionsWasm.ts (twice: over a plain memory, and with the memory declared shared for the CLI's worker threads).
;;
;; A bucket is 16 biased bytes, one per tag (13 tags and 3 bytes of padding): one v128.load. Its low and high
;; halves are widened to 16-bit lanes and added into two accumulators (at most 30 features x 255 < 2^16, so no lane
;; carries into the next). Each score is then (sum - bias) * scale, the integer difference exact and the product
;; rounded once, as decode.ts computes it in JavaScript: the same doubles bit for bit (the subtraction and the
;; conversions are exact in i32 and f64 lanes, the product is the one IEEE rounding either way).
;;
;; Each bucket is a cache miss more often than not (a 16 MB table read at random). As in the JavaScript sums, the
;; buckets of the next 32 characters are first touched in a loop with nothing else in it, so dozens of misses are in
;; flight at once; only the slots that hash into the whole table are touched (features.ts: 0-9, 17, 24-26, 29; the
;; others share its first 2^15 buckets, which stay cached). Which buckets are touched never changes a score.
;; Measured against the plain loop (scripts in docs/performance.md, "Ninth round"): touching all 30 slots was slower,
;; these 15 faster; unrolling the sums by five faster than by one or two.
(module
  (import "env" "memory" (memory 1))

  ;; emissions(table, ids, n, features, em, bias, scale): for each of n characters, the features' bucket ids
  ;; (u32, `features` per character from byte offset `ids`: a multiple of 5, at least 30) are summed over the
  ;; buckets at byte offset `table`, and the 13 scores are written as f64 from byte offset `em`, 13 per character.
  ;; Returns the touching loads' xor, so that no compiler drops them.
  (func (export "emissions")
    (param $table i32) (param $ids i32) (param $n i32) (param $features i32) (param $em i32)
    (param $bias i32) (param $scale f64) (result i32)
    (local $k i32) (local $t i32) (local $tend i32) (local $touch i32)
    (local $end i32) (local $v v128) (local $lo v128) (local $hi v128) (local $x v128)
    (local $biases v128) (local $scales v128)
    (local.set $biases (i32x4.splat (local.get $bias)))
    (local.set $scales (f64x2.splat (local.get $scale)))
    (block $done
      (loop $char
        (br_if $done (i32.eqz (local.get $n)))
        ;; $k: characters left before the next touching pass.
        (if (i32.eqz (local.get $k))
          (then
            (local.set $k (select (local.get $n) (i32.const 32) (i32.lt_u (local.get $n) (i32.const 32))))
            (local.set $t (local.get $ids))
            (local.set $tend (i32.add (local.get $ids) (i32.mul (local.get $k) (i32.shl (local.get $features) (i32.const 2)))))
            (loop $touching
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=0 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=4 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=8 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=12 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=16 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=20 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=24 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=28 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=32 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=36 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=68 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=96 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=100 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=104 (local.get $t)) (i32.const 4))))))
              (local.set $touch (i32.xor (local.get $touch)
                (i32.load (i32.add (local.get $table) (i32.shl (i32.load offset=116 (local.get $t)) (i32.const 4))))))
              (local.set $t (i32.add (local.get $t) (i32.shl (local.get $features) (i32.const 2))))
              (br_if $touching (i32.lt_u (local.get $t) (local.get $tend))))))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (local.set $end (i32.add (local.get $ids) (i32.shl (local.get $features) (i32.const 2))))
        (local.set $lo (v128.const i64x2 0 0))
        (local.set $hi (v128.const i64x2 0 0))
        ;; The sums, five features a turn.
        (loop $feature
          (local.set $v
            (v128.load (i32.add (local.get $table) (i32.shl (i32.load offset=0 (local.get $ids)) (i32.const 4)))))
          (local.set $lo (i16x8.add (local.get $lo) (i16x8.extend_low_i8x16_u (local.get $v))))
          (local.set $hi (i16x8.add (local.get $hi) (i16x8.extend_high_i8x16_u (local.get $v))))
          (local.set $v
            (v128.load (i32.add (local.get $table) (i32.shl (i32.load offset=4 (local.get $ids)) (i32.const 4)))))
          (local.set $lo (i16x8.add (local.get $lo) (i16x8.extend_low_i8x16_u (local.get $v))))
          (local.set $hi (i16x8.add (local.get $hi) (i16x8.extend_high_i8x16_u (local.get $v))))
          (local.set $v
            (v128.load (i32.add (local.get $table) (i32.shl (i32.load offset=8 (local.get $ids)) (i32.const 4)))))
          (local.set $lo (i16x8.add (local.get $lo) (i16x8.extend_low_i8x16_u (local.get $v))))
          (local.set $hi (i16x8.add (local.get $hi) (i16x8.extend_high_i8x16_u (local.get $v))))
          (local.set $v
            (v128.load (i32.add (local.get $table) (i32.shl (i32.load offset=12 (local.get $ids)) (i32.const 4)))))
          (local.set $lo (i16x8.add (local.get $lo) (i16x8.extend_low_i8x16_u (local.get $v))))
          (local.set $hi (i16x8.add (local.get $hi) (i16x8.extend_high_i8x16_u (local.get $v))))
          (local.set $v
            (v128.load (i32.add (local.get $table) (i32.shl (i32.load offset=16 (local.get $ids)) (i32.const 4)))))
          (local.set $lo (i16x8.add (local.get $lo) (i16x8.extend_low_i8x16_u (local.get $v))))
          (local.set $hi (i16x8.add (local.get $hi) (i16x8.extend_high_i8x16_u (local.get $v))))
          (local.set $ids (i32.add (local.get $ids) (i32.const 20)))
          (br_if $feature (i32.lt_u (local.get $ids) (local.get $end))))
        ;; Per four tags: widen to i32, subtract the bias (exact), convert pairs to f64 (exact) and scale (one rounding).
        (local.set $x (i32x4.sub (i32x4.extend_low_i16x8_u (local.get $lo)) (local.get $biases)))
        (v128.store offset=0 (local.get $em) (f64x2.mul (f64x2.convert_low_i32x4_s (local.get $x)) (local.get $scales)))
        (v128.store offset=16 (local.get $em)
          (f64x2.mul (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))) (local.get $scales)))
        (local.set $x (i32x4.sub (i32x4.extend_high_i16x8_u (local.get $lo)) (local.get $biases)))
        (v128.store offset=32 (local.get $em) (f64x2.mul (f64x2.convert_low_i32x4_s (local.get $x)) (local.get $scales)))
        (v128.store offset=48 (local.get $em)
          (f64x2.mul (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))) (local.get $scales)))
        (local.set $x (i32x4.sub (i32x4.extend_low_i16x8_u (local.get $hi)) (local.get $biases)))
        (v128.store offset=64 (local.get $em) (f64x2.mul (f64x2.convert_low_i32x4_s (local.get $x)) (local.get $scales)))
        (v128.store offset=80 (local.get $em)
          (f64x2.mul (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))) (local.get $scales)))
        ;; Tag 12 alone (lanes 13-15 are padding).
        (v128.store64_lane offset=96 0 (local.get $em)
          (f64x2.mul (f64x2.convert_low_i32x4_s (i32x4.sub (i32x4.extend_high_i16x8_u (local.get $hi)) (local.get $biases))) (local.get $scales)))
        (local.set $em (i32.add (local.get $em) (i32.const 104)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $char)))
    (local.get $touch))
)
