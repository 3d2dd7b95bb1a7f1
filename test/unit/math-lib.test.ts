// Differential tests of the math library against luajit (see luajit-diff.ts).
import { LuaTable } from '../../runtime/lua/table.js';
import { numberToString } from '../../runtime/lua/number.js';
import { typeName, type LuaValue } from '../../runtime/lua/value.js';
import { createMathLib } from '../../runtime/stdlib/math.js';
import { call, lit, line, pcall, rng, runDiff, type DiffCase } from './luajit-diff.js';

const M = createMathLib();
const cases: DiffCase[] = [];
const rand = rng(1234);

/** One call of math.<name> with literal arguments. */
function add(name: string, ...args: LuaValue[]): void {
  const f = M.get(name);
  cases.push({
    // Without arguments, pcall(f) (luajit's fast functions misread an empty vararg call).
    lua: args.length === 0 ? `out(pcall(math.${name}))` : `call(math.${name}${args.map((a) => ', ' + lit(a)).join('')})`,
    js: () => call(f, ...args),
    ulps: LIBM.has(name) ? 1 : 0,
  });
}

// libm functions: V8's fdlibm and glibc may round the last bit differently.
const LIBM = new Set(['log10', 'exp', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'log', 'atan2', 'pow']);

const specials: LuaValue[] = [0, -0, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, 3.7, -3.7, 1e-310, -5e-324, 2 ** 52 + 0.5,
  2 ** 53, -(2 ** 63), 1e300, -1e300, Infinity, -Infinity, NaN, Math.PI, Math.E, 0.1, 100, 1e-5, 7, 1 / 3];
const oddArgs: LuaValue[] = ['3.5', ' 0x10 ', '1e2', 'x', '', undefined, true];

function randomNumber(): number {
  switch (Math.floor(rand() * 5)) {
    case 0: return Math.floor(rand() * 2000 - 1000);
    case 1: return (rand() - 0.5) * 20;
    case 2: return (rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20);
    case 3: return rand();
    default: return (rand() - 0.5) * 2 ** Math.floor(rand() * 2100 - 1070);
  }
}

// Functions whose results are exact (no libm rounding question).
const exactUnary = ['abs', 'floor', 'ceil', 'sqrt', 'frexp', 'modf', 'deg', 'rad'];
// libm functions: V8 and glibc may differ in the last bit; see `near` below.
const libmUnary = ['log10', 'exp', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'log'];

for (const name of [...exactUnary, ...libmUnary]) {
  for (const v of specials) add(name, v);
  for (let i = 0; i < 40; i++) add(name, randomNumber());
  if (name !== 'deg' && name !== 'rad') {
    for (const v of oddArgs) add(name, v);
    add(name);
  }
}
for (const name of ['deg', 'rad']) {
  for (const v of ['2', 'x', undefined, true]) add(name, v);
  const mt = new LuaTable();
  mt.set('__mul', (a: LuaValue, b: LuaValue) => `mul ${typeName(a)} ${numberToString(b as number)}`);
  cases.push({
    lua: `call(math.${name}, setmetatable({}, {__mul = function(a, b) return 'mul ' .. type(a) .. ' ' .. b end}))`,
    js: () => {
      const t = new LuaTable();
      t.metatable = mt;
      return line(...pcall(M.get(name), t));
    },
  });
}

// Hard arguments for the libm functions: huge (Payne-Hanek reduction), near multiples of
// pi/2, subnormal and near-overflow results. (Not 6381956970095103 * 2^797, the double
// nearest a multiple of pi/2: glibc's reduction loses 40 bits there; ours does not.)
const hard: number[] = [1e10, -1e10, 1e22, 1e300, -1e300, 2 ** 1000, 2 ** 60, 2 ** 19 + 0.5, 123456.789, 1.5707963267948966, 3.141592653589793, 4.71238898038469, 6.283185307179586, 355, 103993,
  709.78, 709.79, 710, -745.1, -745.2, -744.44, 1e-300, 5e-324, 2.2250738585072014e-308, 0.9999999999999999,
  1.0000000000000002, 0.7071067811865476, 0.5, -0.5, 0.99, -0.99, 0.9999, 1 - 2 ** -30, 22, 21.9, 0.34657359, 1e-10];
for (const name of ['sin', 'cos', 'tan', 'exp', 'log', 'log10', 'atan', 'asin', 'acos', 'sinh', 'cosh', 'tanh']) {
  for (const v of hard) add(name, v);
}
for (let i = 0; i < 200; i++) {
  const name = ['sin', 'cos', 'tan', 'exp', 'log', 'atan', 'asin', 'acos'][i % 8];
  add(name, name.startsWith('a') && name !== 'atan' ? rand() * 2 - 1 : randomNumber());
}
for (const [a, b] of [[2, 0.5], [-2, 3], [-2, -3], [-2, 0.5], [-8, 1 / 3], [10, -5], [10, 308], [10, 309], [10, -323],
  [10, -324], [2, -1074], [2, -1075], [2, 1023], [2, 1024], [0.5, 1074], [1e-300, 1.1], [1 + 2 ** -52, 2 ** 60],
  [-1, 1e308], [-1, Infinity], [0, -1], [-0, -1], [-0, -2], [-0, 3], [-Infinity, 3], [-Infinity, -3], [-Infinity, 2],
  [Infinity, -0.5], [NaN, 0], [1, NaN], [0.1, 3], [1.1, 7], [3.3, 5], [7, 1 / 3], [2.5, 2.5], [9, 0.5], [1e308, 2]]) {
  add('pow', a, b);
}
for (const y of [0, -0, 1, -1, Infinity, -Infinity, NaN, 1e-320, 1e300]) {
  for (const x of [0, -0, 1, -1, Infinity, -Infinity, NaN, 1e-320, 1e300]) add('atan2', y, x);
}
for (let i = 0; i < 100; i++) add('pow', rand() * 10, (rand() - 0.5) * 40);
for (let i = 0; i < 60; i++) add('pow', -Math.floor(rand() * 20), Math.floor(rand() * 40) - 20);

const pairArgs: [LuaValue, LuaValue][] = [];
for (const a of [0, -0, 1, -1, 5.5, -5.5, 2, 3, Infinity, -Infinity, NaN, 1e308, 1e-320]) {
  for (const b of [0, -0, 1, -1, 2, 0.5, 3, -3, Infinity, -Infinity, NaN, 1e308, 10]) pairArgs.push([a, b]);
}
for (let i = 0; i < 60; i++) pairArgs.push([randomNumber(), randomNumber()]);
for (const name of ['fmod', 'atan2', 'pow', 'ldexp', 'log', 'min', 'max']) {
  for (const [a, b] of pairArgs) add(name, a, b);
  add(name, 1, '2');
  add(name, 1, 'x');
  add(name, 1);
  add(name, 'x', 1);
  add(name, 1, undefined);
}
for (const [m, e] of [[1, 1024], [1, -1074], [1, -1075], [3, 2.7], [1, -2.7], [0.75, -1074], [0.75, -1073],
  [1.5, -1074], [2 ** 53 - 1, -1126], [1, 2 ** 40], [1, -(2 ** 40)], [-1, NaN], [5, -1022], [1e-310, 100]] as const) {
  add('ldexp', m, e);
}
for (let i = 0; i < 40; i++) add('ldexp', randomNumber(), Math.floor(rand() * 2200 - 1100));
for (const args of [[3, 1, 2], [1, 2, 3, NaN], [NaN, 1, 2], [-0, 0, -0], [5], [1, 2, '3'], [4, 3, 2, 1, 0, -1]]) {
  add('min', ...args);
  add('max', ...args);
}
add('min');
add('max');
cases.push({ lua: 'out(math.pi, math.huge, -math.huge)', js: () => line(M.get('pi'), M.get('huge'), -Infinity) });

// math.random: luajit's generator, unseeded first, then reseeded with many seeds.
const randomArgs: LuaValue[][] = [[], [10], [3, 7], [-5, 5], [0], [1.5], [2 ** 40], [1, 2 ** 31], [5, 1], ['4'], [2, '9']];
for (let i = 0; i < 30; i++) add('random', ...randomArgs[i % randomArgs.length]);
for (const seed of [0, 42, -1, 1, 1e10, 0.5, 2 ** 53, 1e308, -1e-300, 123456789, Infinity, NaN, '7']) {
  add('randomseed', seed);
  for (let i = 0; i < 25; i++) add('random', ...randomArgs[i % randomArgs.length]);
}
for (let i = 0; i < 20; i++) {
  add('randomseed', Math.floor(rand() * 1e9));
  add('random');
  add('random', 100);
}
add('random', 'x');
add('random', 1, undefined);
add('random', undefined);
add('randomseed');
add('randomseed', 'x');

runDiff('math-lib', '', cases);
