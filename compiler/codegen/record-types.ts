// TS interfaces for proven records (records.ts): for a local made by a constant-key
// constructor whose fields only its own function writes, an interface of those fields with
// the type of every value its code stores there (types.ts recordOf). The emitter types the
// record's fields object with it (`rt.LuaRecord<PointFields>`), so `tsc --strict` checks each
// emitted store against the analysis. Every field is optional: a field may be missing, or
// set to nil (a dead key holds undefined). The emitted guards stay as they are, so the code
// is right even where a proof is weaker than the interface says.
import type { LocalVar } from '../frontend/resolve.js';
import { isPlainKey } from '../../runtime/lua/table.js';
import { BOOLEAN, FUNCTION, NUMBER, STRING, TABLE, type TypeMask, type Types } from '../analysis/types.js';

/** The interfaces of a module's records, declared on first use. */
export class RecordInterfaces {
  private readonly byVar = new Map<LocalVar, string>();
  private readonly taken = new Set<string>();
  /** The module-level declarations, in the order the records were first typed. */
  readonly declarations: string[] = [];

  constructor(private readonly types: Types) {}

  /**
   * The interface of record `v`'s fields (declared now if new); undefined for other locals,
   * and for records with no named fields (arrays).
   */
  of(v: LocalVar, line: number): string | undefined {
    const known = this.byVar.get(v);
    if (known !== undefined) return known;
    const record = this.types.recordOf(v);
    const members = [...record?.fields ?? []]
      // other keys live outside the fields object; Object.prototype's names are read through
      // the index signature (emit-function.ts property())
      .filter(([n]) => isPlainKey(n) && !OBJECT_MEMBERS.has(n))
      .map(([n, t]) => `  ${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(n) ? n : JSON.stringify(n)}?: ${fieldType(t)};`);
    if (members.length === 0) return undefined;
    const name = this.freshName(v.name);
    this.byVar.set(v, name);
    this.declarations.push([`/** The fields of local \`${v.name}\` (line ${line}): what its function stores in them. */`, `interface ${name} extends rt.Fields {`, ...members, '}'].join('\n'));
    return name;
  }

  /** `point` gives PointFields; a second record of that name PointFields2. */
  private freshName(lua: string): string {
    const base = `${lua.charAt(0).toUpperCase()}${lua.slice(1)}Fields`;
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}

const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** A field's TS type: as emitted values are typed (tsType), or undefined when only nil is stored. */
function fieldType(t: TypeMask): string {
  return t === 0 ? 'undefined' : tsType(t);
}

/** The TS type of a local or value of static type `t`. */
export function tsType(t: TypeMask): string {
  switch (t) {
    case NUMBER: return 'number';
    case STRING: return 'string';
    case BOOLEAN: return 'boolean';
    case TABLE: return 'rt.LuaTable';
    case FUNCTION: return 'rt.LuaFunction';
    default: return 'rt.LuaValue';
  }
}
