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

/** %.<p>g */
export function general(x, p = 6) {
  if (!Number.isFinite(x)) return special(x);
  if (p === 0) p = 1;
  const ax = Math.abs(x);
  const sign = negative(x) ? '-' : '';
  if (ax === 0) return sign + '0';
  const s = ax.toExponential(p - 1); // the exponent after rounding to p significant digits
  const e = s.indexOf('e');
  const exp = Number(s.slice(e + 1));
  if (exp < -4 || exp >= p) return sign + cExponent((p > 1 ? stripZeros(s.slice(0, e)) : s.slice(0, e)) + s.slice(e));
  const f = ax.toFixed(p - 1 - exp);
  return sign + (p - 1 - exp > 0 ? stripZeros(f) : f);
}

/** tostring(x) / print(x) of a number under luajit: %.14g. */
export function luaNumber(x) {
  if (Number.isInteger(x) && x < 1e14 && x > -1e14) return x === 0 && 1 / x < 0 ? '-0' : String(x);
  return general(x, 14);
}
