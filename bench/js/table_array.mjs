// Hand-written JS counterpart of bench/lua/table_array.lua: arrays grown by push, indexed sums.
const n = process.argv[2] !== undefined ? Number(process.argv[2]) : 3000000;

let sum = 0;
for (let round = 1; round <= 4; round++) {
  const t = [];
  for (let i = 1; i <= n; i++) t.push((i * round) % 1000);
  const u = [];
  for (let i = 0; i < n; i += 2) u.push(t[i] + t[i + 1]); // (an odd n fails in the Lua too: t[n + 1] is nil)
  for (let i = 0; i < t.length; i++) sum += t[i];
  for (let i = u.length - 1; i >= 0; i--) sum += u[i] * 2;
  sum %= 1000000007;
}
console.log(`checksum\t${sum}`);
