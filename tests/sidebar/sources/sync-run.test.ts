import { MAX_CHUNKS, runSync } from '../../../sidebar/sources/sync-run';
import type { StopReason, SyncProgress } from '../../../src/sync/progress';

function chunk(n: number, done: boolean, stopped?: StopReason): SyncProgress {
  const p: SyncProgress = {
    connectionId: 'stripe',
    done,
    streamsDone: n,
    streamsTotal: 3,
    rowsLoaded: n * 100,
    streams: [],
    errors: [],
    message: `chunk ${n}`,
  };
  if (stopped) p.stopped = stopped;
  return p;
}

/** A server that answers each runSyncChunk call with the next scripted reply, and counts calls. */
function server(replies: SyncProgress[]) {
  const calls: string[] = [];
  return {
    calls,
    runChunk: async (id: string) => {
      calls.push(id);
      return replies[Math.min(calls.length, replies.length) - 1];
    },
  };
}

describe('driving a sync from the sidebar', () => {
  it('calls again while a chunk stops at its time box, and reports every chunk', async () => {
    const s = server([chunk(1, false, 'deadline'), chunk(2, false, 'deadline'), chunk(3, true)]);
    const seen: number[] = [];
    const outcome = await runSync('stripe', {
      runChunk: s.runChunk,
      onProgress: (p) => seen.push(p.streamsDone),
      cancelled: () => false,
    });
    expect(s.calls).toEqual(['stripe', 'stripe', 'stripe']);
    expect(seen).toEqual([1, 2, 3]);
    expect(outcome).toEqual({ progress: chunk(3, true), cancelled: false });
  });

  it.each(['paused', 'busy', 'quota', 'blocked'] as const)(
    'stops chaining when a chunk stops as %s',
    async (why) => {
      const s = server([chunk(0, false, why), chunk(3, true)]);
      const outcome = await runSync('stripe', {
        runChunk: s.runChunk,
        onProgress: () => {},
        cancelled: () => false,
      });
      expect(s.calls).toHaveLength(1);
      expect(outcome.progress.stopped).toBe(why);
    },
  );

  it('stops after the chunk in flight when the user cancels, leaving the rest to the schedule', async () => {
    let cancel = false;
    const s = server([chunk(1, false, 'deadline'), chunk(2, false, 'deadline'), chunk(3, true)]);
    const outcome = await runSync('stripe', {
      runChunk: s.runChunk,
      onProgress: () => {
        cancel = true;
      },
      cancelled: () => cancel,
    });
    expect(s.calls).toHaveLength(1);
    expect(outcome).toEqual({ progress: chunk(1, false, 'deadline'), cancelled: true });
  });

  it('gives up chaining after a bounded number of chunks', async () => {
    const s = server([chunk(1, false, 'deadline')]);
    const outcome = await runSync('stripe', {
      runChunk: s.runChunk,
      onProgress: () => {},
      cancelled: () => false,
    });
    expect(s.calls).toHaveLength(MAX_CHUNKS);
    expect(outcome.cancelled).toBe(false);
  });
});
