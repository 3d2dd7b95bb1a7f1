// string.format as luajit 2.1 implements it (lj_strfmt.c): its own spec parser, limits,
// integer conversions through int64, %q quoting, %a and %p.
import { argError, libError } from '../lua/errors.js';
import { first } from '../lua/multi.js';
import { formatE, formatF, formatG, numberToString } from '../lua/number.js';
import { addressOf, callable, metamethod, tostring } from '../lua/ops.js';
import { typeName, type LuaValue } from '../lua/value.js';
import { checkNumber } from './args.js';
import { flatten } from '../lua/flat-string.js';

const F_LEFT = 1, F_PLUS = 2, F_ZERO = 4, F_SPACE = 8, F_ALT = 16;

/** lj_num2int: C's (int32_t) cast on x86-64 (cvttsd2si): out of range and NaN give INT_MIN. */
export function toInt32(n: number): number {
  const t = Math.trunc(n);
  return t >= -2147483648 && t <= 2147483647 ? t : -2147483648;
}

const INT64_MIN = -(2n ** 63n);

/** C's (int64_t) cast of a double on x86-64: out of range and NaN give INT64_MIN. */
function toInt64(n: number): bigint {
  return n >= -9223372036854775808 && n < 9223372036854775808 ? BigInt(Math.trunc(n)) : INT64_MIN;
}

/** Paddings of up to 32 characters, made once. */
const SPACES: string[] = [];
const ZEROS: string[] = [];
for (let k = 0; k <= 32; k++) {
  SPACES.push(' '.repeat(k));
  ZEROS.push('0'.repeat(k));
}

function spaces(n: number): string {
  return n <= 0 ? '' : n <= 32 ? SPACES[n] : ' '.repeat(n);
}

function zeros(n: number): string {
  return n <= 0 ? '' : n <= 32 ? ZEROS[n] : '0'.repeat(n);
}

/** Pads `body` (after its sign/radix prefix) to `width` as C does for numbers. */
function padNumber(prefix: string, body: string, flags: number, width: number): string {
  const len = prefix.length + body.length;
  if (width <= len) return prefix + body;
  if (flags & F_LEFT) return prefix + body + spaces(width - len);
  if (flags & F_ZERO) return prefix + zeros(width - len) + body;
  return spaces(width - len) + prefix + body;
}

function padString(s: string, flags: number, width: number): string {
  if (width <= s.length) return s;
  return flags & F_LEFT ? s + spaces(width - s.length) : spaces(width - s.length) + s;
}

/** lj_strfmt_putfxint: digits with sign or radix prefix, precision zeros and padding. */
function formatInteger(conv: number, flags: number, width: number, prec: number, n: number): string {
  let prefix = '';
  let digits: string;
  let zero: boolean;
  if (conv === 100 || conv === 105) { // d i: signed
    let neg: boolean;
    if (n > -9007199254740992 && n < 9007199254740992) {
      const t = Math.trunc(n);
      neg = t < 0;
      zero = t === 0;
      digits = String(neg ? -t : t);
    } else {
      const k = toInt64(n);
      neg = k < 0n;
      zero = false;
      digits = (neg ? -k : k).toString();
    }
    if (neg) prefix = '-';
    else if (flags & F_PLUS) prefix = '+';
    else if (flags & F_SPACE) prefix = ' ';
  } else { // u o x X: unsigned 64-bit
    const radix = conv === 117 ? 10 : conv === 111 ? 8 : 16;
    if (n >= 0 && n < 9007199254740992) {
      const t = Math.trunc(n);
      zero = t === 0;
      digits = t.toString(radix);
    } else {
      const k = BigInt.asUintN(64, n >= 9223372036854775808 ? toInt64(n - 18446744073709551616) : toInt64(n));
      zero = k === 0n;
      digits = k.toString(radix);
    }
    if (conv === 88) digits = digits.toUpperCase();
    if (!zero && (flags & F_ALT)) {
      if (radix === 16) prefix = conv === 88 ? '0X' : '0x';
      else if (radix === 8) digits = '0' + digits;
    }
  }
  if (prec >= 0) flags &= ~F_ZERO;
  if (zero) digits = prec !== 0 || (conv === 111 && (flags & F_ALT)) ? '0' : '';
  if (prec > digits.length) digits = zeros(prec - digits.length) + digits;
  return padNumber(prefix, digits, flags, width);
}

function signPrefix(negative: boolean, flags: number): string {
  return negative ? '-' : flags & F_PLUS ? '+' : flags & F_SPACE ? ' ' : '';
}

/** inf and nan for every float conversion: no zero padding, nan never gets '-' or '+'. */
function formatNonFinite(n: number, flags: number, width: number, upper: boolean): string {
  let s: string;
  if (Number.isNaN(n)) s = (flags & F_SPACE ? ' ' : '') + 'nan';
  else s = signPrefix(n < 0, flags) + 'inf';
  if (upper) s = s.toUpperCase();
  return padString(s, flags & F_LEFT, width);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** %a: luajit's own hex float format (normalised subnormals, round half up). */
function formatHexFloat(n: number, flags: number, width: number, prec: number, upper: boolean): string {
  f64[0] = n;
  const hi = u32[LITTLE ? 1 : 0];
  const lo = u32[LITTLE ? 0 : 1];
  let e = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const prefix = signPrefix((hi & 0x80000000) !== 0, flags);
  if (e !== 0) {
    m |= 1n << 52n;
    e -= 1023;
  } else if (m !== 0n) {
    const shift = 52 - (m.toString(2).length - 1);
    e = -1022 - shift;
    m <<= BigInt(shift);
  }
  if (prec < 0) {
    // The shortest precision that is exact.
    let tz = 0;
    const f = m | (1n << 52n);
    while (((f >> BigInt(tz)) & 1n) === 0n) tz++;
    prec = 13 - Math.floor(tz / 4);
  } else if (prec < 13) {
    m += 1n << BigInt(51 - prec * 4);
  }
  const hex = upper ? '0123456789ABCDEF' : '0123456789abcdef';
  let body = String(Number(m >> 52n));
  if (prec > 0 || (flags & F_ALT)) {
    let frac = '';
    if (prec < 13) {
      let f = m >> BigInt(52 - prec * 4);
      for (let i = 0; i < prec; i++) {
        frac = hex[Number(f & 15n)] + frac;
        f >>= 4n;
      }
    } else {
      let f = m;
      for (let i = 0; i < 13; i++) {
        frac = hex[Number(f & 15n)] + frac;
        f >>= 4n;
      }
      frac += zeros(prec - 13);
    }
    body += '.' + frac;
  }
  body += (upper ? 'P' : 'p') + (e < 0 ? '-' : '+') + String(Math.abs(e));
  return padNumber(prefix + (upper ? '0X' : '0x'), body, flags, width);
}

function formatFloat(conv: number, flags: number, width: number, prec: number, n: number): string {
  const upper = conv < 97;
  if (!Number.isFinite(n)) return formatNonFinite(n, flags, width, upper);
  const lower = conv | 0x20;
  if (lower === 97) return formatHexFloat(n, flags, width, prec, upper);
  if (prec < 0) prec = 6;
  const neg = n < 0 || (n === 0 && 1 / n < 0);
  const a = Math.abs(n);
  const alt = (flags & F_ALT) !== 0;
  let body: string;
  if (lower === 102) {
    body = formatF(a, prec, alt);
    if (upper) body = body.toUpperCase();
  } else if (lower === 101) {
    body = formatE(a, prec, alt, upper);
  } else {
    body = formatG(a, prec, alt, upper);
  }
  return padNumber(signPrefix(neg, flags), body, flags, width);
}

/** tostring without __tostring: what lj_strfmt_obj prints. */
function rawToString(v: LuaValue): string {
  if (typeof v === 'string') return v;
  if (metamethod(v, '__tostring') === undefined) return tostring(v);
  return `${typeName(v)}: ${addressOf(v as object)}`;
}

/** The text of a %s or %q argument: __tostring is called once, its result taken raw. */
function argToString(v: LuaValue): string {
  if (typeof v === 'string') return v;
  const mm = metamethod(v, '__tostring'); // numbers too, after debug.setmetatable(0, mt)
  if (typeof v === 'number' && mm === undefined) return numberToString(v);
  if (mm !== undefined) v = first(callable(mm)(v));
  return rawToString(v);
}

/** %q: luajit's quoting (control characters as decimal escapes, newline as "\" newline). */
export function quoteString(s: string): string {
  let out = '"';
  let start = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10) {
      out += s.slice(start, i) + '\\' + s[i];
      start = i + 1;
    } else if (c < 32 || c === 127) {
      const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      const esc = next >= 48 && next <= 57 ? String(c).padStart(3, '0') : String(c);
      out += s.slice(start, i) + '\\' + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** A pseudo-address for %p of a string (luajit interns strings: equal strings, equal address). */
function stringAddress(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return '0x' + (0x40000000 + ((h >>> 4) << 3)).toString(16).padStart(8, '0');
}

function formatPointer(v: LuaValue): string {
  switch (typeof v) {
    case 'undefined': case 'boolean': case 'number': return 'NULL';
    case 'string': return stringAddress(v);
    default: return addressOf(v as object);
  }
}

/** The conversions luajit accepts (strfmt_map). */
function isConversion(c: number): boolean {
  switch (c) {
    case 65: case 69: case 70: case 71: case 88: // A E F G X
    case 97: case 99: case 100: case 101: case 102: case 103: case 105: case 111: case 112:
    case 113: case 115: case 117: case 120: // a c d e f g i o p q s u x
      return true;
  }
  return false;
}

/** One conversion of a parsed format, with the literal text before it. */
interface Spec {
  /** The text before this conversion ('%%' already folded into '%'). */
  readonly before: string;
  /** The conversion letter's code, or 0 for an invalid option (then `error` says which). */
  readonly conv: number;
  readonly flags: number;
  readonly width: number;
  readonly prec: number;
  readonly error: string;
}

/** A format string parsed once: its conversions in order and the text after the last one. */
interface ParsedFormat {
  readonly specs: readonly Spec[];
  readonly tail: string;
}

/** Formats seen so far (a program uses a few, mostly constants); cleared when it grows large. */
const parsedFormats = new Map<string, ParsedFormat>();
const MAX_PARSED_FORMATS = 512;

/**
 * Parses a format as lj_strfmt_parse reads it. An invalid option becomes a spec that raises
 * its error when formatting reaches it, so that earlier arguments are checked first.
 */
function parseFormat(fmt: string): ParsedFormat {
  const specs: Spec[] = [];
  const n = fmt.length;
  let before = '';
  let i = 0;
  while (i < n) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      before += i === 0 ? fmt : fmt.slice(i);
      break;
    }
    if (pct > i) before += fmt.slice(i, pct);
    let p = pct + 1;
    let c = p < n ? fmt.charCodeAt(p) : 0;
    if (c === 37) {
      before += '%';
      i = p + 1;
      continue;
    }
    let flags = 0;
    for (;; c = ++p < n ? fmt.charCodeAt(p) : 0) {
      if (c === 45) flags |= F_LEFT;
      else if (c === 43) flags |= F_PLUS;
      else if (c === 48) flags |= F_ZERO;
      else if (c === 32) flags |= F_SPACE;
      else if (c === 35) flags |= F_ALT;
      else break;
    }
    let width = 0;
    if (c >= 48 && c <= 57) {
      width = c - 48;
      c = ++p < n ? fmt.charCodeAt(p) : 0;
      if (c >= 48 && c <= 57) {
        width = width * 10 + c - 48;
        c = ++p < n ? fmt.charCodeAt(p) : 0;
      }
    }
    let prec = -1;
    if (c === 46) {
      prec = 0;
      c = ++p < n ? fmt.charCodeAt(p) : 0;
      if (c >= 48 && c <= 57) {
        prec = c - 48;
        c = ++p < n ? fmt.charCodeAt(p) : 0;
        if (c >= 48 && c <= 57) {
          prec = prec * 10 + c - 48;
          c = ++p < n ? fmt.charCodeAt(p) : 0;
        }
      }
    }
    if (!isConversion(c)) {
      if (c >= 32) p++;
      // nothing after an invalid option is read
      specs.push({ before, conv: 0, flags, width, prec, error: `invalid option '${fmt.slice(pct, p)}' to 'format'` });
      return { specs, tail: '' };
    }
    specs.push({ before, conv: c, flags, width, prec, error: '' });
    before = '';
    i = p + 1;
  }
  return { specs, tail: before };
}

function parsedFormat(fmt: string): ParsedFormat {
  let parsed = parsedFormats.get(fmt);
  if (parsed === undefined) {
    if (parsedFormats.size >= MAX_PARSED_FORMATS) parsedFormats.clear();
    parsed = parseFormat(fmt);
    parsedFormats.set(fmt, parsed);
  }
  return parsed;
}

/** string.format(fmt, ...args): `args` are the values after the format string. */
export function formatString(fmt: string, args: LuaValue[]): string {
  const { specs, tail } = parsedFormat(fmt);
  const nargs = args.length + 1;
  let out = '';
  for (let k = 0; k < specs.length; k++) {
    const spec = specs[k];
    out += spec.before;
    const c = spec.conv;
    if (c === 0) throw libError(spec.error);
    const arg = k + 2;
    if (arg > nargs) throw argError(arg, 'value expected');
    const v = args[k];
    const { flags, width, prec } = spec;
    switch (c) {
      case 115: { // s
        let s = typeof v === 'string' ? v : argToString(v);
        if (prec >= 0 && s.length > prec) s = s.slice(0, prec);
        out += width > s.length ? padString(s, flags, width) : s;
        break;
      }
      case 100: case 105: { // d i
        const x = typeof v === 'number' ? v : checkNumber(v, arg);
        if (flags === 0 && width === 0 && prec < 0 && Number.isInteger(x) && x > -9007199254740992 && x < 9007199254740992) {
          out += x === 0 ? '0' : String(x);
        } else {
          out += formatInteger(c, flags, width, prec, x);
        }
        break;
      }
      case 117: case 111: case 120: case 88: // u o x X
        out += formatInteger(c, flags, width, prec, checkNumber(v, arg));
        break;
      case 99: // c
        out += padString(String.fromCharCode(toInt32(checkNumber(v, arg)) & 255), flags & F_LEFT, width);
        break;
      case 113: // q
        out += quoteString(argToString(v));
        break;
      case 112: // p
        out += formatPointer(v);
        break;
      default:
        out += formatFloat(c, flags, width, prec, typeof v === 'number' ? v : checkNumber(v, arg));
    }
  }
  out += tail;
  // the result is often kept (in a table): one string rather than a tree of its parts
  return specs.length > 1 ? flatten(out) : out;
}
