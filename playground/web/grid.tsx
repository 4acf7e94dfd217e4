/**
 * One tab drawn as Sheets shows it: column widths and row heights as stored, merged cells as one
 * cell, display values (number formats applied by the emulator), fonts, colours, alignment and
 * wrapping, gridlines hidden when the tab hides them, SPARKLINE cells as small lines, and the
 * embedded charts floating at their anchor cell plus offsets.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SheetView } from '../sheet-view';
import { SheetChart } from './sheet-chart';

const ROW_HEADER_WIDTH = 46;
const DEFAULT_WIDTH = 100;
const NUMERIC = /^[-+(]?[$€£¥]?\s?[\d,.]+%?\)?$|^[-+]?[\d.]+E[-+]\d+$/i;

export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Which cells a merge covers (drawn by its top-left cell) and the spans of each top-left. */
function mergeMaps(view: SheetView) {
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of view.merges) {
    spans.set(`${m.row}:${m.column}`, { rowSpan: m.rows, colSpan: m.columns });
    for (let r = m.row; r < m.row + m.rows; r++)
      for (let c = m.column; c < m.column + m.columns; c++)
        if (r !== m.row || c !== m.column) covered.add(`${r}:${c}`);
  }
  return { covered, spans };
}

function Sparkline({ values, color }: { values: number[]; color: string }) {
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values
    .map((v, i) => `${(i / (values.length - 1)) * 100},${28 - ((v - min) / span) * 26}`)
    .join(' ');
  return (
    <svg
      class="sparkline"
      data-testid="sparkline"
      viewBox="0 0 100 30"
      preserveAspectRatio="none"
      role="img"
      aria-label={`Sparkline of ${values.length} values`}
    >
      <polyline
        points={points}
        fill="none"
        stroke={color}
        stroke-width="2"
        vector-effect="non-scaling-stroke"
      />
    </svg>
  );
}

const textAlign = (h: string, value: string): string | undefined =>
  h === 'left' || h === 'center' || h === 'right' ? h : NUMERIC.test(value) ? 'right' : undefined;

const verticalAlign = (v: string): string => (v === 'top' ? 'top' : v === 'middle' ? 'middle' : 'bottom');

export function Grid({ view }: { view: SheetView }) {
  const widths = view.columnWidths.map((w) => w || DEFAULT_WIDTH);
  const { covered, spans } = mergeMaps(view);
  const sparks = new Map(view.sparklines.map((s) => [`${s.row}:${s.column}`, s.values]));
  const table = useRef<HTMLTableElement>(null);
  // Chart positions come from where the browser really put the anchor row and column.
  const [anchors, setAnchors] = useState<Array<{ left: number; top: number }>>([]);
  useLayoutEffect(() => {
    const t = table.current;
    if (!t) return;
    const header = t.tHead?.rows[0];
    setAnchors(
      view.charts.map((chart) => {
        const row = t.tBodies[0]?.rows[chart.anchor.row - 1];
        const th = header?.cells[chart.anchor.column];
        return {
          left: (th?.offsetLeft ?? ROW_HEADER_WIDTH) + chart.anchor.offsetX,
          top: (row?.offsetTop ?? 0) + chart.anchor.offsetY,
        };
      }),
    );
  }, [view]);

  return (
    <div
      class={`sheet${view.hiddenGridlines ? ' no-gridlines' : ''}`}
      data-testid="sheet"
      data-sheet={view.name}
    >
      <table class="cells" data-testid="grid" aria-label={`Cells of ${view.name}`} ref={table}>
        <colgroup>
          <col style={{ width: ROW_HEADER_WIDTH }} />
          {widths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th aria-label="Row numbers" />
            {widths.map((_, i) => (
              <th key={i} scope="col">
                {columnLetter(i + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.values.map((row, r) => (
            <tr
              key={r}
              class={r + 1 === view.frozenRows ? 'frozen' : ''}
              style={{ height: view.rowHeights[r] ?? 21 }}
            >
              <th scope="row" class="rownum">
                {r + 1}
              </th>
              {row.map((value, c) => {
                const key = `${r + 1}:${c + 1}`;
                if (covered.has(key)) return null;
                const span = spans.get(key);
                const color = view.fontColors[r]?.[c] || '#000000';
                const spark = sparks.get(key);
                return (
                  <td
                    key={c}
                    data-cell={`${columnLetter(c + 1)}${r + 1}`}
                    rowSpan={span?.rowSpan}
                    colSpan={span?.colSpan}
                    title={view.notes[r]?.[c] || undefined}
                    style={{
                      fontWeight: view.bold[r]?.[c] ? 'bold' : undefined,
                      fontStyle: view.italic[r]?.[c] ? 'italic' : undefined,
                      fontSize:
                        view.fontSizes[r]?.[c] && view.fontSizes[r][c] !== 10
                          ? `${view.fontSizes[r][c]}pt`
                          : undefined,
                      background:
                        view.backgrounds[r]?.[c] && view.backgrounds[r][c] !== '#ffffff'
                          ? view.backgrounds[r][c]
                          : undefined,
                      color: color !== '#000000' ? color : undefined,
                      textAlign: textAlign(view.horizontalAlignments[r]?.[c] ?? 'general', value),
                      verticalAlign: verticalAlign(view.verticalAlignments[r]?.[c] ?? 'bottom'),
                      whiteSpace: view.wraps[r]?.[c] ? 'pre-wrap' : 'pre',
                    }}
                  >
                    {spark ? <Sparkline values={spark} color="#1a73e8" /> : value}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {view.totalRows > view.values.length && (
        <div class="more">
          … {view.totalRows - view.values.length} more rows (the grid shows the first {view.values.length}).
        </div>
      )}
      {view.charts.map((chart, i) =>
        anchors[i] ? (
          <SheetChart key={chart.id} chart={chart} left={anchors[i].left} top={anchors[i].top} />
        ) : null,
      )}
    </div>
  );
}
