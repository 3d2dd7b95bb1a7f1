// Hand-written JS counterpart of bench/lua/fib.lua: recursive Fibonacci.
const n = process.argv[2] !== undefined ? Number(process.argv[2]) : 35;

function fib(k) {
  return k < 2 ? k : fib(k - 1) + fib(k - 2);
}

let total = 0;
for (let i = n - 3; i <= n; i++) total += fib(i);
console.log(`fib\t${n}\t${fib(n)}`);
console.log(`checksum\t${total}`);
