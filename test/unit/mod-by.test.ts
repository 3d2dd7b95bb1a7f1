// modBy (compiled `a % k` for a positive int32 literal k) must give what mod gives, bit for
// bit: its int32 shortcut may not change -0, fractions, negatives or values past 2^31.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mod, modBy } from '../../runtime/lua/ops.js';

test('modBy agrees with mod for every kind of dividend', () => {
  const as = [0, -0, 1, 2, 99, 100, 101, -1, -100, -101, 0.5, -0.5, 7.25, 2 ** 31 - 1, 2 ** 31, -(2 ** 31),
    2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e300, -1e300, Infinity, -Infinity, NaN, Number.MIN_VALUE];
  const ks = [1, 2, 3, 7, 100, 1000, 1000000007, 2 ** 31 - 1];
  for (const a of as) {
    for (const k of ks) assert.ok(Object.is(modBy(a, k), mod(a, k)), `${a} % ${k}: ${modBy(a, k)} vs ${mod(a, k)}`);
  }
});
