// Percent-decoding of path parameters and query strings into Lua byte strings.
import { isUtf8 } from 'node:buffer';
import { LuaTable } from '../lua/table.js';
import { toLuaString } from './json.js';

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Why a percent-encoded string was refused (the caller names the parameter: a 400). */
export class PercentDecodeError extends Error {}

/**
 * Decodes %XX escapes (and '+' as a space in query strings) into bytes. Refused, with a
 * PercentDecodeError: a '%' not followed by two hex digits, escapes that decode to bytes
 * which are not UTF-8 (`%E0%A4`), and `%00` (a NUL byte ends a string in C: a file name or a
 * command built from it would not be what the Lua code sees).
 */
export function percentDecode(s: string, plusIsSpace: boolean): string {
  const bytes = toLuaString(s);
  if (bytes.indexOf('%') < 0 && (!plusIsSpace || bytes.indexOf('+') < 0)) return bytes;
  let out = '';
  let from = 0;
  let high = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 37 /* % */) {
      const hi = i + 2 < bytes.length ? hexValue(bytes.charCodeAt(i + 1)) : -1;
      const lo = i + 2 < bytes.length ? hexValue(bytes.charCodeAt(i + 2)) : -1;
      if (hi < 0 || lo < 0) throw new PercentDecodeError('malformed percent-encoding');
      const byte = hi * 16 + lo;
      if (byte === 0) throw new PercentDecodeError('contains a NUL byte (%00)');
      if (byte >= 0x80) high = true;
      out += bytes.slice(from, i) + String.fromCharCode(byte);
      i += 2;
      from = i + 1;
    } else if (c === 43 /* + */ && plusIsSpace) {
      out += bytes.slice(from, i) + ' ';
      from = i + 1;
    }
  }
  out += bytes.slice(from);
  if (high && !isUtf8(Buffer.from(out, 'latin1'))) throw new PercentDecodeError('not valid UTF-8');
  return out;
}

/**
 * `a=1&b=x%20y` -> { a = "1", b = "x y" }; a repeated key keeps its last value. A bad
 * escape anywhere throws PercentDecodeError. With `wanted` (the keys the handler is proven
 * to read), other keys are left out; a pair with an escape is still decoded, so that a bad
 * one is refused exactly as without `wanted`.
 */
export function parseQuery(raw: string, wanted?: readonly string[]): LuaTable {
  const t = new LuaTable();
  parseQueryPairs(raw, wanted, (key, value) => t.set(key, value));
  return t;
}

/** The pairs parseQuery stores, in order, given to `add` (a repeated key comes again). */
export function parseQueryPairs(raw: string, wanted: readonly string[] | undefined, add: (key: string, value: string) => void): void {
  if (raw === '') return;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    if (wanted !== undefined && !ESCAPED.test(part) && !wanted.includes(toLuaString(rawKey))) continue;
    const key = percentDecode(rawKey, true);
    const value = eq < 0 ? '' : percentDecode(part.slice(eq + 1), true);
    if (wanted === undefined || wanted.includes(key)) add(key, value);
  }
}

/** What percentDecode changes in a query string. */
const ESCAPED = /[%+]/;
