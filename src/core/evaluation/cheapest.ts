// Which of an evaluation's options is cheapest, overall or within an architecture, on the exact amounts: the
// facts, the verdict, comparisons and the CLI's tables all ask.
import { Decimal } from 'decimal.js';
import type { OptionOut } from './schema.js';

/** A hybrid whose best baseline is zero servers is its functions alone, not a hybrid. */
export function isGenuineOption(option: OptionOut): boolean {
  return option.feasible && !(option.architecture === 'hybrid' && option.details.baselineInstances === 0);
}

/** The cheapest option of each option list, overall and per architecture: facts and the verdict ask a dozen times. */
const cheapestCache = new WeakMap<readonly OptionOut[], Map<string | undefined, OptionOut>>();

export function cheapestOption(options: readonly OptionOut[], architecture?: string): OptionOut | undefined {
  let byArchitecture = cheapestCache.get(options);
  if (!byArchitecture) {
    // One pass finds them all. Each amount is read as a float once, not at every comparison (compareUsd's
    // order, its decimals only for equal floats).
    const best = new Map<string | undefined, { option: OptionOut; usd: number }>();
    const consider = (key: string | undefined, option: OptionOut, usd: number) => {
      const held = best.get(key);
      if (!held || usd < held.usd || (usd === held.usd && compareUsd(option.monthlyUsd!, held.option.monthlyUsd!) < 0)) best.set(key, { option, usd });
    };
    for (const option of options) {
      if (!isGenuineOption(option)) continue;
      const usd = Number(option.monthlyUsd!);
      consider(undefined, option, usd);
      consider(option.architecture, option, usd);
    }
    byArchitecture = new Map();
    for (const [key, { option }] of best) byArchitecture.set(key, option);
    cheapestCache.set(options, byArchitecture);
  }
  return byArchitecture.get(architecture);
}

/**
 * Orders decimal USD strings exactly (negative: a is cheaper): floats round monotonically, so unequal floats
 * order their decimals; only equal floats need the decimals themselves.
 */
export function compareUsd(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (x !== y) return x - y;
  // Equal texts are equal amounts; only amounts a float cannot tell apart need decimals (options that cost the
  // same, such as a fleet that never leaves its floor autoscaled or fixed, tie often).
  return a === b ? 0 : new Decimal(a).comparedTo(b);
}
