// The positions table of one module. Compiled frames record where they are as one int, a
// pc (see runtime/lua/callstack.ts); each pc names a function site, a Lua line and the
// name of the call being made. The module registers its table once at load.
import { jsString } from './names.js';

export class Positions {
  private readonly entries: string[] = [];
  private readonly index = new Map<string, number>();

  /** The pc expression of a position (`$pc + k`). */
  of(site: string, line: number, callName?: string): string {
    const key = `${site}\u0000${line}\u0000${callName ?? ''}`;
    let k = this.index.get(key);
    if (k === undefined) {
      k = this.entries.length;
      this.index.set(key, k);
      this.entries.push(`[${site}, ${line}${callName === undefined ? '' : `, ${jsString(callName)}`}]`);
    }
    return k === 0 ? '$pc' : `$pc + ${k}`;
  }

  /** The module-level declaration of `$pc`, after the sites. */
  declaration(): string {
    const rows = this.entries.map((e, k) => `  ${e}, // ${k}`);
    return `const $pc = rt.positions([\n${rows.join('\n')}\n]);`;
  }
}
