// Servers (VMs, droplets, container tasks): what one can serve, how many each hour of the week needs,
// and what those instance-hours cost. Shared by the traditional and the hybrid options.
import { Decimal } from 'decimal.js';
import type { PriceItem, Service } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_MONTH, HOURS_PER_WEEK, WEEKS_PER_MONTH, type TrafficWeek } from '../traffic/week.js';
import { ASSUMPTIONS } from './assumptions.js';
import { firstUnitPrice, moneyLine, priceItem, type MoneyLine } from './price-item.js';

/** One size of server a service offers: a VM type, or a container task size priced per vCPU and GB. */
export interface ServerSize {
  name: string;
  vcpu: number;
  memoryGib: number;
  /** vCPUs of sustained work: all of them, or a burstable type's baseline share. */
  sustainedVcpu: number;
  /** Price per instance-hour as a float, for ranking sizes only; bills use `lines`. */
  hourlyEstimate: number;
  committedHourlyEstimate?: number;
  includedEgressGb: number;
  /** Largest fleet this size may run. */
  maxInstances: number;
  /** Exact line items for `hours` instance-hours, on demand or at the committed price. */
  lines(hours: number, committed: boolean): MoneyLine[];
}

function vmSize(service: Service, type: NonNullable<Service['instanceTypes']>[number]): ServerSize {
  return {
    name: type.name,
    vcpu: type.vcpu,
    memoryGib: type.memoryGib,
    sustainedVcpu: type.burstable && type.baselineCpuPercent !== undefined ? (type.vcpu * type.baselineCpuPercent) / 100 : type.vcpu,
    hourlyEstimate: Number(type.hourlyUsd),
    committedHourlyEstimate: type.committed1yHourlyUsd === undefined ? undefined : Number(type.committed1yHourlyUsd),
    includedEgressGb: type.includedEgressGb ?? 0,
    maxInstances: type.maxInstances ?? Infinity,
    lines: (hours, committed) =>
      hours > 0
        ? [
            moneyLine(
              `${service.name}: ${type.name} instances${committed ? ', 1-year commitment' : ''}`,
              hours,
              'instance-hour',
              committed ? type.committed1yHourlyUsd! : type.hourlyUsd,
            ),
          ]
        : [],
  };
}

function taskSize(service: Service, vcpu: number, memoryGib: number): ServerSize {
  const items = service.items.filter((i) => i.meter === 'vcpu-hour' || i.meter === 'gb-hour');
  const perHour = (item: PriceItem) => (item.meter === 'vcpu-hour' ? vcpu : memoryGib);
  const name = `${vcpu} vCPU / ${memoryGib} GB task`;
  return {
    name,
    vcpu,
    memoryGib,
    sustainedVcpu: vcpu,
    hourlyEstimate: items.reduce((sum, item) => sum + perHour(item) * firstUnitPrice(item), 0),
    includedEgressGb: 0,
    maxInstances: Infinity,
    lines: (hours) =>
      items.flatMap((item) =>
        priceItem(item, hours * perHour(item), false).map((line) => ({ ...line, name: `${service.name}: ${name}, ${line.name}` })),
      ),
  };
}

/** Every size a traditional service offers. */
export function serverSizes(service: Service): ServerSize[] {
  const types = (service.instanceTypes ?? []).map((type) => vmSize(service, type));
  const tasks = (service.taskSizes ?? []).flatMap((row) => row.memoryGib.map((memory) => taskSize(service, row.vcpu, memory)));
  return [...types, ...tasks];
}

/**
 * Requests per second one instance serves at the target utilisation: the lower of what its sustained vCPUs
 * can compute (CPU-ms per request) and how many requests fit in its memory at once (memory per in-flight
 * request × average duration, Little's law). 0 when one request does not fit at all.
 */
export function perInstanceRps(size: ServerSize, execution: WorkloadProfile['execution']): number {
  const usableMb = size.memoryGib * 1024 - ASSUMPTIONS.reservedMemoryMbPerInstance;
  const inFlight = Math.floor(usableMb / execution.memoryMb);
  if (inFlight < 1) return 0;
  const memoryRps = (inFlight * 1000) / execution.averageDurationMs;
  const cpuRps = execution.cpuMsPerRequest > 0 ? (size.sustainedVcpu * 1000) / execution.cpuMsPerRequest : Infinity;
  return Math.min(memoryRps, cpuRps) * ASSUMPTIONS.targetCpuUtilisation;
}

/**
 * Instances each hour of the week: max(availability minimum, ceil(peak load ÷ capacity)), kept for the
 * scale-in delay after the load falls (the week wraps around: Sunday night precedes Monday morning).
 */
export function instancesPerHour(week: TrafficWeek, capacityRps: number, minInstances: number): Int32Array {
  const needed = new Int32Array(HOURS_PER_WEEK);
  for (let h = 0; h < HOURS_PER_WEEK; h++)
    needed[h] = Math.max(minInstances, Math.ceil((week.hourlyRps[h]! * week.burstFactor) / capacityRps - 1e-9));
  const counts = new Int32Array(HOURS_PER_WEEK);
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    let count = needed[h]!;
    for (let back = 1; back <= ASSUMPTIONS.scaleInDelayHours; back++) count = Math.max(count, needed[(h - back + HOURS_PER_WEEK) % HOURS_PER_WEEK]!);
    counts[h] = count;
  }
  return counts;
}

/**
 * Billed instance-hours a month when the fleet follows `counts`: instance k (1st, 2nd, …) runs in the hours
 * where at least k are needed. A monthly cap (DigitalOcean bills at most 672 hours per droplet) applies per
 * instance. With the counts sorted high to low, instances c[j+1]+1 … c[j] each run in exactly j+1 hours.
 */
export function billedInstanceHours(counts: Int32Array, monthlyCapHours: number | undefined): number {
  const sorted = Int32Array.from(counts).sort().reverse();
  const cap = monthlyCapHours ?? Infinity;
  let total = 0;
  for (let j = 0; j < sorted.length; j++) {
    const instances = sorted[j]! - (sorted[j + 1] ?? 0);
    if (instances > 0) total += instances * Math.min((j + 1) * WEEKS_PER_MONTH, cap);
  }
  return total;
}

/** Hours a fixed fleet of `instances` is billed a month. */
export function fixedInstanceHours(instances: number, monthlyCapHours: number | undefined): number {
  return instances * Math.min(HOURS_PER_MONTH, monthlyCapHours ?? Infinity);
}

/** Ops effort as a line item, when the profile prices an ops hour. */
export function opsLine(profile: WorkloadProfile, hours: number): MoneyLine[] {
  const rate = profile.team.opsHourlyRateUsd;
  return rate === undefined || hours <= 0 ? [] : [moneyLine('ops effort', hours, 'hour', new Decimal(rate))];
}
