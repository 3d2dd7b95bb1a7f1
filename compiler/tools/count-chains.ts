// `node dist/compiler/tools/count-chains.js [--list] <file or folder>...`: counts the comma
// expressions (outermost ones only) in emitted TypeScript (see comma-chains.ts). Folders are
// searched for *.ts, skipping the runtime copy (roverc/) and declaration files. `--list`
// prints each chain's file, line and start.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { commaChains, describeChain } from './comma-chains.js';

function files(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p).flatMap((name) => (name === 'roverc' || name === 'node_modules' ? [] : files(path.join(p, name))))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
}

const args = process.argv.slice(2);
const list = args.includes('--list');
let total = 0;
for (const file of args.filter((a) => a !== '--list').flatMap(files)) {
  const found = commaChains(file, readFileSync(file, 'utf8'));
  total += found.length;
  if (list) for (const n of found) console.log(describeChain(n));
}
console.log(`${total} comma chains`);
