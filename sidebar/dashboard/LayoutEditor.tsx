import { useEffect, useState } from 'preact/hooks';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { useCall } from '../ui/use-call';
import { type LayoutItem, move, toConfig, toggle } from './layout';

interface Props {
  tiles: LayoutItem[];
  charts: LayoutItem[];
  onSaved(): void;
}

/** Show/hide and reorder the Dashboard's tiles and charts; keyboard-usable move buttons. */
export function LayoutEditor(props: Props) {
  const [tiles, setTiles] = useState(props.tiles);
  const [charts, setCharts] = useState(props.charts);
  const [saved, setSaved] = useState<string | null>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<{ key: string; dir: 'up' | 'down' } | null>(null);
  const save = useCall(() => call('saveDashboardConfig', toConfig(tiles, charts)));

  useEffect(() => setTiles(props.tiles), [props.tiles]);
  useEffect(() => setCharts(props.charts), [props.charts]);

  // Keeps the keyboard user's place: the focused button follows the item it moved.
  useEffect(() => {
    if (!focusAfterMove) return;
    const { key, dir } = focusAfterMove;
    const same = document.getElementById(`move-${dir}-${key}`) as HTMLButtonElement | null;
    const other = document.getElementById(`move-${dir === 'up' ? 'down' : 'up'}-${key}`);
    (same && !same.disabled ? same : other)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  const list = (kind: 'tiles' | 'charts', items: LayoutItem[], set: (next: LayoutItem[]) => void) => (
    <ul class="list layout-list" data-testid={`layout-${kind}`}>
      {items.map((item, i) => {
        // A tile and a chart may share an id (demo_mrr): element ids carry the kind.
        const key = `${kind === 'tiles' ? 'tile' : 'chart'}-${item.id}`;
        return (
          <li key={item.id} class="row" data-testid={`layout-item-${key}`}>
            <input
              type="checkbox"
              id={`show-${key}`}
              checked={item.shown}
              onChange={() => {
                setSaved(null);
                set(toggle(items, item.id));
              }}
            />
            <label class="grow" for={`show-${key}`} title={item.label}>
              {item.label}
            </label>
            {(['up', 'down'] as const).map((dir) => (
              <button
                type="button"
                key={dir}
                id={`move-${dir}-${key}`}
                class="small icon"
                aria-label={`Move ${item.label} ${dir}`}
                disabled={dir === 'up' ? i === 0 : i === items.length - 1}
                onClick={() => {
                  setSaved(null);
                  set(move(items, item.id, dir === 'up' ? -1 : 1));
                  setFocusAfterMove({ key, dir });
                }}
              >
                {dir === 'up' ? '↑' : '↓'}
              </button>
            ))}
          </li>
        );
      })}
    </ul>
  );

  return (
    <section aria-labelledby="layout-title" data-testid="layout-editor">
      <h3 id="layout-title">Tiles and charts</h3>
      <p class="small-text muted">Tick what the Dashboard tab shows; the arrows set the order.</p>
      {tiles.length > 0 && <h4 class="small-text">Tiles</h4>}
      {list('tiles', tiles, setTiles)}
      {charts.length > 0 && <h4 class="small-text">Charts</h4>}
      {list('charts', charts, setCharts)}
      <ErrorNotice error={save.error} />
      <SuccessNotice text={saved} testId="layout-saved" />
      <div class="actions">
        <Button
          testId="save-layout"
          busy={save.busy}
          busyLabel="Saving…"
          onClick={async () => {
            const ok = await save.run();
            if (ok) {
              setSaved('Layout saved. The Dashboard tab shows it now.');
              props.onSaved();
            }
          }}
        >
          Save layout
        </Button>
      </div>
    </section>
  );
}
