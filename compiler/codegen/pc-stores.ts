// Drops position stores (`$s.pcs[$d] = pc;`) that write what the frame's slot already holds.
//
// A compiled frame's pc slot is written only by the frame itself: its callees write deeper
// slots, and a metamethod's naming (CallStack.nameCall) puts the pc back when the call returns.
// So along a path of the function, the slot keeps the last pc the frame stored, and a store of
// that same pc again is dead: `fib(k - 1) + fib(k - 2)` stores the call's pc once, not twice.
// A slow path (a store of a pc with no call name, before a runtime operator) also needs no store
// when the slot holds a pc of the same function and line: what reads a frame during an operator
// is its line (errors, tracebacks); the call name is read only by frames the operator pushes,
// and those are metamethods, which name themselves. This is a forward data-flow pass over the
// printed module's syntax tree, per frame; whatever it does not model makes the pc unknown.
import { ts } from 'ts-morph';

/** What the positions table tells of a pc expression (`$pc + k`). */
export interface PcFacts {
  /** The function site and line of a pc: two pcs with the same key are on the same line. */
  lineKey(pc: string): string | undefined;
  /** Whether the pc names no call (a slow path's position). */
  unnamed(pc: string): boolean;
}

const UNKNOWN = null;
const DEAD = Symbol('dead');
/** The pc the slot holds on a path: a pc expression, UNKNOWN, or DEAD (no path reaches). */
type State = string | typeof UNKNOWN | typeof DEAD;

function join(a: State, b: State): State {
  if (a === DEAD) return b;
  if (b === DEAD) return a;
  return a === b ? a : UNKNOWN;
}

/** A statement break or continue can target: a loop or a labeled statement. */
interface Target {
  readonly label: string | undefined;
  readonly loop: boolean;
  breaks: State;
  continues: State;
}

/** The frame's depth variable: a store is `$s.pcs[$d] = pc`. */
const DEPTH = '$d';

function declaresDepth(fn: ts.SignatureDeclaration): boolean {
  if (fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === DEPTH)) return true;
  const body = (fn as ts.FunctionLikeDeclarationBase).body;
  if (body === undefined || !ts.isBlock(body)) return false;
  return body.statements.some((s) => ts.isVariableStatement(s) &&
    s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === DEPTH));
}

/** Whether `node` names the frame's `$d` outside functions of their own (those are other frames). */
function namesDepth(node: ts.Node): boolean {
  if (ts.isIdentifier(node)) return node.text === DEPTH;
  if (ts.isFunctionLike(node) && declaresDepth(node)) return false;
  return ts.forEachChild(node, namesDepth) === true;
}

/** Whether a function nested in `node` names the enclosing frame's `$d` (it may store later, from anywhere). */
function closureNamesDepth(node: ts.Node): boolean {
  return ts.forEachChild(node, (c) => {
    if (ts.isFunctionLike(c)) return declaresDepth(c) ? false : namesDepth(c) || undefined;
    return closureNamesDepth(c) || undefined;
  }) === true;
}

/** The pc of a statement `$s.pcs[$d] = pc;`, or undefined. */
function storedPc(s: ts.Statement, file: ts.SourceFile): string | undefined {
  if (!ts.isExpressionStatement(s)) return undefined;
  const e = s.expression;
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = e.left;
  if (!ts.isElementAccessExpression(left) || !ts.isIdentifier(left.argumentExpression) || left.argumentExpression.text !== DEPTH) return undefined;
  const base = left.expression;
  if (!ts.isPropertyAccessExpression(base) || base.name.text !== 'pcs' || !ts.isIdentifier(base.expression) || base.expression.text !== '$s') return undefined;
  if (namesDepth(e.right)) return undefined;
  return e.right.getText(file);
}

class FrameFlow {
  readonly dead: ts.Statement[] = [];
  private readonly targets: Target[] = [];

  constructor(private readonly file: ts.SourceFile, private readonly facts: PcFacts) {}

  /** The state after an expression: unknown if it may store (or hand `$d` to code that does). */
  private expr(e: ts.Node | undefined, state: State): State {
    return e !== undefined && namesDepth(e) ? UNKNOWN : state;
  }

  private redundant(pc: string, state: State): boolean {
    if (typeof state !== 'string') return false;
    if (state === pc) return true;
    const key = this.facts.lineKey(pc);
    return this.facts.unnamed(pc) && key !== undefined && key === this.facts.lineKey(state);
  }

  statements(list: readonly ts.Statement[], state: State): State {
    for (const s of list) state = this.statement(s, state);
    return state;
  }

  statement(s: ts.Statement, state: State): State {
    const pc = storedPc(s, this.file);
    if (pc !== undefined) {
      if (this.redundant(pc, state)) {
        this.dead.push(s);
        return state;
      }
      return pc;
    }
    if (ts.isBlock(s)) return this.statements(s.statements, state);
    if (ts.isExpressionStatement(s)) return this.expr(s.expression, state);
    if (ts.isVariableStatement(s)) return this.expr(s.declarationList, state);
    if (ts.isEmptyStatement(s) || ts.isFunctionDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) return state;
    if (ts.isIfStatement(s)) {
      const test = this.expr(s.expression, state);
      const then = this.statement(s.thenStatement, test);
      return join(then, s.elseStatement === undefined ? test : this.statement(s.elseStatement, test));
    }
    if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return DEAD;
    if (ts.isBreakStatement(s) || ts.isContinueStatement(s)) {
      const target = this.target(s);
      if (target === undefined) this.unknownTargets();
      else if (ts.isBreakStatement(s)) target.breaks = join(target.breaks, state);
      else target.continues = join(target.continues, state);
      return DEAD;
    }
    if (ts.isLabeledStatement(s)) return this.labeled(s.label.text, s.statement, state);
    if (ts.isIterationStatement(s, false)) return this.loop(undefined, s, state);
    // switch, try and the rest: not modelled
    this.unknownTargets();
    return UNKNOWN;
  }

  private target(s: ts.BreakStatement | ts.ContinueStatement): Target | undefined {
    for (let i = this.targets.length - 1; i >= 0; i--) {
      const t = this.targets[i];
      if (s.label !== undefined ? t.label === s.label.text : t.loop) return t;
    }
    return undefined;
  }

  /** A jump this pass does not follow: every target's state becomes unknown. */
  private unknownTargets(): void {
    for (const t of this.targets) t.breaks = t.continues = UNKNOWN;
  }

  private labeled(label: string, s: ts.Statement, state: State): State {
    if (ts.isIterationStatement(s, false)) return this.loop(label, s, state);
    const target: Target = { label, loop: false, breaks: DEAD, continues: DEAD };
    this.targets.push(target);
    const out = this.statement(s, state);
    this.targets.pop();
    return join(out, target.breaks);
  }

  /** A loop: its head's state is found by iterating to a fixpoint (at most twice: UNKNOWN absorbs). */
  private loop(label: string | undefined, s: ts.IterationStatement, state: State): State {
    let entry = state;
    if (ts.isForStatement(s)) entry = this.expr(s.initializer, state);
    else if (ts.isForOfStatement(s) || ts.isForInStatement(s)) entry = this.expr(s.expression, this.expr(s.initializer, state));
    let head = entry;
    for (;;) {
      const mark = this.dead.length;
      const target: Target = { label, loop: true, breaks: DEAD, continues: DEAD };
      this.targets.push(target);
      let back: State;
      let exit: State;
      if (ts.isDoStatement(s)) {
        const end = join(this.statement(s.statement, head), target.continues);
        back = this.expr(s.expression, end);
        exit = back;
      } else {
        const cond = ts.isForStatement(s) ? s.condition : ts.isWhileStatement(s) ? s.expression : undefined;
        const tested = this.expr(cond, head);
        const end = join(this.statement(s.statement, tested), target.continues);
        back = ts.isForStatement(s) ? this.expr(s.incrementor, end) : end;
        // for (;;) and while (true) leave only by break
        const endless = ts.isForStatement(s) ? cond === undefined : ts.isWhileStatement(s) && cond!.kind === ts.SyntaxKind.TrueKeyword;
        exit = endless ? DEAD : tested;
      }
      this.targets.pop();
      const next = join(entry, back);
      if (next === head) return join(exit, target.breaks);
      this.dead.length = mark;
      head = next;
    }
  }
}

/** Whether the line holding `s` holds nothing else but comments (the Lua line marks). */
function aloneOnLine(text: string, start: number, end: number): { from: number; to: number } | undefined {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  let to = text.indexOf('\n', end);
  if (to < 0) to = text.length;
  if (text.slice(from, start).trim() !== '') return undefined;
  if (text.slice(end, to).replace(/\/\*.*?\*\//g, '').trim() !== '') return undefined;
  return { from, to: Math.min(to + 1, text.length) };
}

/** The module's text without its dead position stores (each is a line of its own). */
export function dropDeadPcStores(file: ts.SourceFile, facts: PcFacts): string {
  const text = file.getFullText();
  const dead: ts.Statement[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && declaresDepth(node)) {
      const body = (node as ts.FunctionLikeDeclarationBase).body;
      if (body !== undefined && ts.isBlock(body) && !closureNamesDepth(body)) {
        const flow = new FrameFlow(file, facts);
        flow.statements(body.statements, UNKNOWN);
        dead.push(...flow.dead);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (dead.length === 0) return text;
  const cuts = dead.map((s) => aloneOnLine(text, s.getStart(file), s.end)).filter((c) => c !== undefined);
  cuts.sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const c of cuts) {
    out += text.slice(at, c.from);
    at = c.to;
  }
  return out + text.slice(at);
}
