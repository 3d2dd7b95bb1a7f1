// Turns errors that reach the command line into one clear message and an exit code.
import { colors as pc } from './colors.js';
import { Diagnostic, UsageError } from '../frontend/diagnostics.js';

export function formatProblem(e: unknown): string {
  if (e instanceof Diagnostic) return `${pc.bold(e.message)}\n${e.format().split('\n').slice(1).join('\n')}`;
  if (e instanceof UsageError) return `roverc: ${e.message}`;
  if (e instanceof Error) return `roverc: ${e.message}`;
  return `roverc: ${String(e)}`;
}

export function reportAndExit(e: unknown): never {
  process.stderr.write(formatProblem(e) + '\n');
  if (!(e instanceof Diagnostic) && !(e instanceof UsageError) && process.env.ROVERC_DEBUG && e instanceof Error) {
    process.stderr.write(`${e.stack}\n`);
  }
  process.exit(1);
}
