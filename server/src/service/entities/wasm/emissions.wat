;; The tagger's emission sums (decode.ts `emissions`) with 128-bit SIMD. Assembled by scripts/build-wasm.ts into
;; emissionsWasm.ts (twice: over a plain memory, and with the memory declared shared for the CLI's worker threads).
;;
;; A bucket is 16 biased bytes, one per tag (13 tags and 3 bytes of padding): one v128.load. Its low and high
;; halves are widened to 16-bit lanes and added into two accumulators (at most 30 features x 255 < 2^16, so no lane
;; carries into the next). Each score is then (sum - bias) * scale, the integer difference exact and the product
;; rounded once, as decode.ts computes it in JavaScript: the same doubles bit for bit.
(module
  (import "env" "memory" (memory 1))

  ;; emissions(table, ids, n, features, em, bias, scale): for each of n characters, the features' bucket ids
  ;; (u32, `features` per character from byte offset `ids`) are summed over the buckets at byte offset `table`,
  ;; and the 13 scores are written as f64 from byte offset `em`, 13 per character.
  (func (export "emissions")
    (param $table i32) (param $ids i32) (param $n i32) (param $features i32) (param $em i32)
    (param $bias i32) (param $scale f64)
    (local $end i32) (local $row i32) (local $v v128) (local $lo v128) (local $hi v128)
    (block $done
      (loop $char
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $end (i32.add (local.get $ids) (i32.shl (local.get $features) (i32.const 2))))
        (local.set $lo (v128.const i64x2 0 0))
        (local.set $hi (v128.const i64x2 0 0))
        (loop $feature
          (local.set $v
            (v128.load (i32.add (local.get $table) (i32.shl (i32.load (local.get $ids)) (i32.const 4)))))
          (local.set $lo (i16x8.add (local.get $lo) (i16x8.extend_low_i8x16_u (local.get $v))))
          (local.set $hi (i16x8.add (local.get $hi) (i16x8.extend_high_i8x16_u (local.get $v))))
          (local.set $ids (i32.add (local.get $ids) (i32.const 4)))
          (br_if $feature (i32.lt_u (local.get $ids) (local.get $end))))
        (local.set $row (local.get $em))
        (f64.store offset=0 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 0 (local.get $lo)) (local.get $bias))) (local.get $scale)))
        (f64.store offset=8 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 1 (local.get $lo)) (local.get $bias))) (local.get $scale)))
        (f64.store offset=16 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 2 (local.get $lo)) (local.get $bias))) (local.get $scale)))
        (f64.store offset=24 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 3 (local.get $lo)) (local.get $bias))) (local.get $scale)))
        (f64.store offset=32 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 4 (local.get $lo)) (local.get $bias))) (local.get $scale)))
        (f64.store offset=40 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 5 (local.get $lo)) (local.get $bias))) (local.get $scale)))
        (f64.store offset=48 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 6 (local.get $lo)) (local.get $bias))) (local.get $scale)))
        (f64.store offset=56 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 7 (local.get $lo)) (local.get $bias))) (local.get $scale)))
        (f64.store offset=64 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 0 (local.get $hi)) (local.get $bias))) (local.get $scale)))
        (f64.store offset=72 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 1 (local.get $hi)) (local.get $bias))) (local.get $scale)))
        (f64.store offset=80 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 2 (local.get $hi)) (local.get $bias))) (local.get $scale)))
        (f64.store offset=88 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 3 (local.get $hi)) (local.get $bias))) (local.get $scale)))
        (f64.store offset=96 (local.get $row)
          (f64.mul (f64.convert_i32_s (i32.sub (i16x8.extract_lane_u 4 (local.get $hi)) (local.get $bias))) (local.get $scale)))
        (local.set $em (i32.add (local.get $em) (i32.const 104)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $char))))
)
