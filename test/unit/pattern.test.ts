// Differential tests of the pattern engine (find, match, gmatch, gsub) against luajit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { all } from '../../runtime/lua/multi.js';
import { tostring } from '../../runtime/lua/ops.js';
import { LuaTable } from '../../runtime/lua/table.js';
import type { LuaFunction, LuaResult, LuaValue } from '../../runtime/lua/value.js';
import { createStringLib } from '../../runtime/stdlib/string.js';
import { Special, cross, assertAllMatch, runCases, type Arg, type Case, type FnPair } from './record-golden.js';

const lib = createStringLib();
const fn = (name: string): LuaFunction => lib.get(name) as LuaFunction;

/** Collects a gmatch loop into one string (at most 50 iterations), as the Lua `gm` does. */
function gm(s: LuaValue, p: LuaValue): LuaResult {
  const it = fn('gmatch')(s, p) as LuaFunction;
  const out: string[] = [];
  for (let i = 0; i < 50; i++) {
    const r = all(it());
    if (r[0] === undefined) break;
    out.push(r.map((v) => tostring(v)).join('|'));
  }
  return out.join(',');
}

const prelude = `
local function gm(s, p)
  local it = string.gmatch(s, p)
  local out = {}
  for i = 1, 50 do
    local r = {pcall(it)}
    if not r[1] then error(r[2], 0) end
    table.remove(r, 1)
    if r[1] == nil then break end
    for j = 1, #r do r[j] = tostring(r[j]) end
    out[#out + 1] = table.concat(r, '|')
  end
  return table.concat(out, ',')
end
`;

const fns: Record<string, FnPair> = {
  find: { lua: 'string.find', js: fn('find') },
  match: { lua: 'string.match', js: fn('match') },
  gsub: { lua: 'string.gsub', js: fn('gsub') },
  gm: { lua: 'gm', js: gm },
};

const subjects = [
  '', 'a', 'abc', 'hello world', '  padded  ', 'aaa', 'abab', 'key=val, k2=v2',
  '(foo(bar))baz', 'THE (quick) fox', 'a\0b\0', '\xc3\xa9\xe2\x82\xac\xff\x80', 'x^y$z', ']]-[',
  '123.45e6 -7', '\t\n\r\f\v x', 'a.b-c%d', 'aaaaaaaaab',
];

const patterns = [
  // literals and single items
  'a', 'abc', '', 'l', 'll', 'b', 'x', '.', '..', 'a.c',
  // classes
  '%a', '%a+', '%d+', '%s*', '%s+', '%w+', '%x+', '%p', '%c', '%l+', '%u+', '%g+', '%z', '%A+', '%D+',
  '%S+', '%W', '%X+', '%P+', '%C+', '%L', '%U+', '%G', '%Z+', '%.', '%%', '%-', '%]',
  // quantifiers
  '.-', '.*', '.+', '.?', 'a*', 'a-', 'a+', 'a?', 'a*b', 'a-b', 'a?b', 'ab*c', '%a-%d', '.-$', '.-b',
  // sets
  '[abc]', '[^abc]', '[a-z]+', '[A-Z][a-z]*', '[%d%.]+', '[%a_][%w_]*', '[]]', '[^]]+', '[a-]', '[-a]+',
  '[%-]', '[%]]', '[\x80-\xff]+', '[z-a]', '[%w-]+', '[a-c-e]+', '[^%s]+', '[%s%p]', '[^%a%d]+', '[.]',
  '[%a-z]', '[a%-z]+', '[^^]', '[\\]',
  // anchors
  '^a', '^%s*(.-)%s*$', 'a$', '$', '^', 'x^', 'a$b', '^$', '^.', '.$', '^(%w+)', '%$', '^^',
  // captures
  '(a)', '(a)(b)', '()', '()a()', '(h)(e)(l)', '((a)(b))', '(%w+)=(%w+)', '(.)%1', '(%a+) %1',
  '()%1', '((.)%2)', '(a*(.)%w(%s*))', '(()', '(.-)()', '(%s*)$', '(a?)(a?)',
  // %b and %f
  '%b()', '%b{}', '%bab', '%b))', '%f[%w]%w+', '%f[%W]', '%f[%a]', '%f[^%z]', '%f[%z]', '%f[%l]%a+',
  '%f[a]', '%f[^a]',
  // errors (raised lazily)
  '%', 'a%', '[a', '[', '[^', '(', ')', 'a)', '.)', '%1', '(%1)', '%b', '%ba', '%f', '%fa', '%f[a',
  '%0', '[%', '[a-', '(.)%2', '%b(', '(a', '[%a',
  // NUL in the pattern: the pattern ends there
  'a\0b', '\0', '[\0]', '%z+', '.\0x', 'b\0.',
];

function patternCases(): Case[] {
  const cases: Case[] = [];
  for (const [p, s] of cross(patterns, subjects)) {
    cases.push({ fn: 'find', args: [s, p] });
    cases.push({ fn: 'match', args: [s, p] });
    cases.push({ fn: 'gm', args: [s, p] });
  }
  return cases;
}

const upperFn = new Special(
  'function(a, b) if type(a) == "string" then return "<" .. a:upper() .. (b and "|" .. tostring(b) or "") .. ">" end return a end',
  () => ((a: LuaValue, b: LuaValue) => (typeof a === 'string'
    ? '<' + a.replace(/[a-z]/g, (c) => c.toUpperCase()) + (b !== undefined && b !== false ? '|' + tostring(b) : '') + '>'
    : a)) as LuaFunction,
);
const falseFn = new Special('function() return false end', () => (() => false) as LuaFunction);
const nilFn = new Special('function() end', () => (() => []) as LuaFunction);
const numFn = new Special('function(a) return 1.5 end', () => (() => 1.5) as LuaFunction);
const tableFn = new Special('function(a) return {} end', () => (() => new LuaTable()) as LuaFunction);
const boolFn = new Special('function(a) return true end', () => (() => true) as LuaFunction);
const map = new Special('{a = "A", hello = "HI", l = 7, b = false, ["1"] = "one"}', () => {
  const t = new LuaTable();
  t.set('a', 'A');
  t.set('hello', 'HI');
  t.set('l', 7);
  t.set('b', false);
  t.set('1', 'one');
  return t;
});
const badMap = new Special('{a = {}, b = true}', () => {
  const t = new LuaTable();
  t.set('a', new LuaTable());
  t.set('b', true);
  return t;
});
const indexMap = new Special('setmetatable({}, {__index = function(t, k) return "[" .. k .. "]" end})', () => {
  const t = new LuaTable();
  const mt = new LuaTable();
  mt.set('__index', ((_t: LuaValue, k: LuaValue) => '[' + String(k) + ']') as LuaFunction);
  t.metatable = mt;
  return t;
});

const replacements: Arg[] = [
  '%0', '<%1>', '%2', '%%', 'x', '', '%', '[%0%0]', '%1%1', '%a', 7, 1.25,
  upperFn, falseFn, nilFn, numFn, map, indexMap,
];

const gsubPatterns = [
  'a', '', 'l+', '%w+', '(%w+)', '(l)(l)', '()', '^a', '^', '$', '.-', 'x*', '(o)', '%s', '[aeiou]',
  '(%w+)=(%w+)', '%b()', '%f[%w]', 'b*', '(a)', '%', '(',
];
const gsubSubjects = ['', 'hello world', 'abab', 'key=val, k2=v2', '(foo(bar))baz', 'aaa', 'a\0b'];

function gsubCases(): Case[] {
  const cases: Case[] = [];
  for (const p of gsubPatterns) {
    for (const s of gsubSubjects) {
      for (const r of replacements) cases.push({ fn: 'gsub', args: [s, p, r] });
    }
  }
  for (const s of gsubSubjects) {
    for (const n of [0, 1, 2, -1, 1.5, '1', 'x', 2 ** 32, undefined]) {
      cases.push({ fn: 'gsub', args: [s, '%w', '_', n] });
      cases.push({ fn: 'gsub', args: [s, '', '-', n] });
    }
    for (const r of [true, undefined, badMap, tableFn, boolFn]) cases.push({ fn: 'gsub', args: [s, '[ab]', r] });
  }
  cases.push({ fn: 'gsub', args: ['abc', 'b', undefined, 'x'] });
  cases.push({ fn: 'gsub', args: ['abc', 'b', true, 'x'] });
  cases.push({ fn: 'gsub', args: ['abc'] });
  cases.push({ fn: 'gsub', args: [undefined, 'a', 'b'] });
  cases.push({ fn: 'gsub', args: [123, 2, 5] });
  cases.push({ fn: 'gsub', args: ['x\0y', '%z', '%%0'] });
  return cases;
}

function findInitCases(): Case[] {
  const cases: Case[] = [];
  const inits: LuaValue[] = [undefined, 1, 2, 0, -1, -3, 3, 4, 5, 100, -100, 2 ** 32, -(2 ** 32), '2', 1.9, -1.5, NaN, 'x'];
  for (const [s, p] of [['hello', 'l'], ['hello', ''], ['hello', 'l+'], ['a.b.c', '.'], ['aaa', '^a'], ['', ''], ['abc', '$'], ['abc', '()']]) {
    for (const init of inits) {
      cases.push({ fn: 'find', args: [s, p, init] });
      cases.push({ fn: 'find', args: [s, p, init, true] });
      cases.push({ fn: 'match', args: [s, p, init] });
    }
  }
  for (const plain of [false, 0, 'x', undefined]) cases.push({ fn: 'find', args: ['a.b', '.', 1, plain] });
  cases.push({ fn: 'find', args: ['a', 'a', undefined, undefined] });
  return cases;
}

function limitCases(): Case[] {
  const cases: Case[] = [];
  const as = 'a'.repeat(300);
  for (const n of [150, 199, 200, 201, 300]) {
    cases.push({ fn: 'find', args: [as, 'a?'.repeat(n)] });
    cases.push({ fn: 'find', args: [as, 'a*'.repeat(n)] });
    cases.push({ fn: 'find', args: [as, 'a-'.repeat(n)] });
    cases.push({ fn: 'find', args: ['b', 'a?'.repeat(n)] });
    cases.push({ fn: 'match', args: [as, '(a)'.repeat(Math.floor(n / 6))] });
  }
  for (const n of [31, 32, 33]) {
    cases.push({ fn: 'find', args: ['a', '('.repeat(n) + 'a' + ')'.repeat(n)] });
    cases.push({ fn: 'find', args: ['', '()'.repeat(n)] });
  }
  // The expansions skip attempts that must fail, but never one that hits the depth limit.
  for (let n = 195; n <= 200; n++) {
    for (const tail of ['.-b', '.*b', 'a-b', '[a]*b', '.-b+', '.-$']) {
      cases.push({ fn: 'find', args: [as + 'b', 'a?'.repeat(n) + tail] });
      cases.push({ fn: 'find', args: ['b' + as, 'a?'.repeat(n) + tail] });
    }
  }
  for (const tail of ['.-b', '.*b', '.-b+', '.*bb?', '.-bc-', '[^b]*b', 'a-ab']) {
    for (const subj of ['', 'b', 'ab', 'aab', 'abab', 'aaa', 'xbxb', 'abc']) cases.push({ fn: 'match', args: [subj, '(' + tail + ')()'] });
  }
  cases.push({ fn: 'match', args: [as, '.-b'] });
  cases.push({ fn: 'match', args: [as + 'b', '^(a*)(a-)b$'] });
  cases.push({ fn: 'find', args: ['x'.repeat(1000) + 'y', '.*y'] });
  cases.push({ fn: 'gsub', args: [as, 'a', '%0%0'] });
  cases.push({ fn: 'find', args: ['a'.repeat(12), 'a?'.repeat(10) + 'b'] });
  return cases;
}

test('patterns: find, match and gmatch over patterns x subjects', () => {
  assertAllMatch('patterns', runCases('pattern-matrix', patternCases(), fns, prelude));
});

test('patterns: gsub with string, table and function replacements', () => {
  assertAllMatch('gsub', runCases('pattern-gsub', gsubCases(), fns, prelude));
});

test('patterns: init and plain arguments, recursion and capture limits', () => {
  assertAllMatch('limits', runCases('pattern-limits', [...findInitCases(), ...limitCases()], fns, prelude));
});

test('patterns: nested gsub from a replacement function keeps the outer match state', () => {
  const gsub = fn('gsub');
  const inner = ((w: LuaValue) => all(gsub(w, '(%w)', '<%1>'))[0]) as LuaFunction;
  assert.deepEqual(all(gsub('ab cd', '(%w+)', inner)), ['<a><b> <c><d>', 2]);
});
