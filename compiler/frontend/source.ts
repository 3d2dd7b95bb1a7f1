// Reading Lua source files as byte strings, with clear one-line errors.
import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './diagnostics.js';

export interface SourceFile {
  /** The path as the user gave it: Lua messages use it as the chunk name. */
  readonly path: string;
  /** The file's bytes as a byte string (one char per byte). */
  readonly text: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readSource(path: string): SourceFile {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`${path}: is a directory, not a Lua file`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: no such file`);
    if (code === 'EACCES') throw new UsageError(`${path}: permission denied`);
    throw new UsageError(`${path}: cannot read file (${code ?? String(e)})`);
  }
  return sourceFromBytes(path, bytes);
}

export function sourceFromBytes(path: string, bytes: Uint8Array): SourceFile {
  try {
    utf8.decode(bytes);
  } catch {
    throw new UsageError(`${path}: not valid UTF-8 text`);
  }
  let text = Buffer.from(bytes).toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3); // luaparse's lexer rejects a BOM
  if (text.startsWith('#')) text = '--' + text.slice(1); // a shebang line, as luajit allows
  return { path, text };
}
