// Hand-written JS counterpart of bench/lua/binary_trees.lua: many small objects, recursive walks.
let maxdepth = process.argv[2] !== undefined ? Number(process.argv[2]) : 15;

class Node {
  constructor(left, right) {
    this.left = left;
    this.right = right;
  }
}

function make(depth) {
  if (depth === 0) return new Node(null, null);
  depth--;
  return new Node(make(depth), make(depth));
}

function check(tree) {
  return tree.left !== null ? 1 + check(tree.left) + check(tree.right) : 1;
}

const mindepth = 4;
if (maxdepth < mindepth + 2) maxdepth = mindepth + 2;
let total = check(make(maxdepth + 1));
console.log(`stretch\t${maxdepth + 1}\t${total}`);
const longlived = make(maxdepth);
for (let depth = mindepth; depth <= maxdepth; depth += 2) {
  const iters = Math.floor(2 ** (maxdepth - depth + mindepth));
  let sum = 0;
  for (let k = 0; k < iters; k++) sum += check(make(depth));
  console.log(`${iters}\t${depth}\t${sum}`);
  total += sum;
}
total += check(longlived);
console.log(`checksum\t${total}`);
