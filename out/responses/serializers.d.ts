import type { JsonSerializer } from './roverc/runtime/http/json-writer.js';

/** Serializers by status ("200", ..., "default"). */
type Serializers = Readonly<Record<string, JsonSerializer>>;
export declare const s0: Serializers;
export declare const s7: Serializers;
export declare const s9: Serializers;
export declare const s10: Serializers;
export declare const s11: Serializers;
export declare const s29: Serializers;
export declare const s34: Serializers;
export declare const s36: Serializers;
export declare const s40: Serializers;
export declare const s41: Serializers;
export declare const s42: Serializers;
export declare const s43: Serializers;
export declare const s44: Serializers;
export declare const s45: Serializers;
