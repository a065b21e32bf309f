// The one pricing function: a monthly quantity of a meter × one price item of a pricing file → lines on a
// bill. Every provider quirk it honours (tiers, plan-included usage, free allowances) is a field of the item.
import type { PriceItem } from '../pricing/schema.js';
import type { Bill } from './bill.js';
import { tablePrice, type Price } from './money.js';

/** The price of an item's first unit, as a float: for ranking choices, never for bills. */
export function firstUnitPrice(item: PriceItem): number {
  return Number(item.priceUsd ?? item.tiers![0]!.priceUsd) / item.unitSize;
}

const SCALE: Array<[number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** 300000000 → "300M", 7.5e9 → "7.5B", 400000 → "400k". */
export function shortCount(n: number): string {
  for (const [size, suffix] of SCALE) if (n >= size) return `${Number((n / size).toPrecision(6))}${suffix}`;
  return String(Number(n.toPrecision(6)));
}

export interface Tier {
  /** Upper bound of the tier in meter units (Infinity for the last). */
  upTo: number;
  price: Price;
  /** The same price negated: a free allowance is credited at the first charged tier's price. */
  credit: Price;
}

/**
 * An item with its tiers' prices parsed and its optional fields filled in: what a bill prices, made once per
 * loaded item. Items parsed from YAML differ in which optional fields they have (so in object shape); the
 * pricing loop reads these fields, which every priced item has, instead.
 */
export interface PricedItem {
  item: PriceItem;
  tiers: readonly Tier[];
  meter: PriceItem['meter'];
  name: string;
  unit: string;
  unitSize: number;
  included: number;
  freeAllowance: number;
  wholeUnits: boolean;
  /** Each tier's line label for the usage included as `labelsIncluded` (labels are made by the hundred, each with a count to print). */
  labels: string[];
  labelsIncluded: number;
}

const pricedItems = new WeakMap<PriceItem, PricedItem>();
export function pricedItem(item: PriceItem): PricedItem {
  let priced = pricedItems.get(item);
  if (!priced) {
    const { meter, name, unit, unitSize } = item;
    priced = { item, tiers: tiersOf(item), meter, name, unit, unitSize, included: item.included ?? 0, freeAllowance: item.freeAllowance ?? 0, wholeUnits: item.wholeUnits ?? false, labels: [], labelsIncluded: NaN };
    pricedItems.set(item, priced);
  }
  return priced;
}

function tiersOf(item: PriceItem): Tier[] {
  // The schema guarantees exactly one of tiers and priceUsd.
  return (item.tiers ?? [{ upTo: null, priceUsd: item.priceUsd! }]).map((tier) => ({
    upTo: tier.upTo ?? Infinity,
    price: tablePrice(tier.priceUsd),
    credit: tablePrice(`-${tier.priceUsd}`),
  }));
}

const FREE = tablePrice('0');

/**
 * Prices `metered` meter units of an item (with its tiers parsed: pricedItem) for one month onto `bill`, each
 * line named `prefix` + the item's name.
 *
 * - Usage up to `included` (plan-included) is shown at $0.
 * - The rest is charged by tier: a tier covers usage from the previous tier's `upTo` to its own, counted
 *   from zero including the included part (providers tier on total usage).
 * - The free allowance (when `applyFreeTier`) is a credit at the first charged tier's price, as providers
 *   bill it: gross usage is charged, then the free part is taken off.
 * - An item sold in packages (`wholeUnits`) rounds the usage beyond what the plan includes up to a whole unit.
 *
 * Worked examples, by hand:
 *   AWS API Gateway HTTP API, 432M requests, tiers $1.00/M to 300M then $0.90/M:
 *     "requests, first 300M" 300 × 1.00 = 300.00; "requests, over 300M" 132 × 0.90 = 118.80; total 418.80.
 *   AWS Lambda compute, 1.5M GB-s at $0.0000166667, free 400k GB-s:
 *     "compute" 1,500,000 × 0.0000166667 = 25.00005; "free tier: compute" 400,000 × −0.0000166667 = −6.66668;
 *     total 18.33337.
 *   Cloudflare Workers Standard, 15M requests, 10M included, $0.30/M:
 *     "requests, included in plan" 10 × 0 = 0; "requests, over 10M" 5 × 0.30 = 1.50.
 *   Vercel Pro before 2026-05-29, 2.4M invocations, 1M included, $0.60 per package of 1M:
 *     "function invocations, over 1M" 2 × 0.60 = 1.20 (1.4M bought as two packages).
 *   Any item with 0 usage and no monthly fee: no lines at all.
 * On an exact bill each quantity is rounded to its price's step (money.ts), so every amount is exact.
 * `extraIncluded` adds to the item's included usage (DigitalOcean pools each droplet's transfer).
 */
export function priceItem(priced: PricedItem, metered: number, applyFreeTier: boolean, bill: Bill, prefix = '', extraIncluded = 0): void {
  if (!(metered > 0)) return;
  const { tiers, name: itemName, unit, unitSize } = priced;
  const named = bill.itemised;
  const included = Math.min(metered, priced.included + extraIncluded);
  // Packages: what the plan does not include is bought a whole unit at a time (the tolerance absorbs float noise on exact multiples).
  const usage = priced.wholeUnits ? included + Math.ceil((metered - included) / unitSize - 1e-9) * unitSize : metered;
  if (included > 0) bill.add(named ? `${prefix}${itemName}, included in plan` : '', included / unitSize, unit, FREE);
  let firstCharged: Tier | undefined;
  let lower = 0;
  for (let index = 0; index < tiers.length; index++) {
    const tier = tiers[index]!;
    const from = Math.max(lower, included);
    const to = Math.min(tier.upTo, usage);
    if (to > from) {
      firstCharged ??= tier;
      const name = named ? `${prefix}${itemName}${tierLabelOf(priced, index, lower, included)}` : '';
      bill.add(name, (to - from) / unitSize, unit, tier.price);
    }
    lower = tier.upTo;
    if (lower >= usage) break;
  }
  const free = applyFreeTier ? Math.min(usage - included, priced.freeAllowance) : 0;
  if (free > 0 && firstCharged) bill.add(named ? `${prefix}free tier: ${itemName}` : '', free / unitSize, unit, firstCharged.credit);
}

/** A tier's label (tierLabel), kept with the item for the usage included. */
function tierLabelOf(priced: PricedItem, index: number, lower: number, included: number): string {
  if (priced.labelsIncluded !== included) {
    priced.labels = [];
    priced.labelsIncluded = included;
  }
  return (priced.labels[index] ??= tierLabel(priced.tiers.length, index, lower, priced.tiers[index]!.upTo, included));
}

function tierLabel(tierCount: number, index: number, lower: number, upTo: number, included: number): string {
  const from = Math.max(lower, included);
  if (tierCount === 1) return included > 0 ? `, over ${shortCount(included)}` : '';
  if (upTo === Infinity) return `, over ${shortCount(from)}`;
  if (index === 0 && included === 0) return `, first ${shortCount(upTo)}`;
  return `, ${shortCount(from)} to ${shortCount(upTo)}`;
}
