// Diagnostics: "file:line:col: message" plus a code frame, never a JS stack trace.

export interface SourcePosition {
  line: number; // 1-based
  column: number; // 1-based, in bytes of the source
}

export class Diagnostic extends Error {
  constructor(
    readonly file: string,
    readonly position: SourcePosition | undefined,
    readonly detail: string,
    /** The source as a byte string, for the code frame; undefined for file-level errors. */
    readonly source?: string,
  ) {
    super(position === undefined ? `${file}: ${detail}` : `${file}:${position.line}:${position.column}: ${detail}`);
    this.name = 'Diagnostic';
  }

  /** The message followed by the offending line and a caret under the column. */
  format(): string {
    if (this.position === undefined || this.source === undefined) return this.message;
    return `${this.message}\n${codeFrame(this.source, this.position)}`;
  }
}

/** Errors that are not about a place in a file: missing files, bad command-line usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function codeFrame(source: string, pos: SourcePosition): string {
  const lines = source.split('\n');
  const raw = (lines[pos.line - 1] ?? '').replace(/\r$/, '');
  // The source is a byte string: show the line as UTF-8 text and place the caret by characters.
  const text = Buffer.from(raw, 'latin1').toString('utf8');
  const before = Buffer.from(raw.slice(0, Math.max(0, pos.column - 1)), 'latin1').toString('utf8');
  const gutter = String(pos.line);
  const pad = ' '.repeat(gutter.length);
  const caretIndent = before.replace(/[^\t]/g, ' ');
  return `${gutter} | ${text.replace(/\t/g, '\t')}\n${pad} | ${caretIndent}^`;
}

/** 1-based line and column of a byte offset in the source. */
export function positionAt(source: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
