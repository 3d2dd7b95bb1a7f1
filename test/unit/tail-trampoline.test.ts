// The trampoline's handshake with the functions it calls (runtime/compiled/tail.ts): only a
// function marked tailable is told, at the depth of the call, and nothing is left told after
// the chain ends, however it ends.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { current } from '../../runtime/lua/callstack.js';
import { TAIL_DEPTH, tailable, tailCall } from '../../runtime/compiled/tail.js';
import type { LuaFunction, LuaResult, LuaValue } from '../../runtime/lua/value.js';

/** A compiled function's entry, as the emitter writes it: reads and clears the marker. */
function calledByTrampoline(): boolean {
  const told = current.bodyAt === current.depth;
  if (told) current.bodyAt = -1;
  return told;
}

it('a tailable function is told it runs under the trampoline; its chain runs in a loop', () => {
  const seen: boolean[] = [];
  let step: LuaFunction;
  step = tailable(((n: LuaValue): LuaResult => {
    const told = calledByTrampoline();
    seen.push(told);
    if (n === 0) return 'done';
    // a tail call past TAIL_DEPTH: back to the trampoline when told, else a trampoline here
    return tailCall(current, told, step, [(n as number) - 1]);
  }) as LuaFunction);
  assert.equal(tailCall(current, false, step, [3]), 'done');
  assert.deepEqual(seen, [true, true, true, true]);
  assert.equal(current.bodyAt, -1);
  assert.ok(TAIL_DEPTH > 0);
});

it('a function that is not tailable is never told, so a callback it calls is not either', () => {
  let inner: boolean | undefined;
  const callback = tailable((() => { inner = calledByTrampoline(); return 1; }) as LuaFunction);
  // a library function called by the trampoline that calls back a tailable function at its own depth
  const library = ((): LuaResult => { assert.equal(current.bodyAt, -1); return callback(); }) as LuaFunction;
  assert.equal(tailCall(current, false, library, []), 1);
  assert.equal(inner, false);
});

it('a call that fails before reading the marker leaves nothing told', () => {
  const failing = tailable((() => { throw new Error('before its first statement'); }) as LuaFunction);
  assert.throws(() => tailCall(current, false, failing, []), /before its first statement/);
  assert.equal(current.bodyAt, -1);
});
