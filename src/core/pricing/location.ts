// Where the tables' prices apply against where the profile asks to run: each table prices one region (or
// one price everywhere), and a profile that asks for another gets those prices with a warning, not silently.
import type { WorkloadProfile } from '../profile/schema.js';
import type { PricingFile } from './schema.js';

/** Whether one region code names a place inside the other: "us" and "us-east", "us-east-1" and "us-east". */
export function sameArea(requested: string, location: string): boolean {
  if (location === 'global') return true;
  const [shorter, longer] = requested.length <= location.length ? [requested, location] : [location, requested];
  return longer === shorter || longer.startsWith(`${shorter}-`);
}

/**
 * One warning per profile field that asks for a place (`region`, `compliance.dataResidency`) some tables do
 * not price: which providers are priced where instead.
 */
export function locationWarnings(files: readonly PricingFile[], profile: WorkloadProfile): string[] {
  const { dataResidency } = profile.compliance;
  const asks: Array<[field: string, codes: readonly string[]]> = [];
  if (profile.region !== undefined) asks.push(['region', [profile.region.toLowerCase()]]);
  if (dataResidency !== 'any') asks.push(['compliance.dataResidency', dataResidency]);
  const warnings: string[] = [];
  for (const [field, codes] of asks) {
    // Data may live in any of the listed places; a table in one of them is fine.
    const elsewhere = files.filter((file) => !codes.some((code) => sameArea(code, file.location)));
    if (elsewhere.length === 0) continue;
    const where = elsewhere.map((file) => `${file.provider} in ${file.region} (${file.regionName})`).join(', ');
    warnings.push(
      `${field} ${codes.join(', ')}: ${where} ${elsewhere.length === 1 ? 'is' : 'are'} priced where ${elsewhere.length === 1 ? 'its table prices' : 'their tables price'}, ` +
        'not there; the same services elsewhere may cost more or less',
    );
  }
  return warnings;
}
