/**
 * google.script.run inside the playground's sidebar iframe: the same callback API as in
 * Sheets, bridged over HTTP to the emulator (POST /api/run). Arguments are checked the way
 * Apps Script checks them, so what fails in Sheets fails here too.
 */
type Handler = (value: unknown, userObject?: unknown) => void;

interface Runner {
  withSuccessHandler(fn: Handler): Runner;
  withFailureHandler(fn: Handler): Runner;
  withUserObject(obj: unknown): Runner;
  [name: string]: unknown;
}

function illegalPath(value: unknown, path: string, seen: Set<unknown>): string | undefined {
  if (value === null || value === undefined) return undefined;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return undefined;
  if (t === 'function' || value instanceof Date || t === 'symbol' || t === 'bigint') return path;
  if (typeof Node !== 'undefined' && value instanceof Node && !(value instanceof HTMLFormElement))
    return path;
  if (seen.has(value)) return path;
  seen.add(value);
  for (const [k, v] of Object.entries(value as object)) {
    const bad = illegalPath(v, path === '' ? k : `${path}.${k}`, seen);
    if (bad !== undefined) return bad;
  }
  seen.delete(value);
  return undefined;
}

function makeRunner(success?: Handler, failure?: Handler, userObject?: unknown): Runner {
  const base = {
    withSuccessHandler: (fn: Handler) => makeRunner(fn, failure, userObject),
    withFailureHandler: (fn: Handler) => makeRunner(success, fn, userObject),
    withUserObject: (obj: unknown) => makeRunner(success, failure, obj),
  };
  return new Proxy(base as Runner, {
    get(target, prop) {
      if (typeof prop !== 'string') return undefined;
      if (prop in target) return target[prop];
      return (...args: unknown[]) => {
        for (let i = 0; i < args.length; i++) {
          const bad = illegalPath(args[i], String(i), new Set());
          if (bad !== undefined) {
            const err = new Error(`Failed due to illegal value in property: ${bad}`);
            setTimeout(() => failure?.(err, userObject));
            return;
          }
        }
        fetch('/api/run', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: prop, args }),
        })
          .then((r) => r.json())
          .then((reply: { ok: boolean; result?: unknown; error?: string }) => {
            if (reply.ok) success?.(reply.result, userObject);
            else failure?.(new Error(reply.error ?? 'Unknown error'), userObject);
            window.parent?.postMessage({ type: 'tapdash:server-call', name: prop }, window.location.origin);
          })
          .catch((e: unknown) => failure?.(new Error(`NetworkError: ${String(e)}`), userObject));
      };
    },
  });
}

(window as unknown as { google: unknown }).google = {
  script: {
    run: makeRunner(),
    host: {
      close: () => window.parent?.postMessage({ type: 'tapdash:close-sidebar' }, window.location.origin),
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => undefined },
      origin: window.location.origin,
    },
  },
};
