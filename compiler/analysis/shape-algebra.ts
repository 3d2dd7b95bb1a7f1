// Operations on response shapes (runtime/http/response-shape.ts): the union of the shapes
// one value may have, unproven parts, and the text `roverc build --explain` prints.
import { lineOf, type Node } from '../frontend/ast.js';
import type { Shape } from '../../runtime/http/response-shape.js';

export const STRING: Shape = { kind: 'string' };
export const NUMBER: Shape = { kind: 'number' };
export const BOOLEAN: Shape = { kind: 'boolean' };

/** At most this many alternatives in a union; more is not worth a serializer. */
const MAX_OPTIONS = 8;

/**
 * Two shapes one value may have: equal kinds merge (objects with the same keys field by
 * field, arrays item by item); different ones make a union.
 */
export function union(a: Shape, b: Shape, at: Node): Shape {
  if (a.kind === 'dynamic') return a;
  if (b.kind === 'dynamic') return b;
  const options = [...optionsOf(a)];
  for (const o of optionsOf(b)) {
    const i = options.findIndex((x) => mergeable(x, o));
    if (i < 0) options.push(o);
    else options[i] = merge(options[i], o, at);
  }
  if (options.length === 1) return options[0];
  if (options.length > MAX_OPTIONS) return dynamic(`more than ${MAX_OPTIONS} different shapes`, at);
  // an empty table is `{}` unless only an array can be there
  options.sort((x, y) => Number(x.kind === 'array') - Number(y.kind === 'array'));
  return { kind: 'union', options };
}

export function optionsOf(s: Shape): readonly Shape[] {
  return s.kind === 'union' ? s.options : [s];
}

function mergeable(a: Shape, b: Shape): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'object' && b.kind === 'object') return a.fields.length === b.fields.length && a.fields.every((f, i) => f.name === b.fields[i].name);
  return true;
}

/** Merges two shapes `mergeable` accepts. */
function merge(a: Shape, b: Shape, at: Node): Shape {
  if (a.kind === 'array' && b.kind === 'array') {
    const items = union(a.items, b.items, at);
    return items.kind === 'dynamic' ? items : { kind: 'array', items };
  }
  if (a.kind === 'object' && b.kind === 'object') {
    return {
      kind: 'object',
      fields: a.fields.map((f, i) => ({ name: f.name, shape: union(f.shape, b.fields[i].shape, at), optional: f.optional || b.fields[i].optional })),
    };
  }
  return a;
}

/** A shape whose unproven parts are marked as found in `file` (a required module). */
export function inFile(s: Shape, file: string): Shape {
  switch (s.kind) {
    case 'dynamic': return s.file === undefined ? { ...s, file } : s;
    case 'array': return { kind: 'array', items: inFile(s.items, file) };
    case 'object': return { kind: 'object', fields: s.fields.map((f) => ({ ...f, shape: inFile(f.shape, file) })) };
    case 'union': return { kind: 'union', options: s.options.map((o) => inFile(o, file)) };
    default: return s;
  }
}

export function dynamic(reason: string, at: Node): Shape {
  return { kind: 'dynamic', reason, line: lineOf(at) };
}

/** A shape as TypeScript-like text, for the build report: `{ id: string; tags: string[] }`. */
export function describeShape(s: Shape): string {
  switch (s.kind) {
    case 'string': case 'number': case 'boolean': return s.kind;
    case 'array': return s.items.kind === 'union' ? `(${describeShape(s.items)})[]` : `${describeShape(s.items)}[]`;
    case 'object': return s.fields.length === 0 ? '{}' : `{ ${s.fields.map((f) => `${f.name}${f.optional ? '?' : ''}: ${describeShape(f.shape)}`).join('; ')} }`;
    case 'union': return s.options.map((o) => (o.kind === 'union' || o.kind === 'dynamic' ? `(${describeShape(o)})` : describeShape(o))).join(' | ');
    case 'dynamic': return `unknown (${s.file === undefined ? 'line ' : s.file + ':'}${s.line}: ${s.reason})`;
  }
}
