// Prices all items of one service against a month's meter quantities, naming each line after its service.
import type { Meter, PricingFile, Service } from '../pricing/schema.js';
import type { Bill } from './bill.js';
import { priceItem } from './price-item.js';

/** A month's quantity of some meters; a meter not listed is 0. */
export type Usage = Partial<Record<Meter, number>>;

export function serviceById(file: PricingFile, id: string | undefined): Service | undefined {
  return id === undefined ? undefined : file.services.find((s) => s.id === id);
}

const ANY_MODE = () => true;

/**
 * Prices the items of `service` for the month's `usage` onto `bill`. `modeWanted` picks on-demand or
 * warm-capacity items; `meters`, when given, limits pricing to those meters (e.g. only egress from a network
 * service); `included` is usage that came with something else (DigitalOcean pools each droplet's transfer),
 * added to what the items include.
 */
export function priceServiceItems(
  service: Service,
  usage: Usage,
  applyFreeTier: boolean,
  bill: Bill,
  modeWanted: (mode: string) => boolean = ANY_MODE,
  meters?: readonly Meter[],
  included: Usage = {},
): void {
  const prefix = bill.itemised ? `${service.name}: ` : '';
  for (const item of service.items) {
    if (!modeWanted(item.mode) || (meters && !meters.includes(item.meter))) continue;
    priceItem(item, usage[item.meter] ?? 0, applyFreeTier, bill, prefix, included[item.meter]);
  }
}
