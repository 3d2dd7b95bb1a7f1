// Percent-decoding of path parameters and query strings into Lua byte strings.
import { LuaTable } from '../lua/table.js';
import { toLuaString } from './json.js';

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * Decodes %XX escapes (and '+' as a space in query strings) into bytes. A '%' not followed
 * by two hex digits stays as it is: decoding never fails.
 */
export function percentDecode(s: string, plusIsSpace: boolean): string {
  const bytes = toLuaString(s);
  if (bytes.indexOf('%') < 0 && (!plusIsSpace || bytes.indexOf('+') < 0)) return bytes;
  let out = '';
  let from = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 37 /* % */ && i + 2 < bytes.length) {
      const hi = hexValue(bytes.charCodeAt(i + 1));
      const lo = hexValue(bytes.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) continue;
      out += bytes.slice(from, i) + String.fromCharCode(hi * 16 + lo);
      i += 2;
      from = i + 1;
    } else if (c === 43 /* + */ && plusIsSpace) {
      out += bytes.slice(from, i) + ' ';
      from = i + 1;
    }
  }
  return out + bytes.slice(from);
}

/** `a=1&b=x%20y` -> { a = "1", b = "x y" }; a repeated key keeps its last value. */
export function parseQuery(raw: string): LuaTable {
  const t = new LuaTable();
  if (raw === '') return t;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = percentDecode(eq < 0 ? part : part.slice(0, eq), true);
    const value = eq < 0 ? '' : percentDecode(part.slice(eq + 1), true);
    t.set(key, value);
  }
  return t;
}
