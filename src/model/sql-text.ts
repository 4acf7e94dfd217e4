/**
 * Positions in SQL text. AlaSQL's AST carries no positions, so errors about a table or column
 * point at the first place the SQL names it, found by a small tokenizer that knows AlaSQL's
 * quoting (strings, `[names]`, `` `names` ``, `-- comments`).
 */

export interface SqlPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

interface Token {
  kind: 'name' | 'string' | 'symbol';
  /** For names: the name as AlaSQL reads it (without brackets). */
  text: string;
  offset: number;
}

export function positionAt(sql: string, offset: number): SqlPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < sql.length; i++) {
    if (sql[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function describePosition(position: SqlPosition | undefined): string {
  return position ? `line ${position.line}, column ${position.column}` : 'somewhere in the SQL';
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (c === "'" || c === '"') {
      const start = i++;
      while (i < sql.length) {
        if (sql[i] === '\\') i += 2;
        else if (sql[i] === c && sql[i + 1] === c) i += 2;
        else if (sql[i] === c) break;
        else i++;
      }
      i++;
      tokens.push({ kind: 'string', text: sql.slice(start, i), offset: start });
    } else if (c === '[' || c === '`') {
      const close = c === '[' ? ']' : '`';
      const end = sql.indexOf(close, i + 1);
      const stop = end < 0 ? sql.length : end;
      tokens.push({ kind: 'name', text: sql.slice(i + 1, stop), offset: i });
      i = stop + 1;
    } else if (/[A-Za-z0-9_]/.test(c)) {
      const start = i;
      while (i < sql.length && /[A-Za-z0-9_]/.test(sql[i])) i++;
      tokens.push({ kind: 'name', text: sql.slice(start, i), offset: start });
    } else {
      tokens.push({ kind: 'symbol', text: c, offset: i });
      i++;
    }
  }
  return tokens;
}

/**
 * Where the SQL first names `name` (as `qualifier.name` when a qualifier is given and such an
 * occurrence exists).
 */
export function findName(sql: string, name: string, qualifier?: string): SqlPosition | undefined {
  const tokens = tokenize(sql);
  let fallback: number | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'name' || t.text !== name) continue;
    if (!qualifier) return positionAt(sql, t.offset);
    const dot = tokens[k - 1];
    const q = tokens[k - 2];
    if (dot?.text === '.' && q?.kind === 'name' && q.text === qualifier) return positionAt(sql, q.offset);
    fallback ??= t.offset;
  }
  return fallback === undefined ? undefined : positionAt(sql, fallback);
}

/** Where the SQL first uses a keyword (any case, outside strings and brackets). */
export function findKeyword(sql: string, keyword: string): SqlPosition | undefined {
  const upper = keyword.toUpperCase();
  const token = tokenize(sql).find(
    (t) =>
      t.kind === 'name' && t.text.toUpperCase() === upper && sql[t.offset] !== '[' && sql[t.offset] !== '`',
  );
  return token ? positionAt(sql, token.offset) : undefined;
}

export interface SyntaxProblem {
  position?: SqlPosition;
  /** The text at the error, when there is any. */
  near?: string;
  atEnd: boolean;
}

/**
 * Reads the position out of a jison "Parse error on line N:\n<excerpt>\n---^\nExpecting …" message.
 * The excerpt is the last 20 characters read (newlines dropped, "..." when cut) followed by the
 * rest; the caret marks the start of the token AlaSQL did not expect.
 */
export function syntaxProblem(sql: string, message: string): SyntaxProblem {
  const m = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n[\s\S]*got '([^']*)'/.exec(message);
  if (!m) return { atEnd: false };
  const line = Number(m[1]);
  const excerpt = m[2];
  const caret = m[3].length;
  const got = m[4];
  const before = excerpt.slice(0, caret).replace(/^\.\.\./, '');
  const offset = locateByPrefix(sql, line, before);
  const position = offset === undefined ? { line, column: 1 } : positionAt(sql, offset);
  const near =
    offset === undefined
      ? undefined
      : sql
          .slice(offset, offset + 20)
          .split('\n')[0]
          .trim();
  return { position, near: near || undefined, atEnd: got === 'EOF' };
}

function locateByPrefix(sql: string, line: number, before: string): number | undefined {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = sql.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const nl = sql.indexOf('\n', start);
  const end = nl < 0 ? sql.length : nl;
  const flat = sql.replace(/\n/g, '');
  for (let p = start; p <= end; p++) {
    // Only this line's text lies between `start` and `p`, so every earlier line break is behind us.
    const consumed = p - (line - 1);
    if (flat.slice(0, consumed).endsWith(before)) {
      // The caret sits after any whitespace the lexer skipped: point at the token itself.
      let q = p;
      while (q < end && /\s/.test(sql[q])) q++;
      return q;
    }
  }
  return undefined;
}
