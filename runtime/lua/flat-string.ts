// V8 keeps `a + b` of strings as a tree of its parts (a cons string) until something reads
// its characters. A library result built from many parts and then kept (in a table, say)
// keeps every part alive: the young-generation collector copies and promotes all of them.
// Reading one character makes V8 flatten the tree into one string, and the parts die young.

let sink = 0;

/** `s`, flattened (see above): for results built from several parts. */
export function flatten(s: string): string {
  // the read must look used, or an optimizing compiler could drop it
  sink ^= s.charCodeAt(0);
  return s;
}

/** Keeps `sink` observable to V8 (never called in practice). */
export function flattenSink(): number {
  return sink;
}
