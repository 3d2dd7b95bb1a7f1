// string.format's three ways to the same text: a format that is one conversion alone gives
// it as a string (format.ts's convert), one with other text writes it into the byte buffer
// (the writers), and one used often runs compiled (format-compile.ts). format.test.ts checks
// the first two against luajit; here all three must agree, errors included, on many specs and
// values (the writers' own fast paths are separate code from the string conversions).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LuaError } from '../../runtime/lua/errors.js';
import type { LuaValue } from '../../runtime/lua/value.js';
import { formatKinds, formatString, formatter } from '../../runtime/stdlib/format.js';

/** A small deterministic generator (the failures must be reproducible). */
function random(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

function outcome(fmt: string, args: LuaValue[]): string {
  try {
    return formatString(fmt, args);
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    return e.badArg !== undefined ? `error: bad argument #${e.badArg.arg} (${e.badArg.detail})` : `error: ${String(e.value)}`;
  }
}

const SPECS = [
  '%d', '%5d', '%-6d', '%05d', '%+d', '% d', '%.3d', '%i', '%u', '%x', '%X', '%#x', '%08x', '%-8X', '%o', '%#o', '%c',
  '%f', '%.0f', '%#.0f', '%.2f', '%08.3f', '%-10.3f', '%+.1f', '% .4f', '%.9f', '%.12f', '%F', '%12F',
  '%e', '%.0e', '%#.0e', '%.3e', '%15.4e', '%-15.4e', '%+e', '%015e', '%.14e', '%.15e', '%E',
  '%g', '%.0g', '%.1g', '%.3g', '%#g', '%#.3g', '%#.1g', '%.14g', '%.15g', '%.16g', '%10g', '%-10g', '%+g', '%010g', '%G', '%#G',
  '%a', '%s', '%10s', '%-10s', '%.2s', '%q',
];

const FIXED: LuaValue[] = [
  0, -0, 1, -1, 7, 42, -42, 255, 65, 1.5, -1.5, 0.5, -0.5, 2.5, 0.125, 0.375, 1e-5, 0.0001234, 123456789, 999999.5,
  9.9999995, 99999.95, 0.95, 0.05, 1.005, 2.675, 1e14, 1e15, 1e16, 1e21, 1e22, 1e100, 5e-324, 2 ** 31, -(2 ** 31),
  2 ** 32, 2 ** 53, -(2 ** 53), 2 ** 53 - 1, 2 ** 63, 2 ** 64, 4294967295, 1 / 3, 2 / 3, NaN, Infinity, -Infinity,
  0.001, 0.00099999999999999, 1e-15, 1.5e-10, 9.9999995e-5, 0.000123456789, -0.0625, 0.00015, 1e-16,
  'text', '12', ' 0x10 ', 'x\0y\xff', '', true, undefined,
];

function values(): LuaValue[] {
  const rnd = random(20261206);
  const out = [...FIXED];
  for (let i = 0; i < 400; i++) {
    const kind = rnd();
    if (kind < 0.25) out.push(Math.floor((rnd() - 0.5) * 2 ** Math.floor(rnd() * 60)));
    else if (kind < 0.5) out.push((rnd() - 0.5) * 10 ** Math.floor(rnd() * 30 - 8));
    else if (kind < 0.75) out.push(Math.round((rnd() - 0.5) * 2e6) / 10 ** Math.floor(rnd() * 7));
    else out.push((rnd() < 0.5 ? -1 : 1) * (Math.floor(rnd() * 100000) + 0.5) / 10 ** Math.floor(rnd() * 5));
  }
  return out;
}

test('a conversion gives the same text alone, inside other text and in a compiled format', () => {
  const vals = values();
  for (const spec of SPECS) {
    const written = `<${spec}>`;
    const compiled = `(${spec}|${spec})`;
    for (let k = 0; k < 6; k++) formatString(compiled, [1, 1]); // past the uses before compiling
    for (const v of vals) {
      const alone = outcome(spec, [v]);
      const inText = outcome(written, [v]);
      const inCompiled = outcome(compiled, [v, v]);
      if (alone.startsWith('error: ')) {
        assert.equal(inText, alone, `${written} of ${String(v)}`);
        assert.equal(inCompiled, alone, `${compiled} of ${String(v)}`);
      } else {
        assert.equal(inText, `<${alone}>`, `${written} of ${String(v)}`);
        assert.equal(inCompiled, `(${alone}|${alone})`, `${compiled} of ${String(v)}`);
      }
    }
  }
});

test("compiled code's functions of constant formats give the library's text for the values they take", () => {
  const vals = values();
  let checked = 0;
  for (const spec of SPECS) {
    const kinds = formatKinds(spec);
    if (kinds === undefined) {
      assert.ok(['%c', '%q'].includes(spec), `${spec} has a compiled form`);
      continue;
    }
    const takes = (v: LuaValue) => typeof v === 'number' || (kinds[0] === 'string or number' && typeof v === 'string');
    for (const fmt of [spec, `<${spec}>`, `(${spec}|${spec})`]) {
      const f = formatter(fmt);
      for (const v of vals) {
        if (!takes(v)) continue;
        const args = fmt.startsWith('(') ? [v, v] : [v];
        assert.equal(f(...args), outcome(fmt, args), `${fmt} of ${String(v)}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 10000, `only ${checked} checked`);
  assert.equal(formatter('no conversions')(), 'no conversions');
  assert.equal(formatter('100%% %s')('sure'), '100% sure');
  assert.deepEqual(formatKinds('%d %s %5.2f'), ['number', 'string or number', 'number']);
  assert.equal(formatKinds('%d %c'), undefined);
  assert.equal(formatKinds('%d %y'), undefined);
});

test('compiled formats raise what the loop raises, in the same order', () => {
  const fmt = '%d:%s:%5.1f';
  for (let k = 0; k < 6; k++) formatString(fmt, [1, 'a', 2]);
  assert.equal(outcome(fmt, [1, 'a']), 'error: bad argument #4 (value expected)');
  assert.equal(outcome(fmt, ['x', 'a']), 'error: bad argument #2 (number expected, got string)');
  assert.equal(outcome(fmt, [1, 'a', 'y']), 'error: bad argument #4 (number expected, got string)');
  assert.equal(outcome(fmt, [1, undefined, 2]), '1:nil:  2.0');
});

test('a format inside a __tostring called by %s keeps the outer text', async () => {
  const { LuaTable } = await import('../../runtime/lua/table.js');
  const t = new LuaTable();
  const mt = new LuaTable();
  mt.set('__tostring', (() => formatString('[%d|%5.2f]', [7, 1.25])) as unknown as LuaValue);
  t.metatable = mt;
  const fmt = 'a%db%sc%5.1fd';
  for (let k = 0; k < 6; k++) {
    assert.equal(formatString(fmt, [1, t, 2.25]), 'a1b[7| 1.25]c  2.3d'); // luajit rounds ties up
  }
  // a __tostring that raises leaves the buffer as it was for the next format
  const bad = new LuaTable();
  const badMt = new LuaTable();
  badMt.set('__tostring', (() => { throw new Error('boom'); }) as unknown as LuaValue);
  bad.metatable = badMt;
  assert.throws(() => formatString(fmt, [1, bad, 2]), /boom/);
  assert.equal(formatString(fmt, [3, 'x', 4.75]), 'a3bxc  4.8d');
});

test('compiled formats without floats (joined as strings) raise what the loop raises, in order', async () => {
  const fmt = '%d:%s:%5d:%05d';
  for (let k = 0; k < 6; k++) formatString(fmt, [1, 'a', 2, 3]);
  assert.equal(outcome(fmt, [1, 'a', 2]), 'error: bad argument #5 (value expected)');
  assert.equal(outcome(fmt, ['x', 'a', 2, 3]), 'error: bad argument #2 (number expected, got string)');
  assert.equal(outcome(fmt, [1, 'a', 'y', 3]), 'error: bad argument #4 (number expected, got string)');
  assert.equal(outcome(fmt, [-0, undefined, -7, -7]), '0:nil:   -7:-0007');
  assert.equal(outcome(fmt, ['12', 5, 2 ** 31, 1.5]), '12:5:2147483648:00001');
  const { LuaTable } = await import('../../runtime/lua/table.js');
  const order: string[] = [];
  const t = (name: string) => {
    const v = new LuaTable();
    const mt = new LuaTable();
    mt.set('__tostring', (() => { order.push(name); return name; }) as unknown as LuaValue);
    v.metatable = mt;
    return v;
  };
  const two = '%s-%s';
  for (let k = 0; k < 6; k++) formatString(two, ['a', 'b']);
  assert.equal(formatString(two, [t('x'), t('y')]), 'x-y');
  assert.deepEqual(order, ['x', 'y']);
});
