// Each table prices one region (or one price everywhere); a profile that asks to run, or keep its data,
// somewhere else gets those prices with a warning naming the field and where each provider is priced. What the
// tables cannot answer (is a service in scope of HIPAA on this plan?) is named too, never passed over.
import t from 'tap';
import { evaluate } from '../../src/core/evaluate.js';
import { locationWarnings, sameArea } from '../../src/core/pricing/location.js';
import { selectPricing } from '../../src/core/pricing/catalog.js';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { committedCatalog, defaultRuleset } from '../helpers.js';

const TODAY = '2026-11-25';
const profile = (extra: Record<string, unknown>) =>
  WorkloadProfile.parse({ traffic: { monthlyRequests: 1_000_000 }, execution: { averageDurationMs: 50 }, providers: ['aws', 'cloudflare'], ...extra });
const warningsFor = (extra: Record<string, unknown>) => {
  const p = profile(extra);
  return locationWarnings(selectPricing(committedCatalog(), TODAY, p.providers!), p);
};

t.test('region codes match when one names a place inside the other', async (t) => {
  t.ok(sameArea('us', 'us-east'));
  t.ok(sameArea('us-east-1', 'us-east'));
  t.ok(sameArea('us-east', 'us-east'));
  t.ok(sameArea('eu-west', 'global'), 'one price everywhere');
  t.notOk(sameArea('us-eastern', 'us-east'), 'a shared prefix is not a shared place');
  t.notOk(sameArea('eu', 'us-east'));
});

t.test('a region the tables do not price is named, with where each provider is priced instead', async (t) => {
  t.same(warningsFor({}), [], 'no place asked for');
  t.same(warningsFor({ region: 'us-east-1' }), [], 'AWS is priced in us-east-1; Cloudflare has one price everywhere');
  t.same(warningsFor({ region: 'eu-west' }), [
    'region eu-west: aws in us-east-1 (US East (N. Virginia)) is priced where its table prices, not there; the same services elsewhere may cost more or less',
  ]);
  t.same(warningsFor({ region: 'EU-West' }), warningsFor({ region: 'eu-west' }), 'region codes are read without case');
  const residency = warningsFor({ compliance: { dataResidency: ['eu', 'ch'] }, providers: ['aws', 'gcp', 'cloudflare'] });
  t.equal(residency.length, 1);
  t.match(residency[0], /^compliance\.dataResidency eu, ch: aws in us-east-1 \(US East \(N\. Virginia\)\), gcp in us-central1 \(Iowa \(us-central1\)\) are priced where their tables price, not there/);
  t.same(warningsFor({ compliance: { dataResidency: ['eu', 'us'] } }), [], 'data may live in any place listed');
});

t.test('the warning reaches the evaluation', async (t) => {
  const result = evaluate(profile({ region: 'ap-southeast-2' }), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: TODAY });
  t.ok(result.ok && result.evaluation.warnings.some((w) => w.startsWith('region ap-southeast-2: aws in us-east-1')));
});

t.test('declared compliance frameworks are not checked against providers’ programmes, and the evaluation says so', async (t) => {
  const run = (frameworks: string[]) => {
    const result = evaluate(profile({ compliance: { frameworks } }), { catalog: committedCatalog(), ruleset: defaultRuleset(), today: TODAY });
    return result.ok ? result.evaluation.warnings : [];
  };
  t.notMatch(run([]).join('\n'), /compliance\.frameworks/);
  t.match(run(['hipaa', 'pci-dss']).join('\n'), /^compliance\.frameworks \(hipaa, pci-dss\): options are priced on the plans in the tables; .* is not checked here/m);
});
