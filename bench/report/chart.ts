// SVG bar charts of a group's results: per row, each contestant's cost relative to the
// group's baseline (1x), one colour per contestant, a log scale when the ratios span more
// than 10x. Hand-written SVG text: no dependency, readable diff in git.
import { costRatio, type GroupResult, type Row } from '../lib/result.js';
import { sections } from '../lib/table.js';

// The two roverc modes keep their colour in every chart; other contestants take the rest in order.
const MODE_COLOURS: Record<string, string> = { interpreted: '#d95f02', compiled: '#1b9e77' };
const OTHER_COLOURS = ['#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d'];

function colours(contestants: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  let next = 0;
  for (const c of contestants) out[c] = MODE_COLOURS[c] ?? OTHER_COLOURS[next++ % OTHER_COLOURS.length]!;
  return out;
}
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';
const BAR = 10;
const ROW_GAP = 8;
const CHAR_W = 6.6; // average width of a 12px character, for sizing the label column

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (r: number) => (r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2));
/** Axis ticks without trailing zeros: 0.01x, 0.5x, 2x. */
const tick = (t: number) => String(Number(t.toPrecision(3)));

interface Scale { log: boolean; lo: number; hi: number; ticks: number[] }

/** Axis domain and ticks covering every ratio and 1. */
function scaleFor(ratios: number[]): Scale {
  const min = Math.min(1, ...ratios), max = Math.max(1, ...ratios);
  if (max / min > 10) {
    // Strictly below the smallest ratio, so that the baseline's 1x bar has a length too.
    const lo = 10 ** Math.floor(Math.log10(min * 0.99)), hi = 10 ** Math.ceil(Math.log10(max) - 1e-9);
    const decades = Math.round(Math.log10(hi / lo));
    const steps = decades <= 3 ? [1, 2, 5] : [1];
    const ticks: number[] = [];
    for (let d = lo; d <= hi * 1.0001; d *= 10) for (const s of steps) if (d * s <= hi * 1.0001) ticks.push(d * s);
    return { log: true, lo, hi, ticks };
  }
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= hi + step / 2; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return { log: false, lo: 0, hi, ticks };
}

/** What the bars measure, for the title and the axis. */
function measureName(r: GroupResult): string {
  if (r.better === 'lower') return 'time';
  return r.unit.startsWith('req') ? 'time per request' : `cost (1 / ${r.unit})`;
}

/** The chart of one group, or undefined when no row has a baseline value to measure against. */
export function groupChart(result: GroupResult): string | undefined {
  const { baseline, contestants } = result;
  const drawn = contestants.filter((c) => result.rows.some((r) => costRatio(r, c, baseline, result.better) !== null));
  const rowsWithBase = (rows: Row[]) => rows.filter((r) => (r.cells[baseline]?.value ?? null) !== null);
  const parts = sections(result.rows).map(([name, rows]) => [name, rowsWithBase(rows)] as const).filter(([, rows]) => rows.length > 0);
  if (parts.length === 0) return undefined;
  const left = parts.length > 1;
  const skipped = result.rows.length - parts.reduce((n, [, rows]) => n + rows.length, 0);
  const colour = colours(contestants);
  const ratios = parts.flatMap(([, rows]) => rows.flatMap((r) => drawn.map((c) => costRatio(r, c, baseline, result.better)).filter((x): x is number => x !== null)));
  const scale = scaleFor(ratios);

  const labelW = Math.ceil(Math.max(...result.rows.map((r) => r.name.length)) * CHAR_W) + 16;
  const plotW = 560;
  const x0 = labelW, width = labelW + plotW + 60;
  const pos = (v: number) => x0 + plotW * (scale.log ? Math.log(v / scale.lo) / Math.log(scale.hi / scale.lo) : v / scale.hi);
  const top = 64;

  const out: string[] = [];
  let y = top;
  for (const [section, rows] of parts) {
    if (left || section) {
      y += 6;
      out.push(`<text x="8" y="${y + 10}" font-size="12" font-weight="bold">${esc(section)}</text>`);
      y += 18;
    }
    for (const r of rows) {
      // A contestant that does not apply to the row (no cell) gets no slot.
      const here = drawn.filter((c) => r.cells[c] !== undefined);
      out.push(`<text x="${x0 - 8}" y="${y + (here.length * BAR) / 2 + 4}" font-size="12" text-anchor="end">${esc(r.name)}</text>`);
      here.forEach((c, i) => {
        const ratio = costRatio(r, c, baseline, result.better);
        const by = y + i * BAR;
        if (ratio === null) {
          const why = r.cells[c]?.error !== undefined ? 'FAIL' : 'n/a';
          out.push(`<text x="${x0 + 4}" y="${by + BAR - 1}" font-size="9" fill="#888">${why}</text>`);
          return;
        }
        const x1 = Math.max(pos(Math.max(ratio, scale.lo)), x0 + 1);
        out.push(`<rect x="${x0}" y="${by}" width="${(x1 - x0).toFixed(1)}" height="${BAR - 1}" fill="${colour[c]}"><title>${esc(`${r.name}, ${c}: ${fmt(ratio)}x ${baseline}`)}</title></rect>`);
        out.push(`<text x="${(x1 + 3).toFixed(1)}" y="${by + BAR - 1}" font-size="9" fill="#333">${fmt(ratio)}x</text>`);
      });
      y += here.length * BAR + ROW_GAP;
    }
  }
  const bottom = y + 4;

  // Grid, the 1x line, the axis and its labels.
  const grid: string[] = [];
  for (const t of scale.ticks) {
    const x = pos(t).toFixed(1);
    grid.push(`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${bottom}" stroke="#e4e4e4"/>`);
    grid.push(`<text x="${x}" y="${bottom + 14}" font-size="10" text-anchor="middle" fill="#444">${tick(t)}x</text>`);
  }
  const one = pos(1).toFixed(1);
  grid.push(`<line x1="${one}" y1="${top - 4}" x2="${one}" y2="${bottom}" stroke="#555" stroke-dasharray="4 3"/>`);
  grid.push(`<line x1="${x0}" y1="${bottom}" x2="${x0 + plotW}" y2="${bottom}" stroke="#444"/>`);
  grid.push(`<line x1="${x0}" y1="${top - 4}" x2="${x0}" y2="${bottom}" stroke="#444"/>`);
  const axis = `${measureName(result)} relative to ${baseline} (1x, dashed); longer is slower${scale.log ? '; log scale' : ''}`;
  grid.push(`<text x="${x0 + plotW / 2}" y="${bottom + 32}" font-size="11" text-anchor="middle" fill="#222">${esc(axis)}</text>`);
  if (skipped > 0) grid.push(`<text x="${x0 + plotW / 2}" y="${bottom + 48}" font-size="10" text-anchor="middle" fill="#666">${skipped} row(s) without a ${esc(baseline)} value are in the table only</text>`);

  // Title and legend.
  const head: string[] = [`<text x="8" y="20" font-size="15" font-weight="bold">${esc(result.title)}</text>`];
  let lx = 8;
  for (const c of drawn) {
    head.push(`<rect x="${lx}" y="34" width="12" height="12" fill="${colour[c]}"/>`);
    head.push(`<text x="${lx + 16}" y="44" font-size="12">${esc(c)}</text>`);
    lx += 16 + Math.ceil(c.length * CHAR_W) + 18;
  }
  const height = bottom + (skipped > 0 ? 58 : 42);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...head, ...grid, ...out, '</svg>', '',
  ].join('\n');
}
