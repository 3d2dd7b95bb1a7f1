// Lua 5.1 pattern matching over byte strings, with luajit's limits and error messages.
// Patterns are interpreted directly (errors are raised lazily, when the matcher reaches the
// faulty item, exactly as luajit does); a pattern ends at its first "\0" as in C.
import { libError } from '../lua/errors.js';
import type { LuaValue } from '../lua/value.js';

export const MAX_CAPTURES = 32;
/** luajit's LJ_MAX_XLEVEL: nesting of recursive match calls before "pattern too complex". */
export const MAX_DEPTH = 200;
export const CAP_UNFINISHED = -1;
export const CAP_POSITION = -2;

const ESC = 37; // %
const NUL = 0;

// ---- character classes (C locale, as luajit's lj_char tables) ----

const ALPHA = 1, DIGIT = 2, LOWER = 4, UPPER = 8, SPACE = 16, CNTRL = 32, PUNCT = 64, XDIGIT = 128, GRAPH = 256;
const ctype = new Uint16Array(256);
for (let c = 0; c < 256; c++) {
  let f = 0;
  if (c >= 65 && c <= 90) f |= ALPHA | UPPER;
  if (c >= 97 && c <= 122) f |= ALPHA | LOWER;
  if (c >= 48 && c <= 57) f |= DIGIT;
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)) f |= XDIGIT;
  if (c === 32 || (c >= 9 && c <= 13)) f |= SPACE;
  if (c < 32 || c === 127) f |= CNTRL;
  if (c > 32 && c < 127) {
    f |= GRAPH;
    if (!(f & (ALPHA | DIGIT))) f |= PUNCT;
  }
  ctype[c] = f;
}

/** Which ctype flag a class letter (lower case) tests; 0 for %z, -1 when not a class. */
const classFlag = new Int16Array(256).fill(-1);
classFlag[97] = ALPHA; // a
classFlag[99] = CNTRL; // c
classFlag[100] = DIGIT; // d
classFlag[103] = GRAPH; // g
classFlag[108] = LOWER; // l
classFlag[112] = PUNCT; // p
classFlag[115] = SPACE; // s
classFlag[117] = UPPER; // u
classFlag[119] = ALPHA | DIGIT; // w
classFlag[120] = XDIGIT; // x
classFlag[122] = 0; // z: the zero byte

/** match_class for every (class letter, byte) pair: CLASS_MATCH[cl << 8 | c]. */
const CLASS_MATCH = new Uint8Array(256 * 256);
for (let cl = 0; cl < 256; cl++) {
  const flag = ctype[cl] & ALPHA ? classFlag[cl | 0x20] : -1;
  if (flag < 0) {
    // a literal matches itself only (filling just that entry: this runs at every start-up)
    CLASS_MATCH[(cl << 8) | cl] = 1;
    continue;
  }
  for (let c = 0; c < 256; c++) {
    let res = flag === 0 ? c === 0 : (ctype[c] & flag) !== 0;
    if (ctype[cl] & UPPER) res = !res;
    CLASS_MATCH[(cl << 8) | c] = res ? 1 : 0;
  }
}

/** match_class: does byte c belong to class letter cl (%a, %A, ... or a literal)? */
function matchClass(c: number, cl: number): boolean {
  return CLASS_MATCH[(cl << 8) | c] === 1;
}

// ---- the matcher ----

/** A match in progress: subject, pattern and captures (luajit's MatchState). */
export class MatchState {
  src = '';
  srcEnd = 0;
  /** The pattern; it ends at patEnd, its first NUL (C reads it as a C string). */
  pat = '';
  patEnd = 0;
  level = 0;
  depth = 0;
  /** Where the last match found by a compiled matcher starts (see pattern-compile.ts). */
  start = 0;
  readonly capInit = new Int32Array(MAX_CAPTURES);
  readonly capLen = new Int32Array(MAX_CAPTURES);

  /** Prepares to match `pattern` against `src`. */
  reset(src: string, pattern: string): void {
    this.src = src;
    this.srcEnd = src.length;
    if (pattern !== this.pat) {
      this.pat = pattern;
      const z = pattern.indexOf('\0');
      this.patEnd = z >= 0 ? z : pattern.length;
    }
    this.level = 0;
    this.depth = 0;
  }

  /** Tries to match at subject index s from pattern index p; the end index or -1. */
  match(s: number, p: number): number {
    this.level = 0;
    this.depth = 0;
    return doMatch(this, s, p);
  }

  /** Capture i (a string or a position), or the whole match s..e when there are none. */
  capture(i: number, s: number, e: number): LuaValue {
    if (i >= this.level) {
      if (i === 0) return this.src.slice(s, e);
      throw libError('invalid capture index');
    }
    const len = this.capLen[i];
    if (len === CAP_UNFINISHED) throw libError('unfinished capture');
    const init = this.capInit[i];
    if (len === CAP_POSITION) return init + 1;
    return this.src.slice(init, init + len);
  }

  /** All captures of a match (the whole match when the pattern has none and wholeIfNone). */
  captures(s: number, e: number, wholeIfNone: boolean): LuaValue[] {
    const n = this.level === 0 && wholeIfNone ? 1 : this.level;
    const out = new Array<LuaValue>(n);
    for (let i = 0; i < n; i++) out[i] = this.capture(i, s, e);
    return out;
  }
}

export function classEnd(ms: MatchState, p: number): number {
  const pat = ms.pat;
  const c = pat.charCodeAt(p++);
  if (c === ESC) {
    if (p >= ms.patEnd) throw libError("malformed pattern (ends with '%')");
    return p + 1;
  }
  if (c === 91 /* [ */) {
    if (pat.charCodeAt(p) === 94 /* ^ */) p++;
    do {
      if (p >= ms.patEnd) throw libError("malformed pattern (missing ']')");
      if (pat.charCodeAt(p++) === ESC && p < ms.patEnd) p++;
    } while (pat.charCodeAt(p) !== 93 /* ] */);
    return p + 1;
  }
  return p;
}

/** Does byte c match the set starting at p ('[') whose closing ']' is at ec? */
export function matchBracketClass(ms: MatchState, c: number, p: number, ec: number): boolean {
  const pat = ms.pat;
  let sig = true;
  if (pat.charCodeAt(p + 1) === 94 /* ^ */) {
    sig = false;
    p++;
  }
  while (++p < ec) {
    const pc = pat.charCodeAt(p);
    if (pc === ESC) {
      p++;
      if (matchClass(c, pat.charCodeAt(p))) return sig;
    } else if (pat.charCodeAt(p + 1) === 45 /* - */ && p + 2 < ec) {
      p += 2;
      if (pc <= c && c <= pat.charCodeAt(p)) return sig;
    } else if (pc === c) {
      return sig;
    }
  }
  return !sig;
}

export function singleMatch(ms: MatchState, c: number, p: number, ep: number): boolean {
  const pc = ms.pat.charCodeAt(p);
  switch (pc) {
    case 46: return true; // .
    case ESC: return matchClass(c, ms.pat.charCodeAt(p + 1));
    case 91: return matchBracketClass(ms, c, p, ep - 1); // [
    default: return pc === c;
  }
}

/**
 * The bytes the single-character item at p (ending at ep) matches, as singleMatch answers for
 * each: a class's row of CLASS_MATCH copied, a set tested byte by byte.
 */
export function itemSet(ms: MatchState, p: number, ep: number): Uint8Array {
  const pc = ms.pat.charCodeAt(p);
  switch (pc) {
    case 46: return new Uint8Array(256).fill(1); // .
    case ESC: {
      const row = ms.pat.charCodeAt(p + 1) << 8;
      return CLASS_MATCH.slice(row, row + 256);
    }
    case 91: { // [
      const set = new Uint8Array(256);
      for (let b = 0; b < 256; b++) set[b] = matchBracketClass(ms, b, p, ep - 1) ? 1 : 0;
      return set;
    }
    default: {
      const set = new Uint8Array(256);
      set[pc] = 1;
      return set;
    }
  }
}

function matchBalance(ms: MatchState, s: number, p: number): number {
  if (p + 1 >= ms.patEnd) throw libError('unbalanced pattern');
  const pat = ms.pat;
  const b = pat.charCodeAt(p);
  const src = ms.src;
  if (s >= ms.srcEnd || src.charCodeAt(s) !== b) return -1;
  const e = pat.charCodeAt(p + 1);
  let cont = 1;
  const end = ms.srcEnd;
  while (++s < end) {
    const c = src.charCodeAt(s);
    if (c === e) {
      if (--cont === 0) return s + 1;
    } else if (c === b) {
      cont++;
    }
  }
  return -1;
}

/**
 * The byte that the pattern item at q must match when it is a plain character without an
 * optional quantifier (so matching at s fails at once unless src[s] is that byte), or -1.
 * Lets the expansions skip hopeless attempts; only used when the attempt could not fail on
 * the recursion limit either.
 */
function requiredByte(ms: MatchState, q: number): number {
  if (q >= ms.patEnd || ms.depth >= MAX_DEPTH) return -1;
  const pat = ms.pat;
  const c = pat.charCodeAt(q);
  switch (c) {
    case 94: case 36: case 42: case 43: case 63: case 46: case 40: case 41: case 91: case 37: case 45:
      return -1;
  }
  const next = q + 1 < ms.patEnd ? pat.charCodeAt(q + 1) : NUL;
  return next === 42 || next === 63 || next === 45 ? -1 : c;
}

function maxExpand(ms: MatchState, s: number, p: number, ep: number): number {
  let i = 0;
  const src = ms.src;
  if (ms.pat.charCodeAt(p) === 46 /* . */) {
    i = ms.srcEnd - s;
  } else {
    while (s + i < ms.srcEnd && singleMatch(ms, src.charCodeAt(s + i), p, ep)) i++;
  }
  // Keep trying the rest of the pattern with fewer repetitions.
  const need = requiredByte(ms, ep + 1);
  while (i >= 0) {
    if (need < 0 || src.charCodeAt(s + i) === need) {
      const res = doMatch(ms, s + i, ep + 1);
      if (res !== -1) return res;
    }
    i--;
  }
  return -1;
}

function minExpand(ms: MatchState, s: number, p: number, ep: number): number {
  const need = requiredByte(ms, ep + 1);
  const src = ms.src;
  for (;;) {
    if (need < 0 || src.charCodeAt(s) === need) {
      const res = doMatch(ms, s, ep + 1);
      if (res !== -1) return res;
    }
    if (s < ms.srcEnd && singleMatch(ms, src.charCodeAt(s), p, ep)) s++;
    else return -1;
  }
}

function startCapture(ms: MatchState, s: number, p: number, what: number): number {
  const level = ms.level;
  if (level >= MAX_CAPTURES) throw libError('too many captures');
  ms.capInit[level] = s;
  ms.capLen[level] = what;
  ms.level = level + 1;
  const res = doMatch(ms, s, p);
  if (res === -1) ms.level--;
  return res;
}

function endCapture(ms: MatchState, s: number, p: number): number {
  let l = ms.level - 1;
  for (; l >= 0; l--) if (ms.capLen[l] === CAP_UNFINISHED) break;
  if (l < 0) throw libError('invalid pattern capture');
  ms.capLen[l] = s - ms.capInit[l];
  const res = doMatch(ms, s, p);
  if (res === -1) ms.capLen[l] = CAP_UNFINISHED;
  return res;
}

function matchCapture(ms: MatchState, s: number, digit: number): number {
  const l = digit - 49; // '1'
  if (l < 0 || l >= ms.level || ms.capLen[l] === CAP_UNFINISHED) throw libError('invalid capture index');
  const len = ms.capLen[l];
  if (len < 0 || ms.srcEnd - s < len) return -1; // a position capture never matches
  const src = ms.src;
  const init = ms.capInit[l];
  for (let i = 0; i < len; i++) if (src.charCodeAt(init + i) !== src.charCodeAt(s + i)) return -1;
  return s + len;
}

function doMatch(ms: MatchState, s: number, p: number): number {
  if (++ms.depth > MAX_DEPTH) throw libError('pattern too complex');
  const pat = ms.pat;
  const src = ms.src;
  const patEnd = ms.patEnd;
  let r: number;
  for (;;) {
    const pc = p < patEnd ? pat.charCodeAt(p) : NUL;
    switch (pc) {
      case 40: // (
        r = pat.charCodeAt(p + 1) === 41
          ? startCapture(ms, s, p + 2, CAP_POSITION)
          : startCapture(ms, s, p + 1, CAP_UNFINISHED);
        ms.depth--;
        return r;
      case 41: // )
        r = endCapture(ms, s, p + 1);
        ms.depth--;
        return r;
      case NUL: // end of pattern
        ms.depth--;
        return s;
      case 36: // $
        if (p + 1 === patEnd) {
          ms.depth--;
          return s === ms.srcEnd ? s : -1;
        }
        break;
      case ESC: {
        const nc = pat.charCodeAt(p + 1);
        if (nc === 98) { // %b
          s = matchBalance(ms, s, p + 2);
          if (s === -1) {
            ms.depth--;
            return -1;
          }
          p += 4;
          continue;
        }
        if (nc === 102) { // %f
          p += 2;
          if (pat.charCodeAt(p) !== 91) throw libError("missing '[' after '%f' in pattern");
          const ep = classEnd(ms, p);
          const prev = s === 0 ? 0 : src.charCodeAt(s - 1);
          const cur = s < ms.srcEnd ? src.charCodeAt(s) : 0;
          if (matchBracketClass(ms, prev, p, ep - 1) || !matchBracketClass(ms, cur, p, ep - 1)) {
            ms.depth--;
            return -1;
          }
          p = ep;
          continue;
        }
        if (nc >= 48 && nc <= 57) { // back-reference %0-%9
          s = matchCapture(ms, s, nc);
          if (s === -1) {
            ms.depth--;
            return -1;
          }
          p += 2;
          continue;
        }
        break;
      }
    }
    // A single-character item, maybe followed by a quantifier.
    const ep = classEnd(ms, p);
    const m = s < ms.srcEnd && singleMatch(ms, src.charCodeAt(s), p, ep);
    switch (pat.charCodeAt(ep)) {
      case 63: // ?
        if (m) {
          r = doMatch(ms, s + 1, ep + 1);
          if (r !== -1) {
            ms.depth--;
            return r;
          }
        }
        p = ep + 1;
        continue;
      case 42: // *
        r = maxExpand(ms, s, p, ep);
        ms.depth--;
        return r;
      case 43: // +
        r = m ? maxExpand(ms, s + 1, p, ep) : -1;
        ms.depth--;
        return r;
      case 45: // -
        r = minExpand(ms, s, p, ep);
        ms.depth--;
        return r;
      default:
        if (!m) {
          ms.depth--;
          return -1;
        }
        s++;
        p = ep;
    }
  }
}

// The two scans below run at every find/match call; a loop calls them with the same pattern
// again and again, so each remembers its last answer.
let lastSpecials = '';
let lastSpecialsAnswer = false;
let lastLiteral = '';
let lastLiteralAnswer = true;

/** lj_str_haspattern: does the string use any pattern special character? */
export function hasPatternSpecials(p: string): boolean {
  if (p === lastSpecials) return lastSpecialsAnswer;
  let answer = false;
  for (let i = 0; i < p.length && !answer; i++) {
    switch (p.charCodeAt(i)) {
      case 94: case 36: case 42: case 43: case 63: case 46: case 40: case 91: case 37: case 45:
        answer = true;
    }
  }
  lastSpecials = p;
  lastSpecialsAnswer = answer;
  return answer;
}

/** True when matching p is the same as searching for it literally (no specials, ')' or NUL). */
export function isLiteralPattern(p: string): boolean {
  if (p === lastLiteral) return lastLiteralAnswer;
  let answer = true;
  for (let i = 0; i < p.length && answer; i++) {
    switch (p.charCodeAt(i)) {
      case 94: case 36: case 42: case 43: case 63: case 46: case 40: case 91: case 37: case 45:
      case 41: case 0:
        answer = false;
    }
  }
  lastLiteral = p;
  lastLiteralAnswer = answer;
  return answer;
}
