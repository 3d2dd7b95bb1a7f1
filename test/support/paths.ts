// Locations used by the tests, independent of the folder they are run from.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from dist/test/..., sources live beside dist/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = path.join(ROOT, 'bin/roverc.js');
export const CORPUS = path.join(ROOT, 'test/lua/corpus');
