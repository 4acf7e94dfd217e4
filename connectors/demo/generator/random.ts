/**
 * A small seeded PRNG so the demo is a pure function of (seed, now): the same inputs give the
 * same company, in Apps Script as in Node. Math.random is never used.
 */

// Local copies: in sandboxed runtimes (jest's vm context) every global lookup is slow, and
// these run hundreds of thousands of times per company.
const { imul, floor, log, sqrt, cos, exp, round, max, PI } = Math;

/** mulberry32 (Tommy Ettinger, public domain): 32-bit state, fast, good enough for synthetic data. */
function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the text: turns (seed, label) into an independent stream per part of the company. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 0x01000193);
  }
  return h >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export class Random {
  private readonly next01: () => number;

  /** Each label gets its own stream, so adding draws to one domain never shifts another's. */
  constructor(seed: number, label: string) {
    this.next01 = mulberry32(hashText(`${seed}:${label}`));
  }

  next(): number {
    return this.next01();
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next01();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + floor(this.next01() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next01() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[floor(this.next01() * items.length)];
  }

  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next01() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next01();
    const v = this.next01();
    return sqrt(-2 * log(u)) * cos(2 * PI * v);
  }

  /** Durations and sizes are skewed: most are short, a few are long. */
  lognormal(median: number, sigma: number): number {
    return median * exp(sigma * this.normal());
  }

  /** Counts of independent arrivals (signups, tickets, PRs) in a day. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 40) return max(0, round(lambda + sqrt(lambda) * this.normal()));
    const limit = exp(-lambda);
    let k = 0;
    let p = this.next01();
    while (p > limit) {
      k++;
      p *= this.next01();
    }
    return k;
  }

  /** Vendor-looking random ids: `cus_` + 14 base62 characters, five characters per draw. */
  id(prefix: string, length = 14): string {
    let s = prefix;
    for (let made = 0; made < length; made += 5) {
      let x = floor(this.next01() * 916_132_832); // 62^5
      for (let i = 0; i < 5 && made + i < length; i++) {
        s += BASE62[x % 62];
        x = floor(x / 62);
      }
    }
    return s;
  }

  hex(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += '0123456789ABCDEF'[floor(this.next01() * 16)];
    return s;
  }
}
