// Servers (VMs, droplets, container tasks): what one can serve, how many each hour of the week needs,
// and what those instance-hours cost. Shared by the traditional and the hybrid options.
import type { PriceItem, Service } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { HOURS_PER_MONTH, HOURS_PER_WEEK, WEEKS_PER_MONTH, type TrafficWeek, type WeekShape } from '../traffic/week.js';
import { ASSUMPTIONS } from './assumptions.js';
import type { Bill } from './bill.js';
import { parsePrice, tablePrice, type Price } from './money.js';
import { firstUnitPrice, priceItem, pricedItem } from './price-item.js';

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
  /**
   * Prices `hours` instance-hours onto `bill`, on demand or at the committed price; `forTransfer`: hours run for
   * their transfer allowance alone (see transferHours), on a line of their own.
   */
  bill(hours: number, committed: boolean, bill: Bill, forTransfer?: boolean): void;
}

/** Said of instance-hours run for their transfer allowance alone. */
const TRANSFER_LABEL = ', kept for their transfer allowance';

function vmSize(service: Service, type: NonNullable<Service['instanceTypes']>[number]): ServerSize {
  const onDemand = tablePrice(type.hourlyUsd);
  const committedPrice = type.committed1yHourlyUsd === undefined ? undefined : tablePrice(type.committed1yHourlyUsd);
  const names = [false, true].flatMap((committed) =>
    [false, true].map((forTransfer) => `${service.name}: ${type.name} instances${committed ? ', 1-year commitment' : ''}${forTransfer ? TRANSFER_LABEL : ''}`),
  );
  return {
    name: type.name,
    vcpu: type.vcpu,
    memoryGib: type.memoryGib,
    sustainedVcpu: type.burstable && type.baselineCpuPercent !== undefined ? (type.vcpu * type.baselineCpuPercent) / 100 : type.vcpu,
    hourlyEstimate: Number(type.hourlyUsd),
    committedHourlyEstimate: type.committed1yHourlyUsd === undefined ? undefined : Number(type.committed1yHourlyUsd),
    includedEgressGb: type.includedEgressGb ?? 0,
    maxInstances: type.maxInstances ?? Infinity,
    bill: (hours, committed, bill, forTransfer = false) => {
      if (hours > 0) bill.add(names[(committed ? 2 : 0) + (forTransfer ? 1 : 0)]!, hours, 'instance-hour', committed ? committedPrice! : onDemand);
    },
  };
}

function taskSize(service: Service, vcpu: number, memoryGib: number): ServerSize {
  const items = service.items.filter((i) => i.meter === 'vcpu-hour' || i.meter === 'gb-hour');
  const priced = items.map(pricedItem);
  const perHour = (item: PriceItem) => (item.meter === 'vcpu-hour' ? vcpu : memoryGib);
  const name = `${vcpu} vCPU / ${memoryGib} GB task`;
  return {
    name,
    vcpu,
    memoryGib,
    sustainedVcpu: vcpu,
    hourlyEstimate: items.reduce((sum, item) => sum + perHour(item) * firstUnitPrice(item), 0),
    // Every size has every field (one object shape for the loops that read them); tasks sell no commitment.
    committedHourlyEstimate: undefined,
    includedEgressGb: 0,
    maxInstances: Infinity,
    // Tasks bring no transfer allowance, so none run for one.
    bill: (hours, _committed, bill) => {
      for (const rate of priced) priceItem(rate, hours * perHour(rate.item), false, bill, `${service.name}: ${name}, `);
    },
  };
}

/** Every size a traditional service offers; built once per loaded service. */
const sizeCache = new WeakMap<Service, ServerSize[]>();
export function serverSizes(service: Service): ServerSize[] {
  let sizes = sizeCache.get(service);
  if (!sizes) {
    const types = (service.instanceTypes ?? []).map((type) => vmSize(service, type));
    const tasks = (service.taskSizes ?? []).flatMap((row) => row.memoryGib.map((memory) => taskSize(service, row.vcpu, memory)));
    sizes = [...types, ...tasks];
    sizeCache.set(service, sizes);
  }
  return sizes;
}

/**
 * Requests per second one instance serves at the target utilisation: the lower of what its sustained vCPUs
 * can compute (CPU-ms per request) and how many requests fit in its memory at once (memory per in-flight
 * request × average duration, Little's law). 0 when one request does not fit at all.
 */
export function perInstanceRps(size: ServerSize, execution: WorkloadProfile['execution']): number {
  const memoryMb = size.memoryGib * 1024;
  const usableMb = memoryMb - Math.min(ASSUMPTIONS.reservedMemoryMbPerInstance, memoryMb * ASSUMPTIONS.reservedMemoryShare);
  const inFlight = Math.floor(usableMb / execution.memoryMb);
  if (inFlight < 1) return 0;
  const memoryRps = (inFlight * 1000) / execution.averageDurationMs;
  const cpuRps = execution.cpuMsPerRequest > 0 ? (size.sustainedVcpu * 1000) / execution.cpuMsPerRequest : Infinity;
  return Math.min(memoryRps, cpuRps) * ASSUMPTIONS.targetCpuUtilisation;
}

/**
 * The load a fleet must carry each hour, as requests per second, highest first: each hour's average × the
 * burst factor, held for the scale-in delay after it falls (the week wraps: Sunday night precedes Monday).
 * Computed once per week shape (kept with it) and shared by every size that is tried against it.
 */
function shapeDemand(shape: WeekShape, burstFactor: number): Float64Array {
  let demand = shape.derived.demand;
  if (!demand) {
    const hourly = shape.hourlyRps;
    demand = new Float64Array(HOURS_PER_WEEK);
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      let rps = hourly[h]!;
      for (let back = 1; back <= ASSUMPTIONS.scaleInDelayHours; back++) rps = Math.max(rps, hourly[(h - back + HOURS_PER_WEEK) % HOURS_PER_WEEK]!);
      demand[h] = rps * burstFactor;
    }
    demand.sort().reverse();
    shape.derived.demand = demand;
  }
  return demand;
}

/** The week's demand curve at the shape's own volume; multiply by `week.scale` for the week's. */
export function fleetDemand(week: TrafficWeek): Float64Array {
  return shapeDemand(week.shape, week.burstFactor);
}

export interface Fleet {
  /** Billed instance-hours a month. */
  hours: number;
  /** Most instances running at once. */
  peak: number;
}

/**
 * The last fleet counted for one size and mode, with the scales of its week's shape over which no hour's
 * instance count changes, [fromScale, untilScale): the same counts give the same fleet, to the last bit.
 * Months of growth mostly fall inside that range, and take the fleet without counting it again.
 */
export interface FleetMemo {
  shape: WeekShape | undefined;
  burstFactor: number;
  capacityRps: number;
  minInstances: number;
  cap: number;
  fromScale: number;
  untilScale: number;
  fleet: Fleet | undefined;
}

/** A memo that holds nothing yet (its range is empty). */
export function fleetMemo(): FleetMemo {
  return { shape: undefined, burstFactor: NaN, capacityRps: NaN, minInstances: NaN, cap: NaN, fromScale: Infinity, untilScale: -Infinity, fleet: undefined };
}

/**
 * The scale from which an hour of `demand` (at the shape's volume) needs more than `count` instances of
 * `capacityRps`: instancesFor rounds demand × scale ÷ capacity, less a 1e-9 tolerance, up. Taken a relative
 * 1e-12 lower, far more than the few float roundings between the two computations can move it.
 */
function scaleBeyond(demand: number, count: number, capacityRps: number): number {
  return demand > 0 ? (((count + 1e-9) * capacityRps) / demand) * (1 - 1e-12) : Infinity;
}

/**
 * A fleet of servers of `capacityRps` each for the week's demand: each hour runs max(minInstances,
 * ceil(load ÷ capacity)) instances. Fixed fleets run their peak all month; autoscaled ones bill each instance
 * for the hours it runs: with the hours sorted by load, instances c[j+1]+1 … c[j] run in exactly j+1 hours
 * a week.
 * A monthly cap (DigitalOcean bills a droplet at most 672 hours) applies per instance, on demand only.
 * With a `memo` (one per size and mode), a week of the same shape whose scale leaves every hour's count
 * as the last fleet counted left it gets that fleet back.
 */
export function fleetFor(week: TrafficWeek, capacityRps: number, minInstances: number, mode: 'autoscaled' | 'fixed' | 'committed', monthlyCapHours?: number, memo?: FleetMemo): Fleet {
  const cap = monthlyCapHours ?? Infinity;
  const scale = week.scale;
  if (
    memo &&
    memo.shape === week.shape &&
    scale >= memo.fromScale &&
    scale < memo.untilScale &&
    memo.burstFactor === week.burstFactor &&
    memo.capacityRps === capacityRps &&
    memo.minInstances === minInstances &&
    memo.cap === cap
  )
    return memo.fleet!;
  const demand = fleetDemand(week);
  // Demand is kept at the shape's volume: scaling the capacity instead saves scaling 168 hours.
  const capacity = capacityRps / scale;
  const peak = instancesFor(demand[0]!, capacity, minInstances);
  // Every count is unchanged below the scale where the busiest hour of some run of equal counts needs one more.
  let untilScale = scaleBeyond(demand[0]!, peak, capacityRps);
  let fleet: Fleet;
  if (mode === 'committed') fleet = { hours: peak * HOURS_PER_MONTH, peak };
  else if (mode === 'fixed') fleet = { hours: peak * Math.min(HOURS_PER_MONTH, cap), peak };
  else {
    let hours = 0;
    let running = peak;
    // Demand is sorted, so each count holds for a run of hours: find where each run ends by galloping, then
    // bisecting (counts are computed exactly as above, so the runs are the same as hour by hour). Once the
    // floor is reached every later hour runs just the floor.
    let start = 0;
    while (running > minInstances) {
      // instancesFor(demand[low]) === running; the run ends before `high`, or the week does.
      let low = start;
      let high = start + 1;
      for (let step = 2; high < HOURS_PER_WEEK && instancesFor(demand[high]!, capacity, minInstances) === running; step *= 2) {
        low = high;
        high = start + step;
      }
      high = Math.min(high, HOURS_PER_WEEK);
      while (high - low > 1) {
        const mid = (low + high) >> 1;
        if (instancesFor(demand[mid]!, capacity, minInstances) === running) low = mid;
        else high = mid;
      }
      if (high === HOURS_PER_WEEK) break;
      const next = instancesFor(demand[high]!, capacity, minInstances);
      // Instances next+1 … running run in exactly the `high` busiest hours of each week.
      hours += (running - next) * Math.min(high * WEEKS_PER_MONTH, cap);
      running = next;
      start = high;
      untilScale = Math.min(untilScale, scaleBeyond(demand[start]!, running, capacityRps));
    }
    fleet = { hours: hours + running * Math.min(HOURS_PER_MONTH, cap), peak };
  }
  if (memo) {
    memo.shape = week.shape;
    memo.burstFactor = week.burstFactor;
    memo.capacityRps = capacityRps;
    memo.minInstances = minInstances;
    memo.cap = cap;
    memo.fromScale = scale;
    memo.untilScale = untilScale;
    memo.fleet = fleet;
  }
  return fleet;
}

/** Instances an hour of `rps` needs at `capacity` each (the tolerance absorbs float noise on exact multiples). */
function instancesFor(rps: number, capacity: number, minInstances: number): number {
  return Math.max(minInstances, Math.ceil(rps / capacity - 1e-9));
}

/** Hours a fixed fleet of `instances` is billed a month. */
export function fixedInstanceHours(instances: number, monthlyCapHours: number | undefined): number {
  return instances * Math.min(HOURS_PER_MONTH, monthlyCapHours ?? Infinity);
}

/** Ops effort grows with the fleet, so a priced ops hour can make fewer, larger servers cheaper: its share of an instance-hour, as a float. */
export function opsPerInstanceHourUsd(profile: WorkloadProfile): number {
  return (Number(profile.team.opsHourlyRateUsd ?? 0) * ASSUMPTIONS.opsHoursPerMonth.traditionalPerInstance) / HOURS_PER_MONTH;
}

/** A profile's ops rate, parsed once per profile. */
const opsRates = new WeakMap<WorkloadProfile['team'], Price>();

/** Ops effort as a line item, when the profile prices an ops hour. */
export function opsLine(profile: WorkloadProfile, hours: number, bill: Bill): void {
  const rate = profile.team.opsHourlyRateUsd;
  if (rate === undefined || hours <= 0) return;
  let price = opsRates.get(profile.team);
  if (!price) opsRates.set(profile.team, (price = parsePrice(rate)));
  bill.add('ops effort', hours, 'hour', price);
}
