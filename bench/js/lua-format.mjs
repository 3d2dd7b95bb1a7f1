// Number formatting as luajit prints it, shared by the hand-written JS benchmark programs:
// %.Nf, %.Ne, %.Ng and tostring of a number (%.14g, so integers print without ".0").
// luajit's formatter rounds an exact decimal tie away from zero (0.125 -> "0.13"), as JS's
// toFixed/toExponential do, so their digits are used as they are (glibc would round to even).

const negative = (x) => x < 0 || (x === 0 && 1 / x < 0);

function special(x) {
  return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
}

/** %.<f>f */
export function fixed(x, f) {
  if (!Number.isFinite(x)) return special(x);
  const ax = Math.abs(x);
  // toFixed switches to exponent notation from 1e21; such a double is an integer, exact as a BigInt.
  const s = ax < 1e21 ? ax.toFixed(f) : BigInt(ax).toString() + (f > 0 ? '.' + '0'.repeat(f) : '');
  return negative(x) ? '-' + s : s;
}

/** "1.5e+5" (JS) -> "1.5e+05" (C): at least two exponent digits. */
function cExponent(s) {
  const e = s.indexOf('e');
  return s.length - e === 3 ? s.slice(0, e + 2) + '0' + s.slice(e + 2) : s;
}

/** %.<p>e */
export function exponent(x, p = 6) {
  if (!Number.isFinite(x)) return special(x);
  return (negative(x) && x === 0 ? '-' : '') + cExponent(x.toExponential(p));
}

function stripZeros(s) {
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/** %.<p>g: toPrecision rounds to p significant digits as %g does (fixed notation down to 1e-6, %g's to 1e-4). */
export function general(x, p = 6) {
  if (!Number.isFinite(x)) return special(x);
  if (p === 0) p = 1;
  const ax = Math.abs(x);
  const sign = negative(x) ? '-' : '';
  if (ax === 0) return sign + '0';
  let s = ax.toPrecision(p);
  if (s.startsWith('0.0000')) s = ax.toExponential(p - 1); // exponent -5 or -6: %g uses e notation
  const e = s.indexOf('e');
  if (e >= 0) return sign + cExponent((p > 1 ? stripZeros(s.slice(0, e)) : s.slice(0, e)) + s.slice(e));
  return sign + (s.indexOf('.') >= 0 ? stripZeros(s) : s);
}

/**
 * tostring(x) / print(x) of a number under luajit: %.14g. Where %g uses no exponent
 * (1e-4 <= |x| < 1e14), JS's shortest round-trip digits are %.14g's when there are at most 14.
 */
export function luaNumber(x) {
  if (x === 0) return 1 / x < 0 ? '-0' : '0';
  const ax = Math.abs(x);
  if (ax >= 1e-4 && ax < 1e14) {
    const s = String(x); // fixed notation in this range
    const digits = s.length - (x < 0 ? 1 : 0) - (s.indexOf('.') >= 0 ? 1 : 0) - leadingZeros(s);
    if (digits <= 14) return s;
  }
  return general(x, 14);
}

/** The zeros before the first significant digit of a fixed-notation number ("-0.00123": 3). */
function leadingZeros(s) {
  let i = s.charCodeAt(0) === 45 ? 1 : 0, n = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 48) n++;
    else if (c !== 46) break;
  }
  return n;
}
