// The one pricing function: a monthly quantity of a meter × one price item of a pricing file → line items.
// Every provider quirk it honours (tiers, plan-included usage, free allowances) is a field of the item.
import { Decimal } from 'decimal.js';
import type { PriceItem } from '../pricing/schema.js';

// A 12-digit quantity times a 10-digit price has up to 22 significant digits, and a month's lines add up
// across six orders of magnitude: 50 digits keep every product and sum exact (decimal.js defaults to 20).
Decimal.set({ precision: 50 });

export interface LineItem {
  /** What is charged, e.g. "requests, over 300M" or "free tier: compute (GB-seconds)". */
  name: string;
  /** How many priced units (see `unit`); quantity × unitPriceUsd = amountUsd exactly. */
  quantity: number;
  unit: string;
  unitPriceUsd: string;
  amountUsd: string;
}

/** Money inside the engine; turned into strings only at the edge. */
export interface MoneyLine {
  name: string;
  quantity: number;
  unit: string;
  unitPrice: Decimal;
  amount: Decimal;
}

/** The sum of some lines' amounts: a bill's total. */
export function totalOf(lines: readonly MoneyLine[]): Decimal {
  return lines.reduce((sum, line) => sum.add(line.amount), new Decimal(0));
}

export function toLineItem(line: MoneyLine): LineItem {
  return { name: line.name, quantity: line.quantity, unit: line.unit, unitPriceUsd: line.unitPrice.toString(), amountUsd: line.amount.toString() };
}

/** One line whose amount is quantity × unit price, computed from the very number shown. */
/** Prices are a few dozen strings read from the tables: each is parsed into a Decimal once. */
const priceCache = new Map<string, Decimal>();
function decimalPrice(value: Decimal.Value): Decimal {
  if (typeof value !== 'string') return new Decimal(value);
  let price = priceCache.get(value);
  if (!price) priceCache.set(value, (price = new Decimal(value)));
  return price;
}

export function moneyLine(name: string, quantity: number, unit: string, unitPrice: Decimal.Value): MoneyLine {
  const price = decimalPrice(unitPrice);
  // Quantities come from float arithmetic on physical amounts; 12 significant digits drop the binary
  // noise (111.11111111111076 → 111.111111111) and the amount is computed from the number shown.
  const digits = quantity.toPrecision(12);
  return { name, quantity: Number(digits), unit, unitPrice: price, amount: new Decimal(digits).mul(price) };
}

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

/**
 * Prices `usage` meter units of `item` for one month.
 *
 * - Usage up to `included` (plan-included) is shown at $0.
 * - The rest is charged by tier: a tier covers usage from the previous tier's `upTo` to its own, counted
 *   from zero including the included part (providers tier on total usage).
 * - The free allowance (when `applyFreeTier`) is a credit at the first charged tier's price, as providers
 *   bill it: gross usage is charged, then the free part is taken off.
 *
 * Worked examples, by hand:
 *   AWS API Gateway HTTP API, 432M requests, tiers $1.00/M to 300M then $0.90/M:
 *     "requests, first 300M" 300 × 1.00 = 300.00; "requests, over 300M" 132 × 0.90 = 118.80; total 418.80.
 *   AWS Lambda compute, 1.5M GB-s at $0.0000166667, free 400k GB-s:
 *     "compute" 1,500,000 × 0.0000166667 = 25.00005; "free tier: compute" 400,000 × −0.0000166667 = −6.66668;
 *     total 18.33337.
 *   Cloudflare Workers Standard, 15M requests, 10M included, $0.30/M:
 *     "requests, included in plan" 10 × 0 = 0; "requests, over 10M" 5 × 0.30 = 1.50.
 *   Any item with 0 usage and no monthly fee: no lines at all.
 */
export function priceItem(item: PriceItem, usage: number, applyFreeTier: boolean): MoneyLine[] {
  const lines: MoneyLine[] = [];
  if (!(usage > 0)) return lines;
  const perUnit = (meterUnits: number) => meterUnits / item.unitSize;
  const included = Math.min(usage, item.included ?? 0);
  if (included > 0) lines.push(moneyLine(`${item.name}, included in plan`, perUnit(included), item.unit, 0));

  // The schema guarantees exactly one of tiers and priceUsd.
  const tiers = item.tiers ?? [{ upTo: null, priceUsd: item.priceUsd! }];
  let firstChargedPrice: string | undefined;
  let lower = 0;
  for (const [index, tier] of tiers.entries()) {
    const upper = tier.upTo ?? Infinity;
    const from = Math.max(lower, included);
    const to = Math.min(upper, usage);
    if (to > from) {
      firstChargedPrice ??= tier.priceUsd;
      const label = tiers.length === 1 ? (included > 0 ? `, over ${shortCount(included)}` : '') : tierLabel(index, lower, tier.upTo, included);
      lines.push(moneyLine(`${item.name}${label}`, perUnit(to - from), item.unit, tier.priceUsd));
    }
    lower = upper;
    if (lower >= usage) break;
  }

  const free = applyFreeTier ? Math.min(usage - included, item.freeAllowance ?? 0) : 0;
  if (free > 0 && firstChargedPrice !== undefined)
    lines.push(moneyLine(`free tier: ${item.name}`, perUnit(free), item.unit, new Decimal(firstChargedPrice).neg()));
  return lines;
}

function tierLabel(index: number, lower: number, upTo: number | null, included: number): string {
  const from = Math.max(lower, included);
  if (upTo === null) return `, over ${shortCount(from)}`;
  if (index === 0 && included === 0) return `, first ${shortCount(upTo)}`;
  return `, ${shortCount(from)} to ${shortCount(upTo)}`;
}
