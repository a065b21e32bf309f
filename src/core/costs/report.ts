// Costs of every option over the horizon, the break-even volume between serverless and traditional
// (break-even.ts), and the month the cheapest option changes. Money stays exact (pico-dollars) until it
// leaves as strings.
import type { OptionOut } from '../evaluation/schema.js';
import type { PricingFile } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { growthFactor, scaleWeek, trafficWeek, type TrafficWeek } from '../traffic/week.js';
import { toLineItem } from './bill.js';
import { estimateCaveats, profileCaveats } from './caveats.js';
import { bestHybridMonth } from './hybrid.js';
import { formatUsd, PicoSum, type Pico } from './money.js';
import type { OptionPlan, PricedMonth } from './option-plan.js';
import { findBreakEven } from './break-even.js';
import { prepareOptions, type PreparedOptions } from './options.js';

export interface CostReport {
  options: OptionOut[];
  breakEven: {
    monthlyRequests: number;
    serverlessOption: string;
    traditionalOption: string;
    serverlessMonthlyUsd: string;
    traditionalMonthlyUsd: string;
  } | null;
  cheapestOptionChange: { month: number; from: string; to: string } | null;
  warnings: string[];
}

/** The traffic week of each month of the horizon: months of equal volume (all of them, without growth) share one. */
function horizonWeeks(profile: WorkloadProfile, firstWeek: TrafficWeek): TrafficWeek[] {
  const byFactor = new Map<number, TrafficWeek>();
  return Array.from({ length: profile.horizonMonths }, (_, i) => {
    const factor = growthFactor(profile.traffic.growthPercentPerMonth, i + 1);
    let week = byFactor.get(factor);
    if (!week) byFactor.set(factor, (week = i === 0 ? firstWeek : scaleWeek(firstWeek, factor)));
    return week;
  });
}

/**
 * An option as an evaluation lists it, written out whole, field by field: a spread copy with fields added
 * after it costs more than the month it describes. An infeasible option has no month (infeasibleBecause is
 * left out of a feasible one's JSON, being undefined).
 */
function optionOut(
  plan: OptionPlan,
  first: PricedMonth | undefined,
  monthlyUsd: string,
  horizonUsd: string | null,
  projection: OptionOut['projection'],
  lineItems: OptionOut['lineItems'] = first ? first.lines.map(toLineItem) : [],
  variant = plan.variant,
): OptionOut {
  return {
    id: plan.id,
    architecture: plan.architecture,
    provider: plan.provider,
    service: plan.service,
    serviceName: plan.serviceName,
    variant,
    pricingEffectiveDate: plan.effectiveDate,
    monthlyUsd: first ? monthlyUsd : null,
    horizonUsd: first ? horizonUsd : null,
    lineItems,
    projection: first ? projection : [],
    details: first ? first.details : {},
    feasible: first !== undefined,
    infeasibleBecause: first ? undefined : plan.infeasibleBecause.join('; '),
  };
}

/** A hybrid whose best baseline is no server in every month of the horizon, in place of naming a baseline it never runs. */
const NO_SERVER_VARIANT = 'no server pays at this load in any month: every request to functions';

export function costReport(
  files: readonly PricingFile[],
  profile: WorkloadProfile,
  options: PreparedOptions = prepareOptions(files, profile, profile.minInstances),
): CostReport {
  const firstWeek = trafficWeek(profile.traffic);
  const warnings = profileCaveats(files, profile, firstWeek);
  const plans = options.plansAt(firstWeek);
  const months = horizonWeeks(profile, firstWeek);
  // Servers are re-sized as traffic grows, as an operator would: each volume re-chooses the cheapest size.
  // Where a later month has no size that fits (every size's fleet cap is exceeded), the month is still
  // priced with the first month's size, beyond its cap, and a warning says so.
  // Each hybrid keeps the function it was paired with in the first month: an option is the same option in
  // every month of its projection, even when another function becomes the cheaper partner. Its baseline's
  // size is chosen again where traffic has doubled or halved (see hybridResizing in options.ts).
  // A plan that outgrows every size says so once, in the plans' order whatever month it happens in.
  const outgrownBecause: Array<string | undefined> = plans.map(() => undefined);
  const planIn = (week: TrafficWeek, index: number, plan: OptionPlan, j: number): OptionPlan => {
    if (!plan.resizedAt) return plan;
    const resized = plan.resizedAt(week, firstWeek);
    if (!Array.isArray(resized)) return resized;
    outgrownBecause[j] ??=
      `${plan.id}: from month ${index + 1} (${Math.round(week.monthlyRequests)} requests) ${resized.join('; ')}; ` +
      "those months are priced with the first month's size beyond its limit";
    return plan;
  };
  const requestsByMonth = months.map((week) => Math.round(week.monthlyRequests));
  // The first month of every option, with its line items.
  const firsts = plans.map((plan) => (plan.infeasibleBecause.length > 0 ? undefined : plan.price(firstWeek, 'itemised')));
  // Every later month, a month at a time across all options: each month's traffic meets the options one after
  // another, so what several share at that traffic (a load balancer's month, a function's month) is priced by
  // the first and read straight back by the rest. Months of equal volume
  // (every month, without growth) share one week, and so one bill.
  const totals: Pico[] = firsts.map((first) => first?.total ?? 0);
  const totalsUsd = totals.map(formatUsd);
  // A hybrid whose best baseline is no server costs what its function costs, to the digit: a month that does
  // takes the function option's text (listed before it) rather than printing the amount again.
  const functionIndex = new Map(plans.map((plan, j) => [plan.functionPlan, j]));
  // Every function of a pricing file is among the plans, so a hybrid's is always found.
  const pricedLike = plans.map((plan) => (plan.parts ? functionIndex.get(plan.parts.fn)! : -1));
  const horizons = plans.map(() => new PicoSum());
  // Each projection is made at its full length (every feasible option fills every month) rather than grown.
  const projections = plans.map((): OptionOut['projection'] => new Array(months.length));
  // The size each option runs in the month (re-sized ones differ from the first month's, and say so), and each
  // hybrid's count of servers, searched again every month (a month whose count differs from the first's says so).
  const sizeNames = plans.map((plan) => plan.sizeName);
  const firstBaselines = firsts.map((first) => first?.baselineInstances);
  const baselines = [...firstBaselines];
  // Whether each hybrid keeps a server in some month of the horizon (one that never does is its functions alone).
  const keepsServer = firstBaselines.map((servers) => servers !== undefined && servers > 0);
  // The cheapest option of each month: the first listed among equals.
  const cheapestIds: Array<string | undefined> = [];
  for (let i = 0; i < months.length; i++) {
    const week = months[i]!;
    const repriced = i > 0 && week !== months[i - 1];
    let cheapestId: string | undefined;
    let cheapestTotal: Pico = Infinity;
    for (let j = 0; j < plans.length; j++) {
      if (!firsts[j]) continue;
      const plan = plans[j]!;
      if (repriced) {
        // A month that costs what the month before did (a plan fee, servers that do not grow) keeps its text.
        const sized = planIn(week, i, plan, j);
        sizeNames[j] = sized.sizeName;
        let repricedTotal: Pico;
        if (sized.parts) {
          // As the hybrid's exactTotal prices it, with the count of servers the month settles on.
          const month = bestHybridMonth(sized.parts.server, sized.parts.fn, profile, week, 'exact');
          repricedTotal = month.total;
          baselines[j] = month.baselineInstances;
          if (month.baselineInstances > 0) keepsServer[j] = true;
        } else repricedTotal = sized.exactTotal(week);
        if (repricedTotal !== totals[j]) {
          totals[j] = repricedTotal;
          const like = pricedLike[j]!;
          totalsUsd[j] = like >= 0 && totals[like] === repricedTotal ? totalsUsd[like]! : formatUsd(repricedTotal);
        }
      }
      const total = totals[j]!;
      horizons[j]!.add(total);
      if (total < cheapestTotal) {
        cheapestId = plan.id;
        cheapestTotal = total;
      }
      const sizeName = sizeNames[j];
      const servers = baselines[j];
      projections[j]![i] = {
        month: i + 1,
        monthlyRequests: requestsByMonth[i]!,
        totalUsd: totalsUsd[j]!,
        // A hybrid month of no servers runs no size at all.
        instanceType: sizeName === plan.sizeName || servers === 0 ? undefined : sizeName,
        baselineInstances: servers === firstBaselines[j] ? undefined : servers,
      };
    }
    cheapestIds.push(cheapestId);
  }
  for (const because of outgrownBecause) if (because) warnings.push(because);
  const optionsOut = plans.map((plan, j) =>
    firsts[j]
      ? optionOut(plan, firsts[j], projections[j]![0]!.totalUsd, formatUsd(horizons[j]!.total), projections[j]!, undefined, plan.parts && !keepsServer[j] ? NO_SERVER_VARIANT : plan.variant)
      : optionOut(plan, undefined, '', null, []),
  );
  warnings.push(...estimateCaveats(plans, profile));
  const firstLeader = cheapestIds[0];
  const changeIndex = cheapestIds.findIndex((id) => id !== undefined && id !== firstLeader);
  return {
    options: optionsOut,
    breakEven: findBreakEven(files, profile, options),
    cheapestOptionChange:
      changeIndex > 0 ? { month: changeIndex + 1, from: firstLeader!, to: cheapestIds[changeIndex]! } : null,
    warnings,
  };
}

/**
 * Only what the facts read, for searches that judge a profile dozens of times: each option's first month as
 * its exact total (a hybrid's with its split); no line items, projections, horizon totals or warnings. The
 * break-even (a search) and whether the cheapest option changes within the horizon (a scan of every month,
 * most of the work in a long, growing horizon) are left to `breakEven` and `changeInHorizon`, for a caller
 * that finds it needs them: the report says null for both until then. The scan tries the horizon's last
 * month first, then goes from month 2 on, and reports the first change it finds: the facts ask only whether
 * there is one.
 */
export function briefCostReport(
  files: readonly PricingFile[],
  profile: WorkloadProfile,
  options: PreparedOptions = prepareOptions(files, profile, profile.minInstances),
): { report: CostReport; breakEven(): CostReport['breakEven']; changeInHorizon(): CostReport['cheapestOptionChange'] } {
  const firstWeek = trafficWeek(profile.traffic);
  const plans = options.plansAt(firstWeek);
  const firsts = plans.map((plan) => (plan.infeasibleBecause.length > 0 ? undefined : plan.price(firstWeek, 'exact')));
  // The cheapest option of a month, the first listed among equals; a plan that outgrows every size is priced
  // beyond its limit, as the full report does.
  const leaderAt = (week: TrafficWeek): string | undefined => {
    let leader: string | undefined;
    let least: Pico = Infinity;
    for (let j = 0; j < plans.length; j++) {
      if (!firsts[j]) continue;
      const plan = plans[j]!;
      const resized = week === firstWeek || !plan.resizedAt ? plan : plan.resizedAt(week, firstWeek);
      const total = week === firstWeek ? firsts[j]!.total : (Array.isArray(resized) ? plan : resized).exactTotal(week);
      if (total < least) {
        leader = plan.id;
        least = total;
      }
    }
    return leader;
  };
  const changeInHorizon = (): CostReport['cheapestOptionChange'] => {
    const months = horizonWeeks(profile, firstWeek);
    const firstLeader = leaderAt(firstWeek);
    const last = months.length - 1;
    const order = last > 0 ? [last, ...Array.from({ length: last - 1 }, (_, k) => k + 1)] : [];
    for (const i of order) {
      const leader = months[i] === firstWeek ? firstLeader : leaderAt(months[i]!);
      if (leader !== undefined && leader !== firstLeader) return { month: i + 1, from: firstLeader!, to: leader };
    }
    return null;
  };
  const report: CostReport = {
    options: plans.map((plan, j) => optionOut(plan, firsts[j], firsts[j] ? formatUsd(firsts[j]!.total) : '', null, [], [])),
    breakEven: null,
    cheapestOptionChange: null,
    warnings: [],
  };
  return { report, breakEven: () => findBreakEven(files, profile, options), changeInHorizon };
}
