// Hand-written JS counterpart of bench/lua/text_patterns.lua: the Lua patterns as RegExps that
// match the same text (%a = [A-Za-z], %d = [0-9], %u = [A-Z], %l = [a-z], %s = [ \t\n\v\f\r]).
const n = process.argv[2] !== undefined ? Number(process.argv[2]) : 40000;

const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
const lines = [];
for (let i = 1; i <= n; i++) {
  lines.push(`${words[i % 8]}=${(i * 7) % 1000}; ${words[(i * 3) % 8]} ${words[(i * 5) % 8]}, id:${String(i).padStart(5, '0')}  tag<${words[(i * 7) % 8].toUpperCase()}>`);
}
const text = lines.join('\n');
let count = 0, sum = 0, caps = 0;
for (const [word] of text.matchAll(/[A-Za-z]+/g)) count += word.length;
for (const [, key, value] of text.matchAll(/([A-Za-z]+)=([0-9]+)/g)) sum += Number(value) + key.length;
for (const [, tag] of text.matchAll(/<([A-Z]+)>/g)) caps += tag.length;
let nrep = 0;
const replaced = text.replace(/([A-Za-z]+)[ \t\n\v\f\r]([A-Za-z]+)/g, (_, first, second) => {
  nrep++;
  return second + ' ' + first;
});
const upper = text.replace(/[a-z]+/g, (w) => (w.length > 4 ? w.toUpperCase() : w));
let ids = 0;
const idPattern = /id:([0-9]+)/;
for (const line of lines) {
  const id = idPattern.exec(line)?.[1];
  if (line.includes('gamma')) ids += Number(id);
}
const trimmed = /^[ \t\n\v\f\r]*([^]*?)[ \t\n\v\f\r]*$/.exec('   ' + lines[0] + '   ')[1];
console.log(trimmed);
console.log(`checksum\t${count}\t${sum}\t${caps}\t${nrep}\t${replaced.length}\t${upper.length}\t${ids}`);
