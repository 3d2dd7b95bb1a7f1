// The one type analysis (compiler/analysis/types.ts) and the metamethods it relies on
// (compiler/analysis/metamethods.ts): what each expression is proven to be.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expression, ReturnStatement } from '../../compiler/frontend/ast.js';
import { parseChunk, walk } from '../../compiler/frontend/parse.js';
import { resolve, type Resolution } from '../../compiler/frontend/resolve.js';
import { ANY, BOOLEAN, FUNCTION, NIL, NUMBER, STRING, TABLE, Types, type TypeOptions } from '../../compiler/analysis/types.js';
import { possibleMetamethods } from '../../compiler/analysis/metamethods.js';

function resolved(lua: string): Resolution {
  return resolve('t.lua', lua, parseChunk('t.lua', lua));
}

/** The type of the value the chunk's last statement (a return) gives. */
function returned(lua: string, options: TypeOptions = {}): number {
  const res = resolved(lua);
  const last = res.chunk.body[res.chunk.body.length - 1] as ReturnStatement;
  return new Types(res, options).of(last.arguments[0] as Expression);
}

/** As `returned`, with the metamethods the chunk (as a whole program) may have. */
function returnedInProgram(lua: string): number {
  return returned(lua, { metamethods: possibleMetamethods([resolved(lua)], false) });
}

describe('operator results', () => {
  it('are plain for plain operands, whatever the program', () => {
    assert.equal(returned('local a, b = 1, 2\nreturn a + b'), NUMBER);
    assert.equal(returned('local a = 1\nreturn a .. "x"'), STRING);
    assert.equal(returned('return #"abc"'), NUMBER);
    assert.equal(returned('return x < y'), BOOLEAN);
  });

  it('are unknown for unknown operands when any metamethod may exist', () => {
    assert.equal(returned('return x .. "a"'), ANY);
    assert.equal(returned('return x + 1'), ANY);
    assert.equal(returned('return -x'), ANY);
    assert.equal(returned('return #x'), ANY);
  });

  it('are plain (or an error) when no value can have the metamethod', () => {
    assert.equal(returnedInProgram('return x .. "a"'), STRING);
    assert.equal(returnedInProgram('local t = {}\nreturn t .. "a"'), STRING);
    assert.equal(returnedInProgram('return x * y'), NUMBER);
    assert.equal(returnedInProgram('return -x'), NUMBER);
    assert.equal(returnedInProgram('return #x'), NUMBER);
  });

  it('follow the metamethods the program shows', () => {
    const concat = 'local v = setmetatable({}, { __concat = function() return {} end })\n';
    assert.equal(returnedInProgram(`${concat}return x .. "a"`), ANY);
    assert.equal(returnedInProgram(`${concat}return x + 1`), NUMBER);
    // a metatable not seen: anything but __len (luajit's # ignores a table's __len)
    assert.equal(returnedInProgram('setmetatable(t, mt)\nreturn x + 1'), ANY);
    assert.equal(returnedInProgram('setmetatable(t, mt)\nreturn #x'), NUMBER);
    assert.equal(returnedInProgram('local mt = getmetatable("")\nreturn #x'), ANY);
  });
});

describe('locals and values', () => {
  it('types a local from the single result of a local function', () => {
    assert.equal(returned('local function f(n) return n * 2 end\nlocal x = f(1)\nreturn x'), NUMBER);
    // a call that is not last in its list gives one value too; `...` is unknown
    assert.equal(returned('local function f() return "s" end\nlocal x, y = f(), 1\nreturn x'), STRING);
    assert.equal(returned('local x = ...\nreturn x'), ANY);
    assert.equal(returned('local function f() return 1 end\nlocal x, y = f()\nreturn y'), ANY);
  });

  it('types `c and v or w` as v or w', () => {
    assert.equal(returned('return x == 1 and 1 or "s"'), NUMBER | STRING);
    assert.equal(returned('local s = "a"\nreturn s and 1'), NUMBER);
    assert.equal(returned('return x and 1'), NIL | BOOLEAN | NUMBER);
  });

  it('takes facts for calls, fields and generic for variables', () => {
    const facts = {
      expression: (e: Expression) => (e.type === 'MemberExpression' ? STRING | NIL : undefined),
      loopVariable: () => TABLE,
    };
    assert.equal(returned('local v = req.field\nreturn v', { facts }), STRING | NIL);
    assert.equal(returned('local last\nfor _, v in each() do last = v end\nreturn last', { facts }), TABLE | NIL);
  });
});

describe('possible metamethods', () => {
  const keys = (lua: string) => {
    const found = possibleMetamethods([resolved(lua)], false);
    return found === undefined ? 'any' : [...found].sort().join(' ');
  };
  it('are the keys of the metatables seen', () => {
    assert.equal(keys('local x = 1'), '');
    assert.equal(keys('setmetatable({}, { __index = t, __call = f })'), '__call __index');
    assert.equal(keys('local mt = { __index = t }\nmt.__lt = f\nfunction mt.__eq() end\nsetmetatable({}, mt)'), '__eq __index __lt');
    assert.equal(keys('print(debug.traceback("x"))'), '');
  });

  it('are any when a metatable may be reached or built out of sight', () => {
    assert.equal(keys('local s = getmetatable("")'), 'any');
    assert.equal(keys('local d = debug'), 'any');
    assert.equal(keys('local x = package.loaded._G'), 'any');
    assert.equal(keys('local p = newproxy(true)'), 'any');
    assert.equal(possibleMetamethods([resolved('local x = 1')], true), undefined);
  });

  it('are all but __len when a table metatable is not seen', () => {
    for (const lua of ['setmetatable({}, mt)', 'local mt = {}\nmt[k] = f\nsetmetatable({}, mt)', 'local mt = {}\nrawset(mt, k, f)\nsetmetatable({}, mt)',
      'local mt = {}\nmt:init()\nsetmetatable({}, mt)', 'local mt = { [k] = f }\nsetmetatable({}, mt)', 'local smt = setmetatable']) {
      const found = keys(lua);
      assert.ok(found !== 'any' && found.includes('__concat') && !found.includes('__len'), `${lua}: ${found}`);
    }
  });
});

/** The type of the argument of each `probe(x)` call statement, in source order. */
function probes(lua: string): number[] {
  const res = resolved(lua);
  const types = new Types(res);
  const found: number[] = [];
  walk(res.chunk, (n) => {
    if (n.type === 'CallStatement' && n.expression.type === 'CallExpression' && n.expression.base.type === 'Identifier' && n.expression.base.name === 'probe') {
      found.push(types.of(n.expression.arguments[0]));
    }
  });
  return found;
}

describe('flow-sensitive locals', () => {
  const cases: [string, string, number[]][] = [
    ['a number from its assignment on, through a loop', 'local x = nil\nprobe(x)\nx = 0\nfor i = 1, 10 do x = x + 1 probe(x) end\nprobe(x)', [NIL, NUMBER, NUMBER]],
    ['each type where it holds', 'local x = 1\nprobe(x)\nx = "s"\nprobe(x)', [NUMBER, STRING]],
    ['an if without else joins the path around it', 'local x\nif c then x = 1 end\nprobe(x)\nif c then x = 1 else x = 2 end\nprobe(x)', [NUMBER | NIL, NUMBER]],
    ['a return ends its path', 'local x = 1\nif c then x = "s" return end\nprobe(x)', [NUMBER]],
    ['a loop body sees what its end assigns', 'local x = 1\nwhile c do probe(x) x = "s" end\nprobe(x)', [NUMBER | STRING, NUMBER | STRING]],
    ['a break joins the exit', 'local x = 1\nwhile true do x = "s" if c then break end x = 2 end\nprobe(x)', [NUMBER | STRING]],
    ['repeat exits from the end of its body', 'local x = "s"\nrepeat local y = 1 x = y until y > 0\nprobe(x)', [NUMBER]],
    ['a multiple assignment reads every value first', 'local a, b = 1, "s"\na, b = b, a\nprobe(a)\nprobe(b)', [STRING, NUMBER]],
    ['... is unknown', 'local a, b = 1, 2\na, b = ...\nprobe(a)\nprobe(b)', [ANY, ANY]],
    ['a local an inner function assigns is the union everywhere', 'local x = 1\nlocal function f() x = "s" end\nprobe(x)\nf()\nprobe(x)', [NUMBER | STRING, NUMBER | STRING]],
    ['pcall of a closure that assigns', 'local x = 1\nlocal ok = pcall(function() x = "s" end)\nprobe(x)', [NUMBER | STRING]],
    ['an inner function reads the union', 'local x = nil\nx = 1\nlocal f = function() probe(x) end', [NUMBER | NIL]],
    ['a function with goto is flow-insensitive', 'local x = 1\n::top::\nprobe(x)\nx = "s"\nif c then goto top end', [NUMBER | STRING]],
    ['a parameter starts with its call-site type', 'local function f(n) probe(n) n = "s" probe(n) end\nf(1)', [NUMBER, STRING]],
  ];
  for (const [name, lua, expected] of cases) it(name, () => assert.deepEqual(probes(lua), expected));
});

describe('record fields', () => {
  const cases: [string, string, number[]][] = [
    ['a constructor field, then its writes', 'local t = { x = 1, s = "a" }\nprobe(t.x)\nprobe(t.s)\nt.x = "b"\nprobe(t.x)\nprobe(t.y)', [NUMBER, STRING, STRING, NIL]],
    ['writes join like locals', 'local t = {}\nif c then t.n = 1 end\nprobe(t.n)\nfor i = 1, 3 do t.n = i end\nprobe(t.n)', [NUMBER | NIL, NUMBER | NIL]],
    ['a loop counter field', 'local t = { n = 0 }\nfor i = 1, 10 do t.n = t.n + i end\nprobe(t.n)', [NUMBER]],
    ['an inner function reads every value given', 'local t = { n = 0 }\nlocal f = function() probe(t.n) end\nt.n = "s"', [NUMBER | STRING]],
    ['a local function reads every value given', 'local t = { n = 0 }\nlocal function f() probe(t.n) end\nt.n = true', [NUMBER | BOOLEAN]],
    ['number keys leave named fields alone', 'local t = { n = 0 }\nt[1] = "s"\nprobe(t.n)\nprobe(#t)', [NUMBER, NUMBER]],
    ['function t.f declares a field', 'local t = {}\nfunction t.f() end\nprobe(t.f)', [FUNCTION]],
    // a local function only called by name whose parameter only reads: the records passed
    ['a record passed to a reading function', 'local function area(r) probe(r.w) return r.w * r.h end\nlocal a = { w = 2, h = 3 }\nlocal b = { w = 4, h = 5 }\nprobe(area(a) + area(b))\nprobe(a.w)', [NUMBER, NUMBER, NUMBER]],
    ['fields the passed records give later', 'local function get(r) probe(r.v) end\nlocal a = {}\nget(a)\na.v = "s"', [STRING | NIL]],
  ];
  for (const [name, lua, expected] of cases) it(name, () => assert.deepEqual(probes(lua), expected));

  const unknown: [string, string][] = [
    ['passed to a function', 'local t = { n = 0 }\nf(t)\nprobe(t.n)'],
    ['given a metatable', 'local t = setmetatable({ n = 0 }, mt)\nprobe(t.n)'],
    ['a method call', 'local t = { n = 0 }\nt:m()\nprobe(t.n)'],
    ['written by an inner function', 'local t = { n = 0 }\nlocal function f() t.n = "s" end\nprobe(t.n)'],
    ['a computed write', 'local t = { n = 0 }\nt[k] = "s"\nprobe(t.n)'],
    ['stored elsewhere', 'local t = { n = 0 }\nlocal u = t\nu.n = "s"\nprobe(t.n)'],
    ['reassigned', 'local t = { n = 0 }\nt = g\nprobe(t.n)'],
    ['returned', 'local t = { n = 0 }\nprobe(t.n)\nreturn t'],
    ['in a function with goto', 'local t = { n = 0 }\n::a::\nprobe(t.n)'],
    ['passed to a function that writes it', 'local function set(r) r.n = "s" end\nlocal t = { n = 0 }\nset(t)\nprobe(t.n)'],
    ['passed to a function that passes it on', 'local function pass(r) f(r) end\nlocal t = { n = 0 }\npass(t)\nprobe(t.n)'],
    ['passed to a function that is also stored', 'local function get(r) return r.n end\nlocal t = { n = 0 }\nget(t)\nF = get\nprobe(t.n)'],
  ];
  it('is unknown in a parameter when a call passes something else', () => {
    assert.deepEqual(probes('local function get(r) probe(r.n) end\nlocal t = { n = 0 }\nget(t)\nget(g)'), [ANY]);
  });
  for (const [name, lua] of unknown) it(`is unknown when ${name}`, () => assert.deepEqual(probes(lua), [ANY]));
});

describe('record fields', () => {
  /** The fields recordOf gives the first local named `name`, as name -> type. */
  function fields(lua: string, name: string): Record<string, number> | undefined {
    const res = resolved(lua);
    const v = [...res.decls.values()].find((x) => x.name === name)!;
    const record = new Types(res).recordOf(v);
    return record === undefined ? undefined : Object.fromEntries(record.fields);
  }

  it('have every type their code stores, nil left out', () => {
    const lua = 'local function f(n)\nlocal p = { x = n, s = "a" }\np.x = p.x + 1\np.s = nil\np.s = 2\np.flag = true\nreturn p.x + p.y\nend\nreturn f(1)';
    assert.deepEqual(fields(lua, 'p'), { x: NUMBER, s: STRING | NUMBER, flag: BOOLEAN, y: 0 });
  });

  it('are undefined for tables that other code can reach', () => {
    assert.equal(fields('local p = { x = 1 }\nsetmetatable(p, {})\nreturn p.x', 'p'), undefined);
    assert.equal(fields('local p = { x = 1 }\nreturn p', 'p'), undefined);
  });
});
