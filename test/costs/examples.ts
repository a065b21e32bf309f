// Helpers for the worked-example tests: the real pricing files, the real pricing functions, and a
// profile built from an example's own inputs.
import { Decimal } from 'decimal.js';
import { pricingInForce } from '../../src/core/pricing/catalog.js';
import type { PricingFile, Provider, Service } from '../../src/core/pricing/schema.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { Bill, toLineItem, type LineItem } from '../../src/core/costs/bill.js';
import { committedCatalog } from '../helpers.js';

export function table(provider: Provider, date: string): PricingFile {
  const file = pricingInForce(committedCatalog(), provider, date);
  if (!file) throw new Error(`no ${provider} table on ${date}`);
  return file;
}

export function service(file: PricingFile, id: string): Service {
  const found = file.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id} in ${file.provider}/${file.effectiveDate}`);
  return found;
}

export function profile(execution: Record<string, unknown>, extra: Record<string, unknown> = {}): WorkloadProfile {
  return WorkloadProfile.parse({ traffic: { monthlyRequests: 1 }, execution, ...extra });
}

/** The line items `price` puts on a fresh itemised bill. */
export function itemised(price: (bill: Bill) => void): LineItem[] {
  const bill = new Bill('itemised');
  price(bill);
  return bill.lines.map(toLineItem);
}

/** Sum of the lines whose name starts with `prefix` (all lines when omitted), rounded half-up to cents. */
export function cents(lines: readonly LineItem[], prefix = ''): string {
  return lines
    .filter((l) => l.name.startsWith(prefix))
    .reduce((sum, l) => sum.add(l.amountUsd), new Decimal(0))
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);
}

export function exact(lines: readonly LineItem[], prefix = ''): string {
  return lines
    .filter((l) => l.name.startsWith(prefix))
    .reduce((sum, l) => sum.add(l.amountUsd), new Decimal(0))
    .toString();
}
