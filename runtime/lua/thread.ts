// Coroutines. A Lua function may carry a generator twin under the CO symbol; inside a
// coroutine callers use `yield*` on that twin, so a yield suspends every Lua frame up to
// resume(). Functions without a twin (library functions such as table.sort) run plainly,
// and a yield through them fails as Lua 5.1 says: "attempt to yield across C-call boundary".
import { CallStack, setCurrent } from './callstack.js';
import { libError, toLuaError } from './errors.js';
import { all } from './multi.js';
import { THREAD_TAG, type LuaFunction, type LuaResult, type LuaValue } from './value.js';

export type CoGenerator = Generator<LuaValue[], LuaResult, LuaValue[]>;
export type CoFunction = (...args: LuaValue[]) => CoGenerator;

export const CO = Symbol('lua.coroutine-twin');

/** A function value, possibly with its generator twin. */
export type Resumable = LuaFunction & { [CO]?: CoFunction };

export type ThreadStatus = 'suspended' | 'running' | 'normal' | 'dead';

export class LuaThread {
  readonly [THREAD_TAG] = true;
  status: ThreadStatus = 'suspended';
  readonly stack = new CallStack();
  private gen: CoGenerator | undefined;

  constructor(readonly fn: Resumable) {}

  /** coroutine.resume: [true, ...values] or [false, error]. */
  resume(args: LuaValue[]): LuaValue[] {
    if (this.status === 'dead') return [false, 'cannot resume dead coroutine'];
    if (this.status !== 'suspended') return [false, 'cannot resume running coroutine'];
    const caller = running;
    if (caller !== undefined) caller.status = 'normal';
    running = this;
    this.status = 'running';
    const callerStack = setCurrent(this.stack);
    try {
      let step: IteratorResult<LuaValue[], LuaResult>;
      if (this.gen === undefined) {
        this.gen = startGenerator(this.fn, args);
        step = this.gen.next(args);
      } else {
        step = this.gen.next(args);
      }
      if (step.done) {
        this.status = 'dead';
        return [true, ...all(step.value)];
      }
      this.status = 'suspended';
      return [true, ...step.value];
    } catch (e) {
      this.status = 'dead';
      // named before the coroutine's stack is left: the call that failed is on it
      return [false, this.stack.nameBadArgument(toLuaError(e)).value];
    } finally {
      setCurrent(callerStack);
      running = caller;
      if (caller !== undefined) caller.status = 'running';
    }
  }
}

function startGenerator(fn: Resumable, args: LuaValue[]): CoGenerator {
  const twin = fn[CO];
  if (twin !== undefined) return twin(...args);
  return (function* plain(): CoGenerator {
    return fn(...args);
  })();
}

/** The coroutine now running, or undefined on the main thread. */
export let running: LuaThread | undefined;

/** Generator twin of coroutine.yield: hands the values to resume() and returns its arguments. */
export function* yieldCo(...values: LuaValue[]): CoGenerator {
  return yield values;
}

/** coroutine.yield reached from a plain JS frame: there is no generator to suspend. */
export function yieldPlain(): never {
  // luajit says this on the main thread too: its main chunk is called from C.
  throw libError('attempt to yield across C-call boundary');
}

/** Calls f inside generator code: through its twin when it has one. */
export function* callCo(f: LuaFunction, args: LuaValue[]): CoGenerator {
  const twin = (f as Resumable)[CO];
  if (twin !== undefined) return yield* twin(...args);
  return f(...args);
}
