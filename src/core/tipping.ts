// Tipping points (SPEC §10): for each key input, the nearest value at which the cheaper of the best
// serverless and the best traditional option changes — "this flips to traditional above 41.2M requests a
// month" — found by search on the real cost functions. The comparison is the break-even's: hybrids, which
// mix both, are left out.
import { prepareOptions, type PreparedOptions, type PureSide } from './costs/options.js';
import { bisectFlip, sideAtVolume, VOLUME_GRID } from './costs/report.js';
import { invocationOf, runLimitMs } from './costs/serverless.js';
import type { Evaluation } from './evaluation/schema.js';
import type { PricingFile } from './pricing/schema.js';
import type { WorkloadProfile } from './profile/schema.js';
import { monthlyRequestsOf, trafficWeek } from './traffic/week.js';

interface Input {
  name: string;
  current: number;
  low: number;
  high: number;
  /** Whether the value found is shown as a whole number. */
  integer: boolean;
  /** Set in whole units (memory, in MB): bisected to the unit, so a platform's limit is found exactly. */
  wholeUnits: boolean;
  /** Values at which the workload meets a platform's limit exactly: a flip found next to one is put on it. */
  limits: readonly number[];
  /** The cheaper side with the input at `value` (memory is probed in whole MB, as it is configured). */
  side(value: number): PureSide;
}

/** Which pure architecture is cheaper for `profile` in its first month. */
function cheaperSide(files: readonly PricingFile[], profile: WorkloadProfile): PureSide {
  return prepareOptions(files, profile, profile.minInstances).cheaperSide(trafficWeek(profile.traffic));
}

/**
 * The inputs searched. Volume and peak change only the traffic, which options do not read: the options
 * prepared once (`trafficOnly`) are priced at each probe's week. Duration and memory re-prepare them.
 */
function inputs(files: readonly PricingFile[], profile: WorkloadProfile, trafficOnly: PreparedOptions): Input[] {
  const withProfile = (p: WorkloadProfile) => cheaperSide(files, p);
  const volume = monthlyRequestsOf(profile.traffic);
  const week = trafficWeek(profile.traffic);
  const { execution } = profile;
  const list: Input[] = [];
  if (volume > 0)
    list.push({
      name: 'monthlyRequests',
      current: volume,
      low: Math.max(1000, volume / 1000),
      high: Math.min(1e13, volume * 1000),
      integer: true,
      wholeUnits: false,
      limits: [],
      side: (v) => sideAtVolume(trafficOnly, profile.traffic, v),
    });
  // Copies made with Object.assign, not spread: a spread copy gets a hidden class of its own (see the profile
  // schema's Traffic), and each search probes a dozen of them.
  const withExecution = (changes: Partial<WorkloadProfile['execution']>): WorkloadProfile =>
    Object.assign({}, profile, { execution: Object.assign({}, execution, changes) });
  const scaleDuration = (factor: number) =>
    withExecution({
      averageDurationMs: execution.averageDurationMs * factor,
      p99DurationMs: execution.p99DurationMs * factor,
      maxDurationMs: execution.maxDurationMs * factor,
      cpuMsPerRequest: execution.cpuMsPerRequest * factor,
    });
  list.push({
    name: 'averageDurationMs',
    current: execution.averageDurationMs,
    low: Math.max(1, execution.averageDurationMs / 100),
    high: Math.min(3_600_000, execution.averageDurationMs * 100),
    integer: false,
    wholeUnits: false,
    limits: durationLimits(files, profile),
    side: (v) => withProfile(scaleDuration(v / execution.averageDurationMs)),
  });
  list.push({
    name: 'memoryMb',
    current: execution.memoryMb,
    low: 128,
    high: 16_384,
    integer: true,
    wholeUnits: true,
    limits: [],
    side: (v) => withProfile(withExecution({ memoryMb: Math.round(v) })),
  });
  if (week.averageRps > 0)
    list.push({
      name: 'peakToAverageRatio',
      current: week.peakRps / week.averageRps,
      low: week.busiestHourRps / week.averageRps,
      high: 50,
      integer: false,
      wholeUnits: false,
      limits: [],
      side: (v) => trafficOnly.cheaperSide(trafficWeek(Object.assign({}, profile.traffic, { peakRps: v * week.averageRps }))),
    });
  return list.filter((input) => input.low < input.high);
}

/**
 * The nearest value of `input` that flips the side: stepping ×2 up and down from the current value (for
 * monthly requests, along the break-even's own volume grid, so both searches bracket the same crossing),
 * then bisecting the last step to 0.1% (memory: to the MB).
 */
function searchInput(input: Input, now: PureSide) {
  const sideAt = input.side;
  const start = Math.min(Math.max(input.current, input.low), input.high);
  const grid =
    input.name === 'monthlyRequests'
      ? [VOLUME_GRID.filter((v) => v > start && v <= input.high), [...VOLUME_GRID].reverse().filter((v) => v < start && v >= input.low)]
      : [2, 0.5].map((factor) => {
          const points: number[] = [];
          for (let v = start * factor; points.length < 12; v *= factor) {
            const bounded = Math.min(Math.max(v, input.low), input.high);
            if (bounded === (points.at(-1) ?? start)) break;
            points.push(bounded);
          }
          return points;
        });
  const found: Array<{ flipsAt: number; to: PureSide; distance: number }> = [];
  for (const points of grid) {
    let previous = start;
    for (const next of points) {
      const side = sideAt(next);
      // Where no pure option can run the workload at all, the search stops: that is a limit, not a flip.
      if (side === 'none') break;
      if (side !== now) {
        const flipped = (s: PureSide) => s !== now && s !== 'none';
        const { value, inside, at } = bisectFlip(previous, next, sideAt, flipped, side, input.wholeUnits);
        const onLimit = limitAt(input, inside, value, now, flipped);
        const flipsAt = onLimit ? onLimit.value : input.integer ? Math.round(value) : Number(value.toPrecision(4));
        found.push({ flipsAt, to: onLimit?.to ?? at, distance: Math.abs(Math.log(flipsAt / input.current)) });
        break;
      }
      previous = next;
    }
  }
  // The nearer of the flips found going up and going down.
  return found.sort((a, b) => a.distance - b.distance)[0];
}

/**
 * The platform limit a flip sits on, when one lies between the last value on each side of it and the side
 * changes right there: "above 900000 ms", where the bisection alone would say 900200.
 */
function limitAt(input: Input, inside: number, outside: number, now: PureSide, flipped: (s: PureSide) => boolean): { value: number; to: PureSide } | undefined {
  const [low, high] = inside < outside ? [inside, outside] : [outside, inside];
  for (const limit of input.limits) {
    if (limit < low || limit > high) continue;
    const [before, after] = inside < outside ? [limit * (1 - 1e-9), limit * (1 + 1e-9)] : [limit * (1 + 1e-9), limit * (1 - 1e-9)];
    const to = input.side(after);
    if (input.side(before) === now && flipped(to)) return { value: Number(limit.toFixed(3)), to };
  }
  return undefined;
}

/**
 * The average durations at which a run reaches a limit exactly, durations scaling together as the search
 * scales them: a function's run limit for the trigger (a whole batch for queues and streams), its CPU limit,
 * and an HTTP gateway's timeout.
 */
function durationLimits(files: readonly PricingFile[], profile: WorkloadProfile): number[] {
  const { execution } = profile;
  const limits: number[] = [];
  for (const file of files) {
    const batched = invocationOf(file, profile).execution;
    for (const service of file.services) {
      if (service.kind === 'function') {
        const runMs = runLimitMs(service, profile.trigger);
        if (runMs !== undefined) limits.push((runMs / batched.maxDurationMs) * execution.averageDurationMs);
        const cpuMs = service.limits?.maxCpuMsPerRequest;
        if (cpuMs !== undefined && batched.cpuMsPerRequest > 0) limits.push((cpuMs / batched.cpuMsPerRequest) * execution.averageDurationMs);
      } else if (service.kind === 'gateway' && profile.trigger === 'http' && service.limits?.maxDurationMs !== undefined)
        limits.push((service.limits.maxDurationMs / execution.maxDurationMs) * execution.averageDurationMs);
    }
  }
  return limits;
}

export function tippingPoints(
  files: readonly PricingFile[],
  profile: WorkloadProfile,
  /** The profile's options, prepared once by the evaluation and shared with its cost report. */
  trafficOnly: PreparedOptions,
): Evaluation['tippingPoints'] {
  // An evaluation has a feasible option, and a hybrid needs a feasible function: `now` is never 'none'.
  const now = trafficOnly.cheaperSide(trafficWeek(profile.traffic));
  const points = inputs(files, profile, trafficOnly).flatMap((input) => {
    const found = searchInput(input, now);
    return found ? [{ input: input.name, currentValue: Number(input.current.toPrecision(6)), flipsAt: found.flipsAt, from: now, to: found.to }] : [];
  });
  return [...points, ...growthTip(profile, points.find((p) => p.input === 'monthlyRequests'))];
}

/**
 * Growth: the monthly rate at which the horizon's last month reaches the volume tipping point. A month's
 * costs depend only on its own volume, so this follows from the volume search without pricing again:
 * volume × (1 + g)^(months − 1) = flip volume.
 */
function growthTip(profile: WorkloadProfile, volumeTip: Evaluation['tippingPoints'][number] | undefined): Evaluation['tippingPoints'] {
  if (!volumeTip || profile.horizonMonths < 2) return [];
  const growth = (Math.pow(volumeTip.flipsAt / volumeTip.currentValue, 1 / (profile.horizonMonths - 1)) - 1) * 100;
  return [{ input: 'growthPercentPerMonth', currentValue: profile.traffic.growthPercentPerMonth, flipsAt: Number(growth.toPrecision(4)), from: volumeTip.from, to: volumeTip.to }];
}
