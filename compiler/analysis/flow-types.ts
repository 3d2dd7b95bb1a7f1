// Flow-sensitive types of locals: the type a local has at each of its references in the
// function that declares it, by abstract interpretation of the structured AST. A block runs
// in order, an `if` joins its branches, a loop repeats its body until the types at its head
// stop growing, `return` and `break` end a path (a `break` joins the loop's exit).
// What stays flow-insensitive (types.ts gives the union of every assignment there):
// - references from inner functions, which may run whenever the local is alive;
// - locals an inner function assigns, anywhere: a call may run that assignment at any point;
// - every local of a function that has a `goto` (its paths are not structured).
// Calls cannot change the other locals: only their own function's code can assign them.
// The named fields of records (records.ts) are followed the same way in the record's own
// function; a read in an inner function gets the union of every value the field is given.
import type { Expression, FunctionDeclaration, Identifier, MemberExpression, Node, Statement, TableConstructorExpression } from '../frontend/ast.js';
import { walk } from '../frontend/parse.js';
import type { LocalVar, Resolution } from '../frontend/resolve.js';
// a cycle with types.ts, which calls flowTypes: these are read only when it runs
import { FUNCTION, NIL, NUMBER, type TypeMask } from './types.js';
import { findRecords, forEachChild, hasGoto, type RecordInfo, type Records } from './records.js';

/** A named field of a record. */
interface Field {
  readonly record: LocalVar;
  readonly name: string;
}

/** The type of each local and field followed here; undefined where no path reaches. */
type Facts = Map<LocalVar | Field, TypeMask>;
type State = Facts | undefined;

export interface FlowInputs {
  /** The type of an expression's first value, its identifiers read as `flowTypes` recorded them. */
  readonly typeOf: (e: Expression) => TypeMask;
  /** The i-th value of an expression list adjusted to its targets (types.ts valueType). */
  readonly valueType: (list: Expression[], i: number) => TypeMask;
  /** A parameter's type when its function starts. */
  readonly entry: (p: LocalVar) => TypeMask;
  /** The type of a generic `for` variable at the start of each step. */
  readonly loopVariable: (v: LocalVar) => TypeMask;
  /** The argument lists of the calls of each local function only ever called by name. */
  readonly sites: ReadonlyMap<FunctionDeclaration, Expression[][]>;
  /** The function a callee always is. */
  readonly targetOf: (callee: Expression) => FunctionDeclaration | undefined;
}

/**
 * Fills `atReference` with the type of each reference to a local that the flow follows (the
 * union over every time the analysis passes it, which is its type at the end); gives the
 * records it followed.
 */
export function flowTypes(res: Resolution, inputs: FlowInputs, atReference: Map<Identifier | MemberExpression, TypeMask>): Records {
  const flow = new Flow(res, inputs, atReference);
  flow.run();
  return flow.found;
}

class Flow {
  /** Locals some inner function assigns. */
  private readonly assignedInside = new Set<LocalVar>();
  /** The exits of the loops being walked, innermost last. */
  private readonly breaks: State[][] = [];
  private readonly records: ReadonlyMap<LocalVar, RecordInfo>;
  private readonly recordParams: ReadonlyMap<LocalVar, readonly LocalVar[]>;
  private readonly fields = new Map<LocalVar, Map<string, Field>>();
  /** Every type each field is given. */
  private readonly given = new Map<Field, TypeMask>();
  /** Reads of record fields in inner functions. */
  private readonly innerReads: [MemberExpression, Field][] = [];

  readonly found: Records;

  constructor(private readonly res: Resolution, private readonly inputs: FlowInputs, private readonly atReference: Map<Identifier | MemberExpression, TypeMask>) {
    const records = findRecords(res, inputs.sites, inputs.targetOf);
    this.found = records;
    this.records = records.locals;
    this.recordParams = records.params;
    walk(res.chunk, (n) => {
      const targets = n.type === 'AssignmentStatement' ? n.variables : n.type === 'FunctionDeclaration' && !n.isLocal && n.identifier !== null ? [n.identifier] : [];
      for (const t of targets) {
        const ref = t.type === 'Identifier' ? res.refs.get(t) : undefined;
        if (ref?.kind === 'upvalue') this.assignedInside.add(ref.v);
      }
    });
  }

  run(): void {
    for (const [fn, info] of this.res.functions) {
      if (hasGoto(fn)) continue;
      const entry: Facts = new Map();
      for (const p of info.params) if (this.followed(p)) entry.set(p, this.inputs.entry(p));
      this.block(fn.body, entry);
    }
    for (const [read, field] of this.innerReads) this.atReference.set(read, this.given.get(field) ?? 0);
    this.typeParameterReads();
  }

  /** `p.name` for a record parameter: every type the records passed for it give that field. */
  private typeParameterReads(): void {
    walk(this.res.chunk, (n) => {
      if (n.type !== 'MemberExpression' || n.base.type !== 'Identifier') return;
      const ref = this.res.refs.get(n.base);
      const passed = ref === undefined || ref.kind === 'global' ? undefined : this.recordParams.get(ref.v);
      if (passed === undefined) return;
      this.atReference.set(n, passed.reduce((t, r) => t | (this.given.get(this.field(r, n.identifier.name)) ?? 0), 0));
    });
  }

  /** The field `t.name` (`t:name` in a function declaration) when t is a record. */
  private fieldOf(e: Expression): Field | undefined {
    if (e.type !== 'MemberExpression' || e.base.type !== 'Identifier') return undefined;
    const ref = this.res.refs.get(e.base);
    return ref === undefined || ref.kind === 'global' || !this.records.has(ref.v) ? undefined : this.field(ref.v, e.identifier.name);
  }

  /** One object per field, as a key of states. */
  private field(record: LocalVar, name: string): Field {
    let byName = this.fields.get(record);
    if (byName === undefined) this.fields.set(record, byName = new Map());
    let field = byName.get(name);
    if (field === undefined) byName.set(name, field = { record, name });
    return field;
  }

  /** Gives a field a value's type (here, and in the union inner functions read). */
  private give(state: Facts, field: Field, t: TypeMask): void {
    state.set(field, t);
    this.given.set(field, (this.given.get(field) ?? 0) | t);
  }

  /** A record made: each of its fields has the constructor's value, or nil. */
  private make(state: Facts, v: LocalVar, made: TableConstructorExpression, names: ReadonlySet<string>): void {
    for (const name of names) {
      let t = 0;
      for (const f of made.fields) {
        const key = f.type === 'TableKeyString' ? f.key.name : f.type === 'TableKey' && f.key.type === 'StringLiteral' ? f.key.value : undefined;
        if (key === name) t |= this.inputs.typeOf(f.value);
      }
      this.give(state, this.field(v, name), t === 0 ? NIL : t);
    }
  }

  private followed(v: LocalVar): boolean {
    return !this.assignedInside.has(v);
  }

  /** The state after a block run from `state` (which it may change). */
  private block(body: Statement[], state: State): State {
    for (const s of body) {
      if (state === undefined) return undefined;
      state = this.statement(s, state);
    }
    return state;
  }

  private statement(s: Statement, state: Facts): State {
    switch (s.type) {
      case 'LocalStatement':
        s.init.forEach((e) => this.see(e, state));
        this.assign(state, s.variables.map((id) => this.res.decls.get(id)), s.init);
        for (const id of s.variables) {
          const v = this.res.decls.get(id)!;
          const record = this.records.get(v);
          if (record !== undefined) this.make(state, v, record.made, record.names);
        }
        return state;
      case 'AssignmentStatement':
        s.init.forEach((e) => this.see(e, state));
        s.variables.forEach((t) => { if (t.type !== 'Identifier') this.see(t, state, true); });
        this.assign(state, s.variables.map((t) => this.localOf(t)), s.init);
        s.variables.forEach((t, i) => {
          const field = this.fieldOf(t);
          if (field !== undefined) this.give(state, field, this.inputs.valueType(s.init, i));
        });
        return state;
      case 'CallStatement':
        this.see(s.expression, state);
        return state;
      case 'FunctionDeclaration': {
        // its body is a function of its own; the statement only stores the function
        const v = s.identifier === null ? undefined : s.isLocal ? this.res.decls.get(s.identifier as Identifier) : this.localOf(s.identifier);
        if (!s.isLocal && s.identifier !== null && s.identifier.type !== 'Identifier') this.see(s.identifier, state, true);
        if (v !== undefined && this.followed(v)) state.set(v, FUNCTION);
        const field = s.identifier === null ? undefined : this.fieldOf(s.identifier as Expression);
        if (field !== undefined) this.give(state, field, FUNCTION);
        this.seeInner(s);
        return state;
      }
      case 'ReturnStatement':
        s.arguments.forEach((e) => this.see(e, state));
        return undefined;
      case 'BreakStatement':
        this.breaks[this.breaks.length - 1]?.push(new Map(state));
        return undefined;
      case 'DoStatement':
        return this.block(s.body, state);
      case 'IfStatement':
        return this.ifStatement(s, state);
      case 'WhileStatement':
        return this.loop(state, (head) => {
          this.see(s.condition, head);
          return this.block(s.body, head);
        }, false);
      case 'RepeatStatement':
        return this.loop(state, (head) => {
          const end = this.block(s.body, head);
          if (end !== undefined) this.see(s.condition, end);
          return end;
        }, true);
      case 'ForNumericStatement': {
        [s.start, s.end, ...(s.step === null ? [] : [s.step])].forEach((e) => this.see(e, state));
        const v = this.res.decls.get(s.variable)!;
        return this.loop(state, (head) => this.block(s.body, this.declare(head, v, NUMBER)), false);
      }
      case 'ForGenericStatement': {
        s.iterators.forEach((e) => this.see(e, state));
        const vars = s.variables.map((id) => this.res.decls.get(id)!);
        return this.loop(state, (head) => this.block(s.body, vars.reduce((st, v) => this.declare(st, v, this.inputs.loopVariable(v)), head)), false);
      }
      default:
        return state;
    }
  }

  /** `if`: each clause's body from the state its condition is tested in, joined. */
  private ifStatement(s: Statement & { type: 'IfStatement' }, state: Facts): State {
    let out: State;
    let elseTaken = false;
    for (const clause of s.clauses) {
      if (clause.type !== 'ElseClause') this.see(clause.condition, state);
      else elseTaken = true;
      out = join(out, this.block(clause.body, new Map(state)));
    }
    return elseTaken ? out : join(out, state);
  }

  /**
   * A loop: `body` run from the head's state until the head stops growing (the head joins
   * the entry and the end of the body). It exits from the head (or, for `repeat`, from the
   * end of the body) and from its breaks.
   */
  private loop(entry: Facts, body: (head: Facts) => State, exitsAtEnd: boolean): State {
    let head = new Map(entry);
    for (;;) {
      this.breaks.push([]);
      const end = body(new Map(head));
      const breaks = this.breaks.pop()!;
      const next = join(head, end)!;
      if (same(next, head)) return breaks.reduce((a, b) => join(a, b), exitsAtEnd ? end : head);
      head = next;
    }
  }

  private declare(state: Facts, v: LocalVar, t: TypeMask): Facts {
    if (this.followed(v)) state.set(v, t);
    return state;
  }

  /** Stores the values of `init` into the locals (undefined: not a followed local). */
  private assign(state: Facts, targets: (LocalVar | undefined)[], init: Expression[]): void {
    const types = targets.map((_, i) => this.inputs.valueType(init, i));
    targets.forEach((v, i) => { if (v !== undefined && this.followed(v)) state.set(v, types[i]); });
  }

  private localOf(e: Expression): LocalVar | undefined {
    const ref = e.type === 'Identifier' ? this.res.refs.get(e) : undefined;
    return ref?.kind === 'local' ? ref.v : undefined;
  }

  /**
   * Records the types of the followed locals and fields an expression reads (`target`: it is
   * written, its own field is not read); reads in inner functions are left for the union.
   */
  private see(e: Node, state: Facts, target = false): void {
    if (e.type === 'FunctionDeclaration') {
      this.seeInner(e);
      return;
    }
    const read = e.type === 'Identifier' ? this.localOf(e) : target ? undefined : this.fieldOf(e as Expression);
    const t = read === undefined ? undefined : state.get(read);
    if (t !== undefined) this.atReference.set(e as Identifier | MemberExpression, (this.atReference.get(e as Identifier) ?? 0) | t);
    forEachChild(e, (c) => this.see(c, state));
  }

  /** Record field reads in an inner function (and its own inner functions). */
  private seeInner(fn: FunctionDeclaration): void {
    walk(fn, (n) => {
      const field = n.type === 'MemberExpression' ? this.fieldOf(n) : undefined;
      if (field !== undefined) this.innerReads.push([n as MemberExpression, field]);
    });
  }
}

function join(a: State, b: State): State {
  if (a === undefined) return b === undefined ? undefined : new Map(b);
  if (b === undefined) return a;
  const out = new Map(a);
  for (const [v, t] of b) out.set(v, (out.get(v) ?? 0) | t);
  return out;
}

function same(a: Facts, b: Facts): boolean {
  if (a.size !== b.size) return false;
  for (const [v, t] of a) if (b.get(v) !== t) return false;
  return true;
}
