import type { TileItem } from '../../src/dashboard/dashboard-items';

/**
 * The Dashboard's KPI tiles as small cards: value, the period a flow covers (as the tab's tile
 * label says it), and the change vs the previous period.
 */
export function TileCards({ tiles }: { tiles: TileItem[] }) {
  return (
    <ul class="tiles" aria-label="Key numbers" data-testid="tiles">
      {tiles.map((t) => (
        <li key={t.id} class="tile" data-testid={`tile-${t.id}`}>
          <span class="tile-label">{t.label}</span>
          {t.period && <span class="tile-label tile-period">{t.period}</span>}
          <span class="tile-value">{t.value ?? '—'}</span>
          {t.change && (
            <span class={`tile-change ${t.good === undefined ? '' : t.good ? 'good' : 'bad'}`}>
              {t.change} <span class="visually-hidden">vs the previous period</span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
