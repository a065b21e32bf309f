// Tipping points (SPEC §10): for each key input, the nearest value at which the answer changes, found by
// search on the real functions. Two answers are searched: the recommendation itself (every probe prices the
// options, derives the facts and runs the rules, as an evaluation does) and the cheaper of the best
// serverless and the best traditional option — "traditional becomes cheaper above 41.2M requests a month",
// the break-even's comparison, hybrids left out.
import { prepareOptions, type PreparedOptions, type PureSide } from './costs/options.js';
import { bisectFlip, sideAtVolume, VOLUME_GRID } from './costs/report.js';
import { invocationOf, runLimitMs } from './costs/serverless.js';
import type { Evaluation } from './evaluation/schema.js';
import { recommendedArchitecture } from './judge.js';
import type { PricingFile } from './pricing/schema.js';
import type { WorkloadProfile } from './profile/schema.js';
import { FACT_INDEX, type FactValue } from './rules/facts.js';
import type { LoadedRuleset } from './rules/load.js';
import { thresholdsOf } from './rules/representatives.js';
import { toSignificant } from './significant.js';
import { monthlyRequestsOf, trafficWeek } from './traffic/week.js';

/** What a probe answers: an architecture, or 'none' where nothing can run the workload (the search stops there). */
type Answer = string;

interface Input {
  name: string;
  current: number;
  low: number;
  high: number;
  /** Whether the value found is shown as a whole number. */
  integer: boolean;
  /**
   * Set in whole units (memory, in MB): the cost search bisects to the unit, so a platform's limit is found
   * exactly; the recommendation's, to 1% like any other input, its `limits` putting a flip on a limit.
   */
  wholeUnits: boolean;
  /** Values at which the workload meets a platform's limit exactly: a flip found next to one is put on it. */
  limits: readonly number[];
  /** Values at which a rule's comparison turns (see ruleThresholds): the recommendation's flips are put on them. */
  thresholds: readonly number[];
  /** The cheaper side with the input at `value` (memory is probed in whole MB, as it is configured). */
  side(value: number): PureSide;
  /** The recommended architecture with the input at `value`. */
  recommendation(value: number): Answer;
}

/**
 * The inputs searched. Volume and peak change only the traffic, which options do not read: the options
 * prepared once (`trafficOnly`) are priced at each probe's week. Duration and memory re-prepare them.
 */
function inputs(files: readonly PricingFile[], profile: WorkloadProfile, ruleset: LoadedRuleset, trafficOnly: PreparedOptions, facts: readonly FactValue[]): Input[] {
  const cheaperAt = (p: WorkloadProfile) => prepareOptions(files, p, p.minInstances).cheaperSide(trafficWeek(p.traffic));
  const recommendedAt = (p: WorkloadProfile, options?: PreparedOptions) => recommendedArchitecture(files, p, ruleset, options);
  const volume = monthlyRequestsOf(profile.traffic);
  const week = trafficWeek(profile.traffic);
  const { execution, traffic } = profile;
  // Copies made with Object.assign, not spread: a spread copy gets a hidden class of its own (see the profile
  // schema's Traffic), and each search probes a dozen of them.
  const withTraffic = (changes: Partial<WorkloadProfile['traffic']>): WorkloadProfile =>
    Object.assign({}, profile, { traffic: Object.assign({}, traffic, changes) });
  const withExecution = (changes: Partial<WorkloadProfile['execution']>): WorkloadProfile =>
    Object.assign({}, profile, { execution: Object.assign({}, execution, changes) });
  const thresholds = (current: number, proportional: readonly string[]) => ruleThresholds(ruleset, facts, current, proportional);
  const list: Input[] = [];
  if (volume > 0)
    list.push({
      name: 'monthlyRequests',
      current: volume,
      low: Math.ceil(Math.max(1000, volume / 1000)),
      high: Math.floor(Math.min(1e13, volume * 1000)),
      integer: true,
      wholeUnits: false,
      limits: [],
      // The break-even is the same at any volume of this shape, so the volume's ratio to it moves with the volume.
      thresholds: thresholds(volume, ['monthlyRequests', 'averageRps', 'peakRps', 'averageConcurrency', 'peakConcurrency', 'volumeToBreakEvenRatio']),
      side: (v) => sideAtVolume(trafficOnly, traffic, v),
      // The same shape at another volume: the prepared options (and the sides their break-even search has
      // found by volume, which hold for any volume of this shape) are shared.
      recommendation: (v) =>
        recommendedAt(
          withTraffic({ monthlyRequests: v, averageRps: undefined, peakRps: traffic.peakRps === undefined ? undefined : (traffic.peakRps * v) / volume }),
          trafficOnly,
        ),
    });
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
    low: fourDigits(Math.max(1, execution.averageDurationMs / 100), true),
    high: fourDigits(Math.min(3_600_000, execution.averageDurationMs * 100), false),
    integer: false,
    wholeUnits: false,
    limits: durationLimits(files, profile),
    thresholds: thresholds(execution.averageDurationMs, ['averageDurationMs', 'maxDurationMs', 'cpuMsPerRequest', 'averageConcurrency', 'peakConcurrency']),
    side: (v) => cheaperAt(scaleDuration(v / execution.averageDurationMs)),
    recommendation: (v) => recommendedAt(scaleDuration(v / execution.averageDurationMs)),
  });
  const withMemory = (v: number) => withExecution({ memoryMb: Math.round(v) });
  list.push({
    name: 'memoryMb',
    current: execution.memoryMb,
    low: 128,
    high: 16_384,
    integer: true,
    wholeUnits: true,
    // Between the largest size a function platform allows and the next whole MB, which no probe lands on.
    limits: files.flatMap((file) => file.services.flatMap((service) => (service.kind === 'function' && service.limits?.maxMemoryMb !== undefined ? [service.limits.maxMemoryMb + 0.5] : []))),
    // Whole MB again: a rule turning at 3008 MB turns between 3007 and 3008 (gte) or 3008 and 3009 (gt).
    thresholds: thresholds(execution.memoryMb, ['memoryMb']).flatMap((mb) => [mb - 0.5, mb + 0.5]),
    side: (v) => cheaperAt(withMemory(v)),
    recommendation: (v) => recommendedAt(withMemory(v)),
  });
  if (week.averageRps > 0) {
    const withPeak = (v: number) => withTraffic({ peakRps: v * week.averageRps });
    list.push({
      name: 'peakToAverageRatio',
      current: week.peakRps / week.averageRps,
      low: fourDigits(week.busiestHourRps / week.averageRps, true),
      high: 50,
      integer: false,
      wholeUnits: false,
      limits: [],
      thresholds: thresholds(week.peakRps / week.averageRps, ['peakToAverageRatio', 'peakRps', 'peakConcurrency']),
      side: (v) => trafficOnly.cheaperSide(trafficWeek(withPeak(v).traffic)),
      // Another shape: options of its own, since what a search learns by volume holds for one shape only.
      recommendation: (v) => recommendedAt(withPeak(v)),
    });
  }
  return list.filter((input) => input.low < input.high);
}

/** How a search steps and how finely it bisects. */
interface Search {
  answerAt(value: number): Answer;
  /** Step along the break-even's own volume grid (×4), so both searches bracket the same crossing; else by `step`. */
  volumeGrid: boolean;
  step: number;
  /** Relative width the bisection stops at. */
  tolerance: number;
  /** Whether an input set in whole units is bisected to the unit rather than to `tolerance`. */
  wholeUnits: boolean;
  /** Values a flip found next to is put on, when the answer changes right there. */
  limits: readonly number[];
}

/**
 * A value of the input as a tipping point shows it: whole (requests, MB) or to 4 significant digits. Searches
 * probe only such values, so the flip shown is a value probed, where the answer found holds: a flip rounded
 * after the search could land where costs step and the verdict turns back for a window narrower than the
 * rounding (traditional from 1215.05 to 1215.4 ms only, serverless again down to 1210.5 ms).
 */
const shownValue = (input: Input) => (input.integer ? Math.round : (value: number) => toSignificant(value, 4));

/** `value` to 4 significant digits, rounded up or down: the bounds of an input's range, kept inside it. */
function fourDigits(value: number, up: boolean): number {
  const step = 10 ** (Math.floor(Math.log10(value)) - 3);
  // The 1e-9 keeps a value already at 4 digits (17.77, whose quotient reads 1777.0000000000002) where it is.
  return toSignificant((up ? Math.ceil(value / step - 1e-9) : Math.floor(value / step + 1e-9)) * step, 4);
}

/** The values a search probes in each direction from `start`, nearest first, within the input's range. */
function gridFrom(input: Input, start: number, { volumeGrid, step }: Search): number[][] {
  if (volumeGrid)
    return [VOLUME_GRID.filter((v) => v > start && v <= input.high), [...VOLUME_GRID].reverse().filter((v) => v < start && v >= input.low)];
  const shown = shownValue(input);
  return [step, 1 / step].map((factor) => {
    const points: number[] = [];
    for (let v = start * factor; points.length < 12; v *= factor) {
      const bounded = Math.min(Math.max(shown(v), input.low), input.high);
      if (bounded === (points.at(-1) ?? start)) break;
      points.push(bounded);
    }
    return points;
  });
}

/**
 * The nearest value of `input` at which the search's answer stops being `now`: stepping up and down from
 * the current value, nearest points first, then bisecting the step where the answer changed. A direction is
 * scanned no further than a flip already found in the other could be beaten: whatever lies past that is
 * farther. Each flip that could still be the nearest is bisected, and the nearer one is kept.
 */
function searchInput(input: Input, search: Search, now: Answer) {
  const { answerAt } = search;
  const start = Math.min(Math.max(input.current, input.low), input.high);
  const distance = (v: number) => Math.abs(Math.log(v / start));
  const directions = gridFrom(input, start, search).map((points) => ({ points, next: 0, previous: start, done: points.length === 0 }));
  const flipped = (answer: Answer) => answer !== now && answer !== 'none';
  const brackets: Array<{ inside: number; outside: number; answer: Answer }> = [];
  let beaten = Infinity;
  for (;;) {
    // The direction whose next point is nearer the start goes next.
    const open = directions.filter((d) => !d.done);
    if (open.length === 0) break;
    const direction = open.reduce((a, b) => (distance(b.points[b.next]!) < distance(a.points[a.next]!) ? b : a));
    if (distance(direction.previous) >= beaten) {
      direction.done = true;
      continue;
    }
    const value = direction.points[direction.next++]!;
    const answer = answerAt(value);
    // Where nothing can run the workload at all, the search stops: that is a limit, not a flip.
    if (answer === 'none') direction.done = true;
    else if (answer !== now) {
      brackets.push({ inside: direction.previous, outside: value, answer });
      beaten = Math.min(beaten, distance(value));
      direction.done = true;
    } else direction.previous = value;
    if (direction.next === direction.points.length) direction.done = true;
  }
  const found = brackets.map(({ inside, outside, answer }) => {
    const bisected = bisectFlip(inside, outside, answerAt, flipped, answer, {
      whole: search.wholeUnits && input.wholeUnits,
      tolerance: search.tolerance,
      shown: shownValue(input),
    });
    const onLimit = limitAt(search.limits, answerAt, bisected.inside, bisected.value, now, flipped);
    // On a limit, a whole-unit input flips at the first whole value past it.
    const flipsAt = pastCurrent(onLimit ? (input.integer ? outward(onLimit.past, onLimit.past > input.current) : onLimit.value) : bisected.value, input, bisected.value > input.current);
    return { flipsAt, to: onLimit?.to ?? bisected.at, distance: Math.abs(Math.log(flipsAt / input.current)) };
  });
  // The nearer of the flips found going up and going down.
  return found.sort((a, b) => a.distance - b.distance)[0];
}

/** The current value as a tipping point shows it. */
const shownCurrent = (input: Input) => Number(input.current.toPrecision(6));

/**
 * A flip on the far side of the current value as shown, so that which way it lies can be read from the two:
 * a rule's threshold can sit on the current value itself (a diurnal week's peak is 1.5× the average, where
 * flat-traffic stops firing), and the flip is then one unit of the sixth digit past it.
 */
function pastCurrent(flipsAt: number, input: Input, up: boolean): number {
  const current = shownCurrent(input);
  if (up ? flipsAt > current : flipsAt < current) return flipsAt;
  const unit = 10 ** (Math.floor(Math.log10(current)) - 5);
  return toSignificant(current + (up ? unit : -unit), 6);
}

const outward = (value: number, up: boolean) => (up ? Math.ceil(value) : Math.floor(value));

/**
 * The platform limit a flip sits on, when one lies between the last value on each side of it and the answer
 * changes right there: "above 900000 ms", where the bisection alone would say 900200.
 */
function limitAt(
  limits: readonly number[],
  answerAt: (value: number) => Answer,
  inside: number,
  outside: number,
  now: Answer,
  flipped: (answer: Answer) => boolean,
): { value: number; past: number; to: Answer } | undefined {
  const [low, high] = inside < outside ? [inside, outside] : [outside, inside];
  for (const limit of limits) {
    if (limit < low || limit > high) continue;
    const [before, after] = inside < outside ? [limit * (1 - 1e-9), limit * (1 + 1e-9)] : [limit * (1 + 1e-9), limit * (1 - 1e-9)];
    const to = answerAt(after);
    // To the thousandth, rounded past the limit: a limit scaled from a rule's threshold is rarely round.
    const value = (inside < outside ? Math.ceil(limit * 1000 - 1e-6) : Math.floor(limit * 1000 + 1e-6)) / 1000;
    if (answerAt(before) === now && flipped(to)) return { value, past: after, to };
  }
  return undefined;
}

/**
 * Values of an input at which a rule's comparison turns: the numbers the ruleset compares each fact in
 * `proportional` with, for facts that move in proportion to the input as its search changes it (averageRps
 * with the volume, peakConcurrency with the duration), scaled from the fact's value now. A flip bisected
 * next to one is put on it: "below 525.6M requests a month", where 200 requests a second stop being high
 * steady volume, not the 524.3M a 1% bisection stopped at.
 */
function ruleThresholds(ruleset: LoadedRuleset, facts: readonly FactValue[], current: number, proportional: readonly string[]): number[] {
  return proportional.flatMap((name) => {
    const now = facts[FACT_INDEX.get(name)!];
    return typeof now === 'number' && now > 0 ? thresholdsOf(ruleset.ruleset, name).map((threshold) => (threshold / now) * current) : [];
  });
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

/** The cheaper pure side: found to 0.1%, the volume along the break-even's grid, so the two agree. */
const costSearch = (input: Input): Search => ({
  answerAt: input.side,
  volumeGrid: input.name === 'monthlyRequests',
  step: 2,
  tolerance: 0.001,
  wholeUnits: true,
  limits: input.limits,
});

/**
 * The recommendation: each probe is a whole judgement, dozens of times a cost search's, so the steps are ×4
 * and the bisection stops at 1% (the rules' own thresholds are round figures, not measurements).
 */
const recommendationSearch = (input: Input): Search => ({
  answerAt: input.recommendation,
  volumeGrid: input.name === 'monthlyRequests',
  step: 4,
  tolerance: 0.01,
  wholeUnits: false,
  limits: [...input.limits, ...input.thresholds],
});

export function tippingPoints(
  files: readonly PricingFile[],
  profile: WorkloadProfile,
  ruleset: LoadedRuleset,
  /** The profile's options, prepared once by the evaluation and shared with its cost report. */
  trafficOnly: PreparedOptions,
  /** The architecture the evaluation recommends. */
  recommended: Answer,
  /** The evaluation's facts, by FACTS index. */
  facts: readonly FactValue[],
): Evaluation['tippingPoints'] {
  const list = inputs(files, profile, ruleset, trafficOnly, facts);
  const search = (kind: 'recommendation' | 'cost', now: Answer) =>
    list.flatMap((input) => {
      const found = searchInput(input, kind === 'cost' ? costSearch(input) : recommendationSearch(input), now);
      return found ? [{ kind, input: input.name, currentValue: shownCurrent(input), flipsAt: found.flipsAt, from: now, to: found.to }] : [];
    });
  // An evaluation has a feasible option, and a hybrid needs a feasible function: neither answer is 'none' now.
  const costs = search('cost', trafficOnly.cheaperSide(trafficWeek(profile.traffic)));
  return [...search('recommendation', recommended), ...costs, ...growthTip(profile, costs.find((p) => p.input === 'monthlyRequests'))];
}

/**
 * Growth: the monthly rate at which the horizon's last month reaches the volume tipping point. A month's
 * costs depend only on its own volume, so this follows from the volume search without pricing again:
 * volume × (1 + g)^(months − 1) = flip volume.
 */
function growthTip(profile: WorkloadProfile, volumeTip: Evaluation['tippingPoints'][number] | undefined): Evaluation['tippingPoints'] {
  if (!volumeTip || profile.horizonMonths < 2) return [];
  const growth = (Math.pow(volumeTip.flipsAt / volumeTip.currentValue, 1 / (profile.horizonMonths - 1)) - 1) * 100;
  return [{ kind: 'cost', input: 'growthPercentPerMonth', currentValue: profile.traffic.growthPercentPerMonth, flipsAt: Number(growth.toPrecision(4)), from: volumeTip.from, to: volumeTip.to }];
}
