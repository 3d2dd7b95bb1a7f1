// JSON written as bytes into reusable buffers, for the responses of compiled handlers that
// fill an array in a loop (runtime/http/direct.ts, compiler/codegen/direct-emit.ts): a 10 KB
// list as a string was a rope of a thousand pieces, flattened and copied into a new Buffer for
// every request. The bytes are exactly those of encodeNumber and encodeString (json.ts) sent as
// latin1, which test/http/json-bytes.test.ts checks on random values.
import { numberToString, writtenAsJsInteger } from '../lua/number.js';
import { encodeNumber, encodeString } from './json.js';

const INITIAL_SIZE = 16 * 1024;
/** A pooled buffer grown past this is not kept for the next request. */
const KEPT_SIZE = 1024 * 1024;
/** Views shorter than this are kept for reuse (a small response's length recurs). */
const KEPT_VIEWS = 512;
/** Strings at least this long are copied natively (after a scan for escapes). */
const LONG_STRING = 64;
const NEEDS_ESCAPE = /[\x00-\x1f"\\]/;
const POWERS = [1, 10, 100, 1000, 1e4, 1e5, 1e6];
/** 10^0 .. 10^15 (integers below 2^53 have at most 16 digits). */
const POWERS_OF_TEN: number[] = [];
for (let k = 0, p = 1; k <= 15; k++, p *= 10) POWERS_OF_TEN.push(p);
/** 2^51: below it n and n + 0.5 are exact, and a decimal of k places is the shortest form (see num). */
const EXACT_LIMIT = 2251799813685248;

/** Appends JSON to one growing byte buffer; `b[0..p)` is the text so far. */
export class JsonBytes {
  b: Buffer;
  p = 0;
  /** Views of `b` by length (see view). */
  private views: { readonly buffer: Buffer; readonly of: Buffer[] } | undefined = undefined;

  constructor(size = INITIAL_SIZE) {
    this.b = Buffer.allocUnsafe(size);
  }

  /** The buffer, with room for `n` more bytes at `p` (generated code then stores bytes itself). */
  room(n: number): Buffer {
    if (this.p + n > this.b.length) this.grow(n);
    return this.b;
  }

  private grow(n: number): void {
    const next = Buffer.allocUnsafe(Math.max(this.b.length * 2, this.p + n));
    this.b.copy(next, 0, 0, this.p);
    this.b = next;
  }

  /** The text written: valid until this writer is used again (the next request). */
  view(): Buffer {
    const p = this.p;
    if (p >= KEPT_VIEWS) return this.b.subarray(0, p);
    // a typed array costs ~50 ns to make: short views of this buffer are made once each
    if (this.views === undefined || this.views.buffer !== this.b) this.views = { buffer: this.b, of: [] };
    return (this.views.of[p] ??= this.b.subarray(0, p));
  }

  byte(c: number): void {
    this.room(1)[this.p++] = c;
  }

  /** A byte string written as it is (JSON text made elsewhere). */
  raw(s: string): void {
    const b = this.room(s.length);
    let p = this.p;
    if (s.length >= LONG_STRING) {
      p += b.write(s, p, 'latin1');
    } else {
      for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    }
    this.p = p;
  }

  /** What encodeString(s) gives. */
  str(s: string): void {
    this.byte(0x22);
    this.chars(s);
    this.byte(0x22);
  }

  /** encodeString(s) without its quotes: a piece of a JSON string. */
  chars(s: string): void {
    const n = s.length;
    if (n >= LONG_STRING) {
      if (NEEDS_ESCAPE.test(s)) this.raw(encodeString(s).slice(1, -1));
      else this.p += this.room(n).write(s, this.p, 'latin1');
      return;
    }
    const b = this.room(n);
    let p = this.p;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c) {
        this.raw(encodeString(s).slice(1, -1)); // this.p has not moved yet
        return;
      }
      b[p++] = c;
    }
    this.p = p;
  }

  /** What encodeString, encodeNumber or the literal gives for a scalar. */
  scalar(v: string | number | boolean): void {
    if (typeof v === 'string') this.str(v);
    else if (typeof v === 'number') this.num(v);
    else this.raw(v ? 'true' : 'false');
  }

  /** A number as Lua's `..` and tostring write it (numberToString), for a piece of a JSON string. */
  luaNum(v: number): void {
    if (writtenAsJsInteger(v)) this.int(v);
    else this.raw(numberToString(v));
  }

  /**
   * What encodeNumber(v) gives (JS's shortest round-trip form), without making a string for
   * integers and decimals of up to 6 places. If v is the double nearest to m / 10^k (m not a
   * multiple of 10, m < 2^51), that decimal is the shortest that reads back as v: v's
   * neighbours are less than 10^-k / 2 away, so no decimal of fewer places is as close, and
   * no other one of k places reads back as v.
   */
  num(v: number): void {
    if ((v | 0) === v) {
      this.int(v); // -0 too: written "0", as JS writes it
      return;
    }
    const a = v < 0 ? -v : v;
    if (a < EXACT_LIMIT) {
      if (Number.isInteger(a)) {
        this.int(v);
        return;
      }
      for (let k = 1; k <= 6; k++) {
        const scale = POWERS[k];
        const m = Math.round(a * scale);
        if (m >= EXACT_LIMIT) break;
        if (m / scale === a) {
          this.decimal(v < 0, m, k);
          return;
        }
      }
    }
    this.raw(encodeNumber(v));
  }

  /** An integer of magnitude below 2^53 (-0 written "0"). */
  private int(v: number): void {
    if (v < 0) {
      this.byte(0x2d);
      this.uint(-v);
      return;
    }
    if (v < 10) {
      this.room(1)[this.p++] = 0x30 + v;
      return;
    }
    this.uint(v);
  }

  /** A non-negative integer below 2^53 in decimal. */
  private uint(v: number): void {
    let digits = 1;
    while (digits < 16 && v >= POWERS_OF_TEN[digits]) digits++;
    const b = this.room(digits);
    let p = this.p + digits;
    this.p = p;
    // int32 division is cheaper than floating division and Math.floor
    while (v > 0x7fffffff) {
      const q = Math.floor(v / 10);
      b[--p] = 0x30 + (v - q * 10);
      v = q;
    }
    while (v >= 10) {
      const q = (v / 10) | 0;
      b[--p] = 0x30 + (v - q * 10);
      v = q;
    }
    b[--p] = 0x30 + v;
  }

  /** m / 10^k written out: the integer part, a point, k digits (leading zeros kept). */
  private decimal(negative: boolean, m: number, k: number): void {
    if (negative) this.byte(0x2d);
    const scale = POWERS[k];
    const whole = Math.floor(m / scale);
    this.uint(whole);
    let frac = m - whole * scale;
    const b = this.room(k + 1);
    b[this.p] = 0x2e;
    let p = this.p + 1 + k;
    this.p = p;
    for (let i = 0; i < k; i++) {
      const q = Math.floor(frac / 10);
      b[--p] = 0x30 + (frac - q * 10);
      frac = q;
    }
  }

  /** Another writer's text. */
  append(w: JsonBytes): void {
    const b = this.room(w.p);
    w.b.copy(b, this.p, 0, w.p);
    this.p += w.p;
  }
}

/** Writers reused from request to request: the server's call of a handler takes them in order. */
const pool: JsonBytes[] = [];
let taken = 0;
/** More writers than this in one call (a loop array declared inside a loop) are not pooled. */
const POOL_SIZE = 8;

/** A writer, empty. Only the server's own call of a handler takes them (see claim in direct.ts). */
export function jsonBytes(): JsonBytes {
  if (taken >= POOL_SIZE) return new JsonBytes(1024);
  let w = pool[taken];
  if (w === undefined || w.b.length > KEPT_SIZE) pool[taken] = w = new JsonBytes();
  taken++;
  w.p = 0;
  return w;
}

/**
 * A new handler call starts: the writers of the previous one are free again (its response
 * was written, or copied by the caller, before this call could start).
 */
export function releaseJsonBytes(): void {
  taken = 0;
}
