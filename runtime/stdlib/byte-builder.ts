// A string built byte by byte in a growable buffer: for results made of many pieces of a
// long subject (gsub), which as JS concatenations would allocate a slice and a cons cell
// per piece, all kept alive (and copied by the collector) until the result is complete.

export class ByteBuilder {
  private buf: Uint8Array;
  private len = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 64));
  }

  private reserve(n: number): Uint8Array {
    const need = this.len + n;
    if (need > this.buf.length) {
      const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    return this.buf;
  }

  /** Appends the bytes s[from..to) (a Lua string: one char code 0-255 per byte). */
  appendRange(s: string, from: number, to: number): void {
    if (to <= from) return;
    const buf = this.reserve(to - from);
    let o = this.len;
    for (let i = from; i < to; i++) buf[o++] = s.charCodeAt(i);
    this.len = o;
  }

  append(s: string): void {
    this.appendRange(s, 0, s.length);
  }

  toString(): string {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.len).toString('latin1');
  }
}
