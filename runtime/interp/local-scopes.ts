// Which locals of a function debug.getlocal sees at a line: each local with the source
// lines where it is in scope. Shared by the interpreter (debug-inspect.ts) and the code
// generator (debug tables of compiled functions), so both modes number and show a frame's
// locals alike. Kept out of compiler/: compiled programs load it (with the inspector)
// without loading the parser or the resolver (it only imports their types).
import type { ForGenericStatement, ForNumericStatement, Node, Statement } from '../../compiler/frontend/ast.js';
import type { FunctionInfo, LocalVar, Resolution } from '../../compiler/frontend/resolve.js';

/**
 * A local's scope in source lines: visible after its declaring statement, to its block's
 * end. A `for` loop's hidden locals have no LocalVar: `hidden` names the loop and which of
 * its three it is.
 */
export interface LocalScope {
  readonly name: string;
  readonly slot: number;
  readonly v?: LocalVar;
  readonly hidden?: { readonly loop: ForNumericStatement | ForGenericStatement; readonly index: number };
  readonly from: number;
  readonly to: number;
}

const NUMERIC_HIDDEN = ['(for index)', '(for limit)', '(for step)'];
const GENERIC_HIDDEN = ['(for generator)', '(for state)', '(for control)'];

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
export function localScopes(info: FunctionInfo, res: Pick<Resolution, 'decls' | 'hidden'>): LocalScope[] {
  const decls = res.decls;
  const out: LocalScope[] = [];
  const add = (v: LocalVar | undefined, from: number, to: number): void => {
    if (v !== undefined) out.push({ name: v.name, slot: v.slot, v, from, to });
  };
  const hidden = (loop: ForNumericStatement | ForGenericStatement, names: string[]): void => {
    const first = res.hidden.get(loop);
    if (first === undefined) return;
    names.forEach((name, index) => out.push({ name, slot: first + index, hidden: { loop, index }, from: startLine(loop), to: endLine(loop) }));
  };
  for (const p of info.params) add(p, 0, Infinity);
  const block = (stmts: Statement[], to: number): void => {
    for (const s of stmts) {
      switch (s.type) {
        case 'LocalStatement':
          for (const id of s.variables) add(decls.get(id), endLine(s) + 1, to);
          break;
        case 'FunctionDeclaration':
          if (s.isLocal && s.identifier?.type === 'Identifier') add(decls.get(s.identifier), startLine(s), to);
          break;
        case 'DoStatement': case 'WhileStatement': case 'RepeatStatement':
          block(s.body, endLine(s));
          break;
        case 'IfStatement':
          for (const clause of s.clauses) block(clause.body, endLine(clause));
          break;
        case 'ForNumericStatement':
          hidden(s, NUMERIC_HIDDEN);
          add(decls.get(s.variable), startLine(s), endLine(s));
          block(s.body, endLine(s));
          break;
        case 'ForGenericStatement':
          hidden(s, GENERIC_HIDDEN);
          for (const id of s.variables) add(decls.get(id), startLine(s), endLine(s));
          block(s.body, endLine(s));
          break;
      }
    }
  };
  block(info.node.body, lastLineOf(info));
  return out.sort((a, b) => a.slot - b.slot);
}
