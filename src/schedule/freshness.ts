/** A connection is stale when it has not synced successfully within its expected freshness. */
export function isStale(lastSuccessMs: number | undefined, freshnessHours: number, nowMs: number): boolean {
  if (lastSuccessMs === undefined) return true;
  return nowMs - lastSuccessMs > freshnessHours * 3_600_000;
}

/** Expected freshness: the connector's own, but never tighter than the schedule allows, plus slack for a late trigger. */
export function expectedFreshnessHours(
  connectorHours: number | undefined,
  scheduleIntervalHours: number | undefined,
): number {
  const base = connectorHours ?? 24;
  if (scheduleIntervalHours === undefined) return base;
  // Clock triggers fire anywhere inside their hour (platform notes §1: ±15 min, random minute).
  return Math.max(base, scheduleIntervalHours * 2 + 1);
}
