// Differential tests of the rest of the string library (byte char sub rep reverse lower upper
// len dump) against luajit, and of the string metatable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { all } from '../../runtime/lua/multi.js';
import { call, index, setStringMetatable, tostring } from '../../runtime/lua/ops.js';
import { LuaTable } from '../../runtime/lua/table.js';
import type { LuaFunction, LuaValue } from '../../runtime/lua/value.js';
import { STRING_FUNCTIONS, createStringLib, installStringMetatable } from '../../runtime/stdlib/string.js';
import { Special, assertAllMatch, runCases, type Arg, type Case, type FnPair } from './record-golden.js';

const lib = createStringLib();
const names = ['byte', 'char', 'sub', 'rep', 'reverse', 'lower', 'upper', 'len', 'dump', 'find', 'match', 'gsub', 'format'];
const fns: Record<string, FnPair> = {};
for (const n of names) fns[n] = { lua: 'string.' + n, js: lib.get(n) as LuaFunction };

const table = new Special('{}', () => new LuaTable());
const builtinFn = new Special('print', () => lib.get('byte'));

const subjects = ['', 'a', 'hello', 'a\0b\xff'];
const allBytes = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
const indices: LuaValue[] = [
  0, 1, 2, -1, -2, 3, 5, 6, 100, -100, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 32, -(2 ** 32), NaN, Infinity,
  1.5, -1.5, 2.7, '2', ' -1 ', '0x2', 'x', undefined, true,
];
const ends: LuaValue[] = [0, 1, 3, -1, -3, 100, -100, 2 ** 32, NaN, 2.7, '-2', undefined];

function rangeCases(fn: 'sub' | 'byte'): Case[] {
  const cases: Case[] = [];
  for (const s of subjects) {
    cases.push({ fn, args: [s] });
    for (const i of indices) {
      cases.push({ fn, args: [s, i] });
      for (const j of ends) cases.push({ fn, args: [s, i, j] });
    }
  }
  cases.push({ fn, args: [] });
  cases.push({ fn, args: [undefined, 1] });
  cases.push({ fn, args: [12345, 2, 3] });
  cases.push({ fn, args: [1.5, 1, -1] });
  cases.push({ fn, args: [table, 1] });
  return cases;
}

function otherCases(): Case[] {
  const cases: Case[] = [];
  const charArgs: LuaValue[][] = [
    [], [65], [0, 255], [256], [-1], [65.9], ['66'], ['x'], [2 ** 32 + 65], [undefined], [65, undefined],
    [true], [NaN], [72, 101, 108, 108, 111], [-0.5], [255.99], ['0x41'],
  ];
  for (const a of charArgs) cases.push({ fn: 'char', args: a });
  const repStrings: LuaValue[] = ['', 'ab', 'x\0', 7];
  const counts: LuaValue[] = [0, 1, 2, 3, -1, 1.5, 2 ** 31, 2 ** 32 + 2, '3', NaN, undefined, 'x'];
  for (const s of repStrings) {
    for (const n of counts) {
      cases.push({ fn: 'rep', args: [s, n] });
      for (const sep of [undefined, '', ',', 5, '\0-']) cases.push({ fn: 'rep', args: [s, n, sep] });
    }
  }
  cases.push({ fn: 'rep', args: [] });
  cases.push({ fn: 'rep', args: ['x'] });
  cases.push({ fn: 'rep', args: ['x', 2, table] });
  cases.push({ fn: 'rep', args: ['xx', 2 ** 30] });
  cases.push({ fn: 'rep', args: ['x', 2 ** 31 - 1, 'y'] });
  const texts: Arg[] = [
    '', 'Hello World', '\xc0\xc9\xe9\xe0abcXYZ', 'a\0B', '[\\]^_`{|}~@', 123, 1.5, -0, 1e100, undefined, table, true,
    allBytes + allBytes,
  ];
  for (const fn of ['reverse', 'lower', 'upper', 'len']) {
    for (const t of texts) cases.push({ fn, args: [t] });
    cases.push({ fn, args: [] });
  }
  cases.push({ fn: 'dump', args: [] });
  cases.push({ fn: 'dump', args: [undefined] });
  cases.push({ fn: 'dump', args: ['x'] });
  cases.push({ fn: 'dump', args: [builtinFn] });
  for (const fn of ['find', 'match', 'gsub']) {
    cases.push({ fn, args: [] });
    cases.push({ fn, args: ['a'] });
    cases.push({ fn, args: [undefined, 'a'] });
    cases.push({ fn, args: ['a', table] });
    cases.push({ fn, args: [123, 2] });
    cases.push({ fn, args: [123.5, '.'] });
    cases.push({ fn, args: [1e100, '%d+'] });
  }
  return cases;
}

test('string.sub and string.byte: index arithmetic and int32 conversion', () => {
  assertAllMatch('ranges', runCases('string-ranges', [...rangeCases('sub'), ...rangeCases('byte')], fns));
});

test('string.char, rep, reverse, lower, upper, len, dump and argument errors', () => {
  assertAllMatch('others', runCases('string-others', otherCases(), fns));
});

test('string.byte of a long slice and the result limit', () => {
  const byte = lib.get('byte') as LuaFunction;
  assert.equal(all(byte('x'.repeat(8000), 1, -1)).length, 8000);
  assert.throws(() => byte('x'.repeat(8001), 1, -1), (e: unknown) => /string slice too long/.test(String((e as { value: unknown }).value)));
});

test('string metatable: methods on string values', () => {
  installStringMetatable(lib);
  try {
    assert.equal(index('abc', 'upper'), lib.get('upper'));
    assert.equal(call(index('ab', 'rep'), 'ab', 3, '-'), 'ab-ab-ab');
    assert.deepEqual(all(call(index('hello', 'find'), 'hello', 'l+')), [3, 4]);
    assert.equal(index('abc', 'nope'), undefined);
  } finally {
    setStringMetatable(undefined);
  }
});

test('library functions print as luajit builtins, except string.len', () => {
  assert.match(tostring(lib.get('find')), /^function: builtin#\d+$/);
  assert.match(tostring(lib.get('len')), /^function: 0x[0-9a-f]+$/);
  const gmatch = lib.get('gmatch') as LuaFunction;
  const find = (lib.get('find') as { builtin?: number }).builtin!;
  assert.equal(tostring(gmatch('a', 'a') as LuaFunction), `function: builtin#${find + 2}`);
});

test('STRING_FUNCTIONS names exactly the functions of the string library', () => {
  // compiled method calls look only these names up on strings first (methodLookup)
  const keys: string[] = [];
  for (let k = lib.nextKey(undefined); k !== undefined; k = lib.nextKey(k)) keys.push(String(k));
  assert.deepEqual(keys.sort(), [...STRING_FUNCTIONS].sort());
});
