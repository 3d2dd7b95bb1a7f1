// The io library (Lua 5.1 manual §5.7) with luajit 2.1's results and error texts.
// Files are LuaUserdata holding a LuaFile: synchronous fs calls on a descriptor, with our
// own read-ahead and write buffers standing in for C stdio. stdout/stderr go through
// output.ts so that print, io.write and io.stdout:write share one ordered buffer.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { argError, libError, LuaError } from '../lua/errors.js';
import { NONE } from '../lua/multi.js';
import { numberToString } from '../lua/number.js';
import { addressOf } from '../lua/ops.js';
import { LuaTable } from '../lua/table.js';
import { LuaUserdata, type LuaResult, type LuaValue } from '../lua/value.js';
import { builtin, checkAny, checkInt, checkString, makeLib, optInt, typeError } from './args.js';
import { errnoInfo, fileResult, isErrnoException } from './errno.js';
import { onFlushAll, stderr as stderrStream, stdout as stdoutStream, type BufferMode, type OutputStream } from './output.js';

function sysError(code: string): NodeJS.ErrnoException {
  const err = new Error(code) as NodeJS.ErrnoException;
  err.code = code;
  return err;
}

// ---- files ----

/** Buffered writes to files go out past this size (glibc's buffer is one 4 KiB block). */
const FILE_BUFFER = 4096;
const READ_CHUNK = 64 * 1024;

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Files with unwritten data, flushed by output.flushAll() at exit. */
const dirtyFiles = new Set<LuaFile>();
onFlushAll(() => {
  for (const f of dirtyFiles) {
    try {
      f.flushWrites();
    } catch {
      // exit-time flush: nowhere left to report it (C's exit() ignores it too)
    }
  }
});

type FileKind = 'file' | 'std' | 'pipe';

export class LuaFile {
  /** The descriptor; -1 for in-memory data (popen) or once closed. */
  fd: number;
  closed = false;
  readonly readable: boolean;
  readonly writable: boolean;
  readonly append: boolean;
  seekable: boolean;
  /** stdout/stderr: writes go through the shared output stream. */
  readonly out: OutputStream | undefined;
  vbuf: BufferMode = 'full';
  /** Run on close instead of closing a descriptor (popen). */
  onClose: ((f: LuaFile) => void) | undefined;
  /** Unread bytes are rbuf[ri..]; pos is the file offset just after rbuf (seekable files). */
  private rbuf = '';
  private ri = 0;
  private pos = 0;
  /** In-memory data (popen) has no more to read once the buffer is empty. */
  private exhausted = false;
  /** End of file seen during the current read call (luajit clears it as each read starts). */
  private eofSeen = false;
  /** glibc keeps the 1-byte buffer of an unbuffered stream when switched back to buffered. */
  private everUnbuffered = false;
  private wchunks: string[] = [];
  private wsize = 0;
  /** File offset where the pending writes go. */
  private wpos = 0;

  constructor(
    readonly kind: FileKind,
    fd: number,
    opts: { readable: boolean; writable: boolean; append?: boolean; out?: OutputStream; data?: string; startPos?: number },
  ) {
    this.fd = fd;
    this.readable = opts.readable;
    this.writable = opts.writable;
    this.append = opts.append ?? false;
    this.out = opts.out;
    if (opts.data !== undefined) {
      this.rbuf = opts.data;
      this.exhausted = true;
      this.seekable = false;
    } else {
      this.seekable = fd >= 0 && isSeekable(fd);
    }
    if (this.seekable && opts.startPos !== undefined) this.pos = opts.startPos;
  }

  // ---- low level ----

  /** Reads more bytes into the buffer; false at end of file. */
  private fill(): boolean {
    if (this.exhausted || this.eofSeen) return false;
    if (!this.readable) throw sysError('EBADF');
    this.flushWrites();
    if (this.fd === 0) stdoutStream.flush(); // a prompt must show before stdin blocks
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    let n: number;
    let delay = 1;
    for (;;) {
      try {
        n = fs.readSync(this.fd, buf, 0, READ_CHUNK, this.seekable ? this.pos : null);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        Atomics.wait(sleepCell, 0, 0, delay);
        delay = Math.min(delay * 2, 50);
      }
    }
    if (n === 0) {
      this.eofSeen = true;
      return false;
    }
    if (this.seekable) this.pos += n;
    const chunk = buf.toString('latin1', 0, n);
    this.rbuf = this.ri >= this.rbuf.length ? chunk : this.rbuf.slice(this.ri) + chunk;
    this.ri = 0;
    return true;
  }

  /** clearerr: a new read call tries the descriptor again (a terminal after ^D, a growing file). */
  clearEof(): void {
    this.eofSeen = false;
  }

  private peek(): number {
    if (this.ri >= this.rbuf.length && !this.fill()) return -1;
    return this.rbuf.charCodeAt(this.ri);
  }

  /** The offset Lua sees: after what was read, or after what was written. */
  private logicalPos(): number {
    if (this.wsize > 0) return this.wpos + this.wsize;
    return this.pos - (this.rbuf.length - this.ri);
  }

  /** Forgets read-ahead data, keeping the logical position. */
  private dropReadAhead(): void {
    if (this.seekable) this.pos = this.logicalPos();
    this.rbuf = '';
    this.ri = 0;
  }

  flushWrites(): void {
    if (this.wsize === 0) return;
    const data = this.wchunks.length === 1 ? this.wchunks[0] : this.wchunks.join('');
    this.wchunks = [];
    this.wsize = 0;
    dirtyFiles.delete(this);
    const buf = Buffer.from(data, 'latin1');
    writeAll(this.fd, buf, this.seekable && !this.append ? this.wpos : null);
    if (this.seekable) this.pos = this.append ? fs.fstatSync(this.fd).size : this.wpos + buf.length;
  }

  // ---- operations used by the library (errors are thrown as ErrnoExceptions) ----

  write(s: string): void {
    if (this.out !== undefined) {
      this.out.write(s);
      return;
    }
    if (!this.writable) throw sysError('EBADF');
    if (s.length === 0) return;
    if (this.wsize === 0) {
      if (this.rbuf.length > 0) this.dropReadAhead();
      this.wpos = this.pos;
      dirtyFiles.add(this);
    }
    this.wchunks.push(s);
    this.wsize += s.length;
    if (this.wsize >= FILE_BUFFER || this.vbuf === 'no' || this.everUnbuffered) {
      this.flushWrites();
    } else if (this.vbuf === 'line') {
      // glibc writes out through the last newline and keeps the rest buffered
      const nl = s.lastIndexOf('\n');
      if (nl >= 0) {
        this.wchunks[this.wchunks.length - 1] = s.slice(0, nl + 1);
        this.wsize -= s.length - nl - 1;
        this.flushWrites();
        if (nl + 1 < s.length) this.write(s.slice(nl + 1));
      }
    }
  }

  setvbuf(mode: BufferMode): void {
    this.flushWrites();
    this.vbuf = mode;
    if (mode === 'no') this.everUnbuffered = true;
  }

  flush(): void {
    if (this.out !== undefined) this.out.flush();
    else this.flushWrites();
  }

  /** A line without (keepNewline false) or with its "\n"; undefined at end of file. */
  readLine(keepNewline: boolean): string | undefined {
    for (let from = this.ri; ;) {
      const nl = this.rbuf.indexOf('\n', from);
      if (nl >= 0) {
        const line = this.rbuf.slice(this.ri, keepNewline ? nl + 1 : nl);
        this.ri = nl + 1;
        return line;
      }
      const have = this.rbuf.length - this.ri;
      if (!this.fill()) {
        if (have === 0) return undefined;
        const line = this.rbuf.slice(this.ri);
        this.ri = this.rbuf.length;
        return line;
      }
      from = this.ri + have;
    }
  }

  readAll(): string {
    const parts = [this.rbuf.slice(this.ri)];
    this.rbuf = '';
    this.ri = 0;
    while (this.fill()) {
      parts.push(this.rbuf);
      this.rbuf = '';
    }
    return parts.join('');
  }

  /** Up to n bytes; undefined when none are left. */
  readBytes(n: number): string | undefined {
    while (this.rbuf.length - this.ri < n && this.fill()) { /* read ahead */ }
    const end = Math.min(this.ri + n, this.rbuf.length);
    if (end === this.ri) return undefined;
    const s = this.rbuf.slice(this.ri, end);
    this.ri = end;
    return s;
  }

  /** read(0): "" unless at end of file. */
  atEof(): boolean {
    return this.peek() < 0;
  }

  /** "*n": glibc's fscanf("%lf") step by step, including what it consumes on failure. */
  readNumber(): number | undefined {
    let c = this.peek();
    while (c === 32 || (c >= 9 && c <= 13)) {
      this.ri++;
      c = this.peek();
    }
    let text = '';
    const take = (): number => {
      text += String.fromCharCode(c);
      this.ri++;
      return (c = this.peek());
    };
    let signLen = 0;
    if (c === 43 || c === 45) {
      take();
      signLen = 1;
    }
    const lower = (ch: number): number => (ch >= 65 && ch <= 90 ? ch + 32 : ch);
    // Consumes the expected letters; a mismatching character is consumed too, as glibc does.
    const expect = (word: string): boolean => {
      for (let i = 0; i < word.length; i++) {
        if (lower(c) !== word.charCodeAt(i)) {
          if (c >= 0) this.ri++;
          return false;
        }
        take();
      }
      return true;
    };
    if (lower(c) === 110) { // n
      if (!expect('nan')) return undefined;
      return NaN;
    }
    if (lower(c) === 105) { // i
      if (!expect('inf')) return undefined;
      if (lower(c) === 105 && !expect('inity')) return undefined;
      return text.charCodeAt(0) === 45 ? -Infinity : Infinity;
    }
    let hex = false;
    let gotDigit = false;
    let gotDot = false;
    let gotExp = false;
    if (c === 48) { // 0
      take();
      if (lower(c) === 120) { // x
        hex = true;
        take();
      } else {
        gotDigit = true;
      }
    }
    const expChar = hex ? 112 : 101; // p / e
    while (c >= 0) {
      const lc = lower(c);
      if ((c >= 48 && c <= 57) || (hex && !gotExp && lc >= 97 && lc <= 102)) {
        gotDigit = true;
      } else if (gotExp && (c === 43 || c === 45) && lower(text.charCodeAt(text.length - 1)) === expChar) {
        // sign of the exponent
      } else if (gotDigit && !gotExp && lc === expChar) {
        gotExp = gotDot = true;
      } else if (!gotDot && c === 46) {
        gotDot = true;
      } else {
        break;
      }
      take();
    }
    if (text.length === signLen || (hex && text.length === signLen + 2)) return undefined;
    return strtodPrefix(text);
  }

  seek(whence: 'set' | 'cur' | 'end', offset: number): number {
    if (this.out !== undefined) {
      // stdout/stderr: only "where am I" on a redirected regular file is answerable
      if (!this.seekable || whence !== 'cur' || offset !== 0) throw sysError('ESPIPE');
      this.out.flush();
      return this.out.written;
    }
    if (!this.seekable) throw sysError('ESPIPE');
    this.flushWrites();
    const base = whence === 'set' ? 0 : whence === 'cur' ? this.logicalPos() : fs.fstatSync(this.fd).size;
    const target = base + offset;
    if (target < 0) throw sysError('EINVAL');
    this.rbuf = '';
    this.ri = 0;
    this.pos = target;
    this.eofSeen = false;
    return target;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.flushWrites();
    } finally {
      dirtyFiles.delete(this);
      this.rbuf = '';
      this.ri = 0;
      if (this.onClose !== undefined) this.onClose(this);
      else if (this.fd >= 0) fs.closeSync(this.fd);
      this.fd = -1;
    }
  }
}

function isSeekable(fd: number): boolean {
  try {
    const st = fs.fstatSync(fd);
    return st.isFile() || st.isBlockDevice();
  } catch {
    return false;
  }
}

function writeAll(fd: number, buf: Buffer, position: number | null): void {
  let off = 0;
  let delay = 1;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off, position === null ? null : position + off);
      delay = 1;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(sleepCell, 0, 0, delay);
      delay = Math.min(delay * 2, 50);
    }
  }
}

// ---- strtod on the text scanf collected ----

const DEC_PREFIX = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const HEX_PREFIX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?/;

/** The number strtod reads at the start of s, or undefined when it reads nothing. */
export function strtodPrefix(s: string): number | undefined {
  const h = HEX_PREFIX.exec(s);
  if (h !== null) {
    const neg = h[1] === '-';
    const intDigits = h[2];
    const fracDigits = h[3] ?? '';
    if (intDigits === '' && fracDigits === '') return neg ? -0 : 0; // just the "0"
    const v = hexToNumber(intDigits + fracDigits, (h[4] === undefined ? 0 : Number(h[4])) - 4 * fracDigits.length);
    return neg ? -v : v;
  }
  const d = DEC_PREFIX.exec(s);
  return d === null ? undefined : Number(d[0]);
}

/** digits (hex) * 2^exp, correctly rounded to a double (round half to even). */
function hexToNumber(digits: string, exp: number): number {
  digits = digits.replace(/^0+/, '');
  if (digits === '') return 0;
  let mant = BigInt('0x' + digits);
  const bits = mant.toString(2).length;
  if (bits - 1 + exp > 1023) return Infinity;
  const lsb = Math.max(bits - 1 + exp - 52, -1074);
  const shift = lsb - exp;
  if (shift > 0) {
    const big = BigInt(shift);
    let q = mant >> big;
    const rem = mant - (q << big);
    const half = 1n << (big - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    mant = q;
    exp = lsb;
  }
  const v = Number(mant) * Math.pow(2, exp);
  return v;
}

// ---- opening ----

/** fopen's mode string as glibc reads it: r/w/a, then '+', 'x' among the next six chars. */
function openFlags(mode: string): { flags: number; readable: boolean; writable: boolean; append: boolean } | undefined {
  const C = fs.constants;
  let flags: number;
  let readable = false;
  let writable = false;
  let append = false;
  switch (mode[0]) {
    case 'r': flags = C.O_RDONLY; readable = true; break;
    case 'w': flags = C.O_WRONLY | C.O_CREAT | C.O_TRUNC; writable = true; break;
    case 'a': flags = C.O_WRONLY | C.O_CREAT | C.O_APPEND; writable = true; append = true; break;
    default: return undefined;
  }
  for (let i = 1; i < 7 && i < mode.length; i++) {
    const ch = mode[i];
    if (ch === '+') {
      flags = (flags & ~(C.O_RDONLY | C.O_WRONLY)) | C.O_RDWR;
      readable = writable = true;
    } else if (ch === 'x') {
      flags |= C.O_EXCL;
    } else if (ch === ',') {
      break;
    }
  }
  return { flags, readable, writable, append };
}

/** fopen: a LuaFile, or throws an ErrnoException. */
export function openFile(name: string, mode: string): LuaFile {
  const m = openFlags(mode);
  if (m === undefined) throw sysError('EINVAL');
  if (name.includes('\0')) throw sysError('ENOENT');
  const fd = fs.openSync(Buffer.from(name, 'latin1'), m.flags, 0o666);
  const f = new LuaFile('file', fd, { readable: m.readable, writable: m.writable, append: m.append });
  // glibc positions "a" (but not "a+") at the end straight away
  if (m.append && !m.readable && f.seekable) f.seek('end', 0);
  return f;
}

// ---- userdata handles ----

let fileMeta: LuaTable | undefined;
let stdHandles: { stdin: LuaUserdata; stdout: LuaUserdata; stderr: LuaUserdata } | undefined;

function wrap(f: LuaFile): LuaUserdata {
  return new LuaUserdata(f, fileMetatable());
}

/** The LuaFile inside a file handle, or undefined for any other value. */
export function toFile(v: LuaValue): LuaFile | undefined {
  return v instanceof LuaUserdata && v.data instanceof LuaFile ? v.data : undefined;
}

function checkFile(v: LuaValue, nargs: number): LuaFile {
  const f = toFile(v);
  return f !== undefined ? f : typeError(v, 1, 'FILE*', nargs);
}

/** io_tofile: a file handle that must still be open. */
function checkOpen(v: LuaValue, nargs: number): LuaFile {
  const f = checkFile(v, nargs);
  if (f.closed) throw libError('attempt to use a closed file');
  return f;
}

/** The three standard handles, shared by every io library instance (one process). */
export function standardFiles(): { stdin: LuaUserdata; stdout: LuaUserdata; stderr: LuaUserdata } {
  if (stdHandles === undefined) {
    stdHandles = {
      stdin: wrap(new LuaFile('std', 0, { readable: true, writable: false, startPos: 0 })),
      stdout: wrap(new LuaFile('std', 1, { readable: false, writable: true, out: stdoutStream })),
      stderr: wrap(new LuaFile('std', 2, { readable: false, writable: true, out: stderrStream })),
    };
  }
  return stdHandles;
}

// ---- shared method bodies ----

/**
 * io_file_read: formats from args[start..]; error argument numbers are index + argBase.
 * A system error gives nil, message, errno, or is raised when `raise` (lines iterators).
 */
function readFormats(f: LuaFile, args: LuaValue[], start: number, argBase: number, raise = false): LuaResult {
  f.clearEof();
  try {
    if (args.length <= start) return f.readLine(false);
    const out: LuaValue[] = [];
    for (let i = start; i < args.length; i++) {
      const fmt = args[i];
      let v: LuaValue;
      if (typeof fmt === 'string') {
        let c = fmt.charCodeAt(0);
        if (c === 42) c = fmt.charCodeAt(1); // optional '*'
        if (c === 110) v = f.readNumber(); // n
        else if ((c & ~0x20) === 76) v = f.readLine(c === 76); // l drops the newline, L keeps it
        else if (c === 97) v = f.readAll(); // a
        else throw argError(i + argBase, 'invalid format');
      } else if (typeof fmt === 'number') {
        const n = checkInt(fmt, i + argBase);
        if (n < 0 || n > 0x7fffff00) throw new LuaError('not enough memory');
        v = n === 0 ? (f.atEof() ? undefined : '') : f.readBytes(n);
      } else {
        throw argError(i + argBase, 'invalid option');
      }
      out.push(v);
      if (v === undefined) break;
    }
    return out.length === 1 ? out[0] : out;
  } catch (e) {
    if (!isErrnoException(e)) throw e;
    if (raise) throw libError(errnoInfo(e)[1]);
    return fileResult(e);
  }
}

/** io_file_write: strings and numbers (%.14g); true, or nil, message, errno. */
function writeValues(f: LuaFile, args: LuaValue[], start: number, argBase: number): LuaResult {
  try {
    for (let i = start; i < args.length; i++) {
      const v = args[i];
      if (typeof v === 'string') f.write(v);
      else if (typeof v === 'number') f.write(numberToString(v));
      else typeError(v, i + argBase, 'string');
    }
    return true;
  } catch (e) {
    if (isErrnoException(e)) return fileResult(e);
    throw e;
  }
}

function closeFile(f: LuaFile): LuaResult {
  if (f.kind === 'std') return [undefined, 'cannot close standard file'];
  try {
    f.close();
    return true;
  } catch (e) {
    if (isErrnoException(e)) return fileResult(e);
    throw e;
  }
}

/**
 * The iterator of f:lines() / io.lines(): reads with the saved formats each call.
 * luajit closes an io.lines file at its end only when no formats were given (it tests
 * the first stack slot, which holds the first format when there is one).
 */
function linesIterator(handle: LuaUserdata, formats: LuaValue[], closeAtEof: boolean): (...a: LuaValue[]) => LuaResult {
  const f = handle.data as LuaFile;
  const args = [handle, ...formats];
  // a C closure in luajit: tostring shows an address, not builtin#N
  return () => {
    if (f.closed) throw libError('attempt to use a closed file');
    const r = readFormats(f, args, 1, 0, true);
    if (closeAtEof && formats.length === 0 && r === undefined) {
      closeFile(f);
      return NONE;
    }
    return r;
  };
}

function fileMetatable(): LuaTable {
  if (fileMeta !== undefined) return fileMeta;
  const mt = makeLib({
    close: (...a: LuaValue[]) => closeFile(checkOpen(a[0], a.length)),
    read: (...a: LuaValue[]) => readFormats(checkOpen(a[0], a.length), a, 1, 1),
    write: (...a: LuaValue[]) => writeValues(checkOpen(a[0], a.length), a, 1, 1),
    flush: (...a: LuaValue[]) => {
      const f = checkOpen(a[0], a.length);
      try {
        f.flush();
        return true;
      } catch (e) {
        return fileResult(e);
      }
    },
    seek: (...a: LuaValue[]) => {
      const f = checkOpen(a[0], a.length);
      const whence = checkOption(a[1], 2, ['set', 'cur', 'end'], 'cur', a.length);
      const o = a[2];
      let offset = 0;
      if (typeof o === 'number') offset = o >= 0 ? Math.floor(o) : Math.ceil(o);
      else if (o !== undefined) typeError(o, 3, 'number');
      try {
        return f.seek(whence, offset);
      } catch (e) {
        return fileResult(e);
      }
    },
    setvbuf: (...a: LuaValue[]) => {
      const f = checkOpen(a[0], a.length);
      const mode = checkOption(a[1], 2, ['no', 'full', 'line'], undefined, a.length);
      optInt(a[2], 3, 1024);
      if (f.out !== undefined) {
        f.out.flush();
        f.out.mode = mode;
      } else {
        f.setvbuf(mode);
      }
      return true;
    },
    lines: (...a: LuaValue[]) => {
      checkOpen(a[0], a.length);
      return linesIterator(a[0] as LuaUserdata, a.slice(1), false);
    },
  });
  mt.set('__index', mt);
  mt.set('__tostring', builtin((...a: LuaValue[]) => {
    const f = checkFile(a[0], a.length);
    return f.closed ? 'file (closed)' : `file (${addressOf(a[0] as LuaUserdata)})`;
  }));
  mt.set('__gc', builtin((...a: LuaValue[]) => {
    const f = toFile(a[0]);
    if (f !== undefined && !f.closed && f.kind !== 'std') closeFile(f);
    return NONE;
  }));
  fileMeta = mt;
  return mt;
}

/** lj_lib_checkopt: one of a list of option names ("invalid option 'x'"). */
function checkOption<T extends string>(v: LuaValue, arg: number, options: readonly T[], def: T | undefined, nargs: number): T {
  if (v === undefined && def !== undefined) return def;
  const s = checkString(v, arg, nargs);
  const i = (options as readonly string[]).indexOf(s);
  if (i < 0) throw argError(arg, `invalid option '${s}'`);
  return options[i];
}

// ---- popen / tmpfile ----

/** io.popen run through /bin/sh: "r" collects the command's output up front, "w" feeds it at close. */
function popen(cmd: string, mode: string): LuaFile {
  if (!/^(?:[rw]e?|e[rw])$/.test(mode)) throw sysError('EINVAL');
  const command = Buffer.from(cmd, 'latin1').toString();
  stdoutStream.flush();
  if (mode.includes('r')) {
    const r = spawnSync('/bin/sh', ['-c', command], { stdio: ['inherit', 'pipe', 'inherit'], maxBuffer: Infinity });
    if (r.error !== undefined) throw r.error;
    const f = new LuaFile('pipe', -1, { readable: true, writable: false, data: r.stdout.toString('latin1') });
    f.onClose = () => {};
    return f;
  }
  const f = new LuaFile('pipe', -1, { readable: false, writable: true });
  const chunks: string[] = [];
  f.write = (s: string) => { chunks.push(s); };
  f.onClose = () => {
    stdoutStream.flush();
    const capture = stdoutStream.redirected;
    const r = spawnSync('/bin/sh', ['-c', command], {
      input: Buffer.from(chunks.join(''), 'latin1'),
      stdio: ['pipe', capture ? 'pipe' : 'inherit', 'inherit'],
      maxBuffer: Infinity,
    });
    if (capture && r.stdout !== null) stdoutStream.write(r.stdout.toString('latin1'));
  };
  return f;
}

let tmpCounter = 0;

function tmpfile(): LuaFile {
  const C = fs.constants;
  for (;;) {
    const name = path.join(os.tmpdir(), `lua_${process.pid}_${Date.now().toString(36)}_${tmpCounter++}`);
    try {
      const fd = fs.openSync(name, C.O_RDWR | C.O_CREAT | C.O_EXCL, 0o600);
      fs.unlinkSync(name);
      return new LuaFile('file', fd, { readable: true, writable: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

// ---- the library ----

export function createIoLib(): LuaTable {
  const std = standardFiles();
  let input: LuaUserdata = std.stdin;
  let output: LuaUserdata = std.stdout;

  /** io_stdfile: the default input or output, which must be open. */
  const stdFile = (h: LuaUserdata): LuaFile => {
    const f = h.data as LuaFile;
    if (f.closed) throw libError('standard file is closed');
    return f;
  };

  /** io_file_open for io.lines/io.input/io.output: a failure is a bad argument #1. */
  const openOrArgError = (v: LuaValue, mode: string, nargs: number): LuaUserdata => {
    const name = checkString(v, 1, nargs);
    try {
      return wrap(openFile(name, mode));
    } catch (e) {
      if (!isErrnoException(e)) throw e;
      throw argError(1, `${name}: ${errnoInfo(e)[1]}`);
    }
  };

  /** io.input / io.output: get, or set from a file name or an open handle. */
  const getSet = (a: LuaValue[], mode: string, current: LuaUserdata): LuaUserdata => {
    const v = a[0];
    if (v === undefined) return current;
    if (v instanceof LuaUserdata) {
      checkOpen(v, a.length);
      return v;
    }
    return openOrArgError(v, mode, a.length);
  };

  return makeLib({
    stdout: std.stdout,
    type: (...a: LuaValue[]) => {
      checkAny(1, a.length);
      const f = toFile(a[0]);
      return f === undefined ? undefined : f.closed ? 'closed file' : 'file';
    },
    close: (...a: LuaValue[]) => {
      if (a.length === 0) return closeFile(checkOpen(output, 1));
      return closeFile(checkOpen(a[0], a.length));
    },
    read: (...a: LuaValue[]) => readFormats(stdFile(input), a, 0, 1),
    write: (...a: LuaValue[]) => writeValues(stdFile(output), a, 0, 1),
    flush: () => {
      try {
        stdFile(output).flush();
        return true;
      } catch (e) {
        return fileResult(e);
      }
    },
    lines: (...a: LuaValue[]) => {
      if (a[0] === undefined) return linesIterator(input, a.slice(1), false);
      const h = openOrArgError(a[0], 'r', a.length);
      return linesIterator(h, a.slice(1), true);
    },
    stderr: std.stderr,
    open: (...a: LuaValue[]) => {
      const name = checkString(a[0], 1, a.length);
      const mode = a[1] === undefined ? 'r' : checkString(a[1], 2, a.length);
      try {
        return wrap(openFile(name, mode));
      } catch (e) {
        return fileResult(e, name);
      }
    },
    popen: (...a: LuaValue[]) => {
      const cmd = checkString(a[0], 1, a.length);
      const mode = a[1] === undefined ? 'r' : checkString(a[1], 2, a.length);
      try {
        return wrap(popen(cmd, mode));
      } catch (e) {
        return fileResult(e, cmd);
      }
    },
    tmpfile: () => {
      try {
        return wrap(tmpfile());
      } catch (e) {
        return fileResult(e);
      }
    },
    input: (...a: LuaValue[]) => (input = getSet(a, 'r', input)),
    output: (...a: LuaValue[]) => (output = getSet(a, 'w', output)),
    stdin: std.stdin,
  });
}
