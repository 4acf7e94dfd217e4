import type { PreviewResult } from '../../src/model/model-api';

const SHOWN_ROWS = 10;
/** Money columns show cents, as the saved tab's currency format will. */
const CENTS = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/** The first rows of a preview, in a table that scrolls sideways inside the 300 px sidebar. */
export function PreviewTable({ preview, testId = 'preview' }: { preview: PreviewResult; testId?: string }) {
  if (!preview.columns.length) return null;
  const rows = preview.rows.slice(0, SHOWN_ROWS);
  return (
    <div data-testid={testId}>
      <p class="small-text muted" data-testid={`${testId}-count`}>
        {preview.totalRows === 0
          ? 'No rows match.'
          : `First ${rows.length} of ${preview.totalRows.toLocaleString('en-US')} row${preview.totalRows === 1 ? '' : 's'}`}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a sideways-scrolling table must be reachable by keyboard */}
      <section class="preview-wrap" tabIndex={0} aria-label="Preview rows">
        <table class="preview" style={{ minWidth: `${Math.max(preview.columns.length * 80, 100)}px` }}>
          <thead>
            <tr>
              {preview.columns.map((c) => (
                <th key={c} scope="col" title={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) => (
                  <td key={j} title={cell === null ? '' : String(cell)}>
                    {cell === null
                      ? ''
                      : typeof cell === 'number'
                        ? cell.toLocaleString(
                            'en-US',
                            preview.formats?.[preview.columns[j]] === 'currency' ? CENTS : {},
                          )
                        : String(cell)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
