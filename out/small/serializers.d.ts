import type { JsonSerializer } from './roverc/runtime/http/json-writer.js';

/** Serializers by status ("200", ..., "default"). */
type Serializers = Readonly<Record<string, JsonSerializer>>;
export declare const s0: Serializers;
export declare const s1: Serializers;
