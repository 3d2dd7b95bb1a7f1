// What build-time serializers (compiler/codegen/serializer.ts) call at run time: the same
// number and string encodings as the generic encoder, and the generic encoder itself for
// subtrees the compiler could not prove.
export { LuaTable } from '../lua/table.js';
export { encodeAt, encodeNumber as num, encodeString as str } from './json.js';

/** A generated serializer: the JSON text, or undefined when the value is not of its shape. */
export type JsonSerializer = (value: unknown) => string | undefined;
