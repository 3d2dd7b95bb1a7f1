// Build-time serializers against the generic encoder: for random values of many shapes the
// bytes must be identical, and a value that is not of the shape must never get other bytes
// (the serializer declines and the generic encoder writes it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serializerSource } from '../../compiler/codegen/serializer.js';
import { encodeJson } from '../../runtime/http/json.js';
import * as writer from '../../runtime/http/json-writer.js';
import type { Shape } from '../../runtime/http/response-shape.js';
import { LuaTable } from '../../runtime/lua/table.js';
import type { LuaValue } from '../../runtime/lua/value.js';
import { rng } from '../support/rng.js';

function compile(shape: Shape): writer.JsonSerializer {
  const source = serializerSource(shape);
  assert.ok(source !== undefined, 'a serializer');
  return new Function('j', `return ${source}(j);`)(writer) as writer.JsonSerializer;
}

const NUMBERS = [0, -0, 1, -1, 42, 3.5, -2.25, 1e21, 1e-7, 2 ** 53, 123456789.125, NaN, Infinity, -Infinity, 0.1 + 0.2];
const STRINGS = ['', 'a', 'hello world', 'quote " and \\ backslash', 'ctrl \x00\x01\x1f\x7f', 'tab\tnl\ncr\r', 'caf\xc3\xa9', '\xff\xfe bytes', '</script>', '\u2028'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** A random value of the shape; arrays are never empty (the one place the rule differs). */
function valueOf(shape: Shape, r: () => number, depth = 0): LuaValue {
  switch (shape.kind) {
    case 'string': return pick(r, STRINGS);
    case 'number': return pick(r, NUMBERS);
    case 'boolean': return r() < 0.5;
    case 'array': {
      // short arrays are concatenated, longer ones go through JSON.stringify
      const n = r() < 0.3 ? 9 + Math.floor(r() * 12) : 1 + Math.floor(r() * 4);
      return new LuaTable(Array.from({ length: n }, () => valueOf(shape.items, r, depth + 1)));
    }
    case 'object': {
      const t = new LuaTable();
      for (const f of shape.fields) {
        if (f.optional && r() < 0.4) continue;
        t.set(f.name, valueOf(f.shape, r, depth + 1));
      }
      return t;
    }
    case 'union': return valueOf(pick(r, shape.options), r, depth);
    case 'dynamic': return anyValue(r, depth);
  }
}

/** Anything JSON can hold, as Lua builds it: mixed tables, holes, numeric keys. */
function anyValue(r: () => number, depth: number): LuaValue {
  const k = r();
  if (k < 0.3 || depth > 4) return pick(r, NUMBERS);
  if (k < 0.55) return pick(r, STRINGS);
  if (k < 0.65) return r() < 0.5;
  const t = new LuaTable();
  const n = Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const key: LuaValue = r() < 0.5 ? i + 1 : r() < 0.5 ? pick(r, STRINGS.slice(1)) : 1.5 + i;
    t.set(key, anyValue(r, depth + 1));
  }
  return t;
}

/**
 * A copy of the value with one random change that may or may not break the shape. It never
 * empties a table (an empty proven sequence is `[]`, which the generic encoder writes `{}`).
 */
function mutate(v: LuaValue, r: () => number): LuaValue {
  if (!(v instanceof LuaTable)) return r() < 0.5 ? pick(r, STRINGS) : pick(r, NUMBERS);
  const t = new LuaTable([...v.arr]);
  for (const [k, x] of v.hashEntries()) t.set(k, x);
  const keys: LuaValue[] = [...t.arr.map((_, i) => i + 1), ...[...t.hashEntries()].map(([k]) => k)];
  const c = r();
  if (c < 0.2 && keys.length > 1) t.set(pick(r, keys), undefined);
  else if (c < 0.35) t.set('extra', 1);
  else if (c < 0.45) t.set('__rover_hidden', true);
  else if (c < 0.6 && keys.length > 0) t.set(pick(r, keys), pick(r, STRINGS));
  else if (c < 0.7) t.set(t.arr.length + 2, 7); // a hole
  else if (c < 0.85 && keys.length > 0) {
    const key = pick(r, keys);
    t.set(key, mutate(t.get(key), r));
  } else {
    const key = keys.length > 0 ? pick(r, keys) : 'x';
    t.set(key, tableOf({ z: 1 }));
  }
  return t;
}

const str: Shape = { kind: 'string' };
const num: Shape = { kind: 'number' };
const bool: Shape = { kind: 'boolean' };
const dyn: Shape = { kind: 'dynamic', reason: 'test', line: 1 };
const obj = (...fields: [string, Shape, boolean?][]): Shape => ({ kind: 'object', fields: fields.map(([name, shape, optional]) => ({ name, shape, optional: optional ?? false })) });
const arr = (items: Shape): Shape => ({ kind: 'array', items });
const union = (...options: Shape[]): Shape => ({ kind: 'union', options });

const SHAPES: [string, Shape][] = [
  ['a flat object', obj(['id', num], ['name', str], ['active', bool])],
  ['optional fields first and last', obj(['a', num, true], ['b', str], ['c', bool, true])],
  ['only optional fields', obj(['a', num, true], ['b', str, true])],
  ['an empty object', obj()],
  ['odd keys', obj(['content-type', str], ['"q"', num], ['caf\xc3\xa9', str], ['1', num])],
  ['arrays of scalars', obj(['ns', arr(num)], ['ss', arr(str)], ['bs', arr(bool)])],
  ['an array of objects', arr(obj(['id', num], ['tags', arr(str)], ['meta', obj(['x', num, true])]))],
  ['nested arrays', arr(arr(arr(num)))],
  ['dynamic fields', obj(['known', num], ['any', dyn], ['maybe', dyn, true])],
  ['an array of dynamic items', arr(dyn)],
  ['unions', obj(['v', union(num, str)], ['o', union(obj(['a', num]), obj(['b', str])), true])],
  ['a union with an array', union(obj(), arr(num))],
  ['a top-level scalar', str],
  // written by several functions, one nested in another's part
  ['many fields', obj(...Array.from({ length: 150 }, (_, i): [string, Shape, boolean?] => [`f${i}`, [num, str, bool][i % 3]!, i % 7 === 0]))],
  ['many fields, nested', obj(['head', num], ...Array.from({ length: 70 }, (_, i): [string, Shape, boolean?] => [`f${i}`, i === 30 ? obj(...Array.from({ length: 70 }, (_, k): [string, Shape] => [`g${k}`, num])) : str]), ['tail', bool, true])],
];

describe('serializers write what the generic encoder writes', () => {
  for (const [name, shape] of SHAPES) {
    it(name, () => {
      const serialize = compile(shape);
      for (let seed = 1; seed <= 300; seed++) {
        const r = rng(seed);
        const v = valueOf(shape, r);
        assert.equal(serialize(v), encodeJson(v), `seed ${seed}`);
        // a changed value: the same bytes, or declined
        const m = mutate(v, r);
        const got = serialize(m);
        if (got !== undefined) assert.equal(got, encodeJson(m), `mutated, seed ${seed}`);
      }
    });
  }
});

describe('the empty-sequence rule', () => {
  it('a proven sequence that is empty is []', () => {
    assert.equal(compile(arr(num))(new LuaTable()), '[]');
    assert.equal(compile(obj(['items', arr(obj(['id', num]))]))(tableOf({ items: new LuaTable() })), '{"items":[]}');
  });
  it('an empty object stays {}', () => {
    assert.equal(compile(obj())(new LuaTable()), '{}');
    assert.equal(compile(union(obj(), arr(num)))(new LuaTable()), '{}');
  });
  it('a dynamic subtree keeps the generic rule', () => {
    assert.equal(compile(obj(['d', dyn]))(tableOf({ d: new LuaTable() })), '{"d":{}}');
  });
});

describe('serializers decline values of another shape', () => {
  const cases: [string, Shape, LuaValue][] = [
    ['a missing required field', obj(['a', num], ['b', num]), tableOf({ a: 1 })],
    ['an extra field', obj(['a', num]), tableOf({ a: 1, b: 2 })],
    ['fields in another order', obj(['a', num], ['b', num]), tableOf({ b: 2, a: 1 })],
    ['a hole in an array', arr(num), new LuaTable([1, undefined, 3])],
    ['a hash key in an array', arr(num), (() => { const t = new LuaTable([1]); t.set('x', 1); return t; })()],
    ['an array part in an object', obj(['a', num]), (() => { const t = tableOf({ a: 1 }); t.set(1, 5); return t; })()],
    ['a string for a number', obj(['a', num]), tableOf({ a: '1' })],
    ['a scalar for a table', obj(['a', num]), 'text'],
  ];
  for (const [name, shape, value] of cases) {
    it(name, () => assert.equal(compile(shape)(value), undefined));
  }
});

describe('depth', () => {
  it('a dynamic subtree is limited at the depth of the whole value', () => {
    let deep: LuaValue = 1;
    for (let i = 0; i < 63; i++) deep = new LuaTable([deep]);
    const serialize = compile(obj(['d', dyn]));
    // 1 + 63 levels: allowed; one more and the generic encoder refuses, as for the whole value
    assert.equal(serialize(tableOf({ d: deep })), encodeJson(tableOf({ d: deep })));
    const deeper = new LuaTable([deep]);
    assert.throws(() => serialize(tableOf({ d: deeper })), tooDeep);
    assert.throws(() => encodeJson(tableOf({ d: deeper })), tooDeep);
  });
  it('no serializer for shapes deeper than the encoder allows', () => {
    let shape: Shape = num;
    for (let i = 0; i < 65; i++) shape = arr(shape);
    assert.equal(serializerSource(shape), undefined);
    assert.equal(serializerSource(dyn), undefined);
  });
});

/** The encoder's error (a LuaError: its message is the Lua value). */
const tooDeep = (e: unknown): boolean => /nested deeper than 64 levels/.test(String((e as { value?: unknown }).value));

function tableOf(fields: Record<string, LuaValue>): LuaTable {
  const t = new LuaTable();
  for (const [k, v] of Object.entries(fields)) t.set(k, v);
  return t;
}
