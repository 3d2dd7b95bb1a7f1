// Differential tests of the bit library against luajit (see luajit-diff.ts).
import type { LuaValue } from '../../runtime/lua/value.js';
import { createBitLib } from '../../runtime/stdlib/bit.js';
import { call, lit, rng, runDiff, type DiffCase } from './luajit-diff.js';

const B = createBitLib();
const cases: DiffCase[] = [];
const rand = rng(99);

function add(name: string, ...args: LuaValue[]): void {
  const f = B.get(name);
  cases.push({
    lua: args.length === 0 ? `out(pcall(bit.${name}))` : `call(bit.${name}${args.map((a) => ', ' + lit(a)).join('')})`,
    js: () => call(f, ...args),
  });
}

const edges: number[] = [0, -0, 1, -1, 2, 0x7fffffff, -0x80000000, 2 ** 31, 2 ** 32, 2 ** 32 + 1, 2 ** 32 - 1, -(2 ** 32),
  2 ** 51, 2 ** 51 + 0.5, -(2 ** 51) - 0.5, 2 ** 52, 2 ** 52 + 1, 3 * 2 ** 51, 2 ** 53, 2 ** 53 + 2, 2 ** 54 + 12,
  2 ** 60 + 2 ** 33 + 7, -(2 ** 60 + 2 ** 33 + 7), 2 ** 63, 2 ** 64 + 2 ** 34, 1e300, -1e300, Infinity, -Infinity, NaN,
  0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 1e-300, 5e-324, 0x12345678, 0x87654321, 0xdeadbeef];

function randomValue(): number {
  switch (Math.floor(rand() * 4)) {
    case 0: return Math.floor(rand() * 2 ** 32) - 2 ** 31;
    case 1: return Math.floor(rand() * 2 ** 32);
    case 2: return (rand() - 0.5) * 2 ** Math.floor(rand() * 70);
    default: return Math.floor((rand() - 0.5) * 2 ** Math.floor(rand() * 64));
  }
}

const values: number[] = [...edges];
for (let i = 0; i < 80; i++) values.push(randomValue());
const odd: LuaValue[] = ['0x10', ' 12 ', '1e3', 'x', undefined, true];

for (const name of ['tobit', 'bnot', 'bswap']) {
  for (const v of values) add(name, v);
  for (const v of odd) add(name, v);
  add(name);
}
const counts: LuaValue[] = [0, 1, 4, 8, 15, 16, 31, 32, 33, 63, 64, -1, -31, -32, 1.5, 2.5, 2 ** 32 + 3, NaN, '3', 'x'];
for (const name of ['lshift', 'rshift', 'arshift', 'rol', 'ror']) {
  for (const v of values.slice(0, 60)) for (const n of counts.slice(0, 10)) add(name, v, n);
  for (const n of counts) add(name, 0x87654321, n);
  for (let i = 0; i < 40; i++) add(name, randomValue(), Math.floor(rand() * 80) - 20);
  add(name, 1);
  add(name);
  add(name, 'x', 1);
}
for (const name of ['band', 'bor', 'bxor']) {
  for (let i = 0; i < 120; i++) {
    const n = 1 + Math.floor(rand() * 4);
    const args: number[] = [];
    for (let k = 0; k < n; k++) args.push(rand() < 0.3 ? edges[Math.floor(rand() * edges.length)] : randomValue());
    add(name, ...args);
  }
  add(name);
  add(name, 1, 'x');
  add(name, 1, 2, undefined);
  add(name, '0xff', '0x0f');
}
const widths: LuaValue[] = [undefined, 0, 1, 2, 7, 8, 9, 12, 15, 16, 17, 100, 255, 256, 257, 300, -1, -2, -8, -9, -16,
  -17, -255, -256, 2 ** 31, -(2 ** 31) + 1, 2 ** 32 + 3, 2 ** 40, 1.5, 2.5, -2.5, '4', 'x'];
for (const v of [0, 1, -1, 255, 0x12345678, 0x87654321, 2 ** 40 + 5, -(2 ** 40) - 5, 2 ** 53, Infinity, NaN, 1.5]) {
  for (const n of widths) {
    if (n === undefined) add('tohex', v);
    else add('tohex', v, n);
  }
}
for (let i = 0; i < 60; i++) add('tohex', randomValue(), Math.floor(rand() * 40) - 20);
add('tohex');
add('tohex', 'x');
add('tohex', '0x10');
add('tohex', 1, undefined);

runDiff('bit-lib', '', cases);
