/** The optional weekly digest: headline metrics with their change, and a link to the sheet. */
export interface DigestLine {
  label: string;
  value: string;
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
      if (l.change === null) return `• ${l.label}: ${l.value}`;
      const arrow = l.change > 0 ? '▲' : l.change < 0 ? '▼' : '■';
      const good = l.change === 0 ? '' : l.change > 0 === (l.goodDirection === 'up') ? ' (good)' : ' (watch)';
      return `• ${l.label}: ${l.value}  ${arrow} ${(Math.abs(l.change) * 100).toFixed(1)}% vs previous period${good}`;
    }),
    ...(warnings.length ? ['', 'Needs attention:', ...warnings.map((w) => `• ${w}`)] : []),
    '',
    `Open the dashboard: ${sheetUrl}`,
  ].join('\n');
  return { subject: `Tapdash weekly digest: ${sheetName}`, body };
}
