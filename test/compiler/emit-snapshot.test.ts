// Snapshots of the TypeScript emitted for small constructs, so that a change in what the
// compiler writes (its speed or its readability) shows up in review. When a change is
// intended, update the expected text here.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { emittedFunction, emittedInterface } from './emit-snapshot.js';

function expectEmitted(lua: string, name: string, expected: string): void {
  assert.equal(emittedFunction(lua, name), expected.trim());
}

it('arithmetic on unknown values in a leaf: one test of the locals, the general code outlined', () => {
  // a leaf's outlined slow path takes the frame itself, so the leaf has no frame code
  const lua = 'local function f(a, b) return a + b * 2 end\nreturn f';
  expectEmitted(lua, 'f', `
f = function $f(a?: rt.LuaValue, b?: rt.LuaValue): rt.LuaResult {
  return ((typeof a === 'number' && typeof b === 'number' ? ((a as number) + ((b as number) * 2)) : $slow0(a, b)));
};`);
  expectEmitted(lua, 'slow0', `
function $slow0(a: rt.LuaValue, b: rt.LuaValue): rt.LuaValue {
  const $s = rt.current, $d = $s.depth;
  if (typeof b === 'number') $1 = b * 2;
  else {
    rt.enterAt($s, $d, $pc);
    $1 = rt.mul(b, 2, "local 'b'");
  }
  if (typeof a === 'number' && typeof $1 === 'number') $2 = a + $1;
  else {
    rt.enterAt($s, $d, $pc);
    $2 = rt.add(a, $1, "local 'a'");
  }
  return rt.leave($s, $d, $2);
}`);
});

it('arithmetic on unknown values outside a leaf tests them inline, locals and literals without temporaries', () => {
  expectEmitted('local function f(a, b) local r = a + b * 2 print(r) return r end\nreturn f', 'f', `
f = function $f(a?: rt.LuaValue, b?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  if (typeof b === 'number') $1 = b * 2;
  else {
    $s.pcs[$d] = $pc;
    $1 = rt.mul(b, 2, "local 'b'");
  }
  if (typeof a === 'number' && typeof $1 === 'number') $2 = a + $1;
  else {
    $s.pcs[$d] = $pc;
    $2 = rt.add(a, $1, "local 'a'");
  }
  let r: rt.LuaValue = $2;
  $s.pcs[$d] = $pc + 1;
  if (($2 = $env.f!.print) === undefined) {
    $2 = rt.getGlobal($env, "print");
  }
  rt.callee($2, "global 'print'")(r);
  $s.depth = $d;
  return r;
};`);
});

it('a leaf of proven numbers has no frame code', () => {
  expectEmitted('local function sq(x) return x * x end\nreturn sq(3)', 'sq', `
sq = (function $sq(x: number): rt.LuaResult {
  return ((x * x));
}) as rt.LuaFunction;`);
});

it('arithmetic on fields is one guarded fast path; the general code is a function of its own', () => {
  const lua = 'local function f(p) p.x = p.x + 1 end\nreturn f';
  // its only slow path is outlined: the slow path takes the frame itself, f has no frame code
  expectEmitted(lua, 'f', `
f = function $f(p?: rt.LuaValue): rt.LuaResult {
  if (($f1 = (p as rt.LuaTable)?.f) !== undefined && typeof ($2 = $f1.x) === 'number' && !(p as rt.LuaTable).linked) $f1.x = (($2 as number) + 1);
  else $slow0(p);
  return rt.NONE;
};`);
  expectEmitted(lua, 'slow0', `
function $slow0(p: rt.LuaValue): void {
  const $s = rt.current, $d = $s.depth;
  $4 = p as rt.LuaValue;
  if (!(($f7 = ($4 as rt.LuaTable)?.f) !== undefined && (($5 = $f7.x) !== undefined || ($m6 = ($4 as rt.LuaTable).metatable) === undefined || ($5 = $m6.view.x) !== undefined || (!("x" in $m6.view) && $m6.view[rt.CUT] === undefined)))) {
    rt.enterAt($s, $d, $pc);
    $5 = rt.index($4, "x", "local 'p'");
  }
  if (typeof $5 === 'number') $8 = $5 + 1;
  else {
    rt.enterAt($s, $d, $pc);
    $8 = rt.add($5, 1, "field 'x'");
  }
  $3 = $8;
  if ($3 !== undefined && ($f9 = (p as rt.LuaTable)?.f) !== undefined && !(p as rt.LuaTable).linked && $f9.x !== undefined) $f9.x = $3;
  else {
    rt.enterAt($s, $d, $pc);
    rt.setIndex(p, "x", $3, "local 'p'");
  }
  $s.depth = $d;
}`);
});

it('a field read that is not arithmetic is a property load, guarded', () => {
  expectEmitted('local function f(p) local v = p.x return v end\nreturn f', 'f', `
f = function $f(p?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  $1 = p as rt.LuaValue;
  if (!(($f4 = ($1 as rt.LuaTable)?.f) !== undefined && (($2 = $f4.x) !== undefined || ($m3 = ($1 as rt.LuaTable).metatable) === undefined || ($2 = $m3.view.x) !== undefined || (!("x" in $m3.view) && $m3.view[rt.CUT] === undefined)))) {
    rt.enterAt($s, $d, $pc);
    $2 = rt.index($1, "x", "local 'p'");
  }
  let v: rt.LuaValue = $2;
  $s.depth = $d;
  return v;
};`);
});

it('a call records its position (one int) just before it; the global read\'s slow path, on the same line, keeps it', () => {
  expectEmitted('local function f(t) local s = tostring(t) return s end\nreturn f', 'f', `
f = function $f(t?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  $s.pcs[$d] = $pc + 1;
  if (($1 = $env.f!.tostring) === undefined) {
    $1 = rt.getGlobal($env, "tostring");
  }
  let s: rt.LuaValue = rt.first(rt.callee($1, "global 'tostring'")(t));
  $s.depth = $d;
  return s;
};`);
});

it('a position the frame stored already is not stored again (compiler/codegen/pc-stores.ts)', () => {
  // the second call has the first one's position; the slow paths of line 3 keep it too
  const lua = 'local function fib(k)\n  if k < 2 then return k end\n  return fib(k - 1) + fib(k - 2)\nend\nreturn fib';
  expectEmitted(lua, 'fib', `
fib = function $fib(k?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  if (typeof k === 'number') $1 = k < 2;
  else {
    $s.pcs[$d] = $pc;
    $1 = rt.lt(k, 2);
  }
  if ($1) {
    $s.depth = $d;
    return k;
  }
  if (typeof k === 'number') $2 = k - 1;
  else {
    $s.pcs[$d] = $pc + 1;
    $2 = rt.sub(k, 1, "local 'k'");
  }
  $s.pcs[$d] = $pc + 2;
  $4 = ((fib($2) as rt.LuaValue)) as rt.LuaValue;
  if (typeof k === 'number') $3 = k - 2;
  else {
    $3 = rt.sub(k, 2, "local 'k'");
  }
  $5 = ((fib($3) as rt.LuaValue)) as rt.LuaValue;
  if (typeof $4 === 'number' && typeof $5 === 'number') $6 = $4 + $5;
  else {
    $6 = rt.add($4, $5);
  }
  $s.depth = $d;
  return $6;
};`);
});

it("a method call: a string's method from the strings' metatable view, a table's from its fields or its metatable's view", () => {
  expectEmitted('local function f(o) local r = o:sub(1) return r end\nreturn f', 'f', `
f = function $f(o?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  $1 = o as rt.LuaValue;
  $s.pcs[$d] = $pc;
  let r: rt.LuaValue = rt.first(rt.callee((typeof $1 === 'string' ? (($m4 = rt.stringMeta) !== undefined && $m4.view.sub !== undefined ? $m4.view.sub : rt.index($1, "sub", "local 'o'")) : (($f3 = ($1 as rt.LuaTable)?.f)?.sub !== undefined ? $f3!.sub : ($m2 = ($1 as rt.LuaTable)?.metatable) !== undefined && $m2.view.sub !== undefined ? $m2.view.sub : rt.index($1, "sub", "local 'o'"))), "method 'sub'")($1, 1));
  $s.depth = $d;
  return r;
};`);
});

it('a method the string library lacks is looked up on tables only (strings take the runtime), one call per way of finding it', () => {
  expectEmitted('local function f(o) local r = o:m(1) return r end\nreturn f', 'f', `
f = function $f(o?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  $1 = o as rt.LuaValue;
  $s.pcs[$d] = $pc;
  if (($f2 = ($1 as rt.LuaTable)?.f) !== undefined && typeof ($4 = $f2.m) === 'function') $r6 = ($4 as rt.LuaFunction)($1, 1);
  else if ($f2 !== undefined && $4 === undefined && ($m3 = ($1 as rt.LuaTable).metatable) !== undefined && typeof ($5 = $m3.view.m) === 'function') $r6 = ($5 as rt.LuaFunction)($1, 1);
  else $r6 = rt.callee(rt.index($1, "m", "local 'o'"), "method 'm'")($1, 1);
  let r: rt.LuaValue = rt.first($r6);
  $s.depth = $d;
  return r;
};`);
});

it('a numeric for over the array part', () => {
  // `t` may be anything: whether it is a table is asked once, before the loop (flaggedLoop)
  expectEmitted('local function f(t) local s = 0 for i = 1, #t do s = s + t[i] end return s end\nreturn f', 'f', `
f = function $f(t?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  let s: rt.LuaValue = 0;
  {
    const t$isTable = (t as rt.LuaTable)?.arr !== undefined;
    {
      const $start1 = 1;
      $1 = t as rt.LuaValue;
      if (($1 as rt.LuaTable)?.arr !== undefined) $2 = ($1 as rt.LuaTable).length();
      else if (typeof $1 === 'string') $2 = $1.length;
      else {
        rt.enterAt($s, $d, $pc);
        $2 = rt.len($1, "local 't'");
      }
      rt.enterAt($s, $d, $pc);
      const $limit1 = rt.forNumber($2, 'limit');
      for (let i: number = $start1; i <= $limit1; i++) {
        $3 = t;
        $k4 = i;
        if (t$isTable && ($a6 = ($3 as rt.LuaTable).arr) !== undefined && ($5 = $a6[$k4 - 1]) !== undefined) {
          if (typeof s === 'number' && typeof $5 === 'number') $8 = s + $5;
          else {
            rt.enterAt($s, $d, $pc);
            $8 = rt.add(s, $5, "local 's'");
          }
        } else {
          rt.enterAt($s, $d, $pc);
          $7 = rt.indexItem($3, $k4, "local 't'");
          if (typeof s === 'number' && typeof $7 === 'number') $8 = s + $7;
          else {
            rt.enterAt($s, $d, $pc);
            $8 = rt.add(s, $7, "local 's'");
          }
        }
        s = $8;
      }
    }
  }
  $s.depth = $d;
  return s;
};`);
});

it('a table proven by every call site has its array part read as a property, without a test of its own', () => {
  // (a `?.` on each read of a loop made spectral_norm's inner loop about 1.25x slower)
  expectEmitted(`local function sum(t) local s = 0 for i = 1, 3 do s = s + t[i] end t[4] = s return s end
return sum({1, 2, 3}) + sum({4})`, 'sum', `
sum = (function $sum(t: rt.LuaTable): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  let s: rt.LuaValue = 0;
  {
    const $start1 = 1;
    const $limit1 = 3;
    for (let i: number = $start1; i <= $limit1; i++) {
      $1 = t;
      $k2 = i;
      if (($a4 = ($1 as rt.LuaTable).arr) !== undefined && ($3 = $a4[$k2 - 1]) !== undefined) {
        if (typeof s === 'number' && typeof $3 === 'number') $6 = s + $3;
        else {
          rt.enterAt($s, $d, $pc);
          $6 = rt.add(s, $3, "local 's'");
        }
      } else {
        rt.enterAt($s, $d, $pc);
        $5 = rt.indexItem($1, $k2, "local 't'");
        if (typeof s === 'number' && typeof $5 === 'number') $6 = s + $5;
        else {
          rt.enterAt($s, $d, $pc);
          $6 = rt.add(s, $5, "local 's'");
        }
      }
      s = $6;
    }
  }
  $k2 = 4;
  $6 = s;
  if ($6 !== undefined && ($a4 = (t as rt.LuaTable).arr) !== undefined && $a4[$k2 - 1] !== undefined) $a4[$k2 - 1] = $6;
  else if ($6 !== undefined && $a4 !== undefined && $k2 === $a4.length + 1 && (t as rt.LuaTable).plainItems) $a4.push($6);
  else {
    rt.enterAt($s, $d, $pc);
    rt.setIndex(t, $k2, $6, "local 't'");
  }
  $s.depth = $d;
  return s;
}) as rt.LuaFunction;`);
});

it('math.sqrt runs in place while it is the library function', () => {
  expectEmitted('local function f(x) local r = math.sqrt(x) return r end\nreturn f', 'f', `
f = function $f(x?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  if (($3 = $env.f!.math) === undefined) {
    $s.pcs[$d] = $pc;
    $3 = rt.getGlobal($env, "math");
  }
  if (!(($f6 = ($3 as rt.LuaTable)?.f) !== undefined && (($4 = $f6.sqrt) !== undefined || ($m5 = ($3 as rt.LuaTable).metatable) === undefined || ($4 = $m5.view.sqrt) !== undefined || (!("sqrt" in $m5.view) && $m5.view[rt.CUT] === undefined)))) {
    $s.pcs[$d] = $pc;
    $4 = rt.index($3, "sqrt", "global 'math'");
  }
  $1 = $4;
  $2 = x;
  if ($1 === rt.MATH_UNARY.sqrt && typeof $2 === 'number') $7 = Math.sqrt($2);
  else {
    $s.pcs[$d] = $pc + 1;
    $7 = rt.first(rt.callee($1, "field 'sqrt'")($2));
  }
  let r: rt.LuaValue = $7;
  $s.depth = $d;
  return r;
};`);
});

it('ipairs/pairs loops step a table without calling the library iterator, the call protocol otherwise', () => {
  expectEmitted('local function sum(t) local s = 0 for i, v in ipairs(t) do s = s + v end return s end\nreturn sum', 'sum', `
sum = function $sum(t?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  let s: rt.LuaValue = 0;
  {
    if (($4 = $env.f!.ipairs) === undefined) {
      $s.pcs[$d] = $pc;
      $4 = rt.getGlobal($env, "ipairs");
    }
    $2 = $4;
    $3 = t as rt.LuaValue;
    if ($2 === rt.ITERATION.ipairs && $3 instanceof rt.LuaTable) {
      $it1 = rt.ITERATION.ipairsIter;
      $st1 = $3;
      $key1 = 0;
    } else {
      $s.pcs[$d] = $pc + 1;
      $l1 = rt.adjust(rt.all(rt.callee($2, "global 'ipairs'")($3)), 3);
      $it1 = $l1[0];
      $st1 = $l1[1];
      $key1 = $l1[2];
    }
    $s.pcs[$d] = $pc;
    const $iter1 = rt.callable($it1);
    const $kind1 = rt.forKind($it1, $st1, $key1);
    for (;;) {
      $s.pcs[$d] = $pc + 2;
      if ($kind1 === 1) {
        if (($second1 = ($st1 as rt.LuaTable).getInt($key1 = ($key1 as number) + 1)) === undefined) break;
      } else if ($kind1 === 2) {
        if (($key1 = ($st1 as rt.LuaTable).nextKey($key1)) === undefined) break;
        $second1 = rt.found.value;
      } else {
        $res1 = $iter1($st1, $key1);
        if (($key1 = Array.isArray($res1) ? $res1[0] : $res1) === undefined) break;
        $second1 = Array.isArray($res1) ? $res1[1] : undefined;
      }
      let i: rt.LuaValue = $key1;
      let v: rt.LuaValue = $second1;
      if (typeof s === 'number' && typeof v === 'number') $5 = s + v;
      else {
        $5 = rt.add(s, v, "local 's'", "local 'v'");
      }
      s = $5;
    }
  }
  $s.depth = $d;
  return s;
};`);
});

it('a record constructor sets its fields at the site', () => {
  expectEmitted('local function f(x, y) return { x = x, y = y } end\nreturn f', 'f', `
f = function $f(x?: rt.LuaValue, y?: rt.LuaValue): rt.LuaResult {
  $1 = x;
  $2 = y;
  $o3 = new rt.FieldsObject();
  $n4 = 0;
  if ($1 !== undefined) {
    $o3.x = $1;
    $n4++;
  }
  if ($2 !== undefined) {
    $o3.y = $2;
    $n4++;
  }
  return (rt.LuaTable.record($o3, $n4));
};`);
});

it('table.insert(t, v) is a push while the library function is in place and t has no hash keys', () => {
  expectEmitted('local function f(t, v) table.insert(t, v) end\nreturn f', 'f', `
f = function $f(t?: rt.LuaValue, v?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  if (($4 = $env.f!.table) === undefined) {
    $s.pcs[$d] = $pc;
    $4 = rt.getGlobal($env, "table");
  }
  if (!(($f7 = ($4 as rt.LuaTable)?.f) !== undefined && (($5 = $f7.insert) !== undefined || ($m6 = ($4 as rt.LuaTable).metatable) === undefined || ($5 = $m6.view.insert) !== undefined || (!("insert" in $m6.view) && $m6.view[rt.CUT] === undefined)))) {
    $s.pcs[$d] = $pc;
    $5 = rt.index($4, "insert", "global 'table'");
  }
  $1 = $5;
  $2 = t as rt.LuaValue;
  $3 = v;
  if ($1 === rt.TABLE_INSERT && $2 instanceof rt.LuaTable && $2.other === undefined && $3 !== undefined) {
    $2.arr.push($3);
    $r8 = rt.NONE;
  } else {
    $s.pcs[$d] = $pc + 1;
    $r8 = rt.callee($1, "field 'insert'")($2, $3);
  }
  $s.depth = $d;
  return rt.NONE;
};`);
});

it('a loop is labelled only when a break must name it (from inside a goto block)', () => {
  const lua = `local function f(t)
  while true do
    for i = 1, #t do if t[i] then break end end
    repeat
      if t.x then goto skip end
      if t.y then break end
      ::skip::
    until t.z
    break
  end
end
return f`;
  const ts = emittedFunction(lua, 'f');
  assert.match(ts, /\n *while \(true\) \{/);
  assert.match(ts, /\n *for \(let i: number/);
  assert.match(ts, /\n *\$loop3: for \(;;\) \{/);
  assert.match(ts, /break \$loop3;/);
  assert.doesNotMatch(ts, /\$loop[12]\b/);
});

it('a loop testing a local that nothing assigns is two loops under one test (unswitching)', () => {
  const unswitched = emittedFunction(`local function f(t, squares)
  local s = 0
  for i = 1, #t do
    if squares then s = s + t[i] * t[i] else s = s + t[i] end
  end
  return s
end
return f`, 'f');
  assert.match(unswitched, /\n *if \(rt\.truthy\(squares\)\) \{\n/);
  assert.equal(unswitched.match(/for \(let i: number/g)?.length, 2);
  // the test changes in the loop: it stays inside, one loop
  const kept = emittedFunction(`local function f(n)
  local on, c = false, 0
  for i = 1, n do
    if on then c = c + 1 end
    on = not on
  end
  return c
end
return f`, 'f');
  assert.equal(kept.match(/for \(let i: number/g)?.length, 1);
});

it('`a and b` whose right side writes statements: the left into a temp, the right inside an if on its truth', () => {
  expectEmitted('local function f(t, u) local x = t.ok and u.v return x end\nreturn f', 'f', `
f = function $f(t?: rt.LuaValue, u?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  $2 = t as rt.LuaValue;
  if (!(($f5 = ($2 as rt.LuaTable)?.f) !== undefined && (($3 = $f5.ok) !== undefined || ($m4 = ($2 as rt.LuaTable).metatable) === undefined || ($3 = $m4.view.ok) !== undefined || (!("ok" in $m4.view) && $m4.view[rt.CUT] === undefined)))) {
    rt.enterAt($s, $d, $pc);
    $3 = rt.index($2, "ok", "local 't'");
  }
  $1 = $3;
  if (rt.truthy($1)) {
    $6 = u as rt.LuaValue;
    if (!(($f9 = ($6 as rt.LuaTable)?.f) !== undefined && (($7 = $f9.v) !== undefined || ($m8 = ($6 as rt.LuaTable).metatable) === undefined || ($7 = $m8.view.v) !== undefined || (!("v" in $m8.view) && $m8.view[rt.CUT] === undefined)))) {
      rt.enterAt($s, $d, $pc);
      $7 = rt.index($6, "v", "local 'u'");
    }
    $1 = $7;
  }
  let x: rt.LuaValue = $1;
  $s.depth = $d;
  return x;
};`);
});

it('a while test that writes statements: an endless loop that runs them and breaks when the test fails', () => {
  expectEmitted('local function f(q) while q.n < 3 do q.n = q.n + 1 end end\nreturn f', 'f', `
f = function $f(q?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  for (;;) {
    $1 = q as rt.LuaValue;
    if (!(($f4 = ($1 as rt.LuaTable)?.f) !== undefined && (($2 = $f4.n) !== undefined || ($m3 = ($1 as rt.LuaTable).metatable) === undefined || ($2 = $m3.view.n) !== undefined || (!("n" in $m3.view) && $m3.view[rt.CUT] === undefined)))) {
      rt.enterAt($s, $d, $pc);
      $2 = rt.index($1, "n", "local 'q'");
    }
    if (typeof $2 === 'number') $5 = $2 < 3;
    else {
      rt.enterAt($s, $d, $pc);
      $5 = rt.lt($2, 3);
    }
    if (!$5) break;
    if (($f6 = (q as rt.LuaTable)?.f) !== undefined && typeof ($7 = $f6.n) === 'number' && !(q as rt.LuaTable).linked) $f6.n = (($7 as number) + 1);
    else $slow0($s, $d, q);
  }
  $s.depth = $d;
  return rt.NONE;
};`);
});

it('a proven record has an interface of its fields, and its stores are typed by it', () => {
  const lua = `local function f(n)
  local p = { x = n, label = "a" }
  p.x = p.x * 2
  p.label = nil
  p.seen = true
  return p.x
end
return f(2)`;
  expectEmitted(lua, 'f', `
f = (function $f(n: number): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  $1 = n;
  $o2 = new rt.FieldsObject<PFields>();
  $n3 = 2;
  $o2.label = "a";
  $o2.x = $1;
  let p: rt.LuaRecord<PFields> = rt.LuaTable.record($o2, $n3);
  if (($f4 = p.f) !== undefined && typeof ($1 = $f4.x) === 'number' && !(p as rt.LuaTable).linked) $f4.x = (($1 as number) * 2);
  else $slow0($s, $d, p);
  $7 = undefined;
  if ($7 !== undefined && ($f10 = p.f) !== undefined && !(p as rt.LuaTable).linked && $f10.label !== undefined) $f10.label = $7;
  else {
    rt.enterAt($s, $d, $pc + 1);
    rt.setIndex(p, "label", $7, "local 'p'");
  }
  $7 = true;
  if ($7 !== undefined && ($f10 = p.f) !== undefined && !(p as rt.LuaTable).linked && $f10.seen !== undefined) $f10.seen = $7;
  else {
    rt.enterAt($s, $d, $pc + 2);
    rt.setIndex(p, "seen", $7, "local 'p'");
  }
  $7 = p;
  if (!(($f9 = ($7 as rt.LuaTable).f) !== undefined && (($6 = $f9.x) !== undefined || ($m8 = ($7 as rt.LuaTable).metatable) === undefined || ($6 = $m8.view.x) !== undefined || (!("x" in $m8.view) && $m8.view[rt.CUT] === undefined)))) {
    rt.enterAt($s, $d, $pc + 3);
    $6 = rt.index($7, "x", "local 'p'");
  }
  $s.depth = $d;
  return $6;
}) as rt.LuaFunction;`);
  assert.equal(emittedInterface(lua, 'PFields'), `
/** The fields of local \`p\` (line 2): what its function stores in them. */
interface PFields extends rt.Fields {
  x?: number;
  label?: string;
  seen?: boolean;
}`.trim());
});

it('a runtime index, a store through the runtime, a constructor with computed keys and == are statements', () => {
  expectEmitted(`local function f(t, k, v, g)
  Seen[k .. "x"] = v
  return { [k] = v, g() }, t[k] == g()
end
return f`, 'f', `
f = function $f(t?: rt.LuaValue, k?: rt.LuaValue, v?: rt.LuaValue, g?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  $s.pcs[$d] = $pc;
  if (($1 = $env.f!.Seen) === undefined) {
    $1 = rt.getGlobal($env, "Seen");
  }
  $2 = ("x") as rt.LuaValue;
  if (typeof k === 'string' && typeof $2 === 'string') $3 = k + $2;
  else {
    $3 = rt.concat(k, $2, "local 'k'");
  }
  rt.setIndex($1, $3, v, "global 'Seen'");
  $s.pcs[$d] = $pc + 1;
  $3 = k as rt.LuaValue;
  $2 = v as rt.LuaValue;
  $s.pcs[$d] = $pc + 2;
  $6 = (rt.buildTable(0, [$3, $2], rt.all(rt.callee(g, "local 'g'")()), $ctor0)) as rt.LuaValue;
  $1 = (rt.index(t, k, "local 't'")) as rt.LuaValue;
  $4 = (rt.first(rt.callee(g, "local 'g'")())) as rt.LuaValue;
  $b5 = $1 === $4;
  if (!$b5 && typeof $1 === 'object' && typeof $4 === 'object') {
    $b5 = rt.eq($1, $4);
  }
  return rt.leave($s, $d, [$6, $b5]);
};`);
});

it('proven-number operators over calls: the statements of each operand in order, an earlier value saved', () => {
  expectEmitted(`local function check(tree)
  if tree[1] == nil then return 1 end
  return 1 + check(tree[1]) + check(tree[2])
end
return check({{}, {}})`, 'check', `
check = function $check(tree?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  $1 = tree;
  $k2 = 1;
  if (!(($a4 = ($1 as rt.LuaTable)?.arr) !== undefined && ($3 = $a4[$k2 - 1]) !== undefined)) {
    $s.pcs[$d] = $pc;
    $3 = rt.indexItem($1, $k2, "local 'tree'");
  }
  if (($3 === undefined)) {
    $s.depth = $d;
    return 1;
  }
  $3 = tree;
  $k2 = 1;
  if (!(($a4 = ($3 as rt.LuaTable)?.arr) !== undefined && ($1 = $a4[$k2 - 1]) !== undefined)) {
    $s.pcs[$d] = $pc + 1;
    $1 = rt.indexItem($3, $k2, "local 'tree'");
  }
  $s.pcs[$d] = $pc + 2;
  $9 = (1 + ((check($1) as rt.LuaValue) as number));
  $5 = tree;
  $k6 = 2;
  if (!(($a8 = ($5 as rt.LuaTable)?.arr) !== undefined && ($7 = $a8[$k6 - 1]) !== undefined)) {
    $7 = rt.indexItem($5, $k6, "local 'tree'");
  }
  return rt.leave($s, $d, ($9 + ((check($7) as rt.LuaValue) as number)));
};`);
});

it('a record made by {} or of items is typed too: its fields object starts empty', () => {
  const lua = `local function f(n)
  local acc = {}
  acc.total = 0
  for i = 1, n do acc.total = acc.total + i end
  local list = { 1, 2, 3 }
  list.name = "l"
  return acc.total, list.name
end
print(f(10))`;
  expectEmitted(lua, 'f', `
f = (function $f(n: number): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  let acc: rt.LuaRecord<AccFields> = new rt.LuaTable([]);
  $1 = 0;
  if ($1 !== undefined && ($f2 = acc.f) !== undefined && !(acc as rt.LuaTable).linked && $f2.total !== undefined) $f2.total = $1;
  else {
    rt.enterAt($s, $d, $pc);
    rt.setIndex(acc, "total", $1, "local 'acc'");
  }
  {
    const $start1 = 1;
    const $limit1 = n;
    for (let i: number = $start1; i <= $limit1; i++) {
      if (($f2 = acc.f) !== undefined && typeof ($1 = $f2.total) === 'number' && !(acc as rt.LuaTable).linked) $f2.total = (($1 as number) + i);
      else $slow0($s, $d, acc, i);
    }
  }
  let list: rt.LuaRecord<ListFields> = new rt.LuaTable([1, 2, 3]);
  $8 = "l";
  if ($8 !== undefined && ($f10 = list.f) !== undefined && !(list as rt.LuaTable).linked && $f10.name !== undefined) $f10.name = $8;
  else {
    rt.enterAt($s, $d, $pc + 2);
    rt.setIndex(list, "name", $8, "local 'list'");
  }
  $8 = acc;
  if (!(($f7 = ($8 as rt.LuaTable).f) !== undefined && (($5 = $f7.total) !== undefined || ($m6 = ($8 as rt.LuaTable).metatable) === undefined || ($5 = $m6.view.total) !== undefined || (!("total" in $m6.view) && $m6.view[rt.CUT] === undefined)))) {
    rt.enterAt($s, $d, $pc + 3);
    $5 = rt.index($8, "total", "local 'acc'");
  }
  $4 = list;
  if (!(($f12 = ($4 as rt.LuaTable).f) !== undefined && (($3 = $f12.name) !== undefined || ($m11 = ($4 as rt.LuaTable).metatable) === undefined || ($3 = $m11.view.name) !== undefined || (!("name" in $m11.view) && $m11.view[rt.CUT] === undefined)))) {
    rt.enterAt($s, $d, $pc + 3);
    $3 = rt.index($4, "name", "local 'list'");
  }
  return rt.leave($s, $d, [$5, $3]);
}) as rt.LuaFunction;`);
  assert.equal(emittedInterface(lua, 'ListFields'), `
/** The fields of local \`list\` (line 5): what its function stores in them. */
interface ListFields extends rt.Fields {
  name?: string;
}`.trim());
});

it('string.format with a constant format calls its compiled function while the library is the callee', () => {
  expectEmitted('local function f(n, name) local s = string.format("%d: %s", n, name) return s end\nreturn f', 'f', `
f = function $f(n?: rt.LuaValue, name?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  if (($2 = $env.f!.string) === undefined) {
    $s.pcs[$d] = $pc;
    $2 = rt.getGlobal($env, "string");
  }
  if (!(($f5 = ($2 as rt.LuaTable)?.f) !== undefined && (($3 = $f5.format) !== undefined || ($m4 = ($2 as rt.LuaTable).metatable) === undefined || ($3 = $m4.view.format) !== undefined || (!("format" in $m4.view) && $m4.view[rt.CUT] === undefined)))) {
    $s.pcs[$d] = $pc;
    $3 = rt.index($2, "format", "global 'string'");
  }
  $1 = $3;
  $6 = n;
  $7 = name;
  if ($1 === rt.STRING_FORMAT && typeof $6 === 'number' && (typeof $7 === 'string' || typeof $7 === 'number')) $8 = $fmt0($6, $7);
  else {
    $s.pcs[$d] = $pc + 1;
    $8 = rt.first(rt.callee($1, "field 'format'")("%d: %s", $6, $7));
  }
  let s: rt.LuaValue = $8;
  $s.depth = $d;
  return s;
};`);
});

it('a function with a tail call is one closure that asks on entry whether a trampoline called it', () => {
  expectEmitted('local function f(g, x) return g(x + 1) end\nreturn f', 'f', `
f = rt.tailable((function $f(g?: rt.LuaValue, x?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  const $tb = $s.bodyAt === $d;
  if ($tb) $s.bodyAt = -1;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  $2 = g;
  if (typeof x === 'number') $4 = x + 1;
  else {
    $s.pcs[$d] = $pc;
    $4 = rt.add(x, 1, "local 'x'");
  }
  $3 = $4;
  $s.pcs[$d] = $pc + 1;
  $fn1 = rt.callee($2, "local 'g'");
  $s.truncate($d);
  if ($s.tails < rt.TAIL_DEPTH) {
    $t5 = $s.tails++;
    $r6 = $fn1($3);
    $s.tails = $t5;
  } else {
    $r6 = rt.tailCall($s, $tb, $fn1, [$3]);
  }
  return $r6;
}) as rt.LuaFunction);`);
});

it('% by a positive int32 literal calls the smaller modBy; by anything else, mod', () => {
  expectEmitted('local function f(i, n) return i % 100, i % n, i % -3 end\nreturn f', 'f', `
f = function $f(i?: rt.LuaValue, n?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if (typeof i === 'number') $1 = rt.modBy(i, 100);
  else {
    rt.enterAt($s, $d, $pc);
    $1 = rt.modulo(i, 100, "local 'i'");
  }
  if (typeof i === 'number' && typeof n === 'number') $2 = rt.mod(i, n);
  else {
    rt.enterAt($s, $d, $pc);
    $2 = rt.modulo(i, n, "local 'i'", "local 'n'");
  }
  $3 = ((-3)) as rt.LuaValue;
  if (typeof i === 'number' && typeof $3 === 'number') $4 = rt.mod(i, $3);
  else {
    rt.enterAt($s, $d, $pc);
    $4 = rt.modulo(i, $3, "local 'i'");
  }
  return rt.leave($s, $d, [$1, $2, $4]);
};
`);
});

it('an item key `i % 8 + 1` of an integer loop variable is at least 1: no index test', () => {
  expectEmitted('local function f(t, n) local s = 0 for i = 1, n do s = s + t[i % 8 + 1] end return s end\nreturn f', 'f', `
f = function $f(t?: rt.LuaValue, n?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  let s: rt.LuaValue = 0;
  {
    const t$isTable = (t as rt.LuaTable)?.arr !== undefined;
    {
      const $start1 = 1;
      $1 = n;
      rt.enterAt($s, $d, $pc);
      const $limit1 = rt.forNumber($1, 'limit');
      for (let i: number = $start1; i <= $limit1; i++) {
        $2 = t;
        $k3 = ((rt.modBy(i, 8)) + 1);
        if (t$isTable && ($a5 = ($2 as rt.LuaTable).arr) !== undefined && ($4 = $a5[$k3 - 1]) !== undefined) {
          if (typeof s === 'number' && typeof $4 === 'number') $7 = s + $4;
          else {
            rt.enterAt($s, $d, $pc);
            $7 = rt.add(s, $4, "local 's'");
          }
        } else {
          rt.enterAt($s, $d, $pc);
          $6 = rt.indexItem($2, $k3, "local 't'");
          if (typeof s === 'number' && typeof $6 === 'number') $7 = s + $6;
          else {
            rt.enterAt($s, $d, $pc);
            $7 = rt.add(s, $6, "local 's'");
          }
        }
        s = $7;
      }
    }
  }
  $s.depth = $d;
  return s;
};`);
});

it('an item a condition tests answers a missing item without the runtime (no other keys, no metatable)', () => {
  expectEmitted('local function check(tree) if tree[1] then return 1 + check(tree[1]) end return 1 end\nreturn check', 'check', `
check = function $check(tree?: rt.LuaValue): rt.LuaResult {
  const $s = rt.current, $d = $s.depth;
  if ($d >= $s.limit) $s.deepen();
  $s.depth = $d + 1;
  $1 = tree;
  $k2 = 1;
  if (!(($a4 = ($1 as rt.LuaTable)?.arr) !== undefined && (($3 = $a4[$k2 - 1]) !== undefined || ($1 as rt.LuaTable).plainItems))) {
    $s.pcs[$d] = $pc;
    $3 = rt.indexItem($1, $k2, "local 'tree'");
  }
  if (rt.truthy($3)) {
    $5 = tree;
    $k6 = 1;
    if (!(($a8 = ($5 as rt.LuaTable)?.arr) !== undefined && ($7 = $a8[$k6 - 1]) !== undefined)) {
      $s.pcs[$d] = $pc;
      $7 = rt.indexItem($5, $k6, "local 'tree'");
    }
    $s.pcs[$d] = $pc + 1;
    return rt.leave($s, $d, (1 + ((check($7) as rt.LuaValue) as number)));
  }
  $s.depth = $d;
  return 1;
};`);
});

it('a body that returns on every path ends there; a literal false test is left out', () => {
  expectEmitted('local function f(x) if x then return 1 elseif false then return 3 else return 2 end end\nreturn f', 'f', `
f = function $f(x?: rt.LuaValue): rt.LuaResult {
  if (rt.truthy(x)) {
    return 1;
  } else {
    return 2;
  }
};`);
});
