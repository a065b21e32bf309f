// What the prices do not cover, said in the evaluation's warnings rather than passed over: inputs the
// tables cannot honour (a region they do not price, dedicated tenancy, compliance programmes) and
// estimates a bill depends on (an INIT time nobody measured).
import type { OptionOut } from '../evaluation/schema.js';
import { locationWarnings } from '../pricing/location.js';
import type { PricingFile } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import type { TrafficWeek } from '../traffic/week.js';

/** Caveats that follow from the profile and the tables alone. */
export function profileCaveats(files: readonly PricingFile[], profile: WorkloadProfile, firstWeek: TrafficWeek): string[] {
  const warnings: string[] = [];
  if (profile.traffic.peakRps !== undefined && profile.traffic.peakRps < firstWeek.busiestHourRps)
    warnings.push(
      `traffic.peakRps (${profile.traffic.peakRps}) is below the busiest hour's average (${firstWeek.busiestHourRps.toPrecision(4)} rps) ` +
        'implied by the volume and pattern; capacity is planned for the busiest hour',
    );
  if (profile.compliance.dedicatedTenancy)
    warnings.push(
      "compliance.dedicatedTenancy: server prices are the providers' shared-tenancy list prices; dedicated instances or hosts cost more and are not priced here",
    );
  const { frameworks } = profile.compliance;
  if (frameworks.length > 0)
    warnings.push(
      `compliance.frameworks (${frameworks.join(', ')}): options are priced on the plans in the tables; whether each service is in ` +
        "scope of these frameworks on that plan (a signed BAA, an attestation) is not checked here: confirm with the provider's " +
        'compliance programme, as some platforms offer it only on enterprise plans not priced here',
    );
  return [...warnings, ...locationWarnings(files, profile)];
}

/** Caveats on estimates the priced options used: a default INIT time, where cold starts bill one. */
export function estimateCaveats(options: readonly OptionOut[], profile: WorkloadProfile): string[] {
  const initEstimated = options.filter((o) => o.details.billedInitMsPerColdStart !== undefined);
  if (profile.execution.initDurationMs !== undefined || initEstimated.length === 0) return [];
  const { coldStartPercent, billedInitMsPerColdStart } = initEstimated[0]!.details;
  return [
    `${initEstimated.map((o) => o.id).join(', ')}: cold starts (${coldStartPercent}% of invocations) are billed ${billedInitMsPerColdStart} ms ` +
      "of INIT each, the pricing table's typical INIT time; set execution.initDurationMs to the Init Duration your logs show",
  ];
}
