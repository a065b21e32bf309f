// Where priced lines go. One pricing code path serves three needs at three speeds:
// - 'estimate': a float total, for searches that only rank choices (sizes, baselines, break-even);
// - 'exact':    the exact total in pico-dollars, for every month of a projection;
// - 'itemised': the exact total and its line items, named, for the month a person reads.
import { addPico, amountOf, formatUsd, priceOfPico, priceQuantity, subPico, type Pico, type Price } from './money.js';

export type BillMode = 'estimate' | 'exact' | 'itemised';

export interface LineItem {
  /** What is charged, e.g. "requests, over 300M" or "free tier: compute (GB-seconds)". */
  name: string;
  /** How many priced units (see `unit`); quantity × unitPriceUsd = amountUsd exactly. */
  quantity: number;
  unit: string;
  unitPriceUsd: string;
  amountUsd: string;
}

/** A line inside the engine: exact money, turned into strings only at the edge. */
export interface MoneyLine {
  name: string;
  quantity: number;
  unit: string;
  unitPrice: Price;
  amount: Pico;
}

export function toLineItem(line: MoneyLine): LineItem {
  return { name: line.name, quantity: line.quantity, unit: line.unit, unitPriceUsd: line.unitPrice.text, amountUsd: formatUsd(line.amount) };
}

/** A month's total without its lines: what projections and searches compare. */
export interface MonthTotal {
  /** Exact, in pico-dollars; 0 for an estimate. */
  total: Pico;
  usd: number;
}

/** The last total of one mode and the key it was priced for. */
interface LastTotal<K> {
  key: K | undefined;
  month: MonthTotal | undefined;
}

/**
 * The last total of one part of a month (functions alone, a load balancer) in each mode, with its key
 * (usually a traffic week), and how to price that part at a key. One is enough: the options that share a
 * part meet each traffic one after another (a projection prices a month at a time across all options; a
 * search probes one volume at a time).
 */
export interface MonthTotals<K> {
  estimate: LastTotal<K>;
  exact: LastTotal<K>;
  /** Prices the part at `key` onto `bill`: bound once, so that reading a kept total makes nothing. */
  price: (bill: Bill, key: K) => void;
  /**
   * Whether an estimate is the exact total read as a float: for a part whose every estimate is followed by
   * the exact month at the same key (a projection's load balancer: sizes are ranked on it, then each month is
   * billed with it), one exact pricing costs less than the two.
   */
  estimateFromExact: boolean;
}

export function monthTotals<K>(price: (bill: Bill, key: K) => void, estimateFromExact = false): MonthTotals<K> {
  return { estimate: { key: undefined, month: undefined }, exact: { key: undefined, month: undefined }, price, estimateFromExact };
}

/**
 * The part's total at `key` on a bill of `mode`, priced once per key while that key lasts: a part that many
 * options share (the same function, the same load balancer) is added to each of their bills as one total.
 */
export function totalOnce<K>(totals: MonthTotals<K>, key: K, mode: 'estimate' | 'exact'): MonthTotal {
  // Picked by comparison, not read by key: a keyed read that meets two names in one place goes megamorphic.
  const last = mode === 'exact' ? totals.exact : totals.estimate;
  if (last.key === key) return last.month!;
  let month: MonthTotal;
  if (mode === 'estimate' && totals.estimateFromExact) month = totalOnce(totals, key, 'exact');
  else {
    const bill = new Bill(mode);
    totals.price(bill, key);
    month = { total: bill.totalPico, usd: bill.totalUsd };
  }
  last.key = key;
  last.month = month;
  return month;
}

/** A point in a bill, to total what was added after it. */
export interface BillMark {
  usd: number;
  pico: Pico;
}

/** The lines of every bill that keeps none. */
export const NO_LINES: MoneyLine[] = Object.freeze([]) as unknown as MoneyLine[];

export class Bill {
  // Fields are declared, not defined, and set in the constructor in one order: bills are made by the thousand,
  // and class fields defined with initialisers cost each construction a property definition apiece.
  declare readonly mode: BillMode;
  /** Float total ('estimate' mode only). */
  private declare usd: number;
  /** Exact total ('exact' and 'itemised'). */
  private declare pico: Pico;
  /** The lines ('itemised' only; the other modes share one empty list, as bills are made by the thousand). */
  declare readonly lines: MoneyLine[];
  /** Names are built only for a bill that keeps its lines. */
  declare readonly itemised: boolean;
  private declare readonly exact: boolean;

  constructor(mode: BillMode) {
    this.mode = mode;
    this.usd = 0;
    this.pico = 0;
    this.itemised = mode === 'itemised';
    this.exact = mode !== 'estimate';
    this.lines = this.itemised ? [] : NO_LINES;
  }

  /** Adds quantity × price. `name` may be '' unless the bill is itemised. */
  add(name: string, quantity: number, unit: string, price: Price): void {
    if (!this.exact) {
      this.usd += quantity * price.usd;
      return;
    }
    if (!this.itemised) {
      this.pico = addPico(this.pico, amountOf(quantity, price));
      return;
    }
    const priced = priceQuantity(quantity, price);
    this.pico = addPico(this.pico, priced.amount);
    this.lines.push({ name, quantity: priced.quantity, unit, unitPrice: price, amount: priced.amount });
  }

  /** Adds a total priced on a bill of the same mode (a bill that keeps no lines: nothing is named). */
  addTotal(month: MonthTotal): void {
    if (this.exact) this.pico = addPico(this.pico, month.total);
    else this.usd += month.usd;
  }

  mark(): BillMark {
    return { usd: this.usd, pico: this.pico };
  }

  /**
   * A credit line worth what was added since `mark`, less `excluded` (which the credit does not pay for),
   * and at most `cap`: a plan's pooled usage credit. Nothing when that is zero.
   */
  addCredit(name: string, cap: Price, since: BillMark, excluded: MonthTotal): void {
    if (!this.exact) {
      const covered = Math.min(cap.usd, Math.max(0, this.usd - since.usd - excluded.usd));
      this.usd -= covered;
      return;
    }
    const used = subPico(subPico(this.pico, since.pico), excluded.total);
    const capPico = amountOf(1, cap);
    const covered = used <= 0 ? 0 : used < capPico ? used : capPico;
    if (covered === 0) return;
    // Only a bill that shows its lines needs the credit as a price of its own.
    if (this.itemised) this.add(name, 1, 'month', priceOfPico(subPico(0, covered)));
    else this.pico = subPico(this.pico, covered);
  }

  /** The exact total, in pico-dollars ('exact' and 'itemised'). */
  get totalPico(): Pico {
    return this.pico;
  }

  /** The total as a float: the estimate, or the exact total rounded to a float. */
  get totalUsd(): number {
    return this.exact ? Number(this.pico) / 1e12 : this.usd;
  }
}
