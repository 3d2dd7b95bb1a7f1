// Number <-> string conversions with luajit's exact output (lj_strfmt_num, lj_strscan).
// luajit rounds decimal ties half up, as JS toFixed/toPrecision do, so those are exact here.

/** tostring(n): C's "%.14g"; luajit prints every NaN as "nan". */
export function numberToString(n: number): string {
  if (Number.isInteger(n) && n < 1e14 && n > -1e14) {
    return n === 0 && 1 / n < 0 ? '-0' : String(n);
  }
  return formatG(n, 14, false, false);
}

function nonFinite(n: number, upper: boolean): string {
  const s = Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf';
  return upper ? s.toUpperCase() : s;
}

/** %e with `prec` digits after the point. */
export function formatE(n: number, prec: number, alt: boolean, upper: boolean): string {
  if (!Number.isFinite(n)) return nonFinite(n, upper);
  const neg = n < 0 || (n === 0 && 1 / n < 0);
  let s = Math.abs(n).toExponential(Math.min(prec, 100));
  s = fixExponent(s);
  if (alt && prec === 0) s = s.replace('e', '.e');
  if (upper) s = s.toUpperCase();
  return neg ? '-' + s : s;
}

/** %f with `prec` digits after the point. */
export function formatF(n: number, prec: number, alt: boolean): string {
  if (!Number.isFinite(n)) return nonFinite(n, false);
  const neg = n < 0 || (n === 0 && 1 / n < 0);
  const a = Math.abs(n);
  let s = a < 1e21 ? a.toFixed(Math.min(prec, 100)) : bigFixed(a, prec);
  if (alt && prec === 0) s += '.';
  return neg ? '-' + s : s;
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
    const exp = Number(a.toExponential(prec - 1).split('e')[1]);
    if (exp < -4 || exp >= prec) {
      s = fixExponent(a.toExponential(prec - 1));
      if (!alt) s = s.replace(/\.?0+e/, 'e');
      else if (!s.includes('.')) s = s.replace('e', '.e');
    } else {
      s = a.toFixed(prec - 1 - exp);
      if (!alt) {
        if (s.includes('.')) s = s.replace(/\.?0+$/, '');
      } else if (!s.includes('.')) {
        s += '.';
      }
    }
  }
  if (upper) s = s.toUpperCase();
  return neg ? '-' + s : s;
}

/** JS writes e+5; C writes at least two exponent digits: e+05. */
function fixExponent(s: string): string {
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
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
