// The Lua string library (luajit 2.1 semantics) and the metatable shared by all strings.
import { C_CALL, current } from '../lua/callstack.js';
import { LuaError, argError, libError } from '../lua/errors.js';
import { NONE } from '../lua/multi.js';
import { numberToString } from '../lua/number.js';
import { index, setStringMetatable } from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import { typeName, type LuaFunction, type LuaResult, type LuaValue } from '../lua/value.js';
import { builtin, checkNumber, checkString, makeLib, typeError } from './args.js';
import { formatString, toInt32 } from './format.js';
import { MatchState, hasPatternSpecials, isLiteralPattern } from './pattern.js';
import { compiledMatcher, type Matcher } from './pattern-compile.js';
import { flatten } from '../lua/flat-string.js';
import { ByteBuilder } from './byte-builder.js';

/** lj_lib_checkint: a number converted as C's (int32_t) cast. */
function checkInt32(v: LuaValue, arg: number, nargs?: number): number {
  if (typeof v === 'number') return toInt32(v);
  return toInt32(checkNumber(v, arg, nargs));
}

function optInt32(v: LuaValue, arg: number, def: number): number {
  return v === undefined ? def : checkInt32(v, arg);
}

/** luajit's LUAI_MAXCSTACK: string.byte returns at most this many values. */
const MAX_RESULTS = 8000;
/** The longest string V8 can build; luajit would go on to about 2 GB. */
const MAX_STRING = (1 << 29) - 24;

// One reusable match state: matching never calls back into Lua while it runs. gsub calls
// Lua only between matches, after reading the captures, and resets the state afterwards.
const ms = new MatchState();

function byte(this: void, s: LuaValue, i?: LuaValue, j?: LuaValue): LuaResult {
  const str = checkString(s, 1, arguments.length);
  const len = str.length;
  let start = optInt32(i, 2, 1);
  let stop = optInt32(j, 3, start);
  if (stop < 0) stop += len + 1;
  if (start < 0) start += len + 1;
  if (start <= 0) start = 1;
  if (stop > len) stop = len;
  if (start > stop) return NONE;
  const n = stop - start + 1;
  if (n === 1) return str.charCodeAt(start - 1);
  if (n > MAX_RESULTS) throw libError('string slice too long');
  const out = new Array<LuaValue>(n);
  for (let k = 0; k < n; k++) out[k] = str.charCodeAt(start - 1 + k);
  return out;
}

function char(this: void, ...args: LuaValue[]): LuaResult {
  const n = args.length;
  let out = '';
  for (let k = 0; k < n; k++) {
    const c = checkInt32(args[k], k + 1, n);
    if (c < 0 || c > 255) throw argError(k + 1, 'invalid value');
    out += String.fromCharCode(c);
  }
  return out;
}

function sub(this: void, s: LuaValue, i?: LuaValue, j?: LuaValue): LuaResult {
  const str = checkString(s, 1, arguments.length);
  const len = str.length;
  let start = checkInt32(i, 2, arguments.length);
  let end = optInt32(j, 3, -1);
  if (end > len) end = len;
  else if (end < 0) end += len + 1;
  if (start <= 0) {
    if (start < 0) start += len + 1;
    if (start <= 0) start = 1;
  }
  if (start > end) return '';
  return start === 1 && end === len ? str : str.slice(start - 1, end);
}

function rep(this: void, s: LuaValue, n?: LuaValue, sep?: LuaValue): LuaResult {
  const nargs = arguments.length;
  let str = checkString(s, 1, nargs);
  let count = checkInt32(n, 2, nargs);
  const sepStr = sep === undefined ? undefined : checkString(sep, 3);
  if (count <= 0) return '';
  let head = '';
  if (sepStr !== undefined && count > 1) {
    head = str;
    str = sepStr + str;
    count--;
  }
  if (str.length * count + head.length > MAX_STRING) throw new LuaError('not enough memory');
  return head + str.repeat(count);
}

function reverse(this: void, s: LuaValue): LuaResult {
  const str = checkString(s, 1, arguments.length);
  if (str.length > 32) return Buffer.from(str, 'latin1').reverse().toString('latin1');
  let out = '';
  for (let k = str.length - 1; k >= 0; k--) out += str[k];
  return out;
}

/** Bytes JS's case mapping would change beyond C's (Latin-1 letters, 'µ', 'ÿ', 'ß'). */
const NON_ASCII = /[\x80-\xff]/;

/** Whether s has a byte >= 128: a loop for short strings (a RegExp call costs more there). */
function hasHighByte(s: string): boolean {
  const n = s.length;
  if (n > 32) return NON_ASCII.test(s);
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) > 127) return true;
  return false;
}

function lower(this: void, s: LuaValue): LuaResult {
  const str = checkString(s, 1, arguments.length);
  if (!hasHighByte(str)) return str.toLowerCase(); // ASCII: JS maps exactly A-Z
  return /[A-Z]/.test(str) ? str.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : str;
}

function upper(this: void, s: LuaValue): LuaResult {
  const str = checkString(s, 1, arguments.length);
  if (!hasHighByte(str)) return str.toUpperCase();
  return /[a-z]/.test(str) ? str.replace(/[a-z]+/g, (m) => m.toUpperCase()) : str;
}

function len(this: void, s: LuaValue): LuaResult {
  // luajit's string.len is a Lua function: a missing argument reads as nil.
  return checkString(s, 1).length;
}

/** There is no bytecode to dump: every function answers as luajit does for a builtin. */
function dump(this: void, f: LuaValue): LuaResult {
  if (typeof f !== 'function') typeError(f, 1, 'function', arguments.length);
  throw libError('unable to dump given function');
}

/** The start index for find/match: luajit clamps init into 0..#s (Lua 5.1 mode). */
function startIndex(init: LuaValue, len: number): number {
  if (init === undefined) return 0;
  if (typeof init === 'number' && init >= 1 && (init | 0) === init) return init > len ? len : init - 1;
  let st = optInt32(init, 3, 1);
  if (st < 0) st += len;
  else st--;
  if (st < 0) st = 0;
  return st > len ? len : st;
}

/**
 * The first match at or after sp (only at sp when anchored): its end, with its start left in
 * ms.start; or -1. `compiled` is the pattern's compiled matcher, or undefined to interpret
 * it from pattern index pi (after a '^'). ms must have been reset to the subject and pattern.
 */
function nextMatch(compiled: Matcher | undefined, src: string, sp: number, pi: number, anchor: boolean): number {
  if (compiled !== undefined) return compiled(src, sp, ms);
  for (;;) {
    const e = ms.match(sp, pi);
    if (e !== -1) {
      ms.start = sp;
      return e;
    }
    if (anchor || sp >= ms.srcEnd) return -1;
    sp++;
  }
}

/**
 * The pattern search shared by find and match (lstrlib's str_find_aux): the first match at
 * or after `st`, an anchored pattern only at `st`. Returns its end and leaves its start in
 * ms.start, or -1; the match state keeps the captures until the caller reads them and
 * releases the subject.
 */
function search(str: string, pat: string, st: number): number {
  ms.reset(str, pat);
  const anchor = pat.charCodeAt(0) === 94; // '^'
  const e = nextMatch(compiledMatcher(pat, anchor, 1), str, st, anchor ? 1 : 0, anchor);
  if (e === -1) ms.src = '';
  return e;
}

function find(this: void, s: LuaValue, p: LuaValue, init?: LuaValue, plain?: LuaValue): LuaResult {
  const nargs = arguments.length;
  const str = typeof s === 'string' ? s : checkString(s, 1, nargs);
  const pat = typeof p === 'string' ? p : checkString(p, 2, nargs);
  const st = startIndex(init, str.length);
  if ((plain !== undefined && plain !== false) || !hasPatternSpecials(pat)) {
    const at = str.indexOf(pat, st);
    return at < 0 ? undefined : [at + 1, at + pat.length];
  }
  const e = search(str, pat, st);
  if (e === -1) return undefined;
  const start = ms.start;
  if (ms.level === 0) {
    ms.src = '';
    return [start + 1, e];
  }
  const caps = ms.captures(start, e, false);
  ms.src = '';
  return [start + 1, e, ...caps];
}

function match(this: void, s: LuaValue, p: LuaValue, init?: LuaValue): LuaResult {
  const nargs = arguments.length;
  const str = typeof s === 'string' ? s : checkString(s, 1, nargs);
  const pat = typeof p === 'string' ? p : checkString(p, 2, nargs);
  const st = startIndex(init, str.length);
  if (isLiteralPattern(pat)) return str.indexOf(pat, st) < 0 ? undefined : pat;
  const anchor = pat.charCodeAt(0) === 94; // '^'
  const compiled = compiledMatcher(pat, anchor, 1);
  // a compiled pattern builds its own result (see Matcher.match)
  if (compiled !== undefined) return compiled.match(str, st);
  const e = search(str, pat, st);
  if (e === -1) return undefined;
  const result = matchResult(ms.start, e);
  ms.src = '';
  return result;
}

/** What match and gmatch return: the captures, or the whole match when there are none. */
function matchResult(start: number, e: number): LuaResult {
  const level = ms.level;
  if (level <= 1) return ms.capture(0, start, e);
  return ms.captures(start, e, true);
}

let gmatchAuxId: number | undefined;

function gmatch(this: void, s: LuaValue, p: LuaValue): LuaResult {
  const nargs = arguments.length;
  const str = checkString(s, 1, nargs);
  const pat = checkString(p, 2, nargs);
  // A long subject counts as many uses (it will be iterated over many times).
  let compiled = compiledMatcher(pat, false, 1 + (str.length >> 5));
  if (compiled?.gmatch !== undefined) {
    const it = compiled.gmatch(str);
    (it as { builtin?: number }).builtin = gmatchAuxId;
    return it;
  }
  let pos = 0;
  const iter = (): LuaResult => {
    if (pos > str.length) return NONE; // after an empty match at the end
    ms.reset(str, pat);
    compiled ??= compiledMatcher(pat, false, 1);
    if (compiled !== undefined) {
      const e = compiled(str, pos, ms);
      if (e === -1) {
        ms.src = '';
        return NONE;
      }
      const sp = ms.start;
      pos = e === sp ? e + 1 : e;
      const result = matchResult(sp, e);
      ms.src = '';
      return result;
    }
    for (let sp = pos; sp <= ms.srcEnd; sp++) {
      const e = ms.match(sp, 0);
      if (e !== -1) {
        pos = e === sp ? e + 1 : e;
        const result = matchResult(sp, e);
        ms.src = '';
        return result;
      }
    }
    ms.src = '';
    return NONE;
  };
  (iter as { builtin?: number }).builtin = gmatchAuxId;
  return iter;
}

/** Expands a gsub replacement string: %0-%9 are captures, % before anything else quotes it. */
function expandReplacement(repl: string, s: number, e: number): string {
  let out = '';
  const n = repl.length;
  let start = 0;
  for (let k = repl.indexOf('%'); k >= 0 && k < n; k = repl.indexOf('%', k)) {
    out += repl.slice(start, k);
    k++;
    // luajit reads the terminating NUL after a trailing '%'.
    const c = k < n ? repl.charCodeAt(k) : 0;
    if (c < 48 || c > 57) {
      out += String.fromCharCode(c);
    } else if (c === 48) {
      out += ms.src.slice(s, e);
    } else {
      const v = ms.capture(c - 49, s, e);
      out += typeof v === 'number' ? numberToString(v) : v as string;
    }
    k++;
    start = k;
  }
  return start === 0 ? repl : start < n ? out + repl.slice(start) : out;
}

/** Subjects from this length on build gsub's result in a byte buffer (see byte-builder.ts). */
const GSUB_BUFFER_FROM = 1024;

/**
 * A replacement string read once for all the matches of a gsub: triples (kind, a, b) of
 * REPL_TEXT (its bytes a..b), REPL_WHOLE (%0) and REPL_CAPTURE (%1-%9: capture a; -1 for
 * the NUL luajit reads after a trailing '%').
 */
const REPL_TEXT = 0, REPL_WHOLE = 1, REPL_CAPTURE = 2;

function replacementParts(repl: string): Int32Array {
  const parts: number[] = [];
  const n = repl.length;
  let start = 0;
  for (let k = repl.indexOf('%'); k >= 0 && k < n; k = repl.indexOf('%', k)) {
    if (k > start) parts.push(REPL_TEXT, start, k);
    k++;
    const c = k < n ? repl.charCodeAt(k) : 0;
    if (c < 48 || c > 57) {
      // '%' quotes the byte after it
      if (k < n) parts.push(REPL_TEXT, k, k + 1);
      else parts.push(REPL_CAPTURE, -1, 0);
    } else if (c === 48) {
      parts.push(REPL_WHOLE, 0, 0);
    } else {
      parts.push(REPL_CAPTURE, c - 49, 0);
    }
    k++;
    start = k;
  }
  if (start < n) parts.push(REPL_TEXT, start, n);
  return Int32Array.from(parts);
}

// gsub is three loops, one per kind of replacement, so that each has its own type feedback
// (and is smaller to optimize) instead of one loop testing the kind at every match. Each
// goes on after a match as lstrlib's gsub: from its end, or one further after an empty one.

function gsub(this: void, s: LuaValue, p: LuaValue, repl?: LuaValue, n?: LuaValue): LuaResult {
  const nargs = arguments.length;
  const src = checkString(s, 1, nargs);
  const pat = checkString(p, 2, nargs);
  const maxN = optInt32(n, 4, src.length + 1);
  const tr = typeof repl;
  if (tr === 'string') return gsubString(src, pat, repl as string, maxN);
  if (tr === 'number') return gsubString(src, pat, numberToString(repl as number), maxN);
  if (tr === 'function' || repl instanceof LuaTable) return gsubCall(src, pat, repl as LuaFunction | LuaTable, maxN);
  throw argError(3, 'string/function/table expected');
}

/** A capture of a replacement that is not a string: a position's text, or the error luajit raises. */
function positionOrError(i: number, s: number, e: number): string {
  const v = ms.capture(i, s, e);
  return typeof v === 'number' ? numberToString(v) : v as string;
}

/** gsub with a replacement string (expanded from its parts, or by expandReplacement). */
function gsubString(src: string, pat: string, repl: string, maxN: number): LuaResult {
  const anchor = pat.charCodeAt(0) === 94; // '^'
  const pi = anchor ? 1 : 0;
  // A replacement string without '%' never needs the captures.
  const simple = repl.indexOf('%') < 0;
  ms.reset(src, pat);
  const end = src.length;
  const compiled = compiledMatcher(pat, anchor, 1 + (end >> 5));
  const buffer = end >= GSUB_BUFFER_FROM ? new ByteBuilder(end + (end >> 3)) : undefined;
  const parts = buffer === undefined || simple ? undefined : replacementParts(repl);
  let out = '';
  let count = 0;
  let sp = 0;
  let copied = 0; // src[copied..at) is still to be copied
  while (count < maxN) {
    const e = compiled !== undefined ? compiled(src, sp, ms) : nextMatch(undefined, src, sp, pi, anchor);
    if (e === -1) break;
    const at = ms.start;
    count++;
    if (buffer === undefined) {
      out += src.slice(copied, at) + (simple ? repl : expandReplacement(repl, at, e));
    } else {
      buffer.appendRange(src, copied, at);
      if (parts === undefined) {
        buffer.append(repl);
      } else {
        // the replacement's parts (inline: a function of their own would be optimized twice)
        for (let k = 0; k < parts.length; k += 3) {
          const kind = parts[k];
          const i = parts[k + 1];
          if (kind === REPL_TEXT) buffer.appendRange(repl, i, parts[k + 2]);
          else if (kind === REPL_WHOLE) buffer.appendRange(src, at, e);
          else if (i >= 0 && i < ms.level && ms.capLen[i] >= 0) buffer.appendRange(src, ms.capInit[i], ms.capInit[i] + ms.capLen[i]);
          else if (i < 0) buffer.byte(0);
          else buffer.append(positionOrError(i, at, e));
        }
      }
    }
    copied = e;
    if (e > at) sp = e;
    else if (at < end) sp = at + 1;
    else break;
    if (anchor) break;
  }
  return gsubResult(src, count > 0, buffer, out, copied, count);
}

/** gsub with a function or table: called (indexed) with the captures; false or nil keeps the match. */
function gsubCall(src: string, pat: string, repl: LuaFunction | LuaTable, maxN: number): LuaResult {
  const anchor = pat.charCodeAt(0) === 94; // '^'
  const pi = anchor ? 1 : 0;
  ms.reset(src, pat);
  const end = src.length;
  const compiled = compiledMatcher(pat, anchor, 1 + (end >> 5));
  const buffer = end >= GSUB_BUFFER_FROM ? new ByteBuilder(end + (end >> 3)) : undefined;
  const table = repl instanceof LuaTable ? repl : undefined;
  let out = '';
  let count = 0;
  let sp = 0;
  let copied = 0;
  let replaced = false;
  while (count < maxN) {
    const e = compiled !== undefined ? compiled(src, sp, ms) : nextMatch(undefined, src, sp, pi, anchor);
    if (e === -1) break;
    const at = ms.start;
    count++;
    // the whole match or the one capture, read here in the common cases (capture checks the rest)
    const level = ms.level;
    const arg = level === 0 ? src.slice(at, e)
      : level === 1 && ms.capLen[0] >= 0 ? src.slice(ms.capInit[0], ms.capInit[0] + ms.capLen[0])
      : level === 1 ? ms.capture(0, at, e) : undefined;
    // The callback may match other strings with the shared state: reset it after.
    current.push(C_CALL);
    let r: LuaResult;
    if (table !== undefined) r = index(table, arg !== undefined ? arg : ms.capture(0, at, e));
    else r = arg !== undefined ? (repl as LuaFunction)(arg) : (repl as LuaFunction)(...ms.captures(at, e, true));
    if (Array.isArray(r)) r = r[0];
    current.pop();
    ms.reset(src, pat);
    if (r !== undefined && r !== false) {
      let value: string;
      if (typeof r === 'string') value = r;
      else if (typeof r === 'number') value = numberToString(r);
      else throw libError(`invalid replacement value (a ${typeName(r)})`);
      if (buffer !== undefined) {
        buffer.appendRange(src, copied, at);
        buffer.append(value);
      } else {
        out += src.slice(copied, at) + value;
      }
      copied = e;
      replaced = true;
    }
    if (e > at) sp = e;
    else if (at < end) sp = at + 1;
    else break;
    if (anchor) break;
  }
  return gsubResult(src, replaced, buffer, out, copied, count);
}

/** gsub's result: src when nothing was replaced, else the text built (in buffer, or out) and the rest of src from `copied`; and the count. */
function gsubResult(src: string, replaced: boolean, buffer: ByteBuilder | undefined, out: string, copied: number, count: number): LuaResult {
  ms.src = '';
  if (!replaced) return [src, count];
  if (buffer !== undefined) {
    buffer.appendRange(src, copied, src.length);
    return [buffer.toString(), count];
  }
  return [flatten(out + src.slice(copied)), count];
}

export function format(this: void, fmt: LuaValue, ...args: LuaValue[]): LuaResult {
  return formatString(checkString(fmt, 1, arguments.length), args);
}

/**
 * The names the string library defines. Compiled method calls look these up on a string
 * first (`s:upper()`); other names (`obj:move()`) check tables only and leave strings to the
 * runtime, which keeps the calling code small.
 */
export const STRING_FUNCTIONS: ReadonlySet<string> = new Set([
  'byte', 'char', 'sub', 'rep', 'reverse', 'lower', 'upper', 'dump', 'find', 'match', 'gmatch', 'gsub', 'format', 'len',
]);

/** The string library table. */
export function createStringLib(): LuaTable {
  // Entries are created in luajit's order so that builtin numbers line up with its own.
  const lib = makeLib({ byte, char, sub, rep, reverse, lower, upper, dump, find, match });
  gmatchAuxId = (builtin((() => NONE) as LuaFunction) as { builtin?: number }).builtin;
  const rest = makeLib({ gmatch, gsub, format });
  for (const k of ['gmatch', 'gsub', 'format']) lib.set(k, rest.get(k));
  // luajit defines string.len in Lua: it prints as "function: 0x...", not as a builtin.
  lib.set('len', len);
  return lib;
}

/** Installs the metatable shared by all strings: its __index is the string library. */
export function installStringMetatable(lib: LuaTable): void {
  const mt = new LuaTable();
  mt.set('__index', lib);
  setStringMetatable(mt);
}
