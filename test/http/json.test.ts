// Unit tests of runtime/http/json.ts: Lua values -> JSON (checked byte for byte against
// JSON.stringify of the same data where JSON.stringify has an opinion) and JSON -> Lua.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LuaError } from '../../runtime/lua/errors.js';
import { LuaTable } from '../../runtime/lua/table.js';
import type { LuaValue } from '../../runtime/lua/value.js';
import { decodeJson, encodeJson, JSON_NULL, JsonSyntaxError, MAX_DECODE_DEPTH, MAX_DEPTH } from '../../runtime/http/json.js';
import { encodeString } from '../../runtime/http/json.js';

/** A Lua table from a JS value: arrays -> sequences, objects -> string keys, strings -> UTF-8 bytes. */
function lua(v: unknown): LuaValue {
  if (typeof v === 'string') return Buffer.from(v, 'utf8').toString('latin1');
  if (typeof v === 'number' || typeof v === 'boolean' || v === undefined) return v;
  if (Array.isArray(v)) return new LuaTable(v.map(lua));
  const t = new LuaTable();
  for (const [k, x] of Object.entries(v as object)) t.set(Buffer.from(k, 'utf8').toString('latin1'), lua(x));
  return t;
}

/** The JSON text as the client reads it (the encoder produces UTF-8 bytes as a byte string). */
function encoded(v: LuaValue): string {
  return Buffer.from(encodeJson(v), 'latin1').toString('utf8');
}

function encodeFails(v: LuaValue, message: string): void {
  assert.throws(() => encodeJson(v), (e: unknown) => e instanceof LuaError && e.value === message);
}

describe('encodeJson', () => {
  const samples: unknown[] = [
    'plain', '', 'quote " backslash \\ slash /', 'tab\tnewline\ncr\r', '\u0000\u0001\u001f\u007f', 'héllo ✓ 𝄞',
    0, 1, -7, 3.25, 0.1, 1e21, 1e-7, 123456789012345, 2 ** 53, -(2 ** 31), true, false,
    [1, 2, 3], ['a', ['b', ['c']]], { a: 1 }, { nested: { list: [{ x: 1 }, { y: [true, false] }] } },
    { 'ключ': 'значение', 'a b': 'c' },
    Array.from({ length: 100 }, (_, i) => ({ id: i + 1, name: `item ${i + 1}`, price: (i + 1) * 1.5, tags: ['t', 'u'] })),
  ];
  for (const sample of samples) {
    it(`matches JSON.stringify: ${JSON.stringify(sample).slice(0, 50)}`, () => {
      assert.equal(encoded(lua(sample)), JSON.stringify(sample));
    });
  }

  it('an empty table is an object', () => {
    assert.equal(encodeJson(new LuaTable()), '{}');
    assert.equal(encodeJson(lua({ list: [] })), '{"list":{}}');
  });

  it('a table with holes or extra keys is an object with string keys', () => {
    const holes = new LuaTable();
    holes.set(1, 'a');
    holes.set(3, 'c');
    assert.equal(encodeJson(holes), '{"1":"a","3":"c"}');
    const mixed = lua(['x', 'y']) as LuaTable;
    mixed.set('n', 2);
    assert.equal(encodeJson(mixed), '{"1":"x","2":"y","n":2}');
    const sparse = new LuaTable();
    sparse.set(2, 'b');
    assert.equal(encodeJson(sparse), '{"2":"b"}');
    const floatKey = new LuaTable();
    floatKey.set(1.5, true);
    floatKey.set(-0, 'zero');
    assert.equal(encodeJson(floatKey), '{"1.5":true,"0":"zero"}');
  });

  it('keys 1..n set out of order still make an array', () => {
    const t = new LuaTable();
    t.set(3, 'c');
    t.set(2, 'b');
    t.set(1, 'a');
    assert.equal(encodeJson(t), '["a","b","c"]');
  });

  it('a table emptied again is an object; a shrunk array stays an array', () => {
    const t = lua(['a', 'b']) as LuaTable;
    t.set(2, undefined);
    assert.equal(encodeJson(t), '["a"]');
    t.set(1, undefined);
    assert.equal(encodeJson(t), '{}');
    const o = lua({ k: 1 }) as LuaTable;
    o.set('k', undefined);
    assert.equal(encodeJson(o), '{}');
  });

  it('NaN and infinities are null; -0 is 0', () => {
    assert.equal(encodeJson(lua([NaN, Infinity, -Infinity, -0])), '[null,null,null,0]');
  });

  it('skips __rover_ keys', () => {
    assert.equal(encodeJson(lua({ __rover_shape: 'x', __roverish: 1, a: 2 })), '{"__roverish":1,"a":2}');
  });

  it('passes string bytes through (UTF-8 stays UTF-8)', () => {
    assert.equal(encodeJson('caf\xc3\xa9'), '"caf\xc3\xa9"');
  });

  it(`allows ${MAX_DEPTH} levels of tables and refuses one more`, () => {
    const nest = (n: number): LuaTable => {
      const root = new LuaTable();
      let t = root;
      for (let i = 1; i < n; i++) {
        const child = new LuaTable();
        t.set('c', child);
        t = child;
      }
      return root;
    };
    assert.ok(encodeJson(nest(MAX_DEPTH)).startsWith('{"c":'));
    encodeFails(nest(MAX_DEPTH + 1), `cannot encode JSON nested deeper than ${MAX_DEPTH} levels`);
  });

  it('refuses cycles, functions and odd keys with an error (never a crash)', () => {
    const t = new LuaTable();
    t.set('self', t);
    encodeFails(t, 'cannot encode a cyclic table as JSON');
    const arr = new LuaTable();
    arr.set(1, arr);
    encodeFails(arr, 'cannot encode a cyclic table as JSON');
    const withFunction = new LuaTable();
    withFunction.set('f', () => undefined);
    encodeFails(withFunction, 'cannot encode a function value as JSON');
    const boolKey = new LuaTable();
    boolKey.set(true, 1);
    encodeFails(boolKey, 'cannot encode a table with a boolean key as JSON');
  });
});

describe('decodeJson', () => {
  it('objects become tables, arrays 1-based sequences, strings UTF-8 bytes', () => {
    const t = decodeJson('{"name":"Zoë","list":[10,20],"flag":false,"n":1.5}') as LuaTable;
    assert.equal(t.get('name'), 'Zo\xc3\xab');
    const list = t.get('list') as LuaTable;
    assert.equal(list.get(1), 10);
    assert.equal(list.get(2), 20);
    assert.equal(list.length(), 2);
    assert.equal(t.get('flag'), false);
    assert.equal(t.get('n'), 1.5);
  });

  it('null is nil, or JSON_NULL when asked to keep it', () => {
    const t = decodeJson('{"a":null,"b":[null,2]}') as LuaTable;
    assert.equal(t.get('a'), undefined);
    assert.equal((t.get('b') as LuaTable).get(2), 2);
    assert.equal((t.get('b') as LuaTable).get(1), undefined);
    const kept = decodeJson('{"a":null}', true) as LuaTable;
    assert.equal(kept.get('a'), JSON_NULL);
    assert.equal(decodeJson('null'), undefined);
  });

  it('non-ASCII keys are bytes too', () => {
    const t = decodeJson('{"ключ":1}') as LuaTable;
    assert.equal(t.get(Buffer.from('ключ', 'utf8').toString('latin1')), 1);
  });

  it('round-trips through encodeJson', () => {
    for (const text of ['{"a":[1,2,{"b":"c"}],"d":"é"}', '[true,false,"x",1.25]', '"s"', '12', '{"2":"b","x":{}}']) {
      const again = Buffer.from(encodeJson(decodeJson(text)), 'latin1').toString('utf8');
      assert.deepEqual(JSON.parse(again), JSON.parse(text));
    }
  });

  it('invalid JSON and absurd nesting raise JsonSyntaxError', () => {
    for (const text of ['', '{', '{"a":1,}', "{'a':1}", 'nul', '[1 2]']) {
      assert.throws(() => decodeJson(text), JsonSyntaxError, text);
    }
    assert.throws(() => decodeJson('['.repeat(200_000) + ']'.repeat(200_000)), JsonSyntaxError);
  });

  it('nesting is read up to MAX_DECODE_DEPTH levels, however the stack is sized', () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    assert.ok(decodeJson(nested(MAX_DECODE_DEPTH)) instanceof LuaTable);
    assert.throws(() => decodeJson(nested(MAX_DECODE_DEPTH + 1)), { name: 'Error', message: `nesting deeper than ${MAX_DECODE_DEPTH} levels` });
    assert.throws(() => decodeJson('{"a":'.repeat(MAX_DECODE_DEPTH + 1) + '1' + '}'.repeat(MAX_DECODE_DEPTH + 1)), JsonSyntaxError);
    // Scalars inside the deepest allowed level are fine.
    assert.ok(decodeJson('['.repeat(MAX_DECODE_DEPTH) + '1' + ']'.repeat(MAX_DECODE_DEPTH)) instanceof LuaTable);
  });
});

describe('encodeString', () => {
  it('escapes every byte as JSON.stringify does, in short and long strings', () => {
    for (let c = 0; c < 256; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b${ch}`, ch.repeat(3) + 'x'.repeat(70), 'x'.repeat(63) + ch]) assert.equal(encodeString(s), JSON.stringify(s), `byte ${c}`);
    }
  });
});
