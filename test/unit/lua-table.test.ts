// LuaTable against a plain Map model: random set/get/next/length sequences on the array
// and hash parts, including keys that move between the parts and sweeps of dead slots.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LuaTable, MAP_MODE_KEYS } from '../../runtime/lua/table.js';
import type { LuaValue } from '../../runtime/lua/value.js';
import { intRng as rng } from '../support/rng.js';

/** Every key a traversal from nil visits, in order. */
function traverse(t: LuaTable): LuaValue[] {
  const keys: LuaValue[] = [];
  for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) keys.push(e[0]);
  return keys;
}

function isBorder(t: LuaTable, n: number): boolean {
  return (n === 0 || t.get(n) !== undefined) && t.get(n + 1) === undefined;
}

describe('LuaTable', () => {
  it('agrees with a Map model on random integer and string keys', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const t = new LuaTable();
      const model = new Map<LuaValue, LuaValue>();
      const range = 4 + r(40);
      for (let step = 0; step < 400; step++) {
        const k: LuaValue = r(4) === 0 ? `k${r(range)}` : 1 + r(range);
        const v: LuaValue = r(3) === 0 ? undefined : step;
        t.set(k, v);
        if (v === undefined) model.delete(k);
        else model.set(k, v);
        const probe: LuaValue = r(2) === 0 ? `k${r(range)}` : 1 + r(range + 2);
        assert.equal(t.get(probe), model.get(probe), `seed ${seed} step ${step} key ${String(probe)}`);
        if (step % 50 === 0) {
          const keys = traverse(t);
          assert.equal(keys.length, model.size, `seed ${seed}: traversal visits every key once`);
          assert.deepEqual(new Set(keys), new Set(model.keys()));
          assert.ok(isBorder(t, t.length()), `seed ${seed}: #t is a border`);
        }
      }
    }
  });

  it('backtracking fills and clears (the n-queens pattern) keep every key', () => {
    const t = new LuaTable();
    const model = new Map<number, boolean>();
    const r = rng(7);
    for (let i = 0; i < 20000; i++) {
      const k = 1 + r(15);
      if (model.has(k)) {
        t.set(k, undefined);
        model.delete(k);
      } else {
        t.set(k, true);
        model.set(k, true);
      }
      for (let q = 1; q <= 16; q++) assert.equal(t.get(q), model.get(q));
    }
  });

  it('small tables (scanned) and large ones (indexed) keep insertion order through clears and re-adds', () => {
    for (let n = 1; n <= 20; n++) {
      const r = rng(n);
      const t = new LuaTable();
      const order: string[] = [];
      for (let step = 0; step < 200; step++) {
        const k = `f${r(n)}`;
        if (r(3) === 0) {
          t.set(k, undefined);
          const i = order.indexOf(k);
          if (i >= 0) order.splice(i, 1);
        } else if (t.get(k) === undefined) {
          // a re-added key goes back where it was if its dead slot is still there: compare as sets then
          t.set(k, step);
          order.push(k);
        } else {
          t.set(k, step);
        }
        assert.deepEqual(new Set(traverse(t)), new Set(order), `n ${n} step ${step}`);
        assert.equal(t.hashCount(), order.length, `n ${n} step ${step}: live keys`);
      }
      // a traversal that clears every field visits each once
      const seen: LuaValue[] = [];
      for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
        seen.push(e[0]);
        t.set(e[0], undefined);
      }
      assert.equal(seen.length, order.length);
      assert.equal(t.next(undefined), undefined);
    }
  });

  it('integer keys that move into the array part stay out of the hash part', () => {
    const t = new LuaTable();
    t.set(3, 'c');
    t.set(2, 'b');
    t.set('x', 'x');
    t.set(1, 'a'); // 1 is appended; 2 and 3 migrate
    assert.deepEqual(traverse(t), [1, 2, 3, 'x']);
    t.set(3, undefined);
    t.set(2, undefined);
    t.set(3, 'C'); // past the shrunk array part: a hash key again
    assert.deepEqual(traverse(t), [1, 'x', 3]);
    assert.equal(t.get(3), 'C');
    assert.equal(t.get(2), undefined);
  });

  it('lets a traversal clear fields, including the array part', () => {
    const t = new LuaTable([1, 2, 3, 4, 5, 6]);
    for (const k of ['a', 'b', 'c', 'd']) t.set(k, k);
    const seen: LuaValue[] = [];
    for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
      seen.push(e[0]);
      t.set(e[0], undefined);
    }
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 'a', 'b', 'c', 'd']);
    assert.equal(t.next(undefined), undefined);
  });

  it('treats __proto__ and constructor as ordinary keys', () => {
    const t = new LuaTable();
    assert.equal(t.get('__proto__'), undefined);
    assert.equal(t.get('constructor'), undefined);
    t.set('__proto__', 1);
    t.set('constructor', 2);
    assert.equal(t.get('__proto__'), 1);
    assert.equal(t.get('constructor'), 2);
    assert.deepEqual(traverse(t), ['__proto__', 'constructor']);
  });

  it('keeps 1 and "1" apart and merges -0 with 0', () => {
    const t = new LuaTable();
    t.set(1, 'n');
    t.set('1', 's');
    t.set(-0, 'z');
    assert.equal(t.get(1), 'n');
    assert.equal(t.get('1'), 's');
    assert.equal(t.get(0), 'z');
    assert.ok(Object.is(traverse(t)[2], 0));
  });

  it('keeps traversal order, values and next across map mode (entered and left)', () => {
    const meta = new LuaTable();
    for (let seed = 1; seed <= 6; seed++) {
      const r = rng(seed);
      const t = new LuaTable();
      const ref = new LuaTable();
      ref.pinFields(); // never in map mode: the order of plain fields
      const range = MAP_MODE_KEYS + 600;
      let entered = 0, left = 0;
      for (let step = 0; step < 12 * MAP_MODE_KEYS; step++) {
        const c = r(range);
        const k: LuaValue = c % 50 === 0 ? c : c % 37 === 0 ? String(c) : c % 41 === 0 ? '__proto__' : `k${c}`;
        const v: LuaValue = r(4) === 0 ? undefined : step;
        const wasMap = t.f === undefined;
        if (r(3000) === 0) t.metatable = t.metatable === undefined ? meta : undefined;
        else t.set(k, v), ref.set(k, v);
        if (!wasMap && t.f === undefined) entered++;
        if (wasMap && t.f !== undefined) left++;
        if (step % 997 === 0) {
          assert.deepEqual(traverse(t), traverse(ref), `seed ${seed} step ${step}`);
          for (let i = 0; i < 50; i++) {
            const q = `k${r(range)}`;
            assert.equal(t.get(q), ref.get(q));
            // next from a key (dead or live) of the reference continues in both alike
            if (ref.hashValue(q) !== undefined || traverse(ref).includes(q)) assert.deepEqual(t.next(q), ref.next(q));
          }
        }
      }
      assert.ok(entered > 0 && left > 0, `seed ${seed}: map mode entered ${entered}, left ${left}`);
      assert.deepEqual(traverse(t), traverse(ref));
    }
  });

  it('rejects nil and NaN keys', () => {
    assert.throws(() => new LuaTable().set(undefined, 1), (e: { value: unknown }) => e.value === 'table index is nil');
    assert.throws(() => new LuaTable().set(NaN, 1), (e: { value: unknown }) => e.value === 'table index is NaN');
  });
});
