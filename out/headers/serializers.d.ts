import type { JsonSerializer } from './roverc/runtime/http/json-writer.js';

/** Serializers by status ("200", ..., "default"). */
type Serializers = Readonly<Record<string, JsonSerializer>>;
export declare const s0: Serializers;
export declare const s1: Serializers;
export declare const s2: Serializers;
export declare const s3: Serializers;
export declare const s4: Serializers;
export declare const s5: Serializers;
export declare const s6: Serializers;
export declare const s7: Serializers;
export declare const s8: Serializers;
export declare const s10: Serializers;
export declare const s11: Serializers;
export declare const s12: Serializers;
