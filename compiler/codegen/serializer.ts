// Build-time JSON serializers: for a proven response shape, JS source for a function that
// writes a Lua table of that shape as JSON, reading its array part and hash slots directly in
// the order the shape says (no key sorting, no type dispatch, no array test). Its output is
// byte for byte what the generic encoder (runtime/http/json.ts) writes, with one documented
// difference: an empty table the analysis proved to be a sequence is `[]`, not `{}`.
//
// The serializer checks what it reads. Anything other than the proven shape (a hole, an extra
// key, another type) makes it return undefined, and the caller encodes the whole value with
// the generic encoder, so an analysis mistake can cost speed but never change a byte.
// Subtrees the analysis could not prove are written by the generic encoder, at their depth.
import { isPlainKey } from '../../runtime/lua/table.js';
import { MAX_DEPTH } from '../../runtime/http/json.js';
import type { Field, Shape } from '../../runtime/http/response-shape.js';
import { jsString } from './names.js';

/**
 * A JS function expression `(function (j) { ... })`: called with runtime/http/json-writer.js,
 * it returns `(value) => string | undefined`. Undefined when there is nothing to specialise:
 * the shape is not proven at the top, or it is deeper than the encoder allows.
 */
export function serializerSource(shape: Shape): string | undefined {
  if (shape.kind === 'dynamic' || tableDepth(shape) > MAX_DEPTH) return undefined;
  const gen = new Generator();
  const top = gen.writer(shape, 1);
  return [
    '(function (j) {',
    "  'use strict';",
    '  const LuaTable = j.LuaTable, str = j.str, num = j.num, encodeAt = j.encodeAt;',
    ...(gen.parts ? ['  let at = 0; // the slot where the last part of a many-field object stopped'] : []),
    ...gen.functions,
    `  return ${top};`,
    '})',
  ].join('\n');
}

/** Nesting of tables in a shape (a dynamic subtree adds none: the generic encoder checks its own depth). */
function tableDepth(s: Shape): number {
  switch (s.kind) {
    case 'object': return 1 + Math.max(0, ...s.fields.map((f) => tableDepth(f.shape)));
    case 'array': return 1 + tableDepth(s.items);
    case 'union': return Math.max(...s.options.map(tableDepth));
    default: return 0;
  }
}

/** Objects with more fields are written by several functions. */
const FIELDS_PER_FUNCTION = 64;

/** Arrays of scalars longer than this are written by JSON.stringify. */
const BULK_ITEMS = 8;

/** The kinds of a scalar shape (or union of scalars); undefined if it may be a table. */
function scalarKinds(s: Shape): string[] | undefined {
  if (s.kind === 'string' || s.kind === 'number' || s.kind === 'boolean') return [s.kind];
  if (s.kind !== 'union') return undefined;
  const kinds = s.options.map(scalarKinds);
  return kinds.every((k) => k !== undefined) ? [...new Set(kinds.flatMap((k) => k!))] : undefined;
}

class Generator {
  readonly functions: string[] = [];
  /** Whether some object is written by parts (which share `at`). */
  parts = false;
  private readonly names = new Map<string, string>();

  /**
   * The name of a function writing a value of `shape` found at table nesting `level` (the
   * top value is at 1), or returning undefined when the value does not have that shape.
   * Equal shapes at equal levels share one function.
   */
  writer(shape: Shape, level: number): string {
    const key = `${level}:${JSON.stringify(shape)}`;
    const known = this.names.get(key);
    if (known !== undefined) return known;
    const name = `w${this.names.size}`;
    this.names.set(key, name);
    const body = this.body(shape, level, name);
    this.functions.push(`  function ${name}(v) {`, ...body.map((l) => '    ' + l), '  }');
    return name;
  }

  private body(shape: Shape, level: number, name: string): string[] {
    switch (shape.kind) {
      case 'object': return this.object(shape.fields, level, name);
      case 'array': return this.array(shape.items, level);
      case 'union': return [
        'let r;',
        ...shape.options.map((o) => `if ((r = ${this.expression(o, 'v', level)}) !== undefined) return r;`),
        'return undefined;',
      ];
      default: return [`return ${this.expression(shape, 'v', level)};`];
    }
  }

  /** An expression writing `x` (a value at `level`) as `shape`, or giving undefined. */
  private expression(shape: Shape, x: string, level: number): string {
    switch (shape.kind) {
      case 'string': return `(typeof ${x} === 'string' ? str(${x}) : undefined)`;
      case 'number': return `(typeof ${x} === 'number' ? num(${x}) : undefined)`;
      case 'boolean': return `(${x} === true ? 'true' : ${x} === false ? 'false' : undefined)`;
      // nil inside a dynamic subtree is the encoder's business; a missing value is not
      case 'dynamic': return `(${x} === undefined ? undefined : encodeAt(${x}, ${level - 1}))`;
      default: return `${this.writer(shape, level)}(${x})`;
    }
  }

  /** Statements appending `prefix` (a JS expression) and `x` written as `shape` to `out`, or returning undefined. */
  private append(shape: Shape, x: string, level: number, prefix: string): string[] {
    switch (shape.kind) {
      case 'string': return [`if (typeof ${x} !== 'string') return undefined;`, `out += ${prefix} + str(${x});`];
      case 'number': return [`if (typeof ${x} !== 'number') return undefined;`, `out += ${prefix} + num(${x});`];
      case 'boolean': return [`if (typeof ${x} !== 'boolean') return undefined;`, `out += ${prefix} + (${x} ? 'true' : 'false');`];
      default: return [`if ((r = ${this.expression(shape, x, level)}) === undefined) return undefined;`, `out += ${prefix} + r;`];
    }
  }

  /**
   * Walks the hash slots in order: each must hold the next field of the shape (an optional
   * one may be missing), and no other slot may be left.
   */
  private object(fields: readonly Field[], level: number, name: string): string[] {
    const lines = [
      // map mode (f undefined: thousands of keys) is left to the encoder
      'if (!(v instanceof LuaTable) || v.arr.length !== 0 || v.f === undefined) return undefined;',
      'const f = v.f, s = v.hashKeys(), n = s.length;',
    ];
    const fieldLines = this.fields(fields, level);
    if (fields.length <= FIELDS_PER_FUNCTION) {
      lines.push("let i = 0, x, r, out = '{';", ...fieldLines.flat(), 'if (i !== n) return undefined;', "return out + '}';");
      return lines;
    }
    // V8 does not optimize very large functions: many fields are written by parts, each
    // taking up at the slot where the last stopped (`at`, shared by the whole serializer;
    // a nested serializer runs inside a part, never between two)
    this.parts = true;
    lines.push('at = 0;', "let out = '{';");
    for (let k = 0; k * FIELDS_PER_FUNCTION < fields.length; k++) {
      const part = `${name}_${k}`;
      const body = ['let i = at, x, r;', ...fieldLines.slice(k * FIELDS_PER_FUNCTION, (k + 1) * FIELDS_PER_FUNCTION).flat(), 'at = i;', 'return out;'];
      this.functions.push(`  function ${part}(v, f, s, n, out) {`, ...body.map((l) => '    ' + l), '  }');
      lines.push(`if ((out = ${part}(v, f, s, n, out)) === undefined) return undefined;`);
    }
    lines.push('if (at !== n) return undefined;', "return out + '}';");
    return lines;
  }

  /**
   * The statements of each field, in order: the next slot must hold it (an optional one may
   * be missing); it is checked and appended to `out` with its key.
   */
  private fields(fields: readonly Field[], level: number): string[][] {
    // a comma goes before every field but the first written, which is known statically
    // until an optional field has been passed
    let somethingWritten: boolean | undefined = false;
    return fields.map((f) => {
      const key = JSON.stringify(f.name) + ':';
      const prefix = somethingWritten === true ? jsString(',' + key) : somethingWritten === false ? jsString(key) : `(out.length === 1 ? ${jsString(key)} : ${jsString(',' + key)})`;
      // a key in the order is an own key: plain ones are read off the fields object
      const write = [isPlainKey(f.name) ? 'x = f[s[i++]];' : 'x = v.hashValue(s[i++]);', ...this.append(f.shape, 'x', level + 1, prefix)];
      const here = `i < n && s[i] === ${jsString(f.name)}`;
      if (f.optional) {
        if (somethingWritten === false) somethingWritten = undefined;
        return [`if (${here}) {`, ...write.map((l) => '  ' + l), '}'];
      }
      somethingWritten = true;
      return [`if (!(${here})) return undefined;`, ...write];
    });
  }

  /** A table with no live hash key and items 1..n, none nil. */
  private array(items: Shape, level: number): string[] {
    const scalars = scalarKinds(items);
    // Past a few items JSON.stringify writes strings, integers and booleans exactly as the
    // encoder does, and faster than concatenation; below that its call costs more than it
    // saves, and for non-integral numbers concatenation measured faster.
    const others = scalars?.filter((k) => k !== 'number') ?? [];
    const check = scalars === undefined ? [] : !scalars.includes('number')
      ? [`    if (${others.map((k) => `typeof x !== '${k}'`).join(' && ')}) return undefined;`]
      : [
        "    if (typeof x === 'number') {",
        '      if ((x | 0) !== x) whole = false;',
        `    } else${others.length === 0 ? '' : ` if (${others.map((k) => `typeof x !== '${k}'`).join(' && ')})`} return undefined;`,
      ];
    const bulk = scalars === undefined ? [] : [
      `if (n > ${BULK_ITEMS}) {`,
      '  let whole = true;',
      '  for (let i = 0; i < n; i++) {',
      '    const x = a[i];',
      ...check,
      '  }',
      '  if (whole) return JSON.stringify(a);',
      '}',
    ];
    return [
      'if (!(v instanceof LuaTable) || v.hashCount() !== 0) return undefined;',
      'const a = v.arr, n = a.length;',
      "if (n === 0) return '[]';",
      ...bulk,
      "let x = a[0], r, out = '';",
      ...this.append(items, 'x', level + 1, "'['"),
      'for (let i = 1; i < n; i++) {',
      '  x = a[i];',
      ...this.append(items, 'x', level + 1, "','").map((l) => '  ' + l),
      '}',
      "return out + ']';",
    ];
  }
}
