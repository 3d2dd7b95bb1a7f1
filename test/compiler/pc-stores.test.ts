// The pass that drops position stores a frame's slot holds already (compiler/codegen/pc-stores.ts),
// on hand-written frames: which stores go, and which control flow keeps them.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ts } from 'ts-morph';
import { dropDeadPcStores, type PcFacts } from '../../compiler/codegen/pc-stores.js';

// In these tests pc `$pc + k` is on line floor(k / 10), and names a call unless k is a multiple of 10.
const facts: PcFacts = {
  lineKey: (pc) => String(Math.floor(Number(pc.replace('$pc + ', '')) / 10)),
  unnamed: (pc) => Number(pc.replace('$pc + ', '')) % 10 === 0,
};

/** The frame's body after the pass, each `S(k)` standing for `$s.pcs[$d] = $pc + k;`. */
function pass(body: string): string {
  const text = `function f() {\nconst $s = rt.current, $d = $s.depth;\n${body.trim().replace(/S\((\d+)\);/g, '$s.pcs[$d] = $pc + $1;')}\n}\n`;
  const file = ts.createSourceFile('m.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = dropDeadPcStores(file, facts);
  return out.split('\n').slice(2, -2).join('\n').replace(/\$s\.pcs\[\$d\] = \$pc \+ (\d+);/g, 'S($1);');
}

function lines(...l: string[]): string {
  return l.join('\n');
}

it('a store of the pc the slot holds goes; a call in between does not change the slot', () => {
  assert.equal(pass(lines('S(11);', 'g();', 'S(11);', 'g();', 'S(12);', 'g();')), lines('S(11);', 'g();', 'g();', 'S(12);', 'g();'));
});

it("a slow path's store (a pc without a call name) goes when the slot holds a pc of the same line", () => {
  assert.equal(pass(lines('S(11);', 'g();', 'if (a) x = 1;', 'else {', 'S(10);', 'x = rt.add(a, 1);', '}', 'S(11);', 'g();')),
    lines('S(11);', 'g();', 'if (a) x = 1;', 'else {', 'x = rt.add(a, 1);', '}', 'g();'));
  // another line's slow path, or a call's pc on the same line, is stored
  assert.equal(pass(lines('S(11);', 'S(20);', 'S(21);', 'S(20);')), lines('S(11);', 'S(20);', 'S(21);'));
});

it('after an if, the slot is known only when both branches leave the same pc', () => {
  assert.equal(pass(lines('S(11);', 'if (a) {', 'S(21);', '}', 'S(11);')), lines('S(11);', 'if (a) {', 'S(21);', '}', 'S(11);'));
  assert.equal(pass(lines('if (a) {', 'S(21);', '} else {', 'S(21);', '}', 'S(21);')), lines('if (a) {', 'S(21);', '} else {', 'S(21);', '}'));
  // a branch that returns does not reach the join
  assert.equal(pass(lines('S(11);', 'if (a) {', 'S(21);', 'return 1;', '}', 'S(11);')), lines('S(11);', 'if (a) {', 'S(21);', 'return 1;', '}'));
});

it('a loop head joins the entry with the end of the body and its continues', () => {
  // the body stores another pc before coming back: the head's store stays
  assert.equal(pass(lines('S(11);', 'for (;;) {', 'S(11);', 'g();', 'if (a) break;', 'S(21);', 'g();', '}')),
    lines('S(11);', 'for (;;) {', 'S(11);', 'g();', 'if (a) break;', 'S(21);', 'g();', '}'));
  // the body stores only the entry's pc: it goes
  assert.equal(pass(lines('S(11);', 'while (a) {', 'S(11);', 'g();', '}', 'S(11);')), lines('S(11);', 'while (a) {', 'g();', '}'));
  // a continue with another pc comes back to the head
  assert.equal(pass(lines('S(11);', 'while (a) {', 'S(11);', 'g();', 'if (b) {', 'S(21);', 'continue;', '}', '}')),
    lines('S(11);', 'while (a) {', 'S(11);', 'g();', 'if (b) {', 'S(21);', 'continue;', '}', '}'));
});

it('a loop is left by its test or by break, each with its own pc', () => {
  // for (;;) leaves only by break: the pc there is known after the loop
  assert.equal(pass(lines('S(11);', 'for (;;) {', 'S(21);', 'if (a) break;', 'g();', '}', 'S(21);')),
    lines('S(11);', 'for (;;) {', 'S(21);', 'if (a) break;', 'g();', '}'));
  // a while may leave at its test, with the entry's pc on the first time round
  assert.equal(pass(lines('S(11);', 'while (a) {', 'S(21);', 'g();', '}', 'S(21);')),
    lines('S(11);', 'while (a) {', 'S(21);', 'g();', '}', 'S(21);'));
  // a labelled break out of an inner loop reaches the outer loop's end
  const nested = ['S(11);', 'outer: for (;;) {', 'S(11);', 'g();', 'for (;;) {', 'S(31);', 'if (a) break outer;', 'if (b) break;', '}', '}'];
  assert.equal(pass(lines(...nested, 'S(31);')), lines(...nested));
  // an inner loop that always leaves the outer one: the outer body never comes back to its head
  assert.equal(pass(lines('S(11);', 'outer: for (;;) {', 'S(11);', 'for (;;) {', 'S(31);', 'break outer;', '}', '}', 'S(11);')),
    lines('S(11);', 'outer: for (;;) {', 'for (;;) {', 'S(31);', 'break outer;', '}', '}', 'S(11);'));
});

it('code the pass does not model, or that hands the frame to others, makes the slot unknown', () => {
  // an outlined slow path gets $s and $d and stores itself
  assert.equal(pass(lines('S(11);', '$slow0($s, $d, x);', 'S(11);')), lines('S(11);', '$slow0($s, $d, x);', 'S(11);'));
  // a store inside an expression
  assert.equal(pass(lines('S(11);', 'x = a ? 1 : ($s.pcs[$d] = $pc + 21, g());', 'S(11);')), lines('S(11);', 'x = a ? 1 : ($s.pcs[$d] = $pc + 21, g());', 'S(11);'));
  // a switch (goto state machines)
  assert.equal(pass(lines('S(11);', 'switch (a) { case 1: S(21); break; }', 'S(11);')), lines('S(11);', 'switch (a) { case 1: S(21); break; }', 'S(11);'));
  // a break out of a switch inside a loop
  assert.equal(pass(lines('S(11);', 'l: for (;;) {', 'S(11);', 'switch (a) { case 1: S(21); break l; }', '}', 'S(11);')),
    lines('S(11);', 'l: for (;;) {', 'S(11);', 'switch (a) { case 1: S(21); break l; }', '}', 'S(11);'));
});

it('a frame with a closure that names its $d keeps every store; a nested frame is a frame of its own', () => {
  assert.equal(pass(lines('S(11);', 'h = () => { S(21); };', 'S(11);')), lines('S(11);', 'h = () => { S(21); };', 'S(11);'));
  const nested = lines('S(11);', 'h = function () {', 'const $s = rt.current, $d = $s.depth;', 'S(21);', 'g();', 'S(21);', '};', 'S(11);');
  assert.equal(pass(nested), lines('S(11);', 'h = function () {', 'const $s = rt.current, $d = $s.depth;', 'S(21);', 'g();', '};'));
});
