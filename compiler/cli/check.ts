// `roverc check`: parse and resolve a file, reporting the first problem.
import { Diagnostic, UsageError } from '../frontend/diagnostics.js';
import { parseChunk } from '../frontend/parse.js';
import { resolve } from '../frontend/resolve.js';
import { readSource } from '../frontend/source.js';
import { formatProblem } from './report.js';

/** Returns the formatted problem, or undefined when the file is fine. */
export function checkFile(file: string): string | undefined {
  try {
    const source = readSource(file);
    resolve(file, source.text, parseChunk(file, source.text));
    return undefined;
  } catch (e) {
    if (e instanceof Diagnostic || e instanceof UsageError) return formatProblem(e);
    throw e;
  }
}
