// Errors a handler can raise that are the client's fault (4xx), as opposed to Lua errors (500).
import { LuaError } from '../lua/errors.js';
import { LuaTable } from '../lua/table.js';
import type { LuaResult, LuaValue } from '../lua/value.js';
import { builtin } from '../stdlib/args.js';

/**
 * A Lua error carrying an HTTP status: uncaught, it answers `{"error": message}` with that
 * status. Caught with pcall, Lua sees the plain message string.
 */
export class HttpError extends LuaError {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export type FieldErrorType = 'required' | 'type' | 'enum';

export interface FieldError {
  /** Dotted for objects, indexed for arrays: "addr.city", "tags[2]" (a Lua byte string). */
  field: string;
  message: string;
  type: FieldErrorType;
}

const VALIDATION_META = new LuaTable();
VALIDATION_META.setStr('__tostring', builtin(function tostring(self: LuaValue): LuaResult {
  return self instanceof ValidationError ? self.describe() : undefined;
}));

/**
 * The error value a failed guard validation raises: a table (`err.errors` lists
 * `{field, message, type}` tables) that `api:error(status, err)` serializes as
 * `{"errors": [...]}` and `tostring(err)` prints as readable lines.
 */
export class ValidationError extends LuaTable {
  constructor(readonly errors: FieldError[]) {
    super();
    this.metatable = VALIDATION_META;
    const list = new LuaTable();
    errors.forEach((e, i) => {
      const item = new LuaTable();
      item.setStr('field', e.field);
      item.setStr('message', e.message);
      item.setStr('type', e.type);
      list.set(i + 1, item);
    });
    this.setStr('errors', list);
  }

  describe(): string {
    const n = this.errors.length;
    const lines = [`Validation failed (${n} error${n === 1 ? '' : 's'}):`];
    for (const e of this.errors) lines.push(`  - ${e.field}: ${e.message}`);
    return lines.join('\n');
  }
}

/** The 400 raised by a failed validation. */
export function validationFailure(errors: FieldError[]): LuaError {
  return new LuaError(new ValidationError(errors));
}
