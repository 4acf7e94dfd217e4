import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorInfo } from '../../src/shared/errors';
import type { SyncProgress } from '../../src/sync/progress';
import { call } from '../rpc';
import { asErrorInfo } from '../ui/use-call';
import { describeBuilt } from './built-summary';
import { runSync } from './sync-run';

/**
 * - `syncing`: chunks are being chained; `refreshing`: summary tabs and the Dashboard are built;
 * - `finished`: both done; `cancelled`: the user stopped chaining (the schedule finishes it);
 * - `stopped`: the server stopped it (paused, busy, quota, blocked); `failed`: a call failed.
 */
export type SyncPhase = 'idle' | 'syncing' | 'refreshing' | 'finished' | 'cancelled' | 'stopped' | 'failed';

export interface SyncRunState {
  phase: SyncPhase;
  progress: SyncProgress | null;
  /** What the refresh built, in a sentence, and any report that failed. */
  built: { text: string; failures: string[] } | null;
  error: ErrorInfo | null;
  cancelling: boolean;
}

const IDLE: SyncRunState = { phase: 'idle', progress: null, built: null, error: null, cancelling: false };

/**
 * Runs a connection's sync from the sidebar, then refreshes models, summary tabs and the
 * Dashboard. Leaving the view stops the chaining, as Cancel does: the run stays open and the
 * schedule finishes it.
 */
export function useSyncRun() {
  const [state, setState] = useState<SyncRunState>(IDLE);
  const cancelled = useRef(false);
  useEffect(
    () => () => {
      cancelled.current = true;
    },
    [],
  );

  const start = useCallback(async (connectionId: string, connector: string): Promise<SyncRunState> => {
    cancelled.current = false;
    let next: SyncRunState = { ...IDLE, phase: 'syncing' };
    const show = (s: SyncRunState) => {
      next = { ...s, cancelling: cancelled.current && s.phase === 'syncing' };
      setState(next);
    };
    show(next);
    try {
      const outcome = await runSync(connectionId, {
        runChunk: (id) => call('runSyncChunk', id),
        onProgress: (progress) => show({ ...next, progress }),
        cancelled: () => cancelled.current,
      });
      const { progress } = outcome;
      if (outcome.cancelled) return done({ ...next, phase: 'cancelled', progress });
      if (!progress.done) return done({ ...next, phase: 'stopped', progress });
      show({ ...next, phase: 'refreshing', progress });
      const refreshed = await call('refreshNow');
      return done({ ...next, phase: 'finished', built: describeBuilt(refreshed, connector) });
    } catch (e) {
      return done({ ...next, phase: 'failed', error: asErrorInfo(e) });
    }
    function done(s: SyncRunState): SyncRunState {
      show(s);
      return next;
    }
  }, []);

  const cancel = useCallback(() => {
    cancelled.current = true;
    setState((s) => ({ ...s, cancelling: true }));
  }, []);

  const reset = useCallback(() => setState(IDLE), []);

  return { state, start, cancel, reset };
}
