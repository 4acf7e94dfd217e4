/**
 * In the emulator "now" is the simulated clock: `new Date()` and `Date.now()` read it, so
 * schedules, freshness and daily history can be run across simulated days. Dates built from
 * arguments, `instanceof Date` and the prototype are unchanged. The same source patches the
 * bundle's vm context (bundle.ts) and, for tests that call the core directly, this realm.
 */
export const SIMULATED_DATE_SOURCE = `(function (now) {
  var RealDate = Date;
  function SimDate() {
    if (!new.target) return RealDate(now());
    if (arguments.length === 0) return new RealDate(now());
    return Reflect.construct(RealDate, Array.prototype.slice.call(arguments), new.target);
  }
  SimDate.prototype = RealDate.prototype;
  SimDate.now = function () { return now(); };
  SimDate.parse = RealDate.parse;
  SimDate.UTC = RealDate.UTC;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: SimDate, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: SimDate, writable: true, configurable: true, enumerable: false });
  return function restore() {
    Object.defineProperty(RealDate.prototype, 'constructor', { value: RealDate, writable: true, configurable: true });
    Object.defineProperty(globalThis, 'Date', { value: RealDate, writable: true, configurable: true, enumerable: false });
  };
})`;

/** Makes this realm's Date follow `now` until the returned function is called. */
export function installSimulatedDate(now: () => number): () => void {
  // biome-ignore lint/security/noGlobalEval: the one source shared with the vm context patch.
  const install = (0, eval)(SIMULATED_DATE_SOURCE) as (n: () => number) => () => void;
  return install(now);
}
