// What a server fleet needs around it: a load balancer, egress, public IPv4 addresses. Priced from the
// provider's own load-balancer and network services with the one generic pricing function.
import type { Service } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_MONTH, HOURS_PER_WEEK, WEEKS_PER_MONTH, type TrafficWeek } from '../traffic/week.js';
import { ASSUMPTIONS } from './assumptions.js';
import type { MoneyLine } from './price-item.js';
import { priceServiceItems } from './service-lines.js';
import { usageOf } from './usage.js';


const KB_PER_GB = 1024 * 1024;
export function egressGb(requests: number, execution: WorkloadProfile['execution']): number {
  return (requests * execution.egressKbPerResponse) / KB_PER_GB;
}

/**
 * Application Load Balancer capacity units: each hour is billed on its busiest dimension; the two that
 * a request/response API moves are new connections (25 per second per LCU) and bytes processed (1 GB per
 * hour per LCU). https://aws.amazon.com/elasticloadbalancing/pricing/
 */
export function lcuHours(week: TrafficWeek, execution: WorkloadProfile['execution']): number {
  const kbPerRequest = execution.payloadKb + execution.egressKbPerResponse;
  let total = 0;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const rps = week.hourlyRps[h]!;
    const byConnections = (rps * ASSUMPTIONS.newConnectionsPerRequest) / 25;
    const byBytes = (rps * 3600 * kbPerRequest) / KB_PER_GB;
    total += Math.max(byConnections, byBytes);
  }
  return total * WEEKS_PER_MONTH;
}

export function loadBalancerLines(lb: Service, week: TrafficWeek, profile: WorkloadProfile, applyFreeTier: boolean): MoneyLine[] {
  const usage = usageOf({
    'lb-hour': HOURS_PER_MONTH,
    'lcu-hour': lcuHours(week, profile.execution),
    'egress-gb': egressGb(week.monthlyRequests, profile.execution),
    month: 1,
  });
  return priceServiceItems(lb, usage, applyFreeTier, () => true);
}

/**
 * Egress and public IPv4 from the provider's network service. `includedEgressGb` is transfer that comes
 * with the servers (DigitalOcean pools each droplet's allowance): shown as included, then charged above it.
 */
export function networkLines(
  network: Service,
  args: { egressGb: number; ipHours: number; includedEgressGb: number; applyFreeTier: boolean },
): MoneyLine[] {
  const service =
    args.includedEgressGb > 0
      ? { ...network, items: network.items.map((i) => (i.meter === 'egress-gb' ? { ...i, included: (i.included ?? 0) + args.includedEgressGb } : i)) }
      : network;
  return priceServiceItems(service, usageOf({ 'egress-gb': args.egressGb, 'ip-hour': args.ipHours }), args.applyFreeTier, () => true, [
    'egress-gb',
    'ip-hour',
  ]);
}
