// Unit tests of rover.guard (runtime/http/guard.ts), written as Lua: each case validates a
// table with rover.guard(data, schema) through the interpreter and compares the JSON of the
// result (the validated table, or the error value's `errors` list) with the expected text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadChunk } from '../../runtime/interp/interpreter.js';
import { encodeJson } from '../../runtime/http/json.js';
import { serveGlobals } from '../../runtime/http/load-app.js';
import { first } from '../../runtime/lua/multi.js';
import { toLuaError } from '../../runtime/lua/errors.js';
import type { LuaValue } from '../../runtime/lua/value.js';

/** Runs a Lua chunk with the `rover` global; returns its first result. */
function runLua(code: string): LuaValue {
  const G = serveGlobals('guard_test.lua');
  return first(loadChunk(code, 'guard_test.lua', G)());
}

/** Validates `data` against `schema` (Lua expressions, `g` is rover.guard); returns JSON of the outcome. */
function check(data: string, schema: string): string {
  const result = runLua(`
    local g = rover.guard
    local ok, r = pcall(rover.guard, ${data}, ${schema})
    if ok then return r end
    return r.errors
  `);
  return encodeJson(result);
}

const e = (field: string, message: string, type: string) => ({ field, message, type });

const CASES: [string, string, string, unknown][] = [
  // [title, data, schema, expected (validated table or list of errors)]
  ['string ok', '{ s = "x" }', '{ s = g:string() }', { s: 'x' }],
  ['string type error', '{ s = 5 }', '{ s = g:string() }', [e('s', 'Must be a string, got number', 'type')]],
  ['number accepts floats and integers', '{ a = 1, b = 2.5 }', '{ a = g:number(), b = g:number() }', { a: 1, b: 2.5 }],
  ['number refuses strings', '{ a = "1" }', '{ a = g:number() }', [e('a', 'Must be a number, got string', 'type')]],
  ['integer accepts integral numbers', '{ a = 3, b = 4.0, c = -2 }', '{ a = g:integer(), b = g:integer(), c = g:integer() }', { a: 3, b: 4, c: -2 }],
  ['integer refuses 2.5', '{ a = 2.5 }', '{ a = g:integer() }', [e('a', 'Must be an integer, got float 2.5', 'type')]],
  ['integer refuses a string', '{ a = "2" }', '{ a = g:integer() }', [e('a', 'Must be an integer, got string', 'type')]],
  ['boolean', '{ a = false, b = "true" }', '{ a = g:boolean(), b = g:boolean() }', [e('b', 'Must be a boolean, got string', 'type')]],
  ['missing optional stays nil', '{}', '{ a = g:string() }', {}],
  ['required with the default message', '{}', '{ a = g:string():required() }', [e('a', "Field 'a' is required", 'required')]],
  ['required with a custom message', '{}', '{ a = g:string():required("Give me a") }', [e('a', 'Give me a', 'required')]],
  ['default fills a missing value', '{}', '{ a = g:integer():default(7), b = g:string():default("x") }', { a: 7, b: 'x' }],
  ['default does not replace a present value', '{ a = 1 }', '{ a = g:integer():default(7) }', { a: 1 }],
  ['default beats required', '{}', '{ a = g:string():required():default("d") }', { a: 'd' }],
  ['a present value is still type-checked when there is a default', '{ a = true }', '{ a = g:integer():default(1) }', [e('a', 'Must be an integer, got boolean', 'type')]],
  ['enum ok', '{ r = "admin" }', '{ r = g:string():enum({ "admin", "user" }) }', { r: 'admin' }],
  ['enum error', '{ r = "root" }', '{ r = g:string():enum({ "admin", "user" }) }', [e('r', "Must be one of: admin, user. Got: 'root'", 'enum')]],
  ['enum of numbers', '{ n = 3 }', '{ n = g:integer():enum({ 1, 2 }) }', [e('n', "Must be one of: 1, 2. Got: '3'", 'enum')]],
  ['type error comes before enum', '{ r = 1 }', '{ r = g:string():enum({ "a" }) }', [e('r', 'Must be a string, got number', 'type')]],
  ['array of strings', '{ t = { "a", "b" } }', '{ t = g:array(g:string()) }', { t: ['a', 'b'] }],
  ['array element errors are indexed from 1', '{ t = { "a", 2, "c", false } }', '{ t = g:array(g:string()) }',
    [e('t[2]', 'Must be a string, got number', 'type'), e('t[4]', 'Must be a string, got boolean', 'type')]],
  ['an object is not an array', '{ t = { a = 1 } }', '{ t = g:array(g:string()) }', [e('t', 'Must be an array, got object', 'type')]],
  ['a string is not an array', '{ t = "abc" }', '{ t = g:array(g:string()) }', [e('t', 'Must be an array, got string', 'type')]],
  ['an empty table is an empty array', '{ t = {} }', '{ t = g:array(g:string()) }', { t: {} }],
  ['required array elements', '{ t = { 1, nil, 3, 4 } }', '{ t = g:array(g:integer():required()) }', [e('t[2]', "Field 't[2]' is required", 'required')]],
  ['nested object', '{ a = { city = "Oslo", zip = "0150" } }', '{ a = g:object { city = g:string():required(), zip = g:string() } }', { a: { city: 'Oslo', zip: '0150' } }],
  ['nested object errors are dotted', '{ a = { zip = 150 } }', '{ a = g:object { city = g:string():required(), zip = g:string() } }',
    [e('a.city', "Field 'a.city' is required", 'required'), e('a.zip', 'Must be a string, got number', 'type')]],
  ['an array is not an object', '{ a = { 1, 2 } }', '{ a = g:object { x = g:string() } }', [e('a', 'Must be an object, got array', 'type')]],
  ['a missing optional object stays nil', '{}', '{ a = g:object { x = g:string():required() } }', {}],
  ['a missing required object', '{}', '{ a = g:object { x = g:string() }:required() }', [e('a', "Field 'a' is required", 'required')]],
  ['arrays of objects', '{ l = { { id = 1 }, { id = "2" }, {} } }', '{ l = g:array(g:object { id = g:integer():required() }) }',
    [e('l[2].id', 'Must be an integer, got string', 'type'), e('l[3].id', "Field 'l[3].id' is required", 'required')]],
  ['objects of arrays of objects', '{ o = { items = { { tags = { "a", 1 } } } } }', '{ o = g:object { items = g:array(g:object { tags = g:array(g:string()) }) } }',
    [e('o.items[1].tags[2]', 'Must be a string, got number', 'type')]],
  ['fields outside the schema are dropped', '{ a = 1, extra = "x" }', '{ a = g:integer() }', { a: 1 }],
  ['every error is collected', '{ b = 1, c = "x" }', '{ a = g:string():required(), b = g:string(), c = g:integer() }',
    [e('a', "Field 'a' is required", 'required'), e('b', 'Must be a string, got number', 'type'), e('c', 'Must be an integer, got string', 'type')]],
  ['nullable changes nothing for Lua data (nil is missing)', '{}', '{ a = g:string():nullable():required() }', [e('a', "Field 'a' is required", 'required')]],
];

describe('rover.guard', () => {
  for (const [title, data, schema, expected] of CASES) {
    it(title, () => {
      assert.deepEqual(JSON.parse(check(data, schema)), expected);
    });
  }

  it('modifiers change the validator in place and return it', () => {
    const out = runLua(`
      local g = rover.guard
      local v = g:string()
      local same = v:required("needed") == v
      local ok, err = pcall(rover.guard, {}, { name = v })
      return { same = same, ok = ok, message = err.errors[1].message }
    `);
    assert.deepEqual(JSON.parse(encodeJson(out)), { same: true, ok: false, message: 'needed' });
  });

  it('g.string() works without the colon too', () => {
    assert.equal(encodeJson(runLua('local g = rover.guard return rover.guard({ a = "x" }, { a = g.string(), b = g.array(g.integer()) })')), '{"a":"x"}');
  });

  it('tostring of the error lists every field', () => {
    const text = runLua(`
      local g = rover.guard
      local ok, err = pcall(rover.guard, { a = 2.5 }, { a = g:integer(), b = g:string():required() })
      return tostring(err)
    `);
    assert.equal(text, "Validation failed (2 errors):\n  - a: Must be an integer, got float 2.5\n  - b: Field 'b' is required");
  });

  it('the error value is a table with an errors list', () => {
    const out = runLua(`
      local ok, err = pcall(rover.guard, {}, { a = rover.guard:string():required() })
      return { kind = type(err), n = #err.errors, field = err.errors[1].field, type = err.errors[1].type }
    `);
    assert.deepEqual(JSON.parse(encodeJson(out)), { kind: 'table', n: 1, field: 'a', type: 'required' });
  });

  it('misuse is a Lua error naming the problem', () => {
    const message = (code: string) => {
      try {
        runLua(`local g = rover.guard ${code}`);
      } catch (err) {
        return String(toLuaError(err).value);
      }
      return 'no error';
    };
    assert.match(message('rover.guard({}, { a = "string" })'), /field 'a' is not a guard validator \(got string\)/);
    assert.match(message('rover.guard("x", {})'), /bad argument #1 to 'guard' \(table expected, got string\)/);
    assert.match(message('g:array("x")'), /bad argument #1 to 'array' \(a guard validator expected, got string\)/);
    assert.match(message('g:string():enum("a")'), /bad argument #1 to 'enum' \(table expected, got string\)/);
    assert.match(message('local v = g:string() v.required()'), /bad self to 'required'/);
  });
});
