/**
 * R1C1 → A1 for setFormulaR1C1: `=R[-1]C+RC[2]` written in C5 becomes `=C4+E5`. Pure.
 */
import { columnToLetters } from './a1';

const TOKEN = /(^|[^A-Za-z0-9_."])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/g;

function resolve(part: string | undefined, base: number): { n: number; abs: boolean } {
  if (part === undefined) return { n: base, abs: false };
  if (part.startsWith('[')) return { n: base + Number(part.slice(1, -1)), abs: false };
  return { n: Number(part), abs: true };
}

export function r1c1ToA1(formula: string, row: number, col: number): string {
  // Split on string literals so text inside quotes is never rewritten.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((chunk, i) =>
      i % 2 === 1
        ? chunk
        : chunk.replace(TOKEN, (_m, lead: string, r?: string, c?: string) => {
            const rr = resolve(r, row);
            const cc = resolve(c, col);
            return `${lead}${cc.abs ? '$' : ''}${columnToLetters(cc.n)}${rr.abs ? '$' : ''}${rr.n}`;
          }),
    )
    .join('');
}
