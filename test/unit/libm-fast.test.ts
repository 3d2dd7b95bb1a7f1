// The fast paths of runtime/lua/libm.ts against the double-double code they stand in front
// of (useExactOnly): the same double, bit for bit, for every input. ROVERC_LIBM_N sets how
// many random inputs each test draws (default 200,000).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { envInt } from '../support/env.js';
import { doubleRng } from '../support/rng.js';
import { crAcos, crAsin, crAtan, crAtan2, crCos, crExp, crLog, crLog2, crPow, crSin, crTan, useExactOnly } from '../../runtime/lua/libm.js';

const N = envInt('ROVERC_LIBM_N', 200_000, 1);

/** f(...args) computed by the double-double code alone. */
function exact<A extends number[]>(f: (...a: A) => number, ...args: A): number {
  useExactOnly(true);
  try {
    return f(...args);
  } finally {
    useExactOnly(false);
  }
}

const rand = doubleRng(20261206);

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Any double at all (NaNs, infinities, subnormals, both signs), by its bits. */
function anyDouble(): number {
  u32[0] = (rand() * 2 ** 32) >>> 0;
  u32[1] = (rand() * 2 ** 32) >>> 0;
  return f64[0];
}
/** A positive double with a random exponent in [lo, hi) and random mantissa. */
function withExponent(lo: number, hi: number): number {
  return (1 + rand()) * 2 ** Math.floor(lo + rand() * (hi - lo));
}
function pick<T>(xs: T[]): T {
  return xs[Math.floor(rand() * xs.length)];
}

const SPECIAL = [0, -0, 1, -1, 0.5, -0.5, 2, -2, 3, 10, 0.1, 1e-310, -1e-310, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE,
  Infinity, -Infinity, NaN, 1 + 2 ** -52, 1 - 2 ** -53, Math.E, Math.PI, 2 ** 53, 2 ** 53 + 2, 1e300, 1e-300];

function hex(v: number): string {
  f64[0] = v;
  return `${v} (0x${u32[1].toString(16)}_${u32[0].toString(16)})`;
}

function same(name: string, got: number, want: number, args: number[]): void {
  if (Object.is(got, want)) return;
  assert.fail(`${name}(${args.join(', ')}): ${hex(got)}, the reference gives ${hex(want)}`);
}

/** Pairs (x, y) from several families: every kind of input pow treats differently. */
function powPair(): [number, number] {
  switch (Math.floor(rand() * 12)) {
    case 0: return [anyDouble(), anyDouble()];
    case 1: return [withExponent(-1074, 1024), (rand() - 0.5) * 4];
    case 2: return [rand() * 100, (rand() - 0.5) * 2 ** Math.floor(rand() * 12)]; // everyday
    case 3: return [1 + (rand() - 0.5) * 2 ** -Math.floor(rand() * 53), (rand() - 0.5) * 2 ** Math.floor(rand() * 64)]; // near 1
    case 4: return [-withExponent(-30, 30), Math.floor((rand() - 0.5) * 200)]; // negative, whole y
    case 5: return [Math.floor(rand() * 1000) + 1, pick([0.5, 1.5, 0.25, 0.75, 1 / 3, 2.5, -0.5, -1.5, 3, -3, 0.1])];
    case 6: { // perfect powers: exact results and exact midpoints (a^3 with 54 bits)
      const a = Math.floor(rand() * 2 ** 18) + 1;
      return pick([[a * a, 1.5], [a * a, -1.5], [a * a * a * a, 0.75], [a * a, 2.5], [a, 3], [a ** 4, 0.25]]);
    }
    case 7: { // results near overflow and underflow (z near 709, -707, -745)
      const x = withExponent(-20, 20);
      const target = pick([709, 709.78, 707, -707, -708.4, -745, -744.4, 700, -700]) + (rand() - 0.5) * 4;
      return [x, target / Math.log(x)];
    }
    case 8: return [withExponent(-1074, -1022), (rand() - 0.5) * 2]; // subnormal x
    case 9: return [pick(SPECIAL), pick(SPECIAL)];
    case 10: return [pick(SPECIAL), (rand() - 0.5) * 10];
    default: return [withExponent(-1074, 1024), anyDouble()];
  }
}

test('pow: the same double as the double-double pow', () => {
  for (let n = 0; n < N; n++) {
    const [x, y] = powPair();
    same('pow', crPow(x, y), exact(crPow, x, y), [x, y]);
  }
});

function oneArg(family: number): number {
  switch (family) {
    case 0: return anyDouble();
    case 1: return (rand() - 0.5) * 2 ** Math.floor(rand() * 12);
    case 2: return 1 + (rand() - 0.5) * 2 ** -Math.floor(rand() * 53); // log near 1
    case 3: return pick([709, 709.78, 707, -707, -708.4, -745, -744.4, 0]) + (rand() - 0.5) * 2; // exp's limits
    case 4: return (rand() - 0.5) * 2 ** -Math.floor(rand() * 60); // exp near 0
    default: return rand() < 0.5 ? pick(SPECIAL) : 2 ** Math.floor((rand() - 0.5) * 2200); // powers of two
  }
}

test('exp, log, log2: the same double as the double-double ones', () => {
  for (let n = 0; n < N; n++) {
    const x = oneArg(n % 6);
    same('exp', crExp(x), exact(crExp, x), [x]);
    const ax = Math.abs(x);
    same('log', crLog(ax), exact(crLog, ax), [ax]);
    same('log2', crLog2(ax), exact(crLog2, ax), [ax]);
  }
});

test('sin, cos, tan: the same double as the double-double ones', () => {
  for (let n = 0; n < N; n++) {
    let x: number;
    switch (n % 5) {
      case 0: x = anyDouble(); break;
      case 1: x = (rand() - 0.5) * 2 ** Math.floor(rand() * 48 - 28); break; // every scale the fast path takes
      case 2: x = Math.round((rand() - 0.5) * 2 ** 20) * (Math.PI / 4) * (1 + (rand() - 0.5) * 2 ** -40); break; // near k pi/4
      case 3: x = (rand() - 0.5) * 2 ** Math.floor(19 + rand() * 3); break; // around the 2^19 limit
      default: x = Math.floor(rand() * 53) / 64 * (rand() < 0.5 ? -1 : 1) + (rand() - 0.5) * 2 ** -Math.floor(rand() * 30); // table points
    }
    same('sin', crSin(x), exact(crSin, x), [x]);
    same('cos', crCos(x), exact(crCos, x), [x]);
    same('tan', crTan(x), exact(crTan, x), [x]);
  }
});

test('atan: the same double as the double-double one', () => {
  for (let n = 0; n < N; n++) {
    const x = n % 4 === 0 ? anyDouble() : n % 4 === 1 ? (rand() - 0.5) * 2 ** Math.floor(rand() * 130 - 64)
      : n % 4 === 2 ? (1 + (rand() - 0.5) * 2 ** -Math.floor(rand() * 50)) * (rand() < 0.5 ? -1 : 1) : (rand() - 0.5) * 8;
    same('atan', crAtan(x), exact(crAtan, x), [x]);
  }
});

test('asin, acos, atan2: the same double as the double-double ones', () => {
  for (let n = 0; n < N; n++) {
    const u = n % 3 === 0 ? anyDouble() : n % 3 === 1 ? (rand() - 0.5) * 2 : (1 - rand() * 2 ** -Math.floor(rand() * 54)) * (rand() < 0.5 ? -1 : 1);
    same('asin', crAsin(u), exact(crAsin, u), [u]);
    same('acos', crAcos(u), exact(crAcos, u), [u]);
    const y = n % 2 === 0 ? anyDouble() : (rand() - 0.5) * 2 ** Math.floor(rand() * 140 - 70);
    const x = n % 5 === 0 ? anyDouble() : n % 5 === 1 ? pick(SPECIAL) : (rand() - 0.5) * 2 ** Math.floor(rand() * 140 - 70);
    same('atan2', crAtan2(y, x), exact(crAtan2, y, x), [y, x]);
  }
});
