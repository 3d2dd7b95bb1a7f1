// Number <-> string conversions with luajit's exact output (lj_strfmt_num, lj_strscan).
// luajit rounds decimal ties half up, as JS toFixed/toPrecision do, so those are exact here.

/**
 * Whether tostring writes n as JS's String(n) does, in full: an integer below 10^14 ("%.14g"
 * switches to an exponent there) that is not -0 (String(-0) is "0", tostring's "-0").
 */
export function writtenAsJsInteger(n: number): boolean {
  return Number.isInteger(n) && n < 1e14 && n > -1e14 && !(n === 0 && 1 / n < 0);
}

/** tostring(n): C's "%.14g"; luajit prints every NaN as "nan". */
export function numberToString(n: number): string {
  if (writtenAsJsInteger(n)) return String(n);
  if (n === 0) return '-0';
  return fewDecimals(n) || formatG(n, 14, false, false);
}

const DECIMAL_SCALES = [1, 10, 100, 1000, 1e4, 1e5, 1e6];

/**
 * %.14g of n when n is within rounding of a decimal with at most 6 places and 14 digits
 * (0.5, 3.25, 100.125: most floats a program prints), else ''. If n * 10^k rounds to an
 * integer m, n is within |n| * 2^-53 of m / 10^k, far less than half a unit of the 14th digit,
 * so %.14g is m / 10^k written out (for the smallest such k: no trailing zeros).
 */
function fewDecimals(n: number): string {
  const a = n < 0 ? -n : n;
  if (!(a >= 1e-4 && a < 1e14)) return ''; // %g's fixed form only
  for (let k = 1; k <= 6; k++) {
    const scale = DECIMAL_SCALES[k];
    const m = a * scale;
    if (m >= 1e14) return '';
    if (Number.isInteger(m)) {
      if (m * 1e4 < scale) return ''; // below 1e-4 once rounded
      const int = Math.floor(m / scale);
      const frac = String(m - int * scale);
      let digits = ZERO_RUNS[k - frac.length] + frac;
      let end = k;
      while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
      digits = digits.slice(0, end);
      const sign = n < 0 ? '-' : '';
      return end === 0 ? sign + String(int) : sign + String(int) + '.' + digits;
    }
  }
  return '';
}

function nonFinite(n: number, upper: boolean): string {
  const s = Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf';
  return upper ? s.toUpperCase() : s;
}

/** 10^k for k = 0..22: every one exact as a double. */
export const EXACT_POWERS: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) EXACT_POWERS.push(p);

/**
 * round(a * 10^shift) for a >= 0 and |shift| <= 22, or -1 when that could round otherwise
 * than the exact value would: the scaled value is off by at most half an ulp, so only one
 * within that of a tie (x.5) is left to the caller (and ties themselves, which luajit rounds up).
 */
export function roundScaled(a: number, shift: number): number {
  const scaled = shift >= 0 ? a * EXACT_POWERS[shift] : a / EXACT_POWERS[-shift];
  if (!(scaled < 2251799813685248)) return -1; // 2^51: integers and x + 0.5 stay exact
  const floor = Math.floor(scaled);
  const d = scaled - floor - 0.5;
  const margin = scaled * 2.3e-16;
  if (!(d > margin || d < -margin - 1e-300)) return -1;
  return d > 0 ? floor + 1 : floor;
}

/** The decimal exponent of the digits sigRound and sigDigits returned. */
export let sigExponent = 0;

/**
 * The `count` (1..15) significant digits of a (1e-15 <= a < 1e22) as C's %e rounds them, as
 * an integer of `count` digits, their exponent in sigExponent; -1 when that needs the slow
 * path (a near tie, out of range).
 */
export function sigRound(a: number, count: number): number {
  if (!(a >= 1e-15 && a < 1e22) || count > 15) return -1;
  // the decimal exponent: the largest x with 10^x <= a
  let x = 0;
  if (a >= 1) { // by bisection over the exact powers (cheaper than log10)
    let hi = 21;
    while (x < hi) {
      const mid = (x + hi + 1) >> 1;
      if (a >= EXACT_POWERS[mid]) x = mid;
      else hi = mid - 1;
    }
  } else { // 10^x is not exact: compare a * 10^-x with 1 (only a value within an ulp of a power can come out either way)
    x = Math.floor(Math.log10(a));
    while (x > -16 && a * EXACT_POWERS[-x] < 1) x--;
    while (x < -1 && a * EXACT_POWERS[-x - 1] >= 1) x++;
  }
  const shift = count - 1 - x;
  if (shift > 22) return -1;
  const r = roundScaled(a, shift);
  if (r < 0 || r < EXACT_POWERS[count - 1] || r > EXACT_POWERS[count]) return -1; // (x off: the slow path)
  if (r === EXACT_POWERS[count]) { // rounded up to the next power of ten
    sigExponent = x + 1;
    return EXACT_POWERS[count - 1];
  }
  sigExponent = x;
  return r;
}

/** sigRound's digits as a string, or '' (the slow path). */
function sigDigits(a: number, count: number): string {
  const r = sigRound(a, count);
  return r < 0 ? '' : String(r);
}

/** "e+05": C's exponent, at least two digits. */
function exponentSuffix(x: number, upper: boolean): string {
  const a = x < 0 ? -x : x;
  return (upper ? 'E' : 'e') + (x < 0 ? '-' : '+') + (a < 10 ? '0' : '') + a;
}

/** %e with `prec` digits after the point. */
export function formatE(n: number, prec: number, alt: boolean, upper: boolean): string {
  if (!Number.isFinite(n)) return nonFinite(n, upper);
  const neg = n < 0 || (n === 0 && 1 / n < 0);
  const a = Math.abs(n);
  const digits = sigDigits(a, prec + 1);
  if (digits !== '') {
    const m = prec > 0 ? digits[0] + '.' + digits.slice(1) : alt ? digits + '.' : digits;
    const s = m + exponentSuffix(sigExponent, upper);
    return neg ? '-' + s : s;
  }
  let s = fixExponent(a.toExponential(Math.min(prec, 100)));
  if (alt && prec === 0) s = s.replace('e', '.e');
  if (upper) s = s.toUpperCase();
  return neg ? '-' + s : s;
}

/** %f with `prec` digits after the point. */
export function formatF(n: number, prec: number, alt: boolean): string {
  if (!Number.isFinite(n)) return nonFinite(n, false);
  const neg = n < 0 || (n === 0 && 1 / n < 0);
  const a = Math.abs(n);
  let s = a < 1e21 ? (prec <= 9 && scaledFixed(a, prec)) || a.toFixed(Math.min(prec, 100)) : bigFixed(a, prec);
  if (alt && prec === 0) s += '.';
  return neg ? '-' + s : s;
}

const POWERS_OF_TEN = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const ZERO_RUNS = ['', '0', '00', '000', '0000', '00000', '000000', '0000000', '00000000', '000000000'];

/**
 * toFixed(prec) of a >= 0 by integer arithmetic, or '' when that could round otherwise: a * 10^prec
 * is off its exact value by at most half an ulp, so when it is farther than that from a
 * tie (x.5) it rounds the same way; ties and near-ties are left to toFixed (which rounds
 * the exact value, ties up, as luajit does).
 */
function scaledFixed(a: number, prec: number): string {
  const r = roundScaled(a, prec);
  if (r < 0) return '';
  const unit = POWERS_OF_TEN[prec];
  const int = Math.floor(r / unit);
  if (prec === 0) return String(int);
  const frac = String(r - int * unit);
  return String(int) + '.' + ZERO_RUNS[prec - frac.length] + frac;
}

/** %g with `prec` significant digits. */
export function formatG(n: number, prec: number, alt: boolean, upper: boolean): string {
  if (!Number.isFinite(n)) return nonFinite(n, upper);
  if (prec === 0) prec = 1;
  const neg = n < 0 || (n === 0 && 1 / n < 0);
  const a = Math.abs(n);
  let s: string;
  if (a === 0) {
    s = alt ? '0.' + '0'.repeat(prec - 1) : '0';
  } else {
    // The prec digits and the exponent C's %e would give; %g chooses its form by that exponent.
    let digits = sigDigits(a, prec);
    let exp = sigExponent;
    if (digits === '') {
      const e = a.toExponential(prec - 1);
      const ei = e.indexOf('e');
      exp = Number(e.slice(ei + 1));
      digits = prec > 1 ? e[0] + e.slice(2, ei) : e.slice(0, ei);
    }
    if (exp < -4 || exp >= prec) {
      let m = prec > 1 ? digits[0] + '.' + digits.slice(1) : digits;
      if (!alt) m = stripZeros(m);
      else if (prec === 1) m += '.';
      const x = exp < 0 ? -exp : exp;
      s = m + (exp < 0 ? 'e-' : 'e+') + (x < 10 ? '0' : '') + x;
    } else {
      let int: string;
      let frac: string;
      if (exp >= 0) {
        int = digits.slice(0, exp + 1);
        frac = digits.slice(exp + 1);
      } else {
        int = '0';
        frac = '0'.repeat(-exp - 1) + digits;
      }
      if (!alt) frac = stripFractionZeros(frac);
      s = frac !== '' ? int + '.' + frac : alt ? int + '.' : int;
    }
  }
  if (upper) s = s.toUpperCase();
  return neg ? '-' + s : s;
}

/** A mantissa "d.ddd" without its trailing zeros, and without the point when nothing follows it. */
function stripZeros(m: string): string {
  if (m.indexOf('.') < 0) return m;
  let end = m.length;
  while (m.charCodeAt(end - 1) === 48) end--;
  if (m.charCodeAt(end - 1) === 46) end--;
  return end === m.length ? m : m.slice(0, end);
}

/** Fraction digits without their trailing zeros. */
function stripFractionZeros(f: string): string {
  let end = f.length;
  while (end > 0 && f.charCodeAt(end - 1) === 48) end--;
  return end === f.length ? f : f.slice(0, end);
}

/** JS writes e+5; C writes at least two exponent digits: e+05. */
function fixExponent(s: string): string {
  const n = s.length;
  const sign = s.charCodeAt(n - 2);
  return sign === 43 || sign === 45 ? s.slice(0, n - 1) + '0' + s[n - 1] : s;
}

/** toFixed switches to exponent form from 1e21; C prints every digit. */
function bigFixed(a: number, prec: number): string {
  const int = BigInt(a).toString();
  return prec > 0 ? int + '.' + '0'.repeat(prec) : int;
}

const DECIMAL = /^[ \t\n\r\f\v]*([+-]?)(?:(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?|(inf(?:inity)?|nan))[ \t\n\r\f\v]*$/i;
const BINARY = /^[ \t\n\r\f\v]*([+-]?)0[bB]([01]+)[ \t\n\r\f\v]*$/;
const HEX = /^[ \t\n\r\f\v]*([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?[ \t\n\r\f\v]*$/;

/** Lua's string -> number conversion (tonumber without base, arithmetic coercion). */
export function stringToNumber(s: string): number | undefined {
  const len = s.length;
  if (len > 0 && len <= 15) {
    // plain digits (tonumber of a captured number): no regex
    let v = 0;
    let i = 0;
    for (; i < len; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
    }
    if (i === len) return v;
  }
  let m = DECIMAL.exec(s);
  if (m !== null) {
    const sign = m[1] === '-' ? -1 : 1;
    if (m[4] !== undefined) return /^n/i.test(m[4]) ? NaN : sign * Infinity;
    return sign * Number(m[2] + (m[3] !== undefined ? 'e' + m[3] : ''));
  }
  m = HEX.exec(s);
  if (m !== null) {
    const intDigits = m[2];
    const fracDigits = m[3] ?? '';
    if (intDigits === '' && fracDigits === '') return undefined;
    let v = 0;
    for (const c of intDigits) v = v * 16 + parseInt(c, 16);
    let scale = 1 / 16;
    for (const c of fracDigits) {
      v += parseInt(c, 16) * scale;
      scale /= 16;
    }
    if (m[4] !== undefined) v *= Math.pow(2, Number(m[4]));
    return m[1] === '-' ? -v : v;
  }
  m = BINARY.exec(s); // luajit 2.1's lj_strscan reads 0b literals too
  if (m !== null) {
    const v = parseInt(m[2], 2);
    return m[1] === '-' ? -v : v;
  }
  return undefined;
}

/**
 * tonumber(s, base) for bases 2..36 other than 10, as luajit does it: spaces, one sign,
 * then C's strtoul (which takes a 0x prefix in base 16 and saturates at 2^64-1), spaces.
 * The string ends at its first NUL byte, as a C string would.
 */
export function stringToNumberBase(s: string, base: number): number | undefined {
  const nul = s.indexOf('\0');
  const t = nul >= 0 ? s.slice(0, nul) : s;
  let i = 0;
  while (i < t.length && isCSpace(t.charCodeAt(i))) i++;
  let neg = false;
  if (t[i] === '-') { neg = true; i++; } else if (t[i] === '+') i++;
  if (base === 16 && t[i] === '0' && (t[i + 1] === 'x' || t[i + 1] === 'X') && digitValue(t.charCodeAt(i + 2)) < 16) i += 2;
  const start = i;
  let v = 0n;
  const b = BigInt(base);
  for (; i < t.length; i++) {
    const d = digitValue(t.charCodeAt(i));
    if (d >= base) break;
    v = v * b + BigInt(d);
  }
  if (i === start) return undefined;
  while (i < t.length && isCSpace(t.charCodeAt(i))) i++;
  if (i < t.length) return undefined;
  const n = Number(v > ULONG_MAX ? ULONG_MAX : v);
  return neg ? -n : n;
}

const ULONG_MAX = (1n << 64n) - 1n;

function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** A digit's value in bases up to 36 (36 for anything that is not a digit or ASCII letter). */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  if (c >= 97 && c <= 122) return c - 87;
  return 36;
}
