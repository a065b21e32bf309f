// A month's quantity of every meter, zero unless set: the input the one pricing function reads.
import { Meter } from '../pricing/schema.js';

export type Usage = Record<Meter, number>;

const NO_USAGE = Object.fromEntries(Meter.options.map((meter) => [meter, 0])) as Usage;

export function usageOf(partial: Partial<Usage>): Usage {
  return { ...NO_USAGE, ...partial };
}
