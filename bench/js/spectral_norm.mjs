// Hand-written JS counterpart of bench/lua/spectral_norm.lua: float loops over typed arrays.
import { fixed } from './lua-format.mjs';

const n = process.argv[2] !== undefined ? Number(process.argv[2]) : 1800;

function a(i, j) {
  const s = i + j;
  return 1.0 / ((s * (s + 1)) / 2 + i + 1);
}

function times(dst, src, transposed) {
  if (transposed) {
    for (let i = 0; i < n; i++) {
      let acc = 0.0;
      for (let j = 0; j < n; j++) acc += a(j, i) * src[j];
      dst[i] = acc;
    }
  } else {
    for (let i = 0; i < n; i++) {
      let acc = 0.0;
      for (let j = 0; j < n; j++) acc += a(i, j) * src[j];
      dst[i] = acc;
    }
  }
}

function timesAtA(dst, src, tmp) {
  times(tmp, src, false);
  times(dst, tmp, true);
}

const u = new Float64Array(n).fill(1.0);
const v = new Float64Array(n);
const tmp = new Float64Array(n);
for (let k = 0; k < 10; k++) {
  timesAtA(v, u, tmp);
  timesAtA(u, v, tmp);
}
let vbv = 0.0, vv = 0.0;
for (let i = 0; i < n; i++) {
  vbv += u[i] * v[i];
  vv += v[i] * v[i];
}
console.log(`checksum\t${fixed(Math.sqrt(vbv / vv), 9)}`);
