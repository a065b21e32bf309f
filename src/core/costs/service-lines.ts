// Prices all items of one service against a month's meter quantities, naming each line after its service.
import type { Meter, PricingFile, Service } from '../pricing/schema.js';
import { priceItem, type MoneyLine } from './price-item.js';

export function serviceById(file: PricingFile, id: string | undefined): Service | undefined {
  return id === undefined ? undefined : file.services.find((s) => s.id === id);
}

/**
 * Line items of `service` for the month's `usage`. `modeWanted` picks on-demand or warm-capacity items;
 * `meters`, when given, limits pricing to those meters (e.g. only egress from a network service).
 */
export function priceServiceItems(
  service: Service,
  usage: Readonly<Record<Meter, number>>,
  applyFreeTier: boolean,
  modeWanted: (mode: string) => boolean,
  meters?: readonly Meter[],
): MoneyLine[] {
  const lines: MoneyLine[] = [];
  for (const item of service.items) {
    if (!modeWanted(item.mode) || (meters && !meters.includes(item.meter))) continue;
    for (const line of priceItem(item, usage[item.meter], applyFreeTier)) lines.push({ ...line, name: `${service.name}: ${line.name}` });
  }
  return lines;
}
