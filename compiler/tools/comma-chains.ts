// The comma expressions (`(a = x, b = y, z)`) of emitted TypeScript: issue 11 asks for
// statements instead, and the type-check test of the corpus holds the emitter to none.
import ts from 'typescript';

/** The outermost comma expressions of one file's text. */
export function commaChains(fileName: string, text: string): ts.Node[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
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

/** Where a chain starts and how it reads (its first 160 characters), for reports. */
export function describeChain(n: ts.Node): string {
  const { line } = n.getSourceFile().getLineAndCharacterOfPosition(n.getStart());
  return `${n.getSourceFile().fileName}:${line + 1}: ${n.getText().replace(/\s+/g, ' ').slice(0, 160)}`;
}
