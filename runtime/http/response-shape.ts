// The data the compiler proves about a route and hands to the server as plain JSON: the
// shape of each JSON response (for serializers and the API description) and the guard schema
// of its request body. The analysis that finds them is compiler/analysis/shapes.ts.
import type { LuaValue } from '../lua/value.js';

export type Shape =
  | { readonly kind: 'string' | 'number' | 'boolean' }
  /** Fields in output order; an optional field may be nil, and is then absent. */
  | { readonly kind: 'object'; readonly fields: readonly Field[] }
  /** A sequence: `[]` when empty. */
  | { readonly kind: 'array'; readonly items: Shape }
  /** One of several shapes (tried in order; objects before arrays, so an empty table is `{}`). */
  | { readonly kind: 'union'; readonly options: readonly Shape[] }
  /** Not proven: the generic encoder writes it. `line` is in `file`, else in the route's file. */
  | { readonly kind: 'dynamic'; readonly reason: string; readonly line: number; readonly file?: string };

export interface Field {
  readonly name: string;
  readonly shape: Shape;
  readonly optional: boolean;
}

/** What a handler writes for one status: a JSON value of `shape`, or Rover's `{"error": ...}`. */
export interface ResponseShape {
  /** 'default' when a status is not a constant. */
  readonly status: number | 'default';
  readonly shape: Shape;
  /** `api:error(...)` writes `{"error": message}` itself; the handler's JSON has no serializer. */
  readonly via: 'json' | 'error';
}

export type GuardType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

/** A `rover.guard` validator as written: its type and modifiers (constants only). */
export interface GuardRule {
  readonly type: GuardType;
  readonly required: boolean;
  /** Present when `:default(v)` was given a constant. */
  readonly default?: { readonly value: LuaValue };
  readonly enum?: readonly LuaValue[];
  readonly nullable: boolean;
  readonly element?: GuardRule;
  readonly fields?: readonly GuardField[];
}

export interface GuardField {
  readonly name: string;
  readonly rule: GuardRule;
}
