// Which locals of a function debug.getlocal sees at a line: each local with the source
// lines where it is in scope. Shared by the interpreter (runtime/interp/debug-inspect.ts)
// and the code generator (debug tables of compiled functions), so both modes number and
// show a frame's locals alike.
import type { Node, Statement } from './ast.js';
import type { FunctionInfo, LocalVar, Resolution } from './resolve.js';

/** A local's scope in source lines: visible after its declaring statement, to its block's end. */
export interface LocalScope {
  readonly v: LocalVar;
  readonly from: number;
  readonly to: number;
}

function endLine(n: Node): number {
  return n.loc?.end.line ?? Infinity;
}

function startLine(n: Node): number {
  return n.loc?.start.line ?? 0;
}

/** The last line of a function (Infinity for a main chunk). */
export function lastLineOf(info: FunctionInfo): number {
  return info.node.type === 'Chunk' ? Infinity : endLine(info.node);
}

/** Every local of a function (not of nested functions) with its line range, in slot order. */
export function localScopes(info: FunctionInfo, decls: Resolution['decls']): LocalScope[] {
  const out: LocalScope[] = [];
  for (const p of info.params) out.push({ v: p, from: 0, to: Infinity });
  const block = (stmts: Statement[], to: number): void => {
    for (const s of stmts) {
      switch (s.type) {
        case 'LocalStatement':
          for (const id of s.variables) out.push({ v: decls.get(id)!, from: endLine(s) + 1, to });
          break;
        case 'FunctionDeclaration':
          if (s.isLocal && s.identifier?.type === 'Identifier') out.push({ v: decls.get(s.identifier)!, from: startLine(s), to });
          break;
        case 'DoStatement': case 'WhileStatement': case 'RepeatStatement':
          block(s.body, endLine(s));
          break;
        case 'IfStatement':
          for (const clause of s.clauses) block(clause.body, endLine(clause));
          break;
        case 'ForNumericStatement':
          out.push({ v: decls.get(s.variable)!, from: startLine(s), to: endLine(s) });
          block(s.body, endLine(s));
          break;
        case 'ForGenericStatement':
          for (const id of s.variables) out.push({ v: decls.get(id)!, from: startLine(s), to: endLine(s) });
          block(s.body, endLine(s));
          break;
      }
    }
  };
  block(info.node.body, lastLineOf(info));
  return out.filter((x) => x.v !== undefined).sort((a, b) => a.v.slot - b.v.slot);
}
