// One option the engine prices: a function service, a server service run one way, or a hybrid of the two, as a
// plan that can price any month (an estimate, an exact total or an itemised bill with its details).
import type { PricingFile } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import { toSignificant } from '../significant.js';
import type { TrafficWeek } from '../traffic/week.js';
import { Bill, NO_LINES, type BillMode, type MoneyLine } from './bill.js';
import { executionsPerInstance, weekActiveInstanceSeconds } from './function-usage.js';
import { bestHybridMonth } from './hybrid.js';
import type { Pico } from './money.js';
import { functionsAloneTotal, priceFunctionsAlone, type FunctionPlan } from './serverless.js';
import type { ServerService } from './server-service.js';
import { priceServerMonth, serverMonthTotal, VARIANT_LABEL, type ServerPlan, type ServerVariant } from './traditional.js';

export type Architecture = 'serverless' | 'traditional' | 'hybrid';

export interface PricedMonth {
  /** The exact total, in pico-dollars; 0 for an estimate (a hybrid estimated at functions alone carries their exact total). */
  total: Pico;
  /** The total as a float: the estimate, or the exact total rounded. */
  usd: number;
  /** The line items (itemised bills only). */
  lines: MoneyLine[];
  /** What a person needs to redo the month: instance counts, billed shapes, the hybrid split (itemised bills only). */
  details: Record<string, string | number>;
  /** A hybrid's chosen baseline of servers, whatever the bill's mode. */
  baselineInstances?: number;
}

const NO_DETAILS: Record<string, string | number> = Object.freeze({});

/** A month kept as its total only (estimates and exact bills: projections price thousands of these). */
function totalOnly(total: Pico, usd: number): PricedMonth {
  return { total, usd, lines: NO_LINES, details: NO_DETAILS, baselineInstances: undefined };
}

/** An itemised bill's month, with the details a person needs to redo it. */
function pricedMonth(bill: Bill, details: Record<string, string | number>): PricedMonth {
  return { total: bill.totalPico, usd: bill.totalUsd, lines: bill.lines, details, baselineInstances: undefined };
}

export interface OptionPlan {
  /** Stable id, e.g. "aws/lambda-arm/on-demand" or "aws/ec2/on-demand-autoscaled". */
  id: string;
  architecture: Architecture;
  provider: PricingFile['provider'];
  effectiveDate: string;
  service: string;
  serviceName: string;
  /** How the service is used, e.g. "m7g.large, on demand, autoscaled hour by hour". */
  variant: string;
  infeasibleBecause: string[];
  /** The month at `week`'s traffic: a float estimate, an exact total, or (the default) itemised. */
  price(week: TrafficWeek, mode?: BillMode): PricedMonth;
  /** The exact total of the month at `week`, in pico-dollars: price(week, 'exact').total, as projections read it. */
  exactTotal(week: TrafficWeek): Pico;
  // Every option object has every field, set or not (one object shape for the loops that read them).
  /** For a hybrid: the two parts it is built from, so it can be checked against each alone. */
  parts?: { server: ServerPlan; fn: FunctionPlan };
  /** For a function option: its plan (a hybrid's parts.fn is one), so that the two can be matched. */
  functionPlan?: FunctionPlan;
  /** The instance size a server option or a hybrid's baseline runs: a re-sized month names it (see resizedAt). */
  sizeName?: string;
  /**
   * For a server option: the same option with its servers re-sized for `week`, or the reasons no size fits
   * there. For a hybrid planned at `firstWeek`: the same option on the baseline size chosen where traffic
   * last doubled or halved since (it keeps its function, and searches its count of servers for each month).
   * Functions are the same at every volume.
   */
  resizedAt?(week: TrafficWeek, firstWeek: TrafficWeek): OptionPlan | string[];
}

export const SERVER_VARIANTS: readonly ServerVariant[] = ['on-demand-autoscaled', 'on-demand-fixed', 'committed-fixed'];

export function functionOption(fn: FunctionPlan, profile: WorkloadProfile): OptionPlan {
  const { service, shape, mode } = fn;
  const variant =
    mode === 'provisioned'
      ? "warm capacity sized to each hour's concurrency (no cold starts)"
      : 'on demand, scales to zero';
  return {
    id: `${fn.provider}/${service.id}/${mode}`,
    architecture: 'serverless',
    provider: fn.provider,
    effectiveDate: fn.effectiveDate,
    service: service.id,
    serviceName: service.name,
    variant,
    infeasibleBecause: fn.infeasibleBecause,
    parts: undefined,
    functionPlan: fn,
    sizeName: undefined,
    resizedAt: undefined,
    exactTotal: (week) => functionsAloneTotal(fn, week, 'exact').total,
    price(week, billMode = 'itemised') {
      if (billMode !== 'itemised') {
        const { total, usd } = functionsAloneTotal(fn, week, billMode);
        return totalOnly(total, usd);
      }
      const bill = new Bill(billMode);
      priceFunctionsAlone(fn, profile, week, bill);
      return pricedMonth(bill, {
        billedDurationMs: shape.billedDurationMs,
        billedMemoryMb: shape.billedMemoryMb,
        mode,
        // Where cold starts bill their INIT phase: the share of invocations and the time each adds.
        ...(mode === 'on-demand' && shape.billedInitMs > 0 ? { coldStartPercent: shape.coldStartShare * 100, billedInitMsPerColdStart: shape.billedInitMs } : {}),
        ...(fn.gateway ? { gateway: fn.gateway.id } : {}),
        // Billed per active instance: the month's active instance-hours (× memory = the GB-seconds billed) and what one instance runs at once.
        ...(shape.billedPerActiveInstance
          ? {
              executionsPerInstance: executionsPerInstance(fn.execution, shape),
              activeInstanceHours: toSignificant(weekActiveInstanceSeconds(week, fn.execution, shape, fn.eventsPerInvocation) / 3600, 10),
            }
          : {}),
      });
    },
  };
}

export function serverOption(plan: ServerPlan | undefined, file: PricingFile, service: ServerService['service'], variant: ServerVariant, why: string[], profile: WorkloadProfile, minInstances: number): OptionPlan {
  return {
    id: `${file.provider}/${service.id}/${variant}`,
    architecture: 'traditional',
    provider: file.provider,
    effectiveDate: file.effectiveDate,
    service: service.id,
    serviceName: service.name,
    variant: plan ? `${plan.size.name}, ${VARIANT_LABEL[variant]}` : VARIANT_LABEL[variant],
    infeasibleBecause: why,
    parts: undefined,
    functionPlan: undefined,
    sizeName: plan?.size.name,
    resizedAt: undefined,
    exactTotal: (week) => serverMonthTotal(plan!, profile, week, minInstances),
    price(week, billMode = 'itemised') {
      if (billMode === 'exact') {
        const total = serverMonthTotal(plan!, profile, week, minInstances);
        return totalOnly(total, Number(total) / 1e12);
      }
      const bill = new Bill(billMode);
      const month = priceServerMonth(plan!, profile, week, minInstances, bill);
      // Projections price thousands of these months: only the itemised one has details.
      if (!bill.itemised) return totalOnly(bill.totalPico, bill.totalUsd);
      return pricedMonth(bill, {
        instanceType: plan!.size.name,
        perInstanceRps: toSignificant(plan!.capacityRps, 6),
        minInstances: month.minInstances,
        peakInstances: month.peakInstances,
        instanceHours: toSignificant(month.instanceHours, 10),
        // Instances run beyond the load's for the transfer allowance each brings, where that beats paying for the egress.
        ...(month.transferInstanceHours > 0 ? { transferInstanceHours: toSignificant(month.transferInstanceHours, 10) } : {}),
      });
    },
  };
}

export function hybridOption(server: ServerPlan, fn: FunctionPlan, profile: WorkloadProfile): OptionPlan {
  return {
    id: `${fn.provider}/${server.service.id}+${fn.service.id}/hybrid`,
    architecture: 'hybrid',
    provider: fn.provider,
    effectiveDate: fn.effectiveDate,
    service: `${server.service.id}+${fn.service.id}`,
    serviceName: `${server.service.name} + ${fn.service.name}`,
    variant: `${server.size.name} baseline${server.size.committedHourlyEstimate !== undefined ? ' (1-year commitment)' : ''}, overflow to functions`,
    infeasibleBecause: [],
    parts: { server, fn },
    functionPlan: undefined,
    sizeName: server.size.name,
    resizedAt: undefined,
    exactTotal: (week) => bestHybridMonth(server, fn, profile, week, 'exact').total,
    price(week, billMode = 'itemised') {
      const month = bestHybridMonth(server, fn, profile, week, billMode);
      // Exact bills carry the split too (it costs nothing to say): brief reports read it without line items.
      const details =
        billMode !== 'estimate'
          ? {
              instanceType: server.size.name,
              baselineInstances: month.baselineInstances,
              baselineSharePercent: Number((month.baselineShare * 100).toFixed(2)),
              functionSharePercent: Number(((1 - month.baselineShare) * 100).toFixed(2)),
              functionService: fn.service.id,
            }
          : NO_DETAILS;
      return { total: month.total, usd: month.usd, lines: month.lines, details, baselineInstances: month.baselineInstances };
    },
  };
}
