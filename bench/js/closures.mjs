// Hand-written JS counterpart of bench/lua/closures.lua: closures, captured variables, higher-order functions.
const n = process.argv[2] !== undefined ? Number(process.argv[2]) : 900000;

function counter(start) {
  let c = start;
  return (d) => (c += d);
}
const compose = (f, g) => (x) => f(g(x));

function map(t, f) {
  const r = [];
  for (let i = 0; i < t.length; i++) r.push(f(t[i]));
  return r;
}

function fold(t, f, acc) {
  for (let i = 0; i < t.length; i++) acc = f(acc, t[i]);
  return acc;
}

let total = 0;
for (let i = 1; i <= n; i++) {
  const inc = counter(i);
  inc(1);
  inc(2);
  const f = compose((x) => x * 2, (x) => x + inc(0));
  total = (total + f(i % 13)) % 1000000007;
}
const data = [];
for (let i = 1; i <= 100; i++) data.push(i);
const rounds = Math.floor(n / 100);
for (let round = 1; round <= rounds; round++) {
  const k = round % 17;
  const mapped = map(data, (x) => x * k);
  total = (total + fold(mapped, (a, b) => a + b, 0)) % 1000000007;
}
console.log(`checksum\t${total}`);
