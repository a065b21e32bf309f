// What the prices do not cover, said in the evaluation's warnings rather than passed over: inputs the
// tables cannot honour (a region they do not price, dedicated tenancy, compliance programmes) and
// estimates a bill depends on (an INIT time nobody measured).
import type { OptionPlan } from './option-plan.js';
import type { FunctionPlan } from './serverless.js';
import { locationWarnings } from '../pricing/location.js';
import type { PricingFile } from '../pricing/schema.js';
import type { WorkloadProfile } from '../profile/schema.js';
import type { TrafficWeek } from '../traffic/week.js';
import { TRIGGER_NOUN } from './serverless.js';

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
  return [...warnings, ...previewWarnings(files, profile), ...locationWarnings(files, profile)];
}

/** Function platforms that the profile's trigger starts only in a preview: priced as offered, but not generally available. */
function previewWarnings(files: readonly PricingFile[], profile: WorkloadProfile): string[] {
  const inPreview = files.flatMap((file) =>
    file.services.filter((s) => s.kind === 'function' && s.limits?.invokedBy?.preview?.includes(profile.trigger)).map((s) => `${file.provider}/${s.id}`),
  );
  if (inPreview.length === 0) return [];
  return [
    `${inPreview.join(', ')}: starting these functions on ${TRIGGER_NOUN[profile.trigger]} is a preview feature (see the pricing table's note ` +
      'on limits.invokedBy), priced as offered but not generally available',
  ];
}

/** Caveats on estimates the priced options used: a default INIT time, where cold starts bill one. */
export function estimateCaveats(plans: readonly OptionPlan[], profile: WorkloadProfile): string[] {
  if (profile.execution.initDurationMs !== undefined) return [];
  // Read from the function plans rather than from the options' details, whose shapes differ by kind: code that
  // read those was thrown away and rebuilt every few dozen evaluations of a server meeting varied profiles.
  const estimated: FunctionPlan[] = [];
  const ids: string[] = [];
  for (const plan of plans) {
    const fn = plan.functionPlan;
    if (fn && plan.infeasibleBecause.length === 0 && fn.mode === 'on-demand' && fn.shape.billedInitMs > 0) {
      estimated.push(fn);
      ids.push(plan.id);
    }
  }
  if (estimated.length === 0) return [];
  const { coldStartShare, billedInitMs } = estimated[0]!.shape;
  return [
    `${ids.join(', ')}: cold starts (${coldStartShare * 100}% of invocations) are billed ${billedInitMs} ms ` +
      "of INIT each, the pricing table's typical INIT time; set execution.initDurationMs to the Init Duration your logs show",
  ];
}
