// Differential tests of string.format against luajit: specs x values, flags, errors, %q, %a.
import { test } from 'node:test';
import { LuaError } from '../../runtime/lua/errors.js';
import { LuaTable } from '../../runtime/lua/table.js';
import type { LuaFunction, LuaValue } from '../../runtime/lua/value.js';
import { createStringLib } from '../../runtime/stdlib/string.js';
import { Special, cross, assertAllMatch, runCases, type Arg, type Case, type FnPair } from './record-golden.js';

const lib = createStringLib();
const fns: Record<string, FnPair> = {
  format: { lua: 'string.format', js: lib.get('format') as LuaFunction },
};

const intSpecs = [
  '%d', '%5d', '%-5d|', '%05d', '%+d', '% d', '%.3d', '%.0d', '%5.3d', '%-+8.4d|', '%+05d', '% 05d', '%-05d|',
  '%i', '%u', '%x', '%X', '%#x', '%#X', '%o', '%#o', '%08x', '%.4x', '%#.0o', '%#.0x', '%#5.3x', '%-#8x|',
  '%0#8x', '%+x', '% u', '%c', '%5c|', '%-3c|', '%05c', '%99d', '%.99d',
];
const floatSpecs = [
  '%e', '%E', '%.0e', '%#.0e', '%.3e', '%15.4e', '%-15.4e|', '%+e', '% e', '%015e', '%.20e',
  '%f', '%F', '%.0f', '%#.0f', '%.2f', '%10.3f', '%-10.3f|', '%+.1f', '% .1f', '%010.2f', '%.20f', '%+010.3f',
  '%g', '%G', '%.0g', '%.1g', '%.3g', '%#g', '%#.3g', '%#.0g', '%.14g', '%.17g', '%10g', '%-10g|', '%+g', '%010g',
  '%.20g', '% g', '%a', '%A', '%.0a', '%.1a', '%.3a', '%.13a', '%.15a', '%#a', '%#.0a', '%25a', '%-25a|', '%025a',
  '%+a', '% a', '%.99e',
];
const strSpecs = ['%s', '%10s|', '%-10s|', '%.2s', '%5.1s|', '%.0s', '%q', '%5q', '%.1q', '%-99s|', '%#s', '%0s'];

const numbers: LuaValue[] = [
  0, -0, 1, -1, 7, 42, -42, 255, 256, 65, 1.5, -1.5, 0.5, 2.5, -2.5, 3.14159, 1e-5, 1e-4, 0.0001234, 123456789,
  1e15, 1e16, 1e17, 1e21, 1e22, 1e100, 1e300, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 1e-310,
  2 ** 53, 2 ** 53 + 2, -(2 ** 53), 2 ** 53 - 1, 2 ** 63, -(2 ** 63), 2 ** 64, 2 ** 65, 2 ** 31, -(2 ** 31),
  2 ** 32 + 65, 4294967295, 0.1, 1 / 3, 2 / 3, NaN, Infinity, -Infinity, 999999.5, 9.9999995, 0.95, 0.05,
  1e-300, 123.456, -0.000001, 1234567.0, 99.5, 0.125, 1.0000000000000002,
];
const numericStrings: LuaValue[] = ['12', '0x1F', '1e2', ' 5 ', '-3.7', 'abc', '', '5x'];
const strValues: Arg[] = [
  '', 'a', 'hello', 'hello world, long enough', 'a\0b', '\0', '\r\n\t', '"quoted" \\back\\', '\x01\x1f\x7f',
  '\x0012', '\x1f9', '\n1', '\xc3\xa9\xff\x80', 'tab\there', 1, -0, 1.5, 1e100, NaN, -Infinity, 2 ** 63, true, false,
  undefined,
];

const tostringObj = new Special('setmetatable({}, {__tostring = function() return "OBJ" end})', () => {
  const t = new LuaTable();
  const mt = new LuaTable();
  mt.set('__tostring', (() => 'OBJ') as LuaFunction);
  t.metatable = mt;
  return t;
});
const tostringNum = new Special('setmetatable({}, {__tostring = function() return 12.5 end})', () => {
  const t = new LuaTable();
  const mt = new LuaTable();
  mt.set('__tostring', (() => 12.5) as LuaFunction);
  t.metatable = mt;
  return t;
});
const tostringNil = new Special('setmetatable({}, {__tostring = function() end})', () => {
  const t = new LuaTable();
  const mt = new LuaTable();
  mt.set('__tostring', (() => []) as LuaFunction);
  t.metatable = mt;
  return t;
});
const tostringTable = new Special('setmetatable({}, {__tostring = function() return {} end})', () => {
  const t = new LuaTable();
  const mt = new LuaTable();
  mt.set('__tostring', (() => new LuaTable()) as LuaFunction);
  t.metatable = mt;
  return t;
});
const tostringErr = new Special('setmetatable({}, {__tostring = function() error("boom", 0) end})', () => {
  const t = new LuaTable();
  const mt = new LuaTable();
  mt.set('__tostring', (() => { throw new LuaError('boom'); }) as LuaFunction);
  t.metatable = mt;
  return t;
});
const plainTable = new Special('{}', () => new LuaTable());

/** A small deterministic PRNG so the fuzz cases are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    s ^= s + Math.imul(s ^ (s >>> 7), 61);
    return ((s ^ (s >>> 14)) >>> 0) / 4294967296;
  };
}

function fuzzCases(): Case[] {
  const rnd = prng(12345);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const cases: Case[] = [];
  for (let i = 0; i < 600; i++) {
    let flags = '';
    for (const f of ['-', '+', ' ', '#', '0']) if (rnd() < 0.2) flags += f;
    const width = rnd() < 0.5 ? String(Math.floor(rnd() * 30)) : '';
    const prec = rnd() < 0.6 ? '.' + String(Math.floor(rnd() * 25)) : '';
    const conv = pick(['d', 'i', 'u', 'x', 'X', 'o', 'e', 'E', 'f', 'g', 'G', 'a', 'A', 'c']);
    let v: number;
    const kind = rnd();
    if (kind < 0.3) v = Math.floor((rnd() - 0.5) * 2 ** Math.floor(rnd() * 70));
    else if (kind < 0.6) v = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
    else if (kind < 0.8) v = Math.round((rnd() - 0.5) * 1e6) / 10 ** Math.floor(rnd() * 6);
    else v = (rnd() < 0.5 ? -1 : 1) * (Math.floor(rnd() * 1000) + 0.5) / 10 ** Math.floor(rnd() * 4);
    cases.push({ fn: 'format', args: [`[%${flags}${width}${prec}${conv}]`, v] });
  }
  return cases;
}

function errorCases(): Case[] {
  const cases: Case[] = [];
  for (let c = 32; c < 127; c++) cases.push({ fn: 'format', args: ['%' + String.fromCharCode(c), 1] });
  const bad = ['%', 'abc%', '%5', '%.', '%-', '%100d', '%.100f', '%5%', '%l', '%ld', '%hd', 'x%\x01', '%5\xff',
    '%\0d', '%--5d|', '%0000005d', '%------5d', '%1.2.3f', '%#', '%12345'];
  for (const f of bad) cases.push({ fn: 'format', args: [f, 1] });
  cases.push({ fn: 'format', args: ['%d'] });
  cases.push({ fn: 'format', args: ['%s'] });
  cases.push({ fn: 'format', args: ['%d %d', 1] });
  cases.push({ fn: 'format', args: ['%d', undefined] });
  cases.push({ fn: 'format', args: ['%d', true] });
  cases.push({ fn: 'format', args: ['%d', plainTable] });
  cases.push({ fn: 'format', args: ['%x', 'zz'] });
  cases.push({ fn: 'format', args: ['%f', '1.5'] });
  cases.push({ fn: 'format', args: ['%c', 'A'] });
  cases.push({ fn: 'format', args: ['%y %d'] });
  cases.push({ fn: 'format', args: ['%d %y', 'x'] });
  cases.push({ fn: 'format', args: [] });
  cases.push({ fn: 'format', args: [12] });
  cases.push({ fn: 'format', args: [12.5] });
  cases.push({ fn: 'format', args: [plainTable] });
  cases.push({ fn: 'format', args: [undefined] });
  cases.push({ fn: 'format', args: ['no specs', 1, 2] });
  cases.push({ fn: 'format', args: ['100%% sure %%d'] });
  cases.push({ fn: 'format', args: ['%s %s', 1] });
  cases.push({ fn: 'format', args: ['%s|%q|%5s|%-6s|', tostringObj, tostringObj, tostringNum, tostringObj] });
  cases.push({ fn: 'format', args: ['%s', tostringNil] });
  cases.push({ fn: 'format', args: ['%q', tostringNum] });
  cases.push({ fn: 'format', args: ['%s', tostringTable], addr: true });
  cases.push({ fn: 'format', args: ['%s', plainTable], addr: true });
  cases.push({ fn: 'format', args: ['%q', plainTable], addr: true });
  cases.push({ fn: 'format', args: ['%p|%p|%p|%p|%10p|', 1, true, undefined, plainTable, plainTable], addr: true });
  cases.push({ fn: 'format', args: ['%p', 'str'], addr: true });
  cases.push({ fn: 'format', args: ['%s %d', tostringObj, 'x'] });
  cases.push({ fn: 'format', args: ['%5.2s|%.3s|', 'abcdef', 'a\0bcd'] });
  cases.push({ fn: 'format', args: ['%s\0%d\0', 'a', 1] });
  cases.push({ fn: 'format', args: ['%c%c%c', 0, 255, 256 + 66] });
  cases.push({ fn: 'format', args: ['%c', -1] });
  cases.push({ fn: 'format', args: ['%c', 2 ** 31 + 65] });
  cases.push({ fn: 'format', args: ['%d %s', 1, tostringErr] });
  return cases;
}

function matrixCases(): Case[] {
  const cases: Case[] = [];
  for (const [spec, v] of cross(intSpecs, numbers)) cases.push({ fn: 'format', args: [spec, v] });
  for (const [spec, v] of cross(floatSpecs, numbers)) {
    if (spec === '%.99e' && typeof v === 'number' && Math.abs(v) > 1e20) continue;
    cases.push({ fn: 'format', args: [spec, v] });
  }
  for (const [spec, v] of cross([...intSpecs.slice(0, 8), '%x', '%g', '%.1f', '%c'], numericStrings)) {
    cases.push({ fn: 'format', args: [spec, v] });
  }
  for (const [spec, v] of cross(strSpecs, strValues)) cases.push({ fn: 'format', args: [spec, v] });
  for (const f of ['%.99f', '%.50f', '%.30e']) {
    for (const v of [0.1, 1 / 3, 1e-300, 5e-324, 123.456, 1e22, 2 ** 70, 1e300]) cases.push({ fn: 'format', args: [f, v] });
  }
  return cases;
}

test('format: specs x values (integers, floats, strings)', () => {
  assertAllMatch('matrix', runCases('format-matrix', matrixCases(), fns));
});

test('format: random flags, widths and precisions', () => {
  assertAllMatch('fuzz', runCases('format-fuzz', fuzzCases(), fns));
});

test('format: invalid options, missing and wrong arguments, __tostring, %p', () => {
  assertAllMatch('errors', runCases('format-errors', errorCases(), fns));
});
