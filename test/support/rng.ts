// Seeded generators for randomised tests, so that a failure names a seed that replays it.

/** Floats in [0, 1) (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integers in [0, n) for each call's n. */
export function intRng(seed: number): (n: number) => number {
  const next = rng(seed);
  return (n) => Math.floor(next() * n);
}

/** Doubles in [0, 1) with all 53 bits random (two draws of rng). */
export function doubleRng(seed: number): () => number {
  const next = rng(seed);
  return () => (Math.floor(next() * 2 ** 21) * 2 ** 32 + Math.floor(next() * 2 ** 32)) / 2 ** 53;
}
