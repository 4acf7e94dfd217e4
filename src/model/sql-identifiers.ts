/**
 * How names and text are written into AlaSQL SQL, and which names AlaSQL cannot take.
 *
 * Facts about AlaSQL 4.19 (its lexer in dist/alasql.js, checked by tests/model/sql-identifiers.test.ts):
 * - `[name]` quotes any name without `]` or `'` (except `?`: `[?]` is a parameter);
 *   `` `name` `` any name without a backtick or `'`.
 *   Double quotes make a string, not a name. Nothing can quote a name holding `'`.
 * - AlaSQL pastes names into generated JavaScript as `p['name']` without escaping, so a
 *   backslash or a line break in a name changes that JavaScript (a backslash can even smuggle
 *   code in). Such names are refused by the guard and renamed on load (sqlColumnNames).
 * - Some names are misread (RESERVED_NAMES below); an empty name is unreadable. A double
 *   quote in a column name makes aggregates over no rows return NULL instead of 0 (AlaSQL
 *   escapes the aggregate's key in one place and not in another), so `"` is renamed too.
 * - Before lexing, AlaSQL strips `--` line comments and slash-star block comments with a
 *   scanner that skips quotes and [brackets] but not backticks, so a backtick-quoted name
 *   cannot hold `--` or a slash-star.
 * - String literals: `''` is a quote; `\'` is also a quote and a backslash escapes the lexer,
 *   so a text holding a backslash is written as a concatenation with CHAR(92).
 */

/** Characters that would change AlaSQL's generated JavaScript if they appeared in a name. */
const BREAKS_GENERATED_JS = /[\\'\n\r\u2028\u2029]/;
/**
 * Names AlaSQL misreads: `_` is the whole row, `*` all columns, `.` collides with its internal
 * alias map, and the built-in properties of JavaScript objects (`constructor`, `toString`…)
 * look like existing entries in the plain objects it keeps its column maps in.
 */
const RESERVED_NAMES = new Set(['', '_', '*', '.', ...Object.getOwnPropertyNames(Object.prototype)]);

/** Why AlaSQL cannot use this name, in words; undefined when it can. */
export function identifierProblem(name: string): string | undefined {
  if (RESERVED_NAMES.has(name))
    return name === '' ? 'it is empty' : `\`${name}\` has a special meaning in AlaSQL`;
  if (name.includes("'")) return "it contains an apostrophe (')";
  if (BREAKS_GENERATED_JS.test(name)) return 'it contains a backslash or a line break';
  if (name.includes('"')) return 'it contains a double quote (")';
  if (name.includes(']') && name.includes('`')) return 'it contains both ] and a backtick (`)';
  if (name.includes(']') && /--|\/\*/.test(name))
    return 'it contains ] together with -- or /*, which AlaSQL reads as a comment';
  return undefined;
}

export function isUsableIdentifier(name: string): boolean {
  return identifierProblem(name) === undefined;
}

/** Writes a table or column name so AlaSQL reads it back exactly: `[name]`, or backticks when it holds `]`. */
export function quoteIdentifier(name: string): string {
  const problem = identifierProblem(name);
  if (problem) throw new Error(`Cannot write the name "${name}" in AlaSQL: ${problem}`);
  // `[?]` is AlaSQL's array-parameter token, not a name.
  return name.includes(']') || name === '?' ? `\`${name}\`` : `[${name}]`;
}

/** Writes a text value as an AlaSQL expression that evaluates to exactly that text. */
export function quoteString(value: string): string {
  if (!value.includes('\\')) return literal(value);
  const parts = value.split('\\').map(literal);
  return `(${parts.join(' || CHAR(92) || ')})`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The SQL column names of a tab's header row: each header as it is when AlaSQL can take it,
 * otherwise a readable stand-in (`'` → `’`, `"` → `”`, `\` → `/`, line breaks → spaces, an empty header →
 * `column_3`), made unique with a ` (2)` suffix. The report builder and models see these names;
 * the summary tab shows whatever the query names its output columns.
 */
export function sqlColumnNames(headers: readonly unknown[]): string[] {
  const used = new Set<string>();
  return headers.map((header, index) => {
    const base = usableName(header === null || header === undefined ? '' : String(header), index);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    return name;
  });
}

function usableName(header: string, index: number): string {
  let name = header
    .replace(/'/g, '’')
    .replace(/"/g, '”')
    .replace(/\\/g, '/')
    .replace(/[\n\r\u2028\u2029]/g, ' ');
  if (name.includes(']') && name.includes('`')) name = name.replace(/`/g, '’');
  if (name.includes(']') && /--|\/\*/.test(name)) name = name.replace(/]/g, ')');
  if (name.trim() === '') return `column_${index + 1}`;
  if (RESERVED_NAMES.has(name)) return /^\w+$/.test(name) ? `${name}_` : `column_${index + 1}`;
  return name;
}
