// The workload profile schema: valid examples come back with defaults filled in; each kind of mistake
// fails naming its field.
import t from 'tap';
import { WorkloadProfile } from '../../src/core/profile/schema.js';
import { toFieldIssues } from '../../src/core/issue-path.js';

const minimal = { traffic: { monthlyRequests: 3_000_000 }, execution: { averageDurationMs: 120 } };

function issuesOf(input: unknown) {
  const result = WorkloadProfile.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error.issues, [], { schema: WorkloadProfile, input });
}

t.test('a minimal profile gets every default filled in', async (t) => {
  const profile = WorkloadProfile.parse(minimal);
  t.same(profile, {
    name: 'unnamed workload',
    traffic: { monthlyRequests: 3_000_000, growthPercentPerMonth: 0, pattern: 'steady' },
    execution: {
      averageDurationMs: 120,
      p99DurationMs: 120,
      maxDurationMs: 120,
      cpuMsPerRequest: 120,
      memoryMb: 512,
      payloadKb: 1,
      egressKbPerResponse: 1,
    },
    latency: { coldStartTolerance: 'occasional' },
    trigger: 'http',
    batchSize: 1,
    state: 'stateless',
    compliance: { dataResidency: 'any', frameworks: [], dedicatedTenancy: false },
    team: { opsCapacity: 'part-time' },
    applyFreeTier: true,
    minInstances: 2,
    horizonMonths: 12,
  });
});

t.test('a full profile keeps what it says', async (t) => {
  const weights = Array.from({ length: 168 }, (_, h) => (h % 24 >= 9 && h % 24 < 18 ? 3 : 1));
  const profile = WorkloadProfile.parse({
    name: 'checkout API',
    traffic: { averageRps: 40, peakRps: 400, hourlyWeights: weights, growthPercentPerMonth: -2.5 },
    execution: { averageDurationMs: 80, p99DurationMs: 400, maxDurationMs: 2000, memoryMb: 1024, cpuMsPerRequest: 20, payloadKb: 4, egressKbPerResponse: 12 },
    latency: { p99TargetMs: 300, coldStartTolerance: 'none' },
    state: 'session-affinity',
    compliance: { dataResidency: ['eu'], frameworks: ['gdpr', 'pci-dss'], dedicatedTenancy: false },
    team: { opsCapacity: 'dedicated', opsHourlyRateUsd: '95.50' },
    applyFreeTier: false,
    horizonMonths: 36,
    providers: ['aws', 'gcp'],
    region: 'eu-west-1',
    pricingDate: '2025-06-01',
    expect: { architecture: 'traditional', maxMonthlyUsd: 2500, maxHorizonUsd: '90000' },
  });
  t.equal(profile.traffic.hourlyWeights?.length, 168);
  t.notOk('pattern' in profile.traffic, 'hourlyWeights replace the pattern');
  t.equal(profile.execution.cpuMsPerRequest, 20);
  t.equal(profile.team.opsHourlyRateUsd, '95.50');
  t.same(profile.expect, { architecture: 'traditional', maxMonthlyUsd: '2500', maxHorizonUsd: '90000' }, 'money becomes decimal strings');
});

t.test('24 weights are accepted as one day', async (t) => {
  const profile = WorkloadProfile.parse({ ...minimal, traffic: { averageRps: 1, hourlyWeights: Array(24).fill(1) } });
  t.equal(profile.traffic.hourlyWeights?.length, 24);
});

const mistakes: Array<[string, unknown, string, RegExp]> = [
  ['missing volume', { ...minimal, traffic: { pattern: 'spiky' } }, 'traffic.monthlyRequests', /monthlyRequests or averageRps/],
  // Found by fuzzing: 6.5e-318 requests a month scaled to the break-even search's trillion overflowed to Infinity.
  ['a volume of almost nothing', { ...minimal, traffic: { monthlyRequests: 6.492028e-318 } }, 'traffic.monthlyRequests', /6\.49e-318 requests a month is below the least volume archcalc prices, 0\.001 a month.*give 0 for no traffic/],
  ['an average rate of almost nothing', { ...minimal, traffic: { averageRps: 1e-300 } }, 'traffic.averageRps', /below the least volume/],
  ['both volumes', { ...minimal, traffic: { monthlyRequests: 10, averageRps: 1 } }, 'traffic.averageRps', /only one/],
  ['23 weights', { ...minimal, traffic: { averageRps: 1, hourlyWeights: Array(23).fill(1) } }, 'traffic.hourlyWeights', /24 or 168 numbers, got 23/],
  ['all-zero weights', { ...minimal, traffic: { averageRps: 1, hourlyWeights: Array(24).fill(0) } }, 'traffic.hourlyWeights', /all zero/],
  ['a negative weight', { ...minimal, traffic: { averageRps: 1, hourlyWeights: [-1, ...Array(23).fill(1)] } }, 'traffic.hourlyWeights[0]', />=0/],
  ['pattern and weights', { ...minimal, traffic: { averageRps: 1, pattern: 'steady', hourlyWeights: Array(24).fill(1) } }, 'traffic.pattern', /not both/],
  ['negative duration', { ...minimal, execution: { averageDurationMs: -5 } }, 'execution.averageDurationMs', />0/],
  ['an INIT phase over 10 minutes', { ...minimal, execution: { averageDurationMs: 100, initDurationMs: 700_000 } }, 'execution.initDurationMs', /600000/],
  ['p99 below average', { ...minimal, execution: { averageDurationMs: 100, p99DurationMs: 50 } }, 'execution.p99DurationMs', /below averageDurationMs/],
  ['max below p99', { ...minimal, execution: { averageDurationMs: 100, p99DurationMs: 300, maxDurationMs: 200 } }, 'execution.maxDurationMs', /below p99/],
  // A misspelt name gets the one it most likely meant: the same letters in another case, a name without its
  // unit, a letter or two out; an option likewise. A name the profile already has is not suggested again.
  ['unknown key', { ...minimal, traffic: { monthlyRequests: 1, peakRPS: 10 } }, 'traffic.peakRPS', /^unknown field "peakRPS" \(did you mean "peakRps"\? unknown fields are not ignored\)$/],
  ['unknown top-level key', { ...minimal, horizon: 12 }, 'horizon', /^unknown field "horizon" \(did you mean "horizonMonths"\?/],
  ['a name a letter out', { ...minimal, execution: { averageDurationMs: 1, memroyMb: 512 } }, 'execution.memroyMb', /did you mean "memoryMb"\?/],
  ['a name the profile already has', { ...minimal, execution: { averageDurationMs: 1, averageDuration: 5 } }, 'execution.averageDuration', /^unknown field "averageDuration" \(check its spelling; unknown fields are not ignored\)$/],
  ['a name nothing is like', { ...minimal, colour: 'blue' }, 'colour', /check its spelling/],
  ['a misspelt option', { ...minimal, traffic: { monthlyRequests: 1, pattern: 'steadt' } }, 'traffic.pattern', /; did you mean "steady"\?$/],
  ['an option in capitals', { ...minimal, providers: ['AWS'] }, 'providers[0]', /; did you mean "aws"\?$/],
  ['unknown framework', { ...minimal, compliance: { frameworks: ['hipa'] } }, 'compliance.frameworks[0]', /hipaa/],
  ['a region as a bare string', { ...minimal, compliance: { dataResidency: 'eu' } }, 'compliance.dataResidency', /"any" or a list of region codes/],
  ['a region in capitals', { ...minimal, compliance: { dataResidency: ['EU'] } }, 'compliance.dataResidency[0]', /region code such as "eu"/],
  ['horizon past 120', { ...minimal, horizonMonths: 121 }, 'horizonMonths', /120/],
  ['a string for a number', { ...minimal, execution: { averageDurationMs: '100' } }, 'execution.averageDurationMs', /^"100" is text, not a number: write 100 without quotes$/],
  // YAML 1.2 reads 1_000_000 as text; the message says how to write it.
  ['digit separators', { ...minimal, traffic: { monthlyRequests: '1_000_000' } }, 'traffic.monthlyRequests', /^"1_000_000" is text, not a number: write 1000000$/],
  ['thousands commas', { ...minimal, traffic: { averageRps: '12,500.5' } }, 'traffic.averageRps', /^"12,500\.5" is text, not a number: write 12500\.5$/],
  ['a decimal comma', { ...minimal, execution: { averageDurationMs: '1,5' } }, 'execution.averageDurationMs', /^Invalid input: expected number, received string$/],
  ['an empty string for a number', { ...minimal, execution: { averageDurationMs: ' ' } }, 'execution.averageDurationMs', /^Invalid input: expected number, received string$/],
  ['text that is no number', { ...minimal, horizonMonths: 'twelve' }, 'horizonMonths', /^Invalid input: expected number, received string$/],
  ['a bad pricing date', { ...minimal, pricingDate: '2024-13-01' }, 'pricingDate', /date/],
  ['a repeated provider', { ...minimal, providers: ['aws', 'aws'] }, 'providers', /repeat/],
  ['an unknown provider', { ...minimal, providers: ['aws', 'ibm'] }, 'providers[1]', /"heroku"$/],
  ['a negative budget', { ...minimal, expect: { maxMonthlyUsd: -1 } }, 'expect.maxMonthlyUsd', />=0|decimal/],
  // A missing field says it is required and what it wants, not "expected object, received undefined".
  ['no execution', { traffic: { monthlyRequests: 1 } }, 'execution', /^required: the execution object, with averageDurationMs/],
  ['no traffic', { execution: { averageDurationMs: 100 } }, 'traffic', /^required: the traffic object, with monthlyRequests or averageRps$/],
  ['no duration', { ...minimal, execution: {} }, 'execution.averageDurationMs', /^required: the mean wall-clock time per request, in ms$/],
  ['a list for the execution', { ...minimal, execution: [] }, 'execution', /^Invalid input: expected object, received array$/],
  // 1 request growing 1,000% a month reaches ~5e118 by month 115: counts of servers would stop being exact.
  [
    'growth past what can be projected',
    { ...minimal, traffic: { monthlyRequests: 1, growthPercentPerMonth: 1000 }, horizonMonths: 115 },
    'traffic.growthPercentPerMonth',
    /1000% a month for 115 months takes 1\.00 requests a month to 5\.\d\de\+118 by the last month; at most 1e15/,
  ],
  ['growth past 1e15 from averageRps', { ...minimal, traffic: { averageRps: 4e6, growthPercentPerMonth: 10 }, horizonMonths: 60 }, 'traffic.growthPercentPerMonth', /1\.05e\+13 requests a month/],
];

t.test('growth up to 1e15 requests in the last month is accepted', async (t) => {
  // 1e13 × 1.04^58 ≈ 9.7e14.
  t.ok(WorkloadProfile.safeParse({ ...minimal, traffic: { monthlyRequests: 1e13, growthPercentPerMonth: 4 }, horizonMonths: 59 }).success);
});

for (const [mistake, input, path, message] of mistakes) {
  t.test(`${mistake} fails naming ${path}`, async (t) => {
    const issues = issuesOf(input);
    const hit = issues.find((i) => i.path === path);
    t.ok(hit, `an issue at ${path} among ${JSON.stringify(issues)}`);
    t.match(hit?.message, message);
  });
}
