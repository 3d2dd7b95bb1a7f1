// Compiled patterns (pattern-compile.ts) against the interpreter (pattern.ts): the same
// match, start, end and captures, on random patterns and subjects, scanning and anchored.
// The interpreter is checked against luajit elsewhere (pattern.test.ts, the corpus).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LuaResult, LuaValue } from '../../runtime/lua/value.js';
import { MatchState, classEnd, itemSet, singleMatch } from '../../runtime/stdlib/pattern.js';
import { compilePattern } from '../../runtime/stdlib/pattern-compile.js';

/** A small deterministic generator (the failures must be reproducible). */
function random(seed: number): (n: number) => number {
  let x = seed >>> 0;
  return (n) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % n;
  };
}

const ATOMS = ['a', 'b', '.', '%a', '%d', '%s', '%w', '%A', '%p', '[ab]', '[^a]', '[a-c%d]', '%%', '%.',
  '(', ')', '()', '%b()', '%f[%a]', '%f[%A]', '%1', '%2', '$', '^', 'x', ' ', '-', '[]]', '[^]]', '%z', '\0'];
const QUANTIFIABLE = new Set(['a', 'b', '.', '%a', '%d', '%s', '%w', '%A', '%p', '[ab]', '[^a]', '[a-c%d]', '%%', '%.', 'x', ' ', '[]]', '[^]]', '%z']);
const QUANTS = ['', '', '', '*', '+', '-', '?'];
const ALPHABET = 'aabbc1 2()x.%-]\0';

type Outcome = string;

function describe(ms: MatchState, start: number, end: number): Outcome {
  const caps: LuaValue[] = ms.captures(start, end, true);
  return JSON.stringify([start, end, caps]);
}

/** The interpreter's search (string.find's loop). */
function interpreted(src: string, pat: string, st: number, anchored: boolean): Outcome {
  const ms = new MatchState();
  try {
    ms.reset(src, pat);
    const p0 = anchored ? 1 : 0;
    let sp = st;
    do {
      const e = ms.match(sp, p0);
      if (e !== -1) return describe(ms, sp, e);
    } while (sp++ < ms.srcEnd && !anchored);
    return 'no match';
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

function compiled(src: string, pat: string, st: number, anchored: boolean): Outcome | undefined {
  const m = compilePattern(pat, anchored ? 1 : 0, anchored);
  if (m === undefined) return undefined;
  const ms = new MatchState();
  try {
    ms.reset(src, pat);
    const e = m(src, st, ms);
    return e === -1 ? 'no match' : describe(ms, ms.start, e);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

test('compiled patterns match as the interpreter does', () => {
  const rnd = random(20261205);
  let compiledCount = 0;
  for (let t = 0; t < 4000; t++) {
    let pat = rnd(5) === 0 ? '^' : '';
    const items = 1 + rnd(6);
    for (let i = 0; i < items; i++) {
      const atom = ATOMS[rnd(ATOMS.length)];
      pat += atom;
      if (QUANTIFIABLE.has(atom)) pat += QUANTS[rnd(QUANTS.length)];
    }
    // find/match/gsub read a leading '^' as an anchor; gmatch reads it as a character
    for (const anchored of pat.startsWith('^') ? [true, false] : [false]) {
      for (let j = 0; j < 6; j++) {
        let src = '';
        const len = rnd(12);
        for (let k = 0; k < len; k++) src += ALPHABET[rnd(ALPHABET.length)];
        const st = rnd(src.length + 1);
        const got = compiled(src, pat, st, anchored);
        if (got === undefined) break; // left to the interpreter
        compiledCount++;
        assert.equal(got, interpreted(src, pat, st, anchored), `pattern ${JSON.stringify(pat)} on ${JSON.stringify(src)} from ${st}${anchored ? ' (anchored)' : ''}`);
      }
    }
  }
  assert.ok(compiledCount > 10000, `only ${compiledCount} compiled cases`);
});

test('patterns that could raise an error are left to the interpreter', () => {
  for (const pat of ['%', '[a', '(a', 'a)', '%b', '%ba', '%f', '%fa', '(a)%2', '%1', '%0', '[%', 'a%',
    '('.repeat(33) + 'a' + ')'.repeat(33), 'a*'.repeat(250)]) {
    assert.equal(compilePattern(pat, 0, false), undefined, JSON.stringify(pat));
  }
  assert.notEqual(compilePattern('(a)%1', 0, false), undefined);
  assert.notEqual(compilePattern('a*'.repeat(100), 0, false), undefined);
});

/** What string.match gives, from the interpreter: the captures, or the whole match. */
function interpretedMatch(src: string, pat: string, st: number): LuaResult {
  const ms = new MatchState();
  ms.reset(src, pat);
  for (let sp = st; sp <= src.length; sp++) {
    const e = ms.match(sp, 0);
    if (e !== -1) {
      const caps = ms.captures(sp, e, true);
      return caps.length === 1 ? caps[0] : caps;
    }
  }
  return undefined;
}

/** What string.gmatch's iterator gives, from the interpreter, call after call. */
function interpretedGmatch(src: string, pat: string): LuaResult[] {
  const out: LuaResult[] = [];
  const ms = new MatchState();
  ms.reset(src, pat);
  let pos = 0;
  while (pos <= src.length) {
    let found = false;
    for (let sp = pos; sp <= src.length; sp++) {
      const e = ms.match(sp, 0);
      if (e !== -1) {
        const caps = ms.captures(sp, e, true);
        out.push(caps.length === 1 ? caps[0] : caps);
        pos = e === sp ? e + 1 : e;
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  return out;
}

test("compiled patterns' match and gmatch give what the interpreter gives", () => {
  const rnd = random(20261206);
  let checked = 0;
  for (let t = 0; t < 3000; t++) {
    let pat = '';
    const items = 1 + rnd(5);
    for (let i = 0; i < items; i++) {
      const atom = ATOMS[rnd(ATOMS.length)];
      pat += atom;
      if (QUANTIFIABLE.has(atom)) pat += QUANTS[rnd(QUANTS.length)];
    }
    const m = compilePattern(pat, 0, false);
    if (m === undefined) continue;
    for (let j = 0; j < 4; j++) {
      let src = '';
      const len = rnd(14);
      for (let k = 0; k < len; k++) src += ALPHABET[rnd(ALPHABET.length)];
      const st = rnd(src.length + 1);
      const where = `pattern ${JSON.stringify(pat)} on ${JSON.stringify(src)}`;
      assert.deepEqual(m.match(src, st), interpretedMatch(src, pat, st), `${where} from ${st}`);
      const it = m.gmatch!(src);
      const got: LuaResult[] = [];
      for (let r = it(); !(Array.isArray(r) && r.length === 0); r = it()) got.push(r);
      assert.deepEqual(it(), [], `${where}: nothing after the end`);
      assert.deepEqual(got, interpretedGmatch(src, pat), `${where} (gmatch)`);
      checked++;
    }
  }
  assert.ok(checked > 3000, `only ${checked} cases`);
});

test('itemSet gives the bytes singleMatch matches', () => {
  const items = ['.', 'a', '\xff', '%a', '%A', '%d', '%l', '%u', '%s', '%w', '%x', '%p', '%c', '%g', '%z', '%Z', '%.', '%%',
    '[abc]', '[^abc]', '[a-z%d]', '[%a_]', '[]]', '[^]]', '[a-]'];
  for (const item of items) {
    const ms = new MatchState();
    ms.reset('', item);
    const ep = classEnd(ms, 0);
    const set = itemSet(ms, 0, ep);
    for (let b = 0; b < 256; b++) assert.equal(set[b] === 1, singleMatch(ms, b, 0, ep), `${JSON.stringify(item)} at ${b}`);
  }
});
