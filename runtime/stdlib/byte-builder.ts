// A string built byte by byte in a growable buffer: for results made of many pieces of a
// long subject (gsub), which as JS concatenations would allocate a slice and a cons cell
// per piece, all kept alive (and copied by the collector) until the result is complete;
// and for string.format, whose numbers are written here as digits instead of as strings.

/** Buffer's own latin1 decoder and encoder (toString('latin1') and write(s, 'latin1') without their argument checks). */
interface Latin1 {
  latin1Slice(start: number, end: number): string;
  latin1Write(s: string, offset: number, length: number): number;
}

/** Ranges longer than this are copied by Buffer's encoder (a native call costs more than a short loop). */
const NATIVE_COPY_FROM = 64;
/** A buffer grown past this is let go when the outermost result is taken from it. */
const KEEP_AT_MOST = 1 << 20;

/** 10^k for k = 0..21, to count an integer's digits. */
const POWERS: number[] = [];
for (let k = 0, p = 1; k <= 21; k++, p *= 10) POWERS.push(p);

/** The number of decimal digits of a non-negative integer below 10^22. */
export function digitCount(v: number): number {
  let n = 1;
  while (n < 22 && v >= POWERS[n]) n++;
  return n;
}

/** The number of digits of a non-negative integer below 2^53 in base 8 or 16. */
export function radixDigitCount(v: number, radix: number): number {
  let n = 1;
  for (let p = radix; n < 64 && v >= p; p *= radix) n++;
  return n;
}

export class ByteBuilder {
  buf: Buffer;
  /** The bytes written so far: buf[0..len). */
  len = 0;

  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(Math.max(capacity, 64));
  }

  /** Room for n more bytes; the (maybe new) buffer. */
  reserve(n: number): Buffer {
    const need = this.len + n;
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
      this.buf.copy(grown, 0, 0, this.len);
      this.buf = grown;
    }
    return this.buf;
  }

  /** Appends the bytes s[from..to) (a Lua string: one char code 0-255 per byte). */
  appendRange(s: string, from: number, to: number): void {
    if (to <= from) return;
    const buf = this.reserve(to - from);
    if (to - from > NATIVE_COPY_FROM) {
      this.len += (buf as unknown as Latin1).latin1Write(from === 0 && to === s.length ? s : s.slice(from, to), this.len, to - from);
      return;
    }
    let o = this.len;
    for (let i = from; i < to; i++) buf[o++] = s.charCodeAt(i);
    this.len = o;
  }

  append(s: string): void {
    this.appendRange(s, 0, s.length);
  }

  /** Appends byte c. */
  byte(c: number): void {
    const buf = this.reserve(1);
    buf[this.len++] = c;
  }

  /** Appends byte c, n times (n may be 0 or negative: nothing). */
  fill(c: number, n: number): void {
    if (n <= 0) return;
    const buf = this.reserve(n);
    let o = this.len;
    for (let i = 0; i < n; i++) buf[o++] = c;
    this.len = o;
  }

  /** Appends the `count` decimal digits of v (a non-negative integer below 2^53), zeros first. */
  digits(v: number, count: number): void {
    const buf = this.reserve(count);
    const end = this.len + count;
    let o = end;
    while (v >= 4294967296) {
      const d = v % 10;
      buf[--o] = 48 + d;
      v = (v - d) / 10;
    }
    let u = v >>> 0;
    while (o > this.len) {
      buf[--o] = 48 + (u % 10);
      u = (u / 10) >>> 0;
    }
    this.len = end;
  }

  /** Appends the `count` digits of v (a non-negative integer below 2^53) in base 8 or 16. */
  radixDigits(v: number, radix: number, count: number, upper: boolean): void {
    const buf = this.reserve(count);
    const end = this.len + count;
    const letters = upper ? 55 : 87; // 'A' - 10, 'a' - 10
    let o = end;
    while (o > this.len) {
      const q = Math.floor(v / radix);
      const d = v - q * radix;
      buf[--o] = d < 10 ? 48 + d : letters + d;
      v = q;
    }
    this.len = end;
  }

  /** The bytes from `start` on, as a Lua string. */
  slice(start: number): string {
    return (this.buf as unknown as Latin1).latin1Slice(start, this.len);
  }

  /** Drops the bytes from `start` on; with none left, a buffer grown large is let go. */
  truncate(start: number): void {
    this.len = start;
    if (start === 0 && this.buf.length > KEEP_AT_MOST) this.buf = Buffer.allocUnsafe(4096);
  }

  toString(): string {
    return this.slice(0);
  }
}
