// Which reads of a route handler skip the request tables, and which returns are written as
// JSON text (compiler/analysis/direct-plan.ts): the cases it takes and the ones it must leave
// to the tables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { directPlan, visitTemplate, type Template } from '../../compiler/analysis/direct-plan.js';
import { Types } from '../../compiler/analysis/types.js';
import { parseChunk } from '../../compiler/frontend/parse.js';
import { resolve } from '../../compiler/frontend/resolve.js';

function planOf(body: string[]) {
  const lua = ['local api = rover.server {}', ...body, 'return api'].join('\n');
  const res = resolve('app.lua', lua, parseChunk('app.lua', lua));
  const plan = directPlan(res, new Types(res));
  const reads = [...plan.reads.values()].map((r) => `${r.kind} ${r.key}`).sort();
  const handlers = [...plan.handlers.values()];
  const kinds = (t: Template) => { const out: string[] = []; visitTemplate(t, (x) => out.push(x.kind === 'leaf' ? `leaf:${x.type ?? '?'}` : x.kind)); return out.join(' '); };
  return {
    reads,
    returns: handlers.flatMap((h) => [...h.returns.values()].map((r) => `${r.builder ? 'api.json ' : ''}${kinds(r.template)}`)),
    loops: handlers.reduce((n, h) => n + h.appends.size, 0),
  };
}

describe('direct reads', () => {
  it('takes constant keys of params, headers and query, and ctx.method/path', () => {
    const p = planOf(['function api.a.p_id.get(ctx)', '  local m = ctx.method .. ctx.path', '  return ctx:params().id .. ctx:headers()["X-A"] .. ctx:query().q .. m', 'end']);
    assert.deepEqual(p.reads, ['header X-A', 'method method', 'param id', 'path path', 'query q']);
  });

  it('leaves computed keys, arguments, stores and other functions\' ctx alone', () => {
    const p = planOf([
      'function api.a.get(ctx) local k = "x"; ctx:params().id = 1; return ctx:headers()[k], ctx:query(1).q end',
      'local function helper(ctx) return ctx:params().id end',
    ]);
    assert.deepEqual(p.reads, []);
  });
});

describe('JSON templates', () => {
  it('constructors with constant names and items; proven and checked leaves; api.json', () => {
    const p = planOf([
      'function api.a.get(ctx) return { n = 1, s = "x" .. 1, t = { 1, true }, v = ctx:query().v } end',
      'function api.b.get(ctx) return api.json { id = ctx:params().id } end',
    ]);
    assert.deepEqual(p.returns, ['object leaf:number leaf:string array leaf:number leaf:boolean leaf:?', 'api.json object leaf:?']);
  });

  it('refuses response headers, computed keys, mixed tables, trailing calls, empty tables, duplicates', () => {
    const p = planOf([
      'function api.a.get(ctx) return { headers = { x = "1" }, a = 1 } end',
      'function api.b.get(ctx) local k = "a"; return { [k] = 1 } end',
      'function api.c.get(ctx) return { 1, a = 2 } end',
      'function api.d.get(ctx) return { 1, f() } end',
      'function api.e.get(ctx) return { a = {} } end',
      'function api.f.get(ctx) return { a = 1, a = 2 } end',
      'function api.g.get(ctx) return { __rover_x = 1 } end',
    ]);
    assert.deepEqual(p.returns, []);
  });

  it('writes a loop-filled array while the loop runs', () => {
    const p = planOf([
      'function api.a.get(ctx)',
      '  local items = {}',
      '  for i = 1, 10 do items[i] = { id = i, name = "n" .. i, tags = { "t", i > 2 } } end',
      '  return { count = #items, items = items }',
      'end',
    ]);
    assert.equal(p.loops, 1);
    assert.deepEqual(p.returns, ['object count loop']);
  });

  it('leaves loop arrays to tables when anything else could see them', () => {
    const cases = [
      // read elsewhere
      ['local items = {}', 'for i = 1, 3 do items[i] = { i = i } end', 'print(#items)', 'return { items = items }'],
      // two stores
      ['local items = {}', 'for i = 1, 3 do items[i] = { i = i } end', 'for i = 1, 3 do items[i] = { i = i } end', 'return { items = items }'],
      // not from 1, or another index
      ['local items = {}', 'for i = 2, 3 do items[i] = { i = i } end', 'return { items = items }'],
      ['local items = {}', 'for i = 1, 3 do items[i + 1] = { i = i } end', 'return { items = items }'],
      // an unproven item, or a leaf of the return that may need the table
      ['local items = {}', 'for i = 1, 3 do items[i] = { q = ctx:query().q } end', 'return { items = items }'],
      ['local items = {}', 'for i = 1, 3 do items[i] = { i = i } end', 'return { items = items, q = ctx:query().q }'],
      // captured by a closure, or a hole made by goto
      ['local items = {}', 'for i = 1, 3 do items[i] = { i = i } end', 'local f = function() return items end', 'return { items = items }'],
      ['local items = {}', 'for i = 1, 3 do if i == 2 then goto skip end items[i] = { i = i } ::skip:: end', 'return { items = items }'],
      // through api.json (the app may replace it)
      ['local items = {}', 'for i = 1, 3 do items[i] = { i = i } end', 'return api.json { items = items }'],
    ];
    for (const body of cases) {
      const p = planOf(['function api.a.get(ctx)', ...body, 'end']);
      assert.equal(p.loops, 0, body.join(' '));
      assert.ok(!p.returns.some((r) => r.includes('loop')), body.join(' '));
    }
  });
});
