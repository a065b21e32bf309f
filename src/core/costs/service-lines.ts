// Prices all items of one service against a month's meter quantities, naming each line after its service.
import type { Meter, PricingFile, Service } from '../pricing/schema.js';
import type { Bill } from './bill.js';
import { priceItem, pricedItem, type PricedItem } from './price-item.js';

/** A month's quantity of some meters; a meter not listed is 0. */
export type Usage = Partial<Record<Meter, number>>;

export function serviceById(file: PricingFile, id: string | undefined): Service | undefined {
  return id === undefined ? undefined : file.services.find((s) => s.id === id);
}

/** Which of a service's items apply: all of them, or those of one function mode (and the mode-less ones). */
export type ItemMode = 'all' | 'on-demand' | 'provisioned';

/** A service's items for one mode and meter set, chosen once per loaded service rather than on every month. */
const ALL_METERS: readonly Meter[] = [];
const selections = new WeakMap<Service, Map<readonly Meter[], Partial<Record<ItemMode, readonly PricedItem[]>>>>();
export function itemsOf(service: Service, mode: ItemMode, meters: readonly Meter[] = ALL_METERS): readonly PricedItem[] {
  let byMeters = selections.get(service);
  if (!byMeters) selections.set(service, (byMeters = new Map()));
  let byMode = byMeters.get(meters);
  if (!byMode) byMeters.set(meters, (byMode = {}));
  return (byMode[mode] ??= service.items
    .filter((item) => (mode === 'all' || item.mode === 'any' || item.mode === mode) && (meters === ALL_METERS || meters.includes(item.meter)))
    .map(pricedItem));
}

/**
 * Prices the items of `service` for the month's `usage` onto `bill`. `mode` picks on-demand or warm-capacity
 * items; `meters`, when given, limits pricing to those meters (e.g. only egress from a network service);
 * `included` is usage that came with something else (DigitalOcean pools each droplet's transfer), added to
 * what the items include.
 */
export function priceServiceItems(
  service: Service,
  usage: Usage,
  applyFreeTier: boolean,
  bill: Bill,
  mode: ItemMode = 'all',
  meters?: readonly Meter[],
  included?: Usage,
): void {
  priceItems(service, itemsOf(service, mode, meters), usage, applyFreeTier, bill, included);
}

/**
 * priceServiceItems with the service's items already chosen (itemsOf): plans that price month after month
 * choose them once.
 */
export function priceItems(service: Service, items: readonly PricedItem[], usage: Usage, applyFreeTier: boolean, bill: Bill, included?: Usage): void {
  const prefix = bill.itemised ? `${service.name}: ` : '';
  for (const priced of items) {
    const meter = priced.meter;
    priceItem(priced, usage[meter] ?? 0, applyFreeTier, bill, prefix, included?.[meter]);
  }
}
