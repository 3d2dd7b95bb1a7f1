// Compiled patterns (pattern-compile.ts) against the interpreter (pattern.ts): the same
// match, start, end and captures, on random patterns and subjects, scanning and anchored.
// The interpreter is checked against luajit elsewhere (pattern.test.ts, the corpus).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LuaValue } from '../../runtime/lua/value.js';
import { MatchState } from '../../runtime/stdlib/pattern.js';
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
