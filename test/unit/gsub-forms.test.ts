// gsub builds its result two ways: short subjects by string concatenation (expandReplacement),
// long ones in a byte buffer with the replacement read once into parts (replacementParts)
// and expanded in the loop. Both must give the same text, count and errors; the short form is checked
// against luajit by the corpus and string-lib tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LuaError } from '../../runtime/lua/errors.js';
import type { LuaFunction, LuaResult, LuaValue } from '../../runtime/lua/value.js';
import { createStringLib } from '../../runtime/stdlib/string.js';

const gsub = createStringLib().get('gsub') as LuaFunction;

function outcome(...args: LuaValue[]): LuaResult | string {
  try {
    return gsub(...args);
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    return `error: ${String(e.value)}`;
  }
}

// no pattern below matches in it, and it makes the subject long enough for the buffer
const PAD = '#'.repeat(1500);

test('gsub with a replacement string: the same on short and long subjects', () => {
  const subjects = ['hello world', 'ab ab', 'a=1, b=22', '', 'x', '((a)) b'];
  // (none matches the empty string: it would match in the pad too)
  const patterns = ['(%a+)', '%a+', '(%a)(%a*)', '(%a+)=(%d+)', 'o', '(h)()', '()l', '%s+', '^(%a)', '(l)(l)'];
  const repls = ['%1', '%0', '%2-%1', '<%0>', '%%', '%', 'x%', '%a%', '[%1]%%[%2]', 'plain', '', '%9', '%2', '%1%1%1'];
  for (const s of subjects) {
    for (const p of patterns) {
      for (const r of repls) {
        for (const n of [undefined, 1, 2]) {
          const short = outcome(s, p, r, n);
          const long = outcome(s + PAD, p, r, n);
          const where = `gsub(${JSON.stringify(s)}, ${JSON.stringify(p)}, ${JSON.stringify(r)}, ${String(n)})`;
          if (typeof short === 'string') {
            assert.equal(long, short, where);
            continue;
          }
          const [text, count] = short as LuaValue[];
          const [longText, longCount] = long as LuaValue[];
          assert.equal(longCount, count, where);
          assert.equal(longText, (text as string) + PAD, where);
        }
      }
    }
  }
});
