// The luaparse AST types, with the extras roverc relies on (ranges, parentheses).
import type * as lp from 'luaparse/lib/ast.js';

export type {
  AssignmentStatement, BinaryExpression, BooleanLiteral, BreakStatement, CallExpression, CallStatement,
  Chunk, DoStatement, ElseClause, ElseifClause, Expression, ForGenericStatement, ForNumericStatement,
  FunctionDeclaration, GotoStatement, Identifier, IfClause, IfStatement, IndexExpression, LabelStatement,
  LocalStatement, LogicalExpression, MemberExpression, NilLiteral, Node, NumericLiteral, RepeatStatement,
  ReturnStatement, Statement, StringCallExpression, StringLiteral, TableCallExpression,
  TableConstructorExpression, TableKey, TableKeyString, TableValue, UnaryExpression, VarargLiteral,
  WhileStatement,
} from 'luaparse/lib/ast.js';

/** Any call form. */
export type AnyCall = lp.CallExpression | lp.StringCallExpression | lp.TableCallExpression;

/** Extra fields luaparse sets (ranges) or roverc's parser adds (inParens). */
interface Extras {
  range?: [number, number];
  inParens?: boolean;
}

export function rangeOf(node: lp.Node): [number, number] {
  return (node as Extras).range ?? [0, 0];
}

export function lineOf(node: lp.Node): number {
  return node.loc?.start.line ?? 0;
}

/**
 * The line an operation (arithmetic, comparison, concatenation, indexing, a call) reports in
 * errors and tracebacks: luajit's parser emits its instruction after the last token of its
 * operands, and gives it that token's line, so `a ..` / `b` fails on b's line.
 */
export function opLine(node: lp.Node): number {
  return node.loc?.end.line ?? 0;
}

/**
 * The line of a call: that of its `(` (the callee's last line: luajit refuses a `(` on a new
 * line) or of its string or table argument; `return f(...)` is emitted after the whole call,
 * on the line of its last token.
 */
export function callLine(e: AnyCall, tail: boolean): number {
  if (tail) return opLine(e);
  if (e.type === 'CallExpression') return opLine(e.base);
  return lineOf(e.type === 'StringCallExpression' ? e.argument : e.arguments);
}

/** True when a multi-value expression is wrapped in parentheses (adjusted to one value). */
export function inParens(node: lp.Node): boolean {
  return (node as Extras).inParens === true;
}

export function markInParens(node: lp.Node): void {
  (node as Extras).inParens = true;
}

export function isCall(node: lp.Node): node is AnyCall {
  return node.type === 'CallExpression' || node.type === 'StringCallExpression' || node.type === 'TableCallExpression';
}

/** Expressions that can produce several values (when not in parentheses). */
export function isMultiValue(node: lp.Expression): boolean {
  return (isCall(node) || node.type === 'VarargLiteral') && !inParens(node);
}

/** The argument expressions of any call form. */
export function callArguments(node: AnyCall): lp.Expression[] {
  switch (node.type) {
    case 'CallExpression': return node.arguments;
    case 'StringCallExpression': return [node.argument];
    case 'TableCallExpression': return [node.arguments];
  }
}

/** The return statements of a function body, not those of nested functions. */
export function returnStatements(body: lp.Statement[]): lp.ReturnStatement[] {
  const out: lp.ReturnStatement[] = [];
  const visit = (stmts: lp.Statement[]): void => {
    for (const s of stmts) {
      switch (s.type) {
        case 'ReturnStatement': out.push(s); break;
        case 'IfStatement': for (const c of s.clauses) visit(c.body); break;
        case 'WhileStatement': case 'RepeatStatement': case 'DoStatement': case 'ForNumericStatement': case 'ForGenericStatement':
          visit(s.body);
          break;
      }
    }
  };
  visit(body);
  return out;
}
