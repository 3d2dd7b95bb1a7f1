// Scope resolution: binds every name to a local slot, an upvalue or a global, checks
// labels and gotos, and records per-function facts. The result is the analysed tree
// that both the interpreter and the code generator consume.
import type {
  Chunk, Expression, ForGenericStatement, ForNumericStatement, FunctionDeclaration, GotoStatement,
  Identifier, LabelStatement, Node, Statement,
} from './ast.js';
import { lineOf, rangeOf } from './ast.js';
import { Diagnostic, positionAt } from './diagnostics.js';

export interface LocalVar {
  readonly name: string;
  readonly id: number;
  /** Register index in the frame of the declaring function. */
  readonly slot: number;
  readonly fn: FunctionInfo;
  readonly decl: Identifier;
  /** Referenced from an inner function: needs a cell shared with closures. */
  captured: boolean;
  /** Assigned again after its declaration. */
  reassigned: boolean;
  /** The block it is declared in: two locals can see each other only if one's encloses the other's. */
  readonly block: BlockScope;
}

/** A Lua block, as the scope of the locals declared in it. */
export interface BlockScope {
  readonly parent: BlockScope | undefined;
}

export interface FunctionInfo {
  readonly node: FunctionDeclaration | Chunk;
  readonly parent: FunctionInfo | undefined;
  readonly params: LocalVar[];
  readonly isVararg: boolean;
  /** Variables of enclosing functions this function needs (for itself or inner functions). */
  readonly upvalues: LocalVar[];
  slotCount: number;
  /** Line of the `function` keyword; 0 for the main chunk. */
  readonly line: number;
  /** The block of the enclosing function its definition is in (undefined: the main chunk). */
  readonly block: BlockScope | undefined;
}

export type VarRef =
  | { readonly kind: 'local'; readonly v: LocalVar }
  | { readonly kind: 'upvalue'; readonly v: LocalVar; readonly index: number }
  | { readonly kind: 'global'; readonly name: string };

export interface LabelTarget {
  /** The statement list that holds the label, and the label's index in it. */
  readonly block: Statement[];
  readonly index: number;
}

export interface Resolution {
  readonly file: string;
  readonly chunk: Chunk;
  readonly main: FunctionInfo;
  /** Every identifier read or assigned as a variable. */
  readonly refs: Map<Identifier, VarRef>;
  /** Every identifier that declares a local (local statements, parameters, loop variables). */
  readonly decls: Map<Identifier, LocalVar>;
  readonly functions: Map<FunctionDeclaration | Chunk, FunctionInfo>;
  readonly labels: Map<LabelStatement, LabelTarget>;
  readonly gotos: Map<GotoStatement, LabelStatement>;
  /**
   * A `for` loop's hidden locals, as luajit has them in registers before the loop's
   * variables ("(for index)", "(for limit)", "(for step)"; "(for generator)", "(for state)",
   * "(for control)"): the first of their three slots.
   */
  readonly hidden: Map<ForNumericStatement | ForGenericStatement, number>;
}

interface Scope extends BlockScope {
  readonly vars: Map<string, LocalVar>;
  readonly parent: Scope | undefined;
  readonly fn: FunctionInfo;
}

interface BlockCtx {
  readonly stmts: Statement[];
  readonly labels: Map<string, { stmt: LabelStatement; index: number }>;
  readonly parent: BlockCtx | undefined;
  readonly fn: FunctionInfo;
  /** Index of the statement being resolved in this block. */
  current: number;
}

let nextVarId = 1;

export function resolve(file: string, text: string, chunk: Chunk): Resolution {
  return new Resolver(file, text, chunk).run();
}

class Resolver {
  private readonly refs = new Map<Identifier, VarRef>();
  private readonly decls = new Map<Identifier, LocalVar>();
  private readonly functions = new Map<FunctionDeclaration | Chunk, FunctionInfo>();
  private readonly labels = new Map<LabelStatement, LabelTarget>();
  private readonly gotos = new Map<GotoStatement, LabelStatement>();
  private readonly hidden = new Map<ForNumericStatement | ForGenericStatement, number>();
  private readonly upvalueIndex = new Map<FunctionInfo, Map<LocalVar, number>>();
  private scope!: Scope;
  private block: BlockCtx | undefined;

  constructor(private readonly file: string, private readonly text: string, private readonly chunk: Chunk) {}

  run(): Resolution {
    const main = this.newFunction(this.chunk, undefined, true, 0);
    this.scope = { vars: new Map(), parent: undefined, fn: main };
    this.resolveBlock(this.chunk.body);
    return {
      file: this.file, chunk: this.chunk, main, refs: this.refs, decls: this.decls,
      functions: this.functions, labels: this.labels, gotos: this.gotos, hidden: this.hidden,
    };
  }

  private error(node: Node, message: string): never {
    throw new Diagnostic(this.file, positionAt(this.text, rangeOf(node)[0]), message, this.text);
  }

  private newFunction(node: FunctionDeclaration | Chunk, parent: FunctionInfo | undefined, isVararg: boolean, line: number): FunctionInfo {
    const info: FunctionInfo = { node, parent, params: [], isVararg, upvalues: [], slotCount: 0, line, block: parent === undefined ? undefined : this.scope };
    this.functions.set(node, info);
    this.upvalueIndex.set(info, new Map());
    return info;
  }

  private declare(id: Identifier): LocalVar {
    const fn = this.scope.fn;
    const v: LocalVar = { name: id.name, id: nextVarId++, slot: fn.slotCount++, fn, decl: id, captured: false, reassigned: false, block: this.scope };
    this.scope.vars.set(id.name, v);
    this.decls.set(id, v);
    return v;
  }

  private declareHidden(s: ForNumericStatement | ForGenericStatement): void {
    const fn = this.scope.fn;
    this.hidden.set(s, fn.slotCount);
    fn.slotCount += 3;
  }

  private pushScope(): void {
    this.scope = { vars: new Map(), parent: this.scope, fn: this.scope.fn };
  }

  private popScope(): void {
    this.scope = this.scope.parent!;
  }

  private lookup(name: string): LocalVar | undefined {
    for (let s: Scope | undefined = this.scope; s !== undefined; s = s.parent) {
      const v = s.vars.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** The upvalue index of `v` in `fn`, threading it through every function in between. */
  private upvalue(fn: FunctionInfo, v: LocalVar): number {
    const index = this.upvalueIndex.get(fn)!;
    let i = index.get(v);
    if (i === undefined) {
      if (fn.parent !== undefined && fn.parent !== v.fn) this.upvalue(fn.parent, v);
      i = fn.upvalues.length;
      fn.upvalues.push(v);
      index.set(v, i);
    }
    return i;
  }

  private reference(id: Identifier, assigning: boolean): void {
    const v = this.lookup(id.name);
    if (v === undefined) {
      this.refs.set(id, { kind: 'global', name: id.name });
      return;
    }
    if (assigning) v.reassigned = true;
    const fn = this.scope.fn;
    if (v.fn === fn) {
      this.refs.set(id, { kind: 'local', v });
    } else {
      v.captured = true;
      this.refs.set(id, { kind: 'upvalue', v, index: this.upvalue(fn, v) });
    }
  }

  // ---- blocks, labels and gotos ----

  private resolveBlock(stmts: Statement[], before?: () => void, after?: () => void): void {
    this.pushScope();
    const labels = new Map<string, { stmt: LabelStatement; index: number }>();
    stmts.forEach((s, index) => {
      if (s.type !== 'LabelStatement') return;
      const name = s.label.name;
      // luajit allows the same label in nested blocks, not twice in one block.
      if (labels.has(name)) this.error(s, `duplicate label '${name}'`);
      labels.set(name, { stmt: s, index });
      this.labels.set(s, { block: stmts, index });
    });
    this.block = { stmts, labels, parent: this.block, fn: this.scope.fn, current: 0 };
    before?.();
    stmts.forEach((s, i) => {
      this.block!.current = i;
      this.resolveStatement(s);
    });
    after?.();
    this.block = this.block.parent;
    this.popScope();
  }

  private resolveGoto(g: GotoStatement): void {
    const name = g.label.name;
    for (let b = this.block; b !== undefined && b.fn === this.scope.fn; b = b.parent) {
      const target = b.labels.get(name);
      if (target === undefined) continue;
      if (target.index > b.current) this.checkJumpIntoScope(g, b, target.index);
      this.gotos.set(g, target.stmt);
      return;
    }
    this.error(g, `undefined label '${name}'`);
  }

  /** A forward goto may not skip a local declaration, unless the label ends the block. */
  private checkJumpIntoScope(g: GotoStatement, b: BlockCtx, labelIndex: number): void {
    const endsBlock = b.stmts.slice(labelIndex + 1).every((s) => s.type === 'LabelStatement');
    if (endsBlock) return;
    for (let i = b.current + 1; i < labelIndex; i++) {
      const s = b.stmts[i];
      const name = s.type === 'LocalStatement' ? s.variables[0].name
        : s.type === 'FunctionDeclaration' && s.isLocal && s.identifier?.type === 'Identifier' ? s.identifier.name
          : undefined;
      if (name !== undefined) {
        this.error(g, `<goto ${g.label.name}> at line ${lineOf(g)} jumps into the scope of local '${name}'`);
      }
    }
  }

  // ---- statements ----

  private resolveStatement(s: Statement): void {
    switch (s.type) {
      case 'LocalStatement':
        s.init.forEach((e) => this.resolveExpr(e));
        s.variables.forEach((id) => this.declare(id));
        return;
      case 'AssignmentStatement':
        s.init.forEach((e) => this.resolveExpr(e));
        s.variables.forEach((target) => {
          if (target.type === 'Identifier') this.reference(target, true);
          else this.resolveExpr(target);
        });
        return;
      case 'CallStatement':
        this.resolveExpr(s.expression);
        return;
      case 'FunctionDeclaration':
        if (s.isLocal && s.identifier?.type === 'Identifier') {
          this.declare(s.identifier); // in scope inside its own body, for recursion
        } else if (s.identifier?.type === 'Identifier') {
          this.reference(s.identifier, true);
        } else if (s.identifier !== null) {
          this.resolveExpr(s.identifier.base);
        }
        this.resolveFunction(s);
        return;
      case 'ReturnStatement':
        s.arguments.forEach((e) => this.resolveExpr(e));
        return;
      case 'IfStatement':
        for (const clause of s.clauses) {
          if (clause.type !== 'ElseClause') this.resolveExpr(clause.condition);
          this.resolveBlock(clause.body);
        }
        return;
      case 'WhileStatement':
        this.resolveExpr(s.condition);
        this.resolveBlock(s.body);
        return;
      case 'RepeatStatement':
        // The condition sees the body's locals.
        this.resolveBlock(s.body, undefined, () => this.resolveExpr(s.condition));
        return;
      case 'DoStatement':
        this.resolveBlock(s.body);
        return;
      case 'ForNumericStatement':
        this.resolveNumericFor(s);
        return;
      case 'ForGenericStatement':
        this.resolveGenericFor(s);
        return;
      case 'GotoStatement':
        this.resolveGoto(s);
        return;
      case 'LabelStatement':
      case 'BreakStatement':
        return;
    }
  }

  private resolveNumericFor(s: ForNumericStatement): void {
    this.resolveExpr(s.start);
    this.resolveExpr(s.end);
    if (s.step !== null) this.resolveExpr(s.step);
    this.resolveBlock(s.body, () => {
      this.declareHidden(s);
      this.declare(s.variable);
    });
  }

  private resolveGenericFor(s: ForGenericStatement): void {
    s.iterators.forEach((e) => this.resolveExpr(e));
    this.resolveBlock(s.body, () => {
      this.declareHidden(s);
      s.variables.forEach((id) => this.declare(id));
    });
  }

  private resolveFunction(f: FunctionDeclaration): void {
    const isVararg = f.parameters.some((p) => p.type === 'VarargLiteral');
    const info = this.newFunction(f, this.scope.fn, isVararg, lineOf(f));
    const savedScope = this.scope;
    const savedBlock = this.block;
    this.scope = { vars: new Map(), parent: savedScope, fn: info };
    this.block = undefined;
    // A method declaration `function a.b:c()` has an implicit first parameter `self`.
    if (f.identifier?.type === 'MemberExpression' && f.identifier.indexer === ':') {
      const self: Identifier = { type: 'Identifier', name: 'self', loc: f.loc };
      info.params.push(this.declare(self));
    }
    for (const p of f.parameters) {
      if (p.type === 'Identifier') info.params.push(this.declare(p));
    }
    this.resolveBlock(f.body);
    this.scope = savedScope;
    this.block = savedBlock;
  }

  // ---- expressions ----

  private resolveExpr(e: Expression): void {
    switch (e.type) {
      case 'Identifier':
        this.reference(e, false);
        return;
      case 'FunctionDeclaration':
        this.resolveFunction(e);
        return;
      case 'BinaryExpression':
      case 'LogicalExpression':
        this.resolveExpr(e.left);
        this.resolveExpr(e.right);
        return;
      case 'UnaryExpression':
        this.resolveExpr(e.argument);
        return;
      case 'MemberExpression':
        this.resolveExpr(e.base);
        return;
      case 'IndexExpression':
        this.resolveExpr(e.base);
        this.resolveExpr(e.index);
        return;
      case 'CallExpression':
        this.resolveExpr(e.base);
        e.arguments.forEach((a) => this.resolveExpr(a));
        return;
      case 'StringCallExpression':
        this.resolveExpr(e.base);
        return;
      case 'TableCallExpression':
        this.resolveExpr(e.base);
        this.resolveExpr(e.arguments);
        return;
      case 'TableConstructorExpression':
        for (const field of e.fields) {
          if (field.type === 'TableKey') this.resolveExpr(field.key);
          this.resolveExpr(field.value);
        }
        return;
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
      case 'NilLiteral':
      case 'VarargLiteral':
        return;
    }
  }
}

/** How luajit names a variable in error messages: "local 'x'", "global 'f'", "field 'a'"... */
/** The local an expression names, when the local is never assigned after its declaration. */
export function fixedLocal(e: Expression, refs: ReadonlyMap<Identifier, VarRef>): LocalVar | undefined {
  if (e.type !== 'Identifier') return undefined;
  const ref = refs.get(e);
  return ref === undefined || ref.kind === 'global' || ref.v.reassigned ? undefined : ref.v;
}

export function describeExpr(e: Expression, refs: Map<Identifier, VarRef>): string | undefined {
  switch (e.type) {
    case 'Identifier': {
      const r = refs.get(e);
      if (r === undefined) return undefined;
      return `${r.kind} '${e.name}'`;
    }
    case 'MemberExpression':
      return `${e.indexer === ':' ? 'method' : 'field'} '${e.identifier.name}'`;
    case 'IndexExpression':
      return e.index.type === 'StringLiteral' ? `field '${e.index.value}'` : undefined;
    default:
      return undefined;
  }
}
