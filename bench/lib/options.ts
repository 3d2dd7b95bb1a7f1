// Command-line options shared by every group script and the runner.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The repository root (scripts run from dist/bench/..., sources live beside dist/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_RESULTS_DIR = path.join(ROOT, 'bench', 'results');
/** Group scripts in run order; the runner runs those whose dist/bench/<group>.js exists. */
export const GROUP_ORDER: readonly string[] = ['json', 'request', 'compute', 'server'];

export interface BenchOptions {
  /** Small sizes, short timings, one round: a smoke test, not a measurement. */
  quick: boolean;
  /**
   * Row filters from --cases (comma-separated, repeatable): a row runs when one of them is a
   * case-insensitive substring of its name. `group:text` applies to that group only.
   */
  cases: string[];
  resultsDir: string;
  /** Only the first selected row of each group, in quick mode: the smoke test of `npm test`. */
  smoke: boolean;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
/** A group's own option values, by name (strings, booleans or lists of them). */
export type OptionValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

export const COMMON_OPTIONS = {
  quick: { type: 'boolean', default: false },
  cases: { type: 'string', multiple: true },
  'results-dir': { type: 'string' },
  smoke: { type: 'boolean', default: false },
} as const satisfies OptionSpec;

/**
 * Parses the common options plus a group's own (`extra`, node:util parseArgs style).
 * Unknown options are an error, so a typo does not silently run the full suite.
 */
export function parseBenchArgs(extra: OptionSpec = {}, args = process.argv.slice(2)): { common: BenchOptions; values: OptionValues } {
  const v = parseCliArgs({ ...COMMON_OPTIONS, ...extra }, args);
  const common: BenchOptions = {
    quick: v.quick === true || v.smoke === true,
    smoke: v.smoke === true,
    cases: ((v.cases as string[] | undefined) ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean),
    resultsDir: path.resolve((v['results-dir'] as string | undefined) ?? DEFAULT_RESULTS_DIR),
  };
  return { common, values: v as OptionValues };
}

/**
 * A bench script's options: `--help` lists them, and an unknown or malformed one is a
 * one-line usage error (exit 2), not a stack trace.
 */
export function parseCliArgs(options: OptionSpec, args = process.argv.slice(2)): Record<string, unknown> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`options: ${Object.entries(options).map(([name, o]) => `--${name}${o.type === 'string' ? ' <value>' : ''}`).join(' ')}\n(see bench/README.md)`);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, unknown>;
  } catch (e) {
    console.error(`${path.basename(process.argv[1] ?? 'bench')}: ${(e as Error).message} (--help lists the options)`);
    process.exit(2);
  }
}

/** The --cases filters that apply to `group` (unqualified ones, and `group:...` ones). */
export function caseFilters(cases: readonly string[], group: string): string[] {
  const mine: string[] = [];
  for (const c of cases) {
    const colon = c.indexOf(':');
    const prefix = colon > 0 ? c.slice(0, colon) : '';
    // Route names contain ':' too ("/users/:id"): only a group name makes a prefix.
    const qualified = prefix !== '' && (GROUP_ORDER.includes(prefix) || prefix === group);
    if (!qualified) mine.push(c);
    else if (prefix === group) mine.push(c.slice(colon + 1));
  }
  return mine;
}

/**
 * Whether a row named `name` runs: with no --cases at all every row does; otherwise only
 * rows matching a filter that applies to the group (`filters`, from caseFilters).
 */
export function matchesCases(name: string, anyCases: boolean, filters: readonly string[]): boolean {
  if (!anyCases) return true;
  const n = name.toLowerCase();
  return filters.some((f) => n.includes(f.toLowerCase()));
}
