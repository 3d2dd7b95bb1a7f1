// Hand-written JS counterpart of bench/lua/string_format.lua: the format string written out as
// a template literal, each conversion done by the matching JS call.
import { exponent, fixed, general, luaNumber } from './lua-format.mjs';

const n = process.argv[2] !== undefined ? Number(process.argv[2]) : 300000;

/** %08.3f: zero padding goes after the sign. */
function zeroPad8(x) {
  const s = fixed(x, 3);
  if (s.length >= 8) return s;
  return s.charCodeAt(0) === 45 ? '-' + s.slice(1).padStart(7, '0') : s.padStart(8, '0');
}

let len = 0, bytes = 0;
for (let i = 1; i <= n; i++) {
  const x = i * 1.37 - n / 3;
  const s = `${i}|${String(i % 1000).padStart(5)}|${String(-i).padEnd(6)}|${i.toString(16)}|${zeroPad8(x)}|${fixed(x / 7, 2)}|${general(x * 1e-3)}|${exponent(x * 1e5)}|${luaNumber((i % 8) + 0.5)}`;
  len += s.length;
  bytes = (bytes * 31 + s.charCodeAt(s.length - 1) + s.charCodeAt(11)) % 1000000007;
}
console.log(`last\t${fixed(n * 1.37, 3)} ${general(n / 3)} ${fixed(-n / 7, 1).padStart(5)}`);
console.log(`checksum\t${len}\t${bytes}`);
