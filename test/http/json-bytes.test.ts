// The byte writer of compiled loop responses (runtime/http/json-bytes.ts) writes exactly what
// the string encoders write (encodeNumber, encodeString, sent as latin1): checked on seeded
// random numbers of every kind and byte strings with every byte.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonBytes, jsonBytes, releaseJsonBytes } from '../../runtime/http/json-bytes.js';
import { encodeNumber, encodeString } from '../../runtime/http/json.js';
import { numberToString } from '../../runtime/lua/number.js';
import { rng } from '../support/rng.js';

const SEED = 20261206;

/** Numbers at the edges: zeros, int32 and 2^51/2^53 bounds, non-finite, tiny and huge, decimals. */
const EDGES = [0, -0, 1, -1, 9, 10, -10, 2147483647, -2147483648, 2147483648, -2147483649, 2 ** 51 - 1, 2 ** 51, 2 ** 51 + 0.5 - 0.5,
  2 ** 52 + 1, 2 ** 53, 2 ** 53 + 2, 1e21, 1e-7, 1e-6, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, NaN, Infinity, -Infinity,
  0.1, 0.2, 0.1 + 0.2, 1.5, -1.5, 0.000001, 0.0000015, 123456.789, 999999.9999995, 2 ** 51 / 10 + 0.1, 4503599627370495.5,
  1 / 3, 2 / 3, 100.125, 1e15 + 0.25, 1e14 + 0.3, 0.5e-6, 1234567890123.456];

function written(f: (w: JsonBytes) => void, size?: number): string {
  const w = new JsonBytes(size);
  f(w);
  return w.view().toString('latin1');
}

function randomNumbers(count: number): number[] {
  const r = rng(SEED);
  const out: number[] = [...EDGES];
  const bits = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < count; i++) {
    const sign = r() < 0.5 ? -1 : 1;
    switch (i % 6) {
      case 0: { // any double: random bits
        bits.setUint32(0, Math.floor(r() * 2 ** 32));
        bits.setUint32(4, Math.floor(r() * 2 ** 32));
        out.push(bits.getFloat64(0));
        break;
      }
      case 1: out.push(sign * Math.floor(r() * 2 ** (r() * 60))); break; // integers of any size
      case 2: { // decimals m / 10^k, also past the fast path's limits
        const k = 1 + Math.floor(r() * 8);
        out.push(sign * Math.floor(r() * 10 ** (2 + r() * 16)) / 10 ** k);
        break;
      }
      case 3: out.push(sign * r() * 10 ** (r() * 40 - 20)); break;
      case 4: out.push(sign * (Math.floor(r() * 1e6) + [0.5, 0.25, 0.125, 0.1, 0.01, 0.3][Math.floor(r() * 6)])); break;
      default: out.push(sign * Math.floor(r() * 1e4) * 1.5); break;
    }
  }
  return out;
}

function randomStrings(count: number): string[] {
  const r = rng(SEED + 1);
  const out = ['', '"', '\\', '\x00', '\x1f', '\x7f', '\xff', '\xc3\xa9', 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(63) + '"', 'b'.repeat(64) + '\n',
    '\ud800', 'é€'];
  for (let i = 0; i < count; i++) {
    const n = Math.floor(r() * (i % 3 === 0 ? 200 : 20));
    let s = '';
    for (let k = 0; k < n; k++) {
      // mostly plain ASCII, some control bytes and quotes, some bytes >= 0x80 (not always UTF-8)
      const x = r();
      s += String.fromCharCode(x < 0.8 ? 0x20 + Math.floor(r() * 0x5f) : x < 0.9 ? Math.floor(r() * 0x20) : 0x80 + Math.floor(r() * 0x80));
    }
    out.push(s);
  }
  return out;
}

describe('JsonBytes writes what the string encoders write', () => {
  it('numbers (seeded random doubles, integers, decimals, -0, NaN, ±inf)', () => {
    for (const v of randomNumbers(30000)) {
      assert.equal(written((w) => w.num(v)), encodeNumber(v), `num(${v})`);
    }
  });

  it('byte strings (escapes, control bytes, bytes that are not UTF-8, short and long)', () => {
    for (const s of randomStrings(3000)) {
      // a string with a char above 0xff never comes from Lua; latin1 keeps its low byte either way
      const expected = Buffer.from(encodeString(s), 'latin1').toString('latin1');
      assert.equal(written((w) => w.str(s)), expected, `str(${JSON.stringify(s)})`);
    }
  });

  it('pieces of a string: escaped bytes without quotes, numbers as Lua\'s `..` writes them', () => {
    for (const s of randomStrings(1000)) {
      const expected = Buffer.from(encodeString(s).slice(1, -1), 'latin1').toString('latin1');
      assert.equal(written((w) => w.chars(s)), expected, `chars(${JSON.stringify(s)})`);
    }
    for (const v of [...randomNumbers(20000), 1e14, -1e14, 1e14 - 1, -(1e14 - 1), 99999999999999.5]) {
      assert.equal(written((w) => w.luaNum(v)), numberToString(v), `luaNum(${v})`);
    }
  });

  it('raw text, another writer, and growth from a tiny buffer', () => {
    const parts = randomStrings(200);
    const text0 = parts.map((s, i) => encodeString(s) + ',' + encodeNumber(i / 7) + (i % 2 === 0 ? 'true' : 'false')).join('') + '[]';
    const expected = Buffer.from(text0, 'latin1').toString('latin1');
    const text = written((w) => {
      parts.forEach((s, i) => {
        w.str(s);
        w.byte(0x2c);
        w.num(i / 7);
        w.raw(i % 2 === 0 ? 'true' : 'false');
      });
      const other = new JsonBytes(1);
      other.raw('[]');
      w.append(other);
    }, 1);
    assert.ok(text === expected, `differs from byte ${[...text].findIndex((c, i) => c !== expected[i])}`);
  });

  it('pooled writers start empty each call and are distinct within one', () => {
    releaseJsonBytes();
    const a = jsonBytes();
    a.raw('abc');
    const b = jsonBytes();
    assert.notEqual(a, b);
    assert.equal(b.p, 0);
    releaseJsonBytes();
    const again = jsonBytes();
    assert.equal(again, a);
    assert.equal(again.view().length, 0);
  });
});
