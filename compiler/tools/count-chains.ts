// `node dist/compiler/tools/count-chains.js [--list] <file or folder>...`: counts the comma
// expressions (`(a = x, b = y, z)`, outermost ones only) in emitted TypeScript, the chains
// issue 11 asks to write as statements. Folders are searched for *.ts, skipping the runtime
// copy (roverc/) and declaration files. `--list` prints each chain's file, line and start.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

function files(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p).flatMap((name) => (name === 'roverc' || name === 'node_modules' ? [] : files(path.join(p, name))))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
}

/** The outermost comma expressions of one file. */
function chains(file: string): ts.Node[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.CommaToken) {
      found.push(n);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}

const args = process.argv.slice(2);
const list = args.includes('--list');
let total = 0;
for (const file of args.filter((a) => a !== '--list').flatMap(files)) {
  const found = chains(file);
  total += found.length;
  if (list) {
    for (const n of found) {
      const { line } = n.getSourceFile().getLineAndCharacterOfPosition(n.getStart());
      console.log(`${file}:${line + 1}: ${n.getText().replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
}
console.log(`${total} comma chains`);
