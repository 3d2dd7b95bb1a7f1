// Hand-written JS counterpart of bench/lua/hash_strings.lua: a Map with string keys.
const n = process.argv[2] !== undefined ? Number(process.argv[2]) : 300000;

const t = new Map();
for (let i = 1; i <= n; i++) t.set('key' + i, i);
let hits = 0, sum = 0;
for (let round = 1; round <= 3; round++) {
  for (let i = 1; i <= n * 2; i += 3) {
    const v = t.get('key' + i);
    if (v !== undefined) {
      hits++;
      sum = (sum + v * round) % 1000000007;
    }
  }
}
for (let i = 1; i <= n; i += 2) t.delete('key' + i);
let left = 0;
for (const v of t.values()) left += v;
console.log(`checksum\t${hits}\t${sum}\t${left}`);
