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

/** tonumber(s, base) for bases 2..36: an optional sign and digits, surrounding spaces. */
export function stringToNumberBase(s: string, base: number): number | undefined {
  const t = s.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');
  let i = 0;
  let neg = false;
  if (t[0] === '-') { neg = true; i = 1; }
  if (i >= t.length) return undefined;
  let v = 0;
  for (; i < t.length; i++) {
    const d = parseInt(t[i], 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    v = v * base + d;
  }
  return neg ? -v : v;
}
