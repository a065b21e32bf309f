// What the prices do not cover, said in the evaluation's warnings rather than passed over: inputs the
// tables cannot honour (a region they do not price, dedicated tenancy, compliance programmes) and
// estimates a bill depends on (an INIT time nobody measured).
import type { OptionOut } from '../evaluation/schema.js';
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
export function estimateCaveats(options: readonly OptionOut[], profile: WorkloadProfile): string[] {
  // Asked of every option's details, whose shapes differ by kind: a lookup by name, in a plain loop, does not
  // bind the optimised evaluation to a few shapes (it was thrown away and rebuilt every few dozen evaluations).
  const initEstimated: OptionOut[] = [];
  for (let i = 0; i < options.length; i++) if (Object.hasOwn(options[i]!.details, 'billedInitMsPerColdStart')) initEstimated.push(options[i]!);
  if (profile.execution.initDurationMs !== undefined || initEstimated.length === 0) return [];
  const { coldStartPercent, billedInitMsPerColdStart } = initEstimated[0]!.details;
  return [
    `${initEstimated.map((o) => o.id).join(', ')}: cold starts (${coldStartPercent}% of invocations) are billed ${billedInitMsPerColdStart} ms ` +
      "of INIT each, the pricing table's typical INIT time; set execution.initDurationMs to the Init Duration your logs show",
  ];
}
