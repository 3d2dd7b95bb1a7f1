// The rule compiled field reads rely on (docs/VALUE_MODEL.md): a value found by property
// loads (own field, then the metatable's view) is what Lua's __index walk finds, and a miss
// on a chain without rt.CUT is nil. Checked against ops.index on random class hierarchies
// that change under the lookups: fields set and cleared (dead keys), __index replaced by
// tables, functions or nil, metatables swapped, cycles.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { index } from '../../runtime/lua/ops.js';
import { CUT, LuaTable } from '../../runtime/lua/table.js';
import type { LuaValue } from '../../runtime/lua/value.js';
import { intRng as rng } from '../support/rng.js';

/** What compiled code computes for `t.k`: a value, nil, or 'runtime' when it must ask. */
function fastRead(t: LuaTable, k: string): LuaValue | 'runtime' {
  const f = t.f;
  if (f === undefined) return 'runtime';
  const v = f[k];
  if (v !== undefined) return v;
  const m = t.metatable;
  if (m === undefined) return undefined;
  const w = m.view[k];
  if (w !== undefined) return w;
  return !(k in m.view) && m.view[CUT] === undefined ? undefined : 'runtime';
}

const KEYS = ['a', 'b', 'c', 'toString', 'constructor'];

/** Lua 5.1's gettable from raw reads only (no cached handler), as the manual writes it. */
function walk(t: LuaValue, k: string): LuaValue {
  for (let loop = 0; loop < 100; loop++) {
    if (!(t instanceof LuaTable)) throw new Error('not a table');
    const v = t.getStr(k);
    if (v !== undefined) return v;
    const h = t.metatable?.getStr('__index');
    if (h === undefined) return undefined;
    if (typeof h === 'function') return (h as (t: LuaValue, k: LuaValue) => LuaValue)(t, k);
    t = h;
  }
  throw new Error('loop in gettable');
}

describe('metatable views', () => {
  it('agree with the __index walk while the tables change', () => {
    let fast = 0;
    let byFunction = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const tables = Array.from({ length: 6 }, () => new LuaTable());
      const metas = Array.from({ length: 4 }, () => new LuaTable());
      const fn = (_t: LuaValue, k: LuaValue): LuaValue => `fn:${String(k)}`;
      for (let step = 0; step < 300; step++) {
        const t = tables[r(tables.length)]!;
        switch (r(6)) {
          case 0: t.setStr(KEYS[r(KEYS.length)]!, r(3) === 0 ? undefined : step); break;
          case 1: t.metatable = r(4) === 0 ? undefined : metas[r(metas.length)]; break;
          case 2: {
            const m = metas[r(metas.length)]!;
            const choice = r(4);
            m.setStr('__index', choice === 0 ? undefined : choice === 1 ? fn : tables[r(tables.length)]);
            break;
          }
          case 3: metas[r(metas.length)]!.metatable = r(2) === 0 ? undefined : metas[r(metas.length)]; break;
          default: {
            const k = KEYS[r(KEYS.length)]!;
            const got = fastRead(t, k);
            let want: LuaValue | string;
            try {
              want = walk(t, k);
              assert.equal(index(t, k), want, `seed ${seed} step ${step}: the runtime's ${k}`);
            } catch (e) {
              if (e instanceof assert.AssertionError) throw e;
              want = `error: ${(e as Error).message}`; // a cycle: the fast path must not answer
            }
            if (typeof want === 'string' && want.startsWith('fn:')) byFunction++;
            if (got === 'runtime') continue;
            fast++;
            assert.equal(got, want, `seed ${seed} step ${step}: ${k}`);
          }
        }
      }
    }
    assert.ok(fast > 5000, `only ${fast} reads took the fast path`);
    assert.ok(byFunction > 100, `only ${byFunction} reads reached an __index function`);
  });
});
