// The positions table of one module. Compiled frames record where they are as one int, a
// pc (see runtime/lua/callstack.ts); each pc names a function site, a Lua line and the
// name of the call being made. The module registers its table once at load.
import { jsString } from './names.js';
import type { PcFacts } from './pc-stores.js';

export class Positions {
  private readonly entries: string[] = [];
  private readonly index = new Map<string, number>();
  /** Each entry's site and line (its key without the call name), and whether it names a call. */
  private readonly lines: string[] = [];
  private readonly named: boolean[] = [];

  /** The pc expression of a position (`$pc + k`). */
  of(site: string, line: number, callName?: string): string {
    const key = `${site}\u0000${line}\u0000${callName ?? ''}`;
    let k = this.index.get(key);
    if (k === undefined) {
      k = this.entries.length;
      this.index.set(key, k);
      this.lines.push(`${site}\u0000${line}`);
      this.named.push(callName !== undefined);
      this.entries.push(`[${site}, ${line}${callName === undefined ? '' : `, ${jsString(callName)}`}]`);
    }
    return k === 0 ? '$pc' : `$pc + ${k}`;
  }

  /** What the table tells of the pc expressions `of` gave. */
  facts(): PcFacts {
    const entry = (pc: string): number => (pc === '$pc' ? 0 : /^\$pc \+ (\d+)$/.test(pc) ? Number(pc.slice(6)) : -1);
    return {
      lineKey: (pc) => this.lines[entry(pc)],
      unnamed: (pc) => this.named[entry(pc)] === false,
    };
  }

  /** The module-level declaration of `$pc`, after the sites. */
  declaration(): string {
    const rows = this.entries.map((e, k) => `  ${e}, // ${k}`);
    return `const $pc = rt.positions([\n${rows.join('\n')}\n]);`;
  }
}
