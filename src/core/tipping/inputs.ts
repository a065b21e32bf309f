// The inputs a tipping-point search moves (volume, duration, memory, peak ratio, growth): each one's range, the
// values its limits and the rules' thresholds put a flip on, and how a probe answers with it changed.
import { prepareOptions, type PreparedOptions, type PureSide } from '../costs/options.js';
import { sideAtVolume } from '../costs/break-even.js';
import { invocationOf, runLimitMs } from '../costs/serverless.js';
import { recommendedArchitecture, verdictTurnsOnGrowth, type Judgement } from '../judge.js';
import type { PricingFile } from '../pricing/schema.js';
import { MAX_PROJECTED_MONTHLY_REQUESTS, type WorkloadProfile } from '../profile/schema.js';
import { FACT_INDEX, type FactValue } from '../rules/facts.js';
import type { LoadedRuleset } from '../rules/load.js';
import { thresholdsOf } from '../rules/representatives.js';
import { toSignificant } from '../significant.js';
import { monthlyRequestsOf, trafficWeek } from '../traffic/week.js';

/** What a probe answers: an architecture, or 'none' where nothing can run the workload (the search stops there). */
export type Answer = string;

export interface Input {
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
  /**
   * The cheaper side with the input at `value` (memory is probed in whole MB, as it is configured); none for
   * growth, whose cost tipping point follows from the volume's.
   */
  side?(value: number): PureSide;
  /** The recommended architecture with the input at `value`. */
  recommendation(value: number): Answer;
  /**
   * For an input searched on a scale of its own (growth, on the horizon's last month ÷ its first): the value
   * in the input's own unit, and the searched value nearest the shown one of 4 digits.
   */
  scale?: { shownAs(value: number): number; shown(value: number): number };
}

/**
 * The inputs searched. Volume and peak change only the traffic, which options do not read: the options
 * prepared once (`trafficOnly`) are priced at each probe's week. Duration and memory re-prepare them.
 */
export function inputs(files: readonly PricingFile[], profile: WorkloadProfile, ruleset: LoadedRuleset, trafficOnly: PreparedOptions, judgement: Pick<Judgement, 'facts' | 'report'>): Input[] {
  const { facts } = judgement;
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
  if (volume > 0 && profile.horizonMonths >= 2 && verdictTurnsOnGrowth(ruleset, judgement))
    list.push(growthInput(profile, volume, thresholdsOf(ruleset.ruleset, 'growthPercentPerMonth'), withTraffic, (p) => recommendedAt(p, trafficOnly)));
  return list.filter((input) => input.low < input.high);
}

/**
 * Growth, for the recommendation: searched on the horizon's last month ÷ its first, (1 + g)^(months − 1),
 * which steps ×4 like a volume and is positive where growth can be 0 or negative; from 1/1000 to 1000 (or
 * the 10^15 requests a projection may reach). Only when the verdict can turn on it at all (see
 * verdictTurnsOnGrowth): each probe may price the whole horizon. Probes share the prepared options, which no
 * traffic change reaches, and their break-even, the same at any growth.
 */
function growthInput(
  profile: WorkloadProfile,
  volume: number,
  /** Growth rates a rule compares the growth with. */
  ruleGrowths: readonly number[],
  withTraffic: (changes: Partial<WorkloadProfile['traffic']>) => WorkloadProfile,
  recommendedAt: (p: WorkloadProfile) => Answer,
): Input {
  const exponent = profile.horizonMonths - 1;
  const ratioAt = (growth: number) => Math.pow(1 + growth / 100, exponent);
  const growthAt = (ratio: number) => (Math.pow(ratio, 1 / exponent) - 1) * 100;
  const growth = profile.traffic.growthPercentPerMonth;
  const current = ratioAt(growth);
  // 4 digits of growth, and above −100%: a ratio of 1e-3 over two months is −96.8%.
  const shownGrowth = (ratio: number) => Math.max(toSignificant(growthAt(ratio), 4), -99.99);
  // The profile's own bounds: at most 1000% a month, and a last month of at most 10^15 requests (above 0%:
  // a first month has at most ~1.05e13, 4M requests a second).
  const highestGrowth = Math.min(1000, growthAt(Math.min(Math.max(current, 1e3), MAX_PROJECTED_MONTHLY_REQUESTS / volume)));
  return {
    name: 'growthPercentPerMonth',
    current,
    low: ratioAt(shownGrowth(Math.min(current, 1e-3))),
    high: ratioAt(fourDigits(highestGrowth, false)),
    integer: false,
    wholeUnits: false,
    limits: [],
    thresholds: ruleGrowths.filter((rate) => rate > -100).map(ratioAt),
    // Searched values are shown ones already (scale.shown); a limit's neighbours a hair either side are not.
    recommendation: (ratio) => recommendedAt(withTraffic({ growthPercentPerMonth: growthAt(ratio) })),
    scale: { shownAs: (ratio) => Number((ratio === current ? growth : shownGrowth(ratio)).toPrecision(6)), shown: (ratio) => ratioAt(shownGrowth(ratio)) },
  };
}

/** `value` to 4 significant digits, rounded up or down: the bounds of an input's range, kept inside it. */
function fourDigits(value: number, up: boolean): number {
  const step = 10 ** (Math.floor(Math.log10(value)) - 3);
  // The 1e-9 keeps a value already at 4 digits (17.77, whose quotient reads 1777.0000000000002) where it is.
  return toSignificant((up ? Math.ceil(value / step - 1e-9) : Math.floor(value / step + 1e-9)) * step, 4);
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

