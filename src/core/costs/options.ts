// Every option the engine prices for a profile: functions per function service, servers per server
// service and variant, and a hybrid per provider that has both. Each is a plan that can price any month.
import type { Decimal } from 'decimal.js';
import type { PricingFile } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import type { TrafficWeek } from '../traffic/week.js';
import { ASSUMPTIONS } from './assumptions.js';
import { bestHybridMonth } from './hybrid.js';
import { totalOf, type MoneyLine } from './price-item.js';
import { functionPlans, priceFunctionMonth, type FunctionPlan } from './serverless.js';
import { opsLine } from './servers.js';
import { chooseServerPlan, priceServerMonth, VARIANT_LABEL, type ServerPlan, type ServerVariant } from './traditional.js';

export type Architecture = 'serverless' | 'traditional' | 'hybrid';

export interface PricedMonth {
  lines: MoneyLine[];
  total: Decimal;
  /** What a person needs to redo the month: instance counts, billed shapes, the hybrid split. */
  details: Record<string, string | number>;
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
  price(week: TrafficWeek): PricedMonth;
  /** For a hybrid: the two parts it is built from, so it can be checked against each alone. */
  parts?: { server: ServerPlan; fn: FunctionPlan };
}

export const SERVER_VARIANTS: readonly ServerVariant[] = ['on-demand-autoscaled', 'on-demand-fixed', 'committed-fixed'];


function functionOption(fn: FunctionPlan, profile: WorkloadProfile): OptionPlan {
  const { service, shape, mode } = fn;
  const variant =
    mode === 'provisioned'
      ? 'warm capacity sized to each hour’s concurrency (no cold starts)'
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
    price(week) {
      const lines = [...priceFunctionMonth(fn, profile, week, week.monthlyRequests), ...opsLine(profile, ASSUMPTIONS.opsHoursPerMonth.serverless)];
      return {
        lines,
        total: totalOf(lines),
        details: { billedDurationMs: shape.billedDurationMs, billedMemoryMb: shape.billedMemoryMb, mode, ...(fn.gateway ? { gateway: fn.gateway.id } : {}) },
      };
    },
  };
}

function serverOption(plan: ServerPlan | undefined, file: PricingFile, serviceIndex: number, variant: ServerVariant, why: string[], profile: WorkloadProfile, minInstances: number): OptionPlan {
  const service = file.services[serviceIndex]!;
  return {
    id: `${file.provider}/${service.id}/${variant}`,
    architecture: 'traditional',
    provider: file.provider,
    effectiveDate: file.effectiveDate,
    service: service.id,
    serviceName: service.name,
    variant: plan ? `${plan.size.name}, ${VARIANT_LABEL[variant]}` : VARIANT_LABEL[variant],
    infeasibleBecause: why,
    price(week) {
      const month = priceServerMonth(plan!, profile, week, minInstances);
      return {
        lines: month.lines,
        total: totalOf(month.lines),
        details: {
          instanceType: plan!.size.name,
          perInstanceRps: Number(plan!.capacityRps.toPrecision(6)),
          minInstances: month.minInstances,
          peakInstances: month.peakInstances,
          instanceHours: Number(month.instanceHours.toPrecision(10)),
        },
      };
    },
  };
}

function hybridOption(server: ServerPlan, fn: FunctionPlan, profile: WorkloadProfile, minInstances: number): OptionPlan {
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
    price(week) {
      const peak = priceServerMonth({ ...server, variant: 'on-demand-fixed' }, profile, week, minInstances).peakInstances;
      const month = bestHybridMonth(server, fn, profile, week, peak);
      return {
        lines: month.lines,
        total: month.total,
        details: {
          instanceType: server.size.name,
          baselineInstances: month.baselineInstances,
          baselineSharePercent: Number((month.baselineShare * 100).toFixed(2)),
          functionSharePercent: Number(((1 - month.baselineShare) * 100).toFixed(2)),
          functionService: fn.service.id,
        },
      };
    },
  };
}

/**
 * All option plans for the pricing files in force. Server sizes are chosen at `week` (the first month);
 * a hybrid pairs each server service's autoscaled choice with the provider's cheapest feasible function.
 */
export function optionPlans(files: readonly PricingFile[], profile: WorkloadProfile, week: TrafficWeek, minInstances: number, withHybrids = true): OptionPlan[] {
  const plans: OptionPlan[] = [];
  for (const file of files) {
    const functions = functionPlans(file, profile);
    for (const fn of functions) plans.push(functionOption(fn, profile));
    const feasibleFunctions = functions.filter((f) => f.infeasibleBecause.length === 0);
    const cheapestFunction = !withHybrids
      ? undefined
      : feasibleFunctions
          .map((fn) => ({ fn, cost: totalOf(priceFunctionMonth(fn, profile, week, week.monthlyRequests)) }))
          .sort((a, b) => a.cost.comparedTo(b.cost))[0]?.fn;
    file.services.forEach((service, index) => {
      if (service.architecture !== 'traditional') return;
      for (const variant of SERVER_VARIANTS) {
        const choice = chooseServerPlan(file, service, variant, profile, week, minInstances);
        // A service without any commitment prices simply has no committed option.
        if (variant === 'committed-fixed' && !choice.plan && !(service.instanceTypes ?? []).some((t) => t.committed1yHourlyUsd)) continue;
        plans.push(serverOption(choice.plan, file, index, variant, choice.infeasibleBecause, profile, minInstances));
        // Hybrids pair plain servers with functions; a Kubernetes cluster is not paired too.
        if (variant === 'on-demand-autoscaled' && choice.plan && cheapestFunction && service.kind !== 'kubernetes')
          plans.push(hybridOption(choice.plan, cheapestFunction, profile, minInstances));
      }
    });
  }
  return plans;
}
