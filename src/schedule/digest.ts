/** The optional weekly digest: headline metrics with their change, and a link to the sheet. */
export interface DigestLine {
  label: string;
  value: string;
  /** The period a flow's value covers ("week of Nov 30"); levels are today's value and have none. */
  period?: string;
  /** Relative change vs the previous period (0.042 = +4.2%). */
  change: number | null;
  goodDirection: 'up' | 'down';
}

export function composeDigest(
  sheetName: string,
  sheetUrl: string,
  lines: readonly DigestLine[],
  warnings: readonly string[],
): { subject: string; body: string } {
  const body = [
    `Your week in "${sheetName}":`,
    '',
    ...lines.map((l) => {
      const head = `• ${l.period ? `${l.label} (${l.period})` : l.label}: ${l.value}`;
      if (l.change === null) return head;
      const percent = (Math.abs(l.change) * 100).toFixed(1);
      // A change that rounds to 0.0% is no change, as on the Dashboard's tiles.
      if (percent === '0.0') return `${head}  ■ no change vs previous period`;
      const arrow = l.change > 0 ? '▲' : '▼';
      const good = l.change > 0 === (l.goodDirection === 'up') ? ' (good)' : ' (watch)';
      return `${head}  ${arrow} ${percent}% vs previous period${good}`;
    }),
    ...(warnings.length ? ['', 'Needs attention:', ...warnings.map((w) => `• ${w}`)] : []),
    '',
    `Open the dashboard: ${sheetUrl}`,
  ].join('\n');
  return { subject: `Tapdash weekly digest: ${sheetName}`, body };
}
