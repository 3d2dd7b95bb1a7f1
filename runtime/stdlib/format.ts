// string.format as luajit 2.1 implements it (lj_strfmt.c): its own spec parser, limits,
// integer conversions through int64, %q quoting, %a and %p.
import { C_CALL, current } from '../lua/callstack.js';
import { argError, libError } from '../lua/errors.js';
import { first } from '../lua/multi.js';
import { EXACT_POWERS, formatE, formatF, formatG, numberToString, roundScaled, sigExponent, sigRound } from '../lua/number.js';
import { addressOf, callable, metamethod, tostring } from '../lua/ops.js';
import { typeName, type LuaValue } from '../lua/value.js';
import { checkNumber } from './args.js';
import { ByteBuilder, digitCount, radixDigitCount } from './byte-builder.js';
import { compileFormat, compilePositional, positionalKinds, type FormatHelpers } from './format-compile.js';
import { F_ALT, F_LEFT, F_PLUS, F_SPACE, F_ZERO, parsedFormat, type ParsedFormat } from './format-spec.js';


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
  if (mm !== undefined) {
    current.push(C_CALL);
    v = first(callable(mm)(v));
    current.pop();
  }
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

/** One conversion `c` (a valid one) of the value `v`, argument number `arg`, as a string. */
function convert(c: number, flags: number, width: number, prec: number, v: LuaValue, arg: number): string {
  switch (c) {
    case 115: { // s
      let s = typeof v === 'string' ? v : argToString(v);
      if (prec >= 0 && s.length > prec) s = s.slice(0, prec);
      return width > s.length ? padString(s, flags, width) : s;
    }
    case 100: case 105: { // d i
      const x = typeof v === 'number' ? v : checkNumber(v, arg);
      if (flags === 0 && width === 0 && prec < 0 && Number.isInteger(x) && x > -9007199254740992 && x < 9007199254740992) {
        return x === 0 ? '0' : String(x);
      }
      return formatInteger(c, flags, width, prec, x);
    }
    case 117: case 111: case 120: case 88: // u o x X
      return formatInteger(c, flags, width, prec, checkNumber(v, arg));
    case 99: // c
      return padString(String.fromCharCode(toInt32(checkNumber(v, arg)) & 255), flags & F_LEFT, width);
    case 113: return quoteString(argToString(v)); // q
    case 112: return formatPointer(v); // p
    default: return formatFloat(c, flags, width, prec, typeof v === 'number' ? v : checkNumber(v, arg));
  }
}

// ---- writing a format's result as bytes ----
//
// A format with several parts writes them into one buffer (digits as bytes, not as strings)
// and makes one string of it at the end: no string per number and per part, no tree of
// parts to flatten. What is not written here directly (near ties, huge or tiny numbers,
// %a %q %p %c ...) is converted as a string above and copied in. The buffer is shared: a
// format started while another one runs (%s calling a __tostring that formats) writes after
// it and gives the space back when it ends, as the outer one does (also when it raises).

const out = new ByteBuilder(4096);

/** Writes what padNumber puts before a number's body of bodyLen bytes: spaces, sign, zeros. */
function writeNumberStart(sign: number, bodyLen: number, flags: number, width: number): void {
  const pad = width - bodyLen - (sign !== 0 ? 1 : 0);
  if (pad > 0 && !(flags & (F_LEFT | F_ZERO))) out.fill(32, pad);
  if (sign !== 0) out.byte(sign);
  if (pad > 0 && (flags & (F_LEFT | F_ZERO)) === F_ZERO) out.fill(48, pad);
}

/** Writes what padNumber puts after a number's body: the spaces of '-'. */
function writeNumberEnd(sign: number, bodyLen: number, flags: number, width: number): void {
  if (flags & F_LEFT) out.fill(32, width - bodyLen - (sign !== 0 ? 1 : 0));
}

/** signPrefix as a byte (0: none). */
function signByte(negative: boolean, flags: number): number {
  return negative ? 45 : flags & F_PLUS ? 43 : flags & F_SPACE ? 32 : 0;
}

/** %s: the argument's text, cut to `prec` and padded to `width` (padString). */
export function writeString(v: LuaValue, flags: number, width: number, prec: number): void {
  const s = typeof v === 'string' ? v : argToString(v);
  const n = prec >= 0 && s.length > prec ? prec : s.length;
  if (width > n && !(flags & F_LEFT)) out.fill(32, width - n);
  out.appendRange(s, 0, n);
  if (width > n && (flags & F_LEFT)) out.fill(32, width - n);
}

/**
 * %d %i %u %o %x %X: a safe integer without precision here (a negative one only for %d and
 * %i, without '#' for %o and %x), the rest by formatInteger.
 */
export function writeInteger(c: number, flags: number, width: number, prec: number, v: LuaValue, arg: number): void {
  const x = typeof v === 'number' ? v : checkNumber(v, arg);
  if (prec < 0 && x > -9007199254740992 && x < 9007199254740992) {
    const t = Math.trunc(x);
    if (c === 100 || c === 105) {
      const sign = signByte(t < 0, flags);
      const a = t < 0 ? -t : t; // -0 writes as 0
      const len = digitCount(a);
      writeNumberStart(sign, len, flags, width);
      out.digits(a, len);
      writeNumberEnd(sign, len, flags, width);
      return;
    }
    if (t >= 0 && !(flags & F_ALT)) { // unsigned: no sign, and no prefix without '#'
      const radix = c === 117 ? 10 : c === 111 ? 8 : 16;
      const len = radix === 10 ? digitCount(t) : radixDigitCount(t, radix);
      writeNumberStart(0, len, flags, width);
      if (radix === 10) out.digits(t, len);
      else out.radixDigits(t, radix, len, c === 88);
      writeNumberEnd(0, len, flags, width);
      return;
    }
  }
  out.append(formatInteger(c, flags, width, prec, x));
}

/**
 * %f %e %g and their upper-case forms: rounded to their digits by number.ts's roundScaled and
 * sigRound (formatFloat's fast paths), written here; anything those leave to the slow path,
 * and %a, by formatFloat.
 */
export function writeFloat(c: number, flags: number, width: number, prec: number, v: LuaValue, arg: number): void {
  const x = typeof v === 'number' ? v : checkNumber(v, arg);
  const lower = c | 0x20;
  const p = prec < 0 ? 6 : prec;
  const a = x < 0 ? -x : x;
  const sign = signByte(x < 0 || (x === 0 && 1 / x < 0), flags);
  const alt = (flags & F_ALT) !== 0;
  if (lower === 102) { // f: the digits of round(a * 10^p)
    const r = p <= 9 ? roundScaled(a, p) : -1;
    if (r >= 0) {
      const unit = EXACT_POWERS[p];
      const int = Math.floor(r / unit);
      const intLen = digitCount(int);
      const len = intLen + (p > 0 ? p + 1 : alt ? 1 : 0);
      writeNumberStart(sign, len, flags, width);
      out.digits(int, intLen);
      if (p > 0 || alt) out.byte(46);
      if (p > 0) out.digits(r - int * unit, p);
      writeNumberEnd(sign, len, flags, width);
      return;
    }
  } else if (lower === 101) { // e: p + 1 significant digits and C's exponent
    const r = sigRound(a, p + 1);
    if (r >= 0) {
      const e = sigExponent;
      const unit = EXACT_POWERS[p];
      const lead = Math.floor(r / unit);
      const expLen = e < 10 && e > -10 ? 2 : digitCount(e < 0 ? -e : e);
      const len = 1 + (p > 0 ? p + 1 : alt ? 1 : 0) + 2 + expLen;
      writeNumberStart(sign, len, flags, width);
      out.digits(lead, 1);
      if (p > 0 || alt) out.byte(46);
      if (p > 0) out.digits(r - lead * unit, p);
      writeExponent(c === 69, e, expLen);
      writeNumberEnd(sign, len, flags, width);
      return;
    }
  } else if (lower === 103) { // g: p significant digits, then %e's or %f's form by their exponent
    const count = p === 0 ? 1 : p;
    const r = sigRound(a, count);
    if (r >= 0) {
      const e = sigExponent;
      const expForm = e < -4 || e >= count;
      // digits after the point: all but the first in %e's form, those after the units in %f's
      // (below 1: "0." and -e-1 zeros before all count digits)
      let fd = expForm ? count - 1 : e >= 0 ? count - 1 - e : count;
      const unit = EXACT_POWERS[fd];
      const int = e >= 0 || expForm ? Math.floor(r / unit) : 0;
      let frac = r - int * unit;
      if (!alt) { // without its trailing zeros
        while (fd > 0) {
          const q = Math.floor(frac / 10);
          if (frac !== q * 10) break;
          frac = q;
          fd--;
        }
      }
      const lead = !expForm && e < 0 ? -e - 1 : 0; // zeros after the point, before the digits
      const intLen = expForm ? 1 : digitCount(int);
      const ae = e < 0 ? -e : e;
      const expLen = !expForm ? 0 : ae < 10 ? 2 : digitCount(ae);
      const len = intLen + (fd > 0 ? lead + fd + 1 : alt ? 1 : 0) + (expForm ? 2 + expLen : 0);
      writeNumberStart(sign, len, flags, width);
      out.digits(int, intLen);
      if (fd > 0 || alt) out.byte(46);
      if (fd > 0) {
        out.fill(48, lead);
        out.digits(frac, fd);
      }
      if (expForm) writeExponent(c === 71, e, expLen);
      writeNumberEnd(sign, len, flags, width);
      return;
    }
  }
  out.append(formatFloat(c, flags, width, prec, x));
}

/** C's exponent: e (or E), its sign and at least two digits (expLen of them). */
function writeExponent(upper: boolean, e: number, expLen: number): void {
  out.byte(upper ? 69 : 101);
  out.byte(e < 0 ? 45 : 43);
  out.digits(e < 0 ? -e : e, expLen);
}

/** Any conversion `c` (a valid one) written. */
function writeConversion(c: number, flags: number, width: number, prec: number, v: LuaValue, arg: number): void {
  switch (c) {
    case 115: return writeString(v, flags, width, prec);
    case 100: case 105: case 117: case 111: case 120: case 88: return writeInteger(c, flags, width, prec, v, arg);
    case 101: case 69: case 102: case 70: case 103: case 71: return writeFloat(c, flags, width, prec, v, arg);
    default: return out.append(convert(c, flags, width, prec, v, arg));
  }
}

/** The conversions of `parsed` one after the other: what every format does, and the errors it raises. */
function formatParsed(parsed: ParsedFormat, args: LuaValue[]): string {
  const { specs, tail } = parsed;
  const nargs = args.length + 1;
  if (specs.length === 0) return tail;
  if (specs.length === 1 && specs[0].before === '' && tail === '' && nargs >= 2 && specs[0].conv !== 0) {
    const spec = specs[0]; // the text of one value: as a string, without the buffer
    return convert(spec.conv, spec.flags, spec.width, spec.prec, args[0], 2);
  }
  const start = out.len;
  try {
    for (let k = 0; k < specs.length; k++) {
      const spec = specs[k];
      out.append(spec.before);
      const c = spec.conv;
      if (c === 0) throw libError(spec.error);
      const arg = k + 2;
      if (arg > nargs) throw argError(arg, 'value expected');
      writeConversion(c, spec.flags, spec.width, spec.prec, args[k], arg);
    }
    out.append(tail);
    return out.slice(start);
  } finally {
    out.truncate(start);
  }
}

/** What compiled formats use (format-compile.ts): the buffer and the writers above. */
const HELPERS: FormatHelpers = {
  out, digitCount, writeString, writeInteger, writeFloat, writeConversion, formatParsed, convert, zeros: ZEROS, spaces: SPACES,
};

/** Uses of a format before it is compiled to a function of its own (format-compile.ts). */
const COMPILE_FORMAT_AFTER = 4;

/** string.format(fmt, ...args): `args` are the values after the format string. */
export function formatString(fmt: string, args: LuaValue[]): string {
  const parsed = parsedFormat(fmt);
  const compiled = parsed.compiled;
  if (compiled !== undefined) return compiled(args);
  if (++parsed.uses === COMPILE_FORMAT_AFTER) parsed.compiled = compileFormat(parsed, HELPERS);
  return formatParsed(parsed, args);
}

/**
 * The function of a constant format for compiled code (`string.format("%d: %s", n, s)`): its
 * values as parameters, each of the kind `formatKinds` gives; made once, when the module loads.
 */
export function formatter(fmt: string): (...values: LuaValue[]) => string {
  const parsed = parsedFormat(fmt);
  if (positionalKinds(parsed) === undefined) throw new Error(`roverc: no compiled form for the format ${JSON.stringify(fmt)}`);
  return compilePositional(parsed, HELPERS);
}

/** What formatter(fmt)'s values must be (see positionalKinds), or undefined: compiled code calls the library. */
export function formatKinds(fmt: string): ('string or number' | 'number')[] | undefined {
  return positionalKinds(parsedFormat(fmt));
}
