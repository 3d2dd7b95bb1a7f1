// The one type analysis (compiler/analysis/types.ts) and the metamethods it relies on
// (compiler/analysis/metamethods.ts): what each expression is proven to be.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expression, ReturnStatement } from '../../compiler/frontend/ast.js';
import { parseChunk } from '../../compiler/frontend/parse.js';
import { resolve, type Resolution } from '../../compiler/frontend/resolve.js';
import { ANY, BOOLEAN, NIL, NUMBER, STRING, TABLE, Types, type TypeOptions } from '../../compiler/analysis/types.js';
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
