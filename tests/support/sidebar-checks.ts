/**
 * Checks every sidebar view must pass (Marketplace review and issue #6): no serious axe
 * violation, and nothing wider than the 300 px sidebar.
 */
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { sidebarFrame, sidebarScreenshot } from './playground-session';

const AXE = require.resolve('axe-core/axe.min.js');

/** axe-core's serious and critical findings in the sidebar, one line each: rule, impact, what to fix, where. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const frame = await sidebarFrame(page);
  // Judge the resting look: a hovered button has a lighter background.
  await page.mouse.move(0, 0);
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.addScriptTag({ path: AXE });
  const results = (await frame.evaluate(() =>
    (window as unknown as { axe: { run(context: Document): Promise<unknown> } }).axe.run(document),
  )) as AxeResults;
  return results.violations
    .filter((v: Result) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v: Result) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => {
            const why = n.any[0]?.message ?? n.failureSummary;
            return `${n.target.join(' ')}${why ? ` (${why})` : ''}`;
          })
          .join(', ')}`,
    );
}

/** The sidebar's document must not scroll sideways: everything fits its 300 px. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const frame = await sidebarFrame(page);
  const overflow = await frame.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect({ sidebarScrollsSidewaysBy: overflow }).toEqual({ sidebarScrollsSidewaysBy: 0 });
}

/**
 * A finished sidebar view: it fits without sideways scroll and axe finds nothing serious; its
 * screenshot is kept in artifacts/<screenshotName>.png as evidence.
 */
export async function expectFitsAndAccessible(page: Page, screenshotName: string): Promise<void> {
  await expectNoHorizontalScroll(page);
  await sidebarScreenshot(page, screenshotName);
  expect(await seriousAxeViolations(page)).toEqual([]);
}
