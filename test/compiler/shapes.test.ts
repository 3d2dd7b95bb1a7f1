// Response shape inference: handler snippets -> the JSON shape the source proves, or the
// reason it falls back to the generic encoder.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeHandlers } from '../../compiler/analysis/routes.js';
import { describeShape, ResponseShapes } from '../../compiler/analysis/shapes.js';
import { parseChunk } from '../../compiler/frontend/parse.js';
import { resolve } from '../../compiler/frontend/resolve.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectProgram } from '../../compiler/codegen/program.js';
import { analyzeRoutes } from '../../compiler/route-table.js';

/** The shape of `GET /x` in an app whose prelude and handler body are given. */
function shapeOf(body: string, prelude = '', route = 'x'): string {
  const lua = `local api = rover.server {}\n${prelude}\nfunction api.${route}.get(ctx)\n${body}\nend\nreturn api`;
  const res = resolve('app.lua', lua, parseChunk('app.lua', lua));
  const [found] = routeHandlers(res);
  const shape = new ResponseShapes(res).response(found.handler, found.app);
  return shape === undefined ? 'none' : describeShape(shape);
}

describe('proven shapes', () => {
  const cases: [string, string, string?, string?][] = [
    ['return { message = "hi" }', '{ message: string }'],
    ['return { a = 1, b = true, c = "x" }', '{ a: number; b: boolean; c: string }'],
    // constant entries (-3 too) come first, as luajit's constructor inserts them
    ['local n = 2\nreturn { first = n, second = "const" }', '{ second: string; first: number }'],
    ['return { ["content-type"] = "x", n = 1 + 2 }', '{ content-type: string; n: number }'],
    ['return { nested = { deep = { v = 1 } } }', '{ nested: { deep: { v: number } } }'],
    ['return { 1, 2, 3 }', 'number[]'],
    ['return { { id = 1 }, { id = 2 } }', '{ id: number }[]'],
    ['return {}', '{}'],
    ['return api.json { ok = true }', '{ ok: boolean }'],
    ['return api.json:status(201, { created = "yes" })', '{ created: string }'],
    ['local t = { a = 1 }\nreturn t', '{ a: number }'],
    ['local t = { a = 1 }\nreturn api.json(t)', '{ a: number }'],
    ['return { id = ctx:params().id }', '{ id: string }', '', 'p_id'],
    ['return { q = ctx:query().q }', '{ q?: string }'],
    ['return { ua = ctx:headers()["user-agent"] }', '{ ua?: string }'],
    ['return { m = ctx.method, p = ctx.path }', '{ m: string; p: string }'],
    ['return { s = tostring(1), c = "a" .. 1, n = #"abc", b = 1 < 2, neg = -3, nt = not true }', '{ neg: number; nt: boolean; s: string; c: string; n: number; b: boolean }'],
    ['return { n = tonumber("3") }', '{ n?: number }'],
    ['return { page = ctx:query().page or "1" }', '{ page: string }'],
    // no value of the program can have a metamethod: `..` gives a string or raises an error
    ['return { s = someGlobal .. "x", n = -someGlobal, len = #someGlobal }', '{ s: string; n: number; len: number }'],
    ['local v = { 1 }\nreturn { s = v .. "x" }', '{ s: string }'],
    // setmetatable with a metatable that is not seen: any metamethod, but # never runs one on a table
    ['local v = setmetatable({}, mt)\nreturn { len = #someGlobal }', '{ len: number }'],
    // metatables whose keys are all seen (no __add): arithmetic gives a number
    ['local mt = { __index = {} }\nmt.__tostring = f\nlocal v = setmetatable({}, mt)\nreturn { n = someGlobal * 2 }', '{ n: number }'],
    ['local x = tonumber(ctx:query().x)\nreturn { a = x and x / 2 }', '{ a?: number }'],
    ['local items = {}\nfor i = 1, 3 do items[#items + 1] = { i = i } end\nreturn { items = items }', '{ items: { i: number }[] }'],
    ['local items = {}\nfor i = 1, 3 do table.insert(items, "x" .. i) end\nreturn items', 'string[]'],
    ['local t = {}\nfor i = 1, 10 do t[i] = { id = i, tags = { "a", "b" .. i } } end\nreturn { list = t }', '{ list: { id: number; tags: string[] }[] }'],
    ['local items = {}\nfor _, v in ipairs({ 1, 2 }) do items[#items + 1] = v * 2 end\nreturn { n = #items, items = items }', '{ n: number; items: number[] }'],
    ['if ctx.method == "GET" then return { a = 1 } end\nreturn { a = 2 }', '{ a: number }'],
    ['if ctx.method == "GET" then return { a = 1 } end\nreturn "plain text"', '{ a: number }'],
    ['return { skipped = nil, kept = 1 }', '{ kept: number }'],
    ['return { __rover_private = 1, shown = 2 }', '{ shown: number }'],
    // different shapes make a union (objects are tried before arrays)
    ['return { 1, "two" }', '(number | string)[]'],
    ['if ctx.method == "GET" then return { a = 1 } end\nreturn { b = 1 }', '{ a: number } | { b: number }'],
    ['if ctx.method == "GET" then return { 1 } end\nreturn {}', '{} | number[]'],
    ['if ctx.method == "GET" then return { a = 1 } end\nreturn { a = "x" }', '{ a: number | string }'],
    ['return { v = ctx.method == "GET" and 1 or "x" }', '{ v: number | string }'],
    // library results and the body as text
    ['return { t = type(1), f = string.format("%d", 1), u = string.upper("a"), r = string.rep("a", 2) }', '{ t: string; f: string; u: string; r: string }'],
    ['local b = ctx:body()\nreturn { text = b:text(), raw = ctx:body():as_string() }', '{ text: string; raw: string }'],
    // locals assigned on branches: one of the values
    ['local r\nif ctx.method == "GET" then r = { a = 1 } else r = { a = "x" } end\nreturn r', '{ a: number | string }'],
    ['local r = { ok = true }\nif ctx.method == "POST" then r = { ok = false } end\nreturn { result = r }', '{ result: { ok: boolean } }'],
    ['local r\nif ctx.method == "GET" then r = { 1, 2 } end\nreturn { r = r }', '{ r?: number[] }'],
    // local helper functions: the union of their returns
    ['local function item(i) return { id = i, name = "n" .. i } end\nreturn { first = item(1) }', '{ first: { id: number; name: string } }'],
    ['local function pick(flag) if flag then return "a" end return "b" end\nreturn { v = pick(true) }', '{ v: string }'],
    ['local function maybe(flag) if flag then return 1 end end\nreturn { v = maybe(true) }', '{ v?: number }'],
    ['local function list(n)\n  local out = {}\n  for i = 1, n do out[i] = i * 2 end\n  return out\nend\nreturn { items = list(3) }', '{ items: number[] }'],
    // request tables through locals, their keys in loops, sorted sequences
    ['local q = ctx:query()\nreturn { q = q.q }', '{ q?: string }'],
    ['local p = ctx:params()\nreturn { id = p.id }', '{ id: string }', '', 'p_id'],
    ['local keys = {}\nfor k in pairs(ctx:headers()) do keys[#keys + 1] = k end\ntable.sort(keys)\nreturn keys', 'string[]'],
    ['local out = {}\nfor i, v in ipairs({ 5, 6 }) do out[#out + 1] = { i = i } end\nreturn out', '{ i: number }[]'],
    // guard schemas: required and defaulted fields are present, others may be absent
    ['return ctx:body():expect { name = rover.guard:string():required(), age = rover.guard:integer() }', '{ name: string; age?: number }'],
    ['local g = rover.guard\nlocal body = ctx:body():expect { role = g:string():enum({ "a", "b" }):default("a"), n = g:number():nullable() }\nreturn { got = body }',
      '{ got: { role: string; n?: number } }'],
    ['local g = rover.guard\nreturn ctx:body():expect { tags = g:array(g:string():required()):required(), addr = g:object({ city = g:string():required() }) }',
      '{ tags: string[]; addr?: { city: string } }'],
    ['local g = rover.guard\nlocal addr = g:object { city = g:string():required() }\nreturn ctx:body():expect { addr = addr }', '{ addr?: { city: string } }'],
    ['local g = rover.guard\nlocal schema = { v = g:boolean():default(false), w = g:string():default(1) }\nreturn ctx:body():expect(schema)', '{ v: boolean; w: string | number }'],
    ['return rover.guard(ctx:body():json(), { x = rover.guard:number():required() })', '{ x: number }'],
  ];
  for (const [body, expected, prelude, route] of cases) {
    it(body.replaceAll('\n', ' '), () => assert.equal(shapeOf(body, prelude ?? '', route ?? 'x'), expected));
  }
});

describe('fallbacks name their reason and line', () => {
  const cases: [string, RegExp, string?][] = [
    ['return { a = 1 }, 2', /^\{ a: number \}$/], // extra return values write no JSON
    ['local q = ctx:query()\nq.x = 1\nreturn { x = q.x }', /x\?: unknown \(line 6: a table field/],
    ['local keys = {}\nfor k in pairs(someTable) do keys[#keys + 1] = k end\nreturn keys', /appended value may be nil/],
    // a validator changed in place (`v:required()`) may be shared: not trusted
    ['local g = rover.guard\nlocal addr = g:object { city = g:string() }\nreturn ctx:body():expect { addr = addr:required() }', /guard schema that is not a table/],
    ['string = {}\nreturn { s = string.format("x") }', /s\?: unknown/],
    ['return helper()', /^unknown \(line 4: the result of \w+\(\.\.\.\)\)$/],
    // `..` runs a __concat, which may return anything, when the program may have one
    ['local v = setmetatable({}, { __concat = function() return {} end })\nreturn { s = v .. "x" }', /s\?: unknown \(line 5: \.\. of a value that may have a metamethod\)/],
    ['local v = setmetatable({}, mt)\nreturn { s = someGlobal .. "x", n = someGlobal + 1 }', /s\?: unknown .*n\?: unknown \(line 5: \+ of a value/],
    ['local mt = getmetatable("")\nreturn { s = someGlobal .. "x" }', /s\?: unknown \(line 5: \.\. of a value/],
    ['local v = setmetatable({}, { __tostring = function() return {} end })\nreturn { s = tostring(someGlobal) }', /s\?: unknown/],
    ['string.upper = function() return {} end\nreturn { s = string.upper("x") }', /s\?: unknown/],
    ['return tostring(1)', /^none$/], // a returned string is text, not JSON
    ['local g = rover.guard\nreturn ctx:body():expect { tags = g:array(g:string()) }', /tags\?: unknown \(line 5: array items may be null \(holes\)\)/],
    ['local t = helper()\nreturn t', /line 4: the result of \w+\(\.\.\.\)/],
    ['return { v = helper() }', /v\?: unknown \(line 4: the result of \w+\(\.\.\.\)\)/],
    ['local t = {}\nt.x = 1\nreturn t', /gets a field after it is made/],
    ['local t = { a = 1 }\nmutate(t)\nreturn t', /is passed to a function/],
    ['local t = {}\nt[1] = 5\nreturn t', /gets a field that is not an append/],
    ['local t = {}\nfor i = 2, 10 do t[i] = i end\nreturn t', /gets a field that is not an append/],
    ['local t = {}\nfor i = 1, 10 do if i > 2 then t[i] = i end end\nreturn t', /gets a field that is not an append/],
    ['local a, b = f()\nb = { x = 1 }\nreturn b', /assigned more than once/],
    ['local r = {}\nr = {}\nr.x = 1\nreturn r', /gets a field after it is made/],
    ['return { x, y = 2 }', /positional or computed keys/],
    ['return { [k] = 1 }', /positional or computed keys/],
    ['return { a = 1, a = 2 }', /a key appears twice/],
    ['return { unpack({ 1 }) }', /ending in a call/],
    ['local function f() return g() end\nreturn { v = f() }', /v\?: unknown \(line 4: the result of \w+\(\.\.\.\)\)/],
    ['local function f(n) if n > 0 then return f(n - 1) end return { n = n } end\nreturn f(3)', /recursive function/],
    ['local function f() end\nreturn { v = f() }', /returns nothing/],
    ['return ctx:body():expect(schema)', /guard schema that is not a table/],
    ['local s = { a = rover.guard:string() }\ns.b = rover.guard:number()\nreturn ctx:body():expect(s)', /guard schema that is not a table/],
    ['return ctx:body():expect { a = rover.guard:string():default({}) }', /guard schema that is not a table/],
    ['return ctx:body():expect { tags = rover.guard:array(rover.guard:string():nullable()) }', /tags\?: unknown \(line 4: array items may be null/],
    ['local items = {}\nitems[#items + 1] = ctx:query().q\nreturn items', /appended value may be nil/],
    ['return { g = someGlobal }', /global 'someGlobal'/],
    ['local t = { a = 1 }\nlocal alias = t\nreturn t', /stored elsewhere/],
  ];
  for (const [body, expected] of cases) {
    it(body.replaceAll('\n', ' '), () => assert.match(shapeOf(body), expected));
  }

  it('a global the module replaces is not trusted', () => {
    assert.match(shapeOf('return { s = tostring(1) }', 'tostring = function() return {} end'), /unknown/);
  });
});

describe('functions of required modules', () => {
  /** The shapes of the routes of an app whose lib/util.lua is given. */
  function shapesWith(lib: string, handler: string): string[] {
    const dir = mkdtempSync(path.join(tmpdir(), 'roverc-shapes-'));
    try {
      writeFileSync(path.join(dir, 'util.lua'), lib);
      writeFileSync(path.join(dir, 'app.lua'), `local util = require("util")\nlocal api = rover.server {}\nfunction api.x.get(ctx)\n${handler}\nend\nreturn api`);
      return analyzeRoutes(collectProgram(path.join(dir, 'app.lua'))).flatMap((r) => r.responses.map((x) => describeShape(x.shape)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('a function of the module table gives its returns\' shape', () => {
    const lib = 'local M = {}\nfunction M.item(i) return { id = i * 2, name = "n" .. i } end\nM.tags = function() return { "a", "b" } end\nreturn M';
    assert.deepEqual(shapesWith(lib, 'return { item = util.item(1), tags = util.tags() }'), ['{ item: { id: number; name: string }; tags: string[] }']);
  });
  it('unknown parts name the module\'s file and line', () => {
    const lib = 'local M = {}\nfunction M.get() return { v = os.getenv("X") } end\nreturn M';
    assert.match(shapesWith(lib, 'return util.get()')[0], /^\{ v\?: unknown \(.*util\.lua:2: the result of os\.getenv\(\.\.\.\)\) \}$/);
  });
  it('a function set twice, or a module not returning a local table, is not followed', () => {
    assert.match(shapesWith('local M = {}\nfunction M.f() return {} end\nM.f = print\nreturn M', 'return util.f()')[0], /the result of util\.f/);
    assert.match(shapesWith('return { f = function() return {} end }', 'return util.f()')[0], /the result of util\.f/);
  });
});
