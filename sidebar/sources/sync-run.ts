import type { SyncProgress } from '../../src/sync/progress';

export interface SyncRunHooks {
  /** One server call: a time-boxed chunk of the sync (runSyncChunk). */
  runChunk(connectionId: string): Promise<SyncProgress>;
  onProgress(progress: SyncProgress): void;
  /** Checked after every chunk: the user pressed Cancel or closed the view. */
  cancelled(): boolean;
}

export interface SyncRunOutcome {
  /** The last chunk's report. */
  progress: SyncProgress;
  /** The user stopped the chaining; the run itself stays open and the schedule finishes it. */
  cancelled: boolean;
}

/** Chunks per run before the sidebar gives up chaining (each is up to 4.5 minutes: hours of sync). */
export const MAX_CHUNKS = 40;

/**
 * Drives a sync from the sidebar: calls runSyncChunk again while a chunk stops at its time box
 * (`stopped: 'deadline'`) and stops on `done` or any other reason (paused, busy, quota,
 * blocked), reporting each chunk's progress. A chunk in flight cannot be interrupted; Cancel
 * takes effect when it returns.
 */
export async function runSync(connectionId: string, hooks: SyncRunHooks): Promise<SyncRunOutcome> {
  let progress = await hooks.runChunk(connectionId);
  hooks.onProgress(progress);
  for (let n = 1; n < MAX_CHUNKS && !progress.done && progress.stopped === 'deadline'; n++) {
    if (hooks.cancelled()) return { progress, cancelled: true };
    progress = await hooks.runChunk(connectionId);
    hooks.onProgress(progress);
  }
  return { progress, cancelled: hooks.cancelled() && !progress.done };
}
