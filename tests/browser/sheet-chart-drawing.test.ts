/** The playground draws the Dashboard's native charts with the colors, order and room Sheets gives them. */
import type { Locator } from 'playwright-core';
import { screenshot } from '../support/browser';
import { openPlayground, type PlaygroundSession } from '../support/playground-session';

describe('native charts on the demo Dashboard tab, as the playground draws them', () => {
  let s: PlaygroundSession;

  beforeAll(async () => {
    s = await openPlayground({ demo: true, viewport: { width: 1400, height: 900 } });
    await s.page.getByRole('tab', { name: 'Dashboard', exact: true }).click();
    await s.page.getByTestId('sheet-chart').first().waitFor();
  });

  afterAll(async () => {
    await s?.close();
  });

  async function chart(title: string): Promise<Locator> {
    const figure = s.page.locator(`[data-testid="sheet-chart"][aria-label="${title}"]`);
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('svg .mark-symbol, svg .mark-rect, svg .mark-arc').first().waitFor();
    return figure;
  }

  /** The legend's entries top to bottom, each with its symbol's fill. */
  async function legend(figure: Locator): Promise<Array<{ label: string; fill: string }>> {
    return figure.locator('svg .role-legend-entry .role-scope > g').evaluateAll((entries) =>
      entries.map((entry) => ({
        label: entry.querySelector('.role-legend-label text')?.textContent ?? '',
        fill: entry.querySelector('.role-legend-symbol path')?.getAttribute('fill') ?? '',
      })),
    );
  }

  it('gives each pie slice and stacked series the color the spec gives it, legend in spec order', async () => {
    expect(await legend(await chart('Open tickets by priority'))).toEqual([
      { label: 'urgent', fill: '#dc2626' },
      { label: 'high', fill: '#f59e0b' },
      { label: 'normal', fill: '#2563eb' },
      { label: 'low', fill: '#9ca3af' },
    ]);
    const movements = await legend(await chart('MRR movements'));
    expect(movements.map((e) => e.label)).toEqual([
      'New',
      'Expansion',
      'Reactivation',
      'Contraction',
      'Churned',
    ]);
    expect(movements.find((e) => e.label === 'Churned')?.fill).toBe('#dc2626');
    await screenshot(s.page, 'sheet-chart-colors');
  });

  it('keeps category labels whole inside the chart box', async () => {
    const figure = await chart('Value won by owner');
    const box = await figure.boundingBox();
    const labels = figure.locator('svg .role-axis-label text');
    expect(await labels.allTextContents()).toEqual(expect.arrayContaining(['Maya Okafor', 'Priya Shah']));
    for (const label of await labels.all()) {
      const b = await label.boundingBox();
      expect(b && box).toBeTruthy();
      if (!b || !box) continue;
      expect(b.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(b.y).toBeGreaterThanOrEqual(box.y - 1);
      expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 1);
      expect(b.y + b.height).toBeLessThanOrEqual(box.y + box.height + 1);
    }
  });
});
