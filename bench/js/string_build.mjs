// Hand-written JS counterpart of bench/lua/string_build.lua: string concatenation and joins.
const n = process.argv[2] !== undefined ? Number(process.argv[2]) : 200000;

let total = 0;
for (let round = 1; round <= 3; round++) {
  let s = '';
  const m = Math.floor(n / 20);
  for (let i = 1; i <= m; i++) s = s + i + ',';
  total += s.length;
  const parts = [];
  for (let i = 1; i <= n; i++) parts.push('item' + i + ':' + ((i * round) % 97));
  const joined = parts.join(';');
  total += joined.length + joined.charCodeAt(Math.floor(joined.length / 2));
  let line = [];
  for (let i = 1; i <= n; i++) {
    line.push(i % 10);
    if (line.length === 50) {
      total += line.join('').length + Number(line.slice(0, 9).join(''));
      line = [];
    }
  }
}
console.log(`checksum\t${total}`);
