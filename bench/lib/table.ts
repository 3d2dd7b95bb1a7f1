// Tables of a group's results: plain text for the terminal, Markdown for BENCHMARKS.md.
import { comparisonLabel, computeRatios, geomean, type Cell, type GroupResult, type Row } from './result.js';

export type TableStyle = 'text' | 'markdown';

/** A number in the group's unit, short: "85 ns", "1.24 µs", "0.412", "81,532". */
export function formatValue(v: number, unit: string): string {
  if (unit === 'ns/op' || unit === 'ns') {
    if (v < 1000) return `${v < 10 ? v.toFixed(1) : Math.round(v)} ns`;
    if (v < 1e6) return `${(v / 1e3).toFixed(v < 1e4 ? 2 : 1)} µs`;
    return `${(v / 1e6).toFixed(2)} ms`;
  }
  if (unit === 's' || unit.endsWith(' s')) return v.toFixed(3);
  if (unit.startsWith('req/')) return Math.round(v).toLocaleString('en-US');
  return v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(3);
}

export function formatRatio(r: number | null): string {
  if (r === null) return '-';
  return `${r >= 100 ? Math.round(r) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}x`;
}

function formatCell(c: Cell | undefined, unit: string): string {
  if (c === undefined) return '-';
  if (c.error !== undefined) return 'FAIL';
  return c.value === null ? '-' : formatValue(c.value, unit);
}

/** Lays out rows of cells; the first `left` columns are left-aligned, the rest right-aligned. */
export function layout(header: string[], body: string[][], style: TableStyle, left = 1): string {
  const esc = (s: string) => (style === 'markdown' ? s.replace(/\|/g, '\\|') : s);
  const cells = [header, ...body].map((r) => r.map(esc));
  if (style === 'markdown') {
    const sep = header.map((_, i) => (i < left ? '---' : '--:'));
    return [cells[0]!, sep, ...cells.slice(1)].map((r) => `| ${r.join(' | ')} |`).join('\n');
  }
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Rows by section, in order of first appearance ('' for rows without one). */
export function sections(rows: readonly Row[]): Array<[string, Row[]]> {
  const by = new Map<string, Row[]>();
  for (const r of rows) {
    const k = r.section ?? '';
    if (!by.has(k)) by.set(k, []);
    by.get(k)!.push(r);
  }
  return [...by.entries()];
}

/**
 * The main table of a section: one line per row with each contestant's value and each
 * ratio, then the geometric mean of each ratio column over the rows that have one.
 */
export function mainTable(result: GroupResult, rows: readonly Row[], style: TableStyle): string {
  const { contestants, comparisons, unit } = result;
  const header = ['case', ...contestants.map((c) => `${c} (${unit})`), ...comparisons.map(comparisonLabel)];
  const body = rows.map((r) => [r.name, ...contestants.map((c) => formatCell(r.cells[c], unit)),
    ...comparisons.map((c) => formatRatio(r.ratios[comparisonLabel(c)] ?? null))]);
  if (rows.length > 1) {
    const ratios = (label: string) => rows.map((r) => r.ratios[label]).filter((v): v is number => typeof v === 'number');
    const bold = (s: string) => (style === 'markdown' && s !== '-' ? `**${s}**` : s);
    // Values of different rows are not comparable; only the ratios get a geometric mean.
    body.push([bold('geomean'), ...contestants.map(() => ''),
      ...comparisons.map((c) => bold(formatRatio(geomean(ratios(comparisonLabel(c))))))]);
  }
  return layout(header, body, style);
}

/**
 * The secondary measurements (Cell.extra); '' if none. A single metric is tabled like the
 * main table (a column per contestant, then the ratios); several, one line per row and contestant.
 */
export function metricsTable(result: GroupResult, rows: readonly Row[], style: TableStyle): string {
  if (result.metrics.length === 0) return '';
  if (result.metrics.length === 1) {
    const m = result.metrics[0]!;
    const asMain = rows.map((r): Row => {
      const cells: Record<string, Cell> = {};
      for (const [c, cell] of Object.entries(r.cells)) cells[c] = { ...cell, value: cell.extra?.[m.key] ?? null };
      const row: Row = { ...r, cells, ratios: {} };
      computeRatios(row, result.comparisons, m.better ?? 'lower');
      return row;
    });
    return mainTable({ ...result, unit: m.label }, asMain, style);
  }
  const body: string[][] = [];
  for (const r of rows) {
    let first = true;
    for (const c of result.contestants) {
      const cell = r.cells[c];
      if (cell === undefined) continue;
      body.push([first ? r.name : '', c, ...result.metrics.map((m) => {
        if (cell.error !== undefined) return 'FAIL';
        const v = cell.extra?.[m.key];
        return v == null || Number.isNaN(v) ? '-' : `${v.toFixed(m.digits ?? 2)}${m.unit ?? ''}`;
      })]);
      first = false;
    }
  }
  return layout(['case', 'contestant', ...result.metrics.map((m) => m.label)], body, style, 2);
}

/** Failed cells, one line each: what went wrong must be visible next to the table. */
export function failures(result: GroupResult): string[] {
  const out: string[] = [];
  for (const r of result.rows) {
    for (const c of result.contestants) {
      const e = r.cells[c]?.error;
      if (e !== undefined) out.push(`FAIL ${r.name} / ${c}: ${e}`);
    }
  }
  return out;
}
