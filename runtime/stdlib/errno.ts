// System errors as luajit reports them (luaL_fileresult): errno numbers and glibc's strerror texts.
import * as os from 'node:os';
import { LuaError } from '../lua/errors.js';
import type { LuaValue } from '../lua/value.js';

/** glibc's strerror texts for the errors file operations meet. */
const ERRNO: Record<string, [number, string]> = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  EINTR: [4, 'Interrupted system call'],
  EIO: [5, 'Input/output error'],
  ENXIO: [6, 'No such device or address'],
  E2BIG: [7, 'Argument list too long'],
  ENOEXEC: [8, 'Exec format error'],
  EBADF: [9, 'Bad file descriptor'],
  ECHILD: [10, 'No child processes'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied'],
  EFAULT: [14, 'Bad address'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Invalid cross-device link'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'Too many open files'],
  ENOTTY: [25, 'Inappropriate ioctl for device'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'],
  EROFS: [30, 'Read-only file system'],
  EMLINK: [31, 'Too many links'],
  EPIPE: [32, 'Broken pipe'],
  ERANGE: [34, 'Numerical result out of range'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  EDQUOT: [122, 'Disk quota exceeded'],
};

/** A system error as luajit reports it: [errno, strerror text]. */
export function errnoInfo(e: unknown): [number, string] {
  const err = e as NodeJS.ErrnoException;
  const code = err.code ?? '';
  const known = ERRNO[code];
  if (known !== undefined) return known;
  const n = (os.constants.errno as Record<string, number>)[code] ?? Math.abs(err.errno ?? 0);
  return [n, `Unknown error ${n}`];
}

export function isErrnoException(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && !(e instanceof LuaError);
}

/** luaL_fileresult for a failure: nil, "[name: ]message", errno. Shared with the os library. */
export function fileResult(e: unknown, name?: string): LuaValue[] {
  if (!isErrnoException(e)) throw e;
  const [n, msg] = errnoInfo(e);
  return [undefined, name === undefined ? msg : `${name}: ${msg}`, n];
}

